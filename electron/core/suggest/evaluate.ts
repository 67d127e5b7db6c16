/**
 * `suggest-eval`: a simulated coder who checks suggestions (issue 11 item 7). A coder's codings
 * in a seed (the first K documents by id, or the first fraction F of the study's text) are
 * known; outside it they are the truth the suggestions are checked against. Nothing is written.
 */
import { WerkbankError } from '../../../shared/errors'
import type { SuggestEvalCode, SuggestEvalReport } from '../../../shared/suggestion-types'
import type { Code } from '../../../shared/types'
import type { StudySession } from '../study-session'
import { overlapsHalf, SuggestionCorpus, unitsCovered, type Span, type Unit } from './corpus'
import { codeProfile, type RankBackend } from './suggestion.service'
import type { Feedback } from './scorer'
import { detectLanguage, isStopword, words } from './terms'

export interface EvalOptions {
  coder: string
  seedDocs?: number
  seedFraction?: number
  rounds?: number
  perRound?: number
  codeIds?: number[]
}

interface TruthCoding extends Span {
  documentId: number
  codeId: number
}

/** A ranker as the loop sees it: scores for the candidates given what is known so far. */
export type Ranker = (candidates: readonly Unit[], feedback: Feedback) => Float64Array | Promise<Float64Array>

export interface LoopResult {
  shown: number
  accepted: number
  found: number
}

/**
 * The coder's loop for one code: rounds of the top `perRound` candidates not shown before, each
 * accepted when it overlaps a truth coding by half of the shorter (then positive feedback), else
 * rejected (negative); stops after `rounds` rounds or a round with nothing accepted. `found`:
 * truth codings that an accepted suggestion overlaps so.
 */
export async function simulate(
  rank: Ranker, candidates: readonly Unit[], truth: readonly TruthCoding[], start: Feedback, rounds: number, perRound: number,
  threshold: number,
  minimum = 0,
): Promise<LoopResult> {
  const feedback: Feedback = { positive: [...start.positive], negative: [...start.negative], background: start.background }
  const shown = new Set<Unit>()
  const found = new Set<TruthCoding>()
  const truthByDoc = new Map<number, TruthCoding[]>()
  for (const t of truth) (truthByDoc.get(t.documentId) ?? truthByDoc.set(t.documentId, []).get(t.documentId)!).push(t)
  let accepted = 0
  for (let round = 0; round < rounds; round++) {
    const open = candidates.filter((u) => !shown.has(u))
    if (open.length === 0) break
    const scores = await rank(open, feedback)
    const order = open.map((_, i) => i).filter((i) => scores[i]! > Number.NEGATIVE_INFINITY)
    order.sort((a, b) => scores[b]! - scores[a]! || a - b)
    let take = 0
    while (take < order.length && take < perRound && (take < minimum || scores[order[take]!]! >= threshold)) take++
    let acceptedNow = 0
    for (const i of order.slice(0, take)) {
      const u = open[i]!
      shown.add(u)
      const hits = (truthByDoc.get(u.documentId) ?? []).filter((t) => overlapsHalf(u, t))
      if (hits.length > 0) {
        acceptedNow++
        for (const t of hits) found.add(t)
        feedback.positive.push(u)
      } else {
        feedback.negative.push(u)
      }
    }
    accepted += acceptedNow
    if (acceptedNow === 0) break
  }
  return { shown: shown.size, accepted, found: found.size }
}

/**
 * The baseline: units ranked by how many of the words of the code's name they contain (a plain
 * search: lower case, diacritics ignored, stop words of the name dropped, no stemming); a unit
 * with none of them is not a hit and is never shown. Learns nothing from feedback.
 */
export function nameSearchRanker(name: string): Ranker {
  const lang = detectLanguage(name)
  const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '')
  const wanted = new Set(words(name).filter((w) => !isStopword(w, lang) && !/^\d+$/.test(w)).map(fold))
  return (candidates) => {
    const scores = new Float64Array(candidates.length)
    candidates.forEach((u, i) => {
      const seen = new Set(words(u.text).map(fold).filter((w) => wanted.has(w)))
      scores[i] = seen.size > 0 ? seen.size : Number.NEGATIVE_INFINITY
    })
    return scores
  }
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b
}

export async function evaluateSuggestions(s: StudySession, scorer: RankBackend, opts: EvalOptions): Promise<SuggestEvalReport> {
  const coder = s.coders.byName(opts.coder.trim())
  if (!coder) throw new WerkbankError('coder-name-not-found', { name: opts.coder.trim() })
  const rounds = opts.rounds ?? 10
  const perRound = opts.perRound ?? 10
  const corpus = new SuggestionCorpus(s)
  const docs = s.documents.list().map((d) => d.id).sort((a, b) => a - b)

  // The seed: whole documents, or the text up to a point (document index, offset).
  let seedDoc = 0
  let seedOffset = 0
  let seedDocs = 0
  const fraction = opts.seedFraction ?? 0
  if (opts.seedFraction !== undefined) {
    const lengths = docs.map((id) => s.documents.text(id).length)
    let left = lengths.reduce((a, b) => a + b, 0) * opts.seedFraction
    seedDoc = docs.length
    for (let i = 0; i < docs.length; i++) {
      if (left < lengths[i]!) {
        seedDoc = i
        seedOffset = Math.floor(left)
        break
      }
      left -= lengths[i]!
    }
    seedDocs = seedDoc
  } else {
    seedDocs = Math.min(opts.seedDocs ?? 3, docs.length)
    seedDoc = seedDocs
  }
  const docIndex = new Map(docs.map((id, i) => [id, i]))
  const inSeed = (documentId: number, start: number) => {
    const i = docIndex.get(documentId)!
    return i < seedDoc || (i === seedDoc && start < seedOffset)
  }

  const rows = s.study.db.prepare(`
    SELECT document_id AS documentId, code_id AS codeId, start_offset AS start, end_offset AS end FROM codings
    WHERE coder_id = ? AND kind = 'text' AND end_offset > start_offset ORDER BY document_id, start_offset`).all(coder.id) as TruthCoding[]
  const allUnits = docs.flatMap((id) => corpus.units(id))
  const seedUnits = allUnits.filter((u) => inSeed(u.documentId, u.start))
  const outside = allUnits.filter((u) => !inSeed(u.documentId, u.start))
  const seedRows = rows.filter((r) => inSeed(r.documentId, r.start))

  // Seed units covered by each code (half-overlap rule), per document.
  const coveredBy = new Map<number, Set<Unit>>()
  const seedByDoc = new Map<number, Unit[]>()
  for (const u of seedUnits) (seedByDoc.get(u.documentId) ?? seedByDoc.set(u.documentId, []).get(u.documentId)!).push(u)
  for (const r of seedRows) {
    const set = coveredBy.get(r.codeId) ?? coveredBy.set(r.codeId, new Set()).get(r.codeId)!
    for (const u of unitsCovered(seedByDoc.get(r.documentId) ?? [], [r])) set.add(u)
  }
  const codedDocs = new Set(seedRows.map((r) => r.documentId))
  const anyCovered = new Set<Unit>()
  for (const set of coveredBy.values()) for (const u of set) anyCovered.add(u)

  const codebook = s.codebook.list()
  const wanted = opts.codeIds ? new Set(opts.codeIds) : null
  const codes: Code[] = codebook.filter((c) => !wanted || wanted.has(c.id))
  const results: SuggestEvalCode[] = []
  for (const code of codes) {
    const truth = rows.filter((r) => r.codeId === code.id && !inSeed(r.documentId, r.start))
    const seedCount = seedRows.filter((r) => r.codeId === code.id).length
    if (seedCount < 1 || truth.length < 3) continue
    const own = coveredBy.get(code.id) ?? new Set<Unit>()
    const start: Feedback = {
      positive: [...own],
      negative: [...anyCovered].filter((u) => !own.has(u)),
      // As in the app: only documents the coder has coded in count as read.
      background: seedUnits.filter((u) => !anyCovered.has(u) && codedDocs.has(u.documentId)),
    }
    const profile = codeProfile(code, detectLanguage([code.name, code.definition, code.inclusion, code.example].join(' ')))
    const model = await simulate((c, f) => scorer.rank(profile, c, f), outside, truth, start, rounds, perRound, scorer.threshold, scorer.minimum)
    const base = await simulate(nameSearchRanker(code.name), outside, truth, start, rounds, perRound, 1)
    results.push({
      codeId: code.id, path: code.path, truth: truth.length,
      shown: model.shown, accepted: model.accepted, found: model.found,
      precision: ratio(model.accepted, model.shown), recall: ratio(model.found, truth.length),
      baselineShown: base.shown, baselineAccepted: base.accepted, baselineFound: base.found,
      baselineRecall: ratio(base.found, truth.length),
    })
  }
  const sum = (f: (c: SuggestEvalCode) => number) => results.reduce((n, c) => n + f(c), 0)
  const truthAll = sum((c) => c.truth)
  return {
    method: scorer.method,
    codes: results,
    overall: {
      truth: truthAll, shown: sum((c) => c.shown), accepted: sum((c) => c.accepted),
      precision: ratio(sum((c) => c.accepted), sum((c) => c.shown)), recall: ratio(sum((c) => c.found), truthAll),
      baselineShown: sum((c) => c.baselineShown), baselineAccepted: sum((c) => c.baselineAccepted),
      baselinePrecision: ratio(sum((c) => c.baselineAccepted), sum((c) => c.baselineShown)),
      baselineRecall: ratio(sum((c) => c.baselineFound), truthAll),
    },
    seed: { documents: seedDocs, fraction },
  }
}
