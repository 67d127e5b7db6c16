/**
 * Worker thread: ranks units for a code with the suggestion scorer, so that training and scoring
 * every unit of a study never block the main thread. Keeps each unit's text (and the scorer its
 * features) once it has been sent, so later requests send only keys.
 */
import { parentPort } from 'node:worker_threads'
import { TermLogisticScorer, type CodeProfile, type UnitText } from './scorer'
import type { Language } from './terms'

/** A unit as sent: whole the first time, then only its key. */
export type WireUnit = { key: string; text: string; lang: Language } | string
export type SuggestRequest = {
  id: number
  code: CodeProfile
  units: WireUnit[]
  feedback: { positive: WireUnit[]; negative: WireUnit[]; background: WireUnit[] }
}
export type SuggestResponse = { id: number; scores: Float64Array } | { id: number; error: string }

const port = parentPort
if (!port) throw new Error('suggest-worker must run in a worker thread')

const scorer = new TermLogisticScorer()
const texts = new Map<string, UnitText>()

function unit(w: WireUnit): UnitText {
  if (typeof w !== 'string') {
    const u = { key: w.key, text: w.text, lang: w.lang }
    texts.set(w.key, u)
    return u
  }
  const u = texts.get(w)
  if (!u) throw new Error(`unit ${w} was never sent`)
  return u
}

port.on('message', (req: SuggestRequest) => {
  try {
    const scores = scorer.rank(req.code, req.units.map(unit), {
      positive: req.feedback.positive.map(unit),
      negative: req.feedback.negative.map(unit),
      background: req.feedback.background.map(unit),
    })
    port.postMessage({ id: req.id, scores } satisfies SuggestResponse, [scores.buffer as ArrayBuffer])
  } catch (e) {
    port.postMessage({ id: req.id, error: String(e) } satisfies SuggestResponse)
  }
})
