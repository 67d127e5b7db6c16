/**
 * Suggestions (issue 11 item 8): suggest-eval's simulated coder on the 17 generated reports
 * (truth: the generator's ground truth as coder "Truth", seed: the first 3 reports) per code
 * family against the name-search baseline, and on the NVivo project of two long Hungarian
 * documents (seed: the first 55% of the text: the first document, which the coder did not code,
 * and the first half of the coded part of the second); then the time to rank all units after an
 * accept or reject, through the worker, on the 17 reports and on 510 reports' worth of units.
 * Targets: precision ≥ 0.6, recall ≥ 0.7 and ≥ 2× the baseline's; ≤ 200 ms and ≤ 2 s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StudySession } from '../../electron/core/study-session'
import { SuggestionCorpus, type Unit } from '../../electron/core/suggest/corpus'
import { evaluateSuggestions } from '../../electron/core/suggest/evaluate'
import { TermLogisticScorer } from '../../electron/core/suggest/scorer'
import { SuggestWorker } from '../../electron/core/suggest/suggest-pool'
import { codeProfile } from '../../electron/core/suggest/suggestion.service'
import type { SuggestEvalCode } from '../../shared/suggestion-types'
import { copyTruthStudy, TRUTH_CODER } from '../fixtures/truth-study'
import type { BenchRow } from './run'

const NVIVO = join(import.meta.dirname, '../../../shared/interop/qdpx/07_nvivo-12.6-win_oltas0517-hungarian.qdpx')
const r3 = (n: number) => Math.round(n * 1000) / 1000

function familyRow(name: string, codes: SuggestEvalCode[]): BenchRow {
  const sum = (f: (c: SuggestEvalCode) => number) => codes.reduce((n, c) => n + f(c), 0)
  const truth = sum((c) => c.truth)
  return {
    name,
    codes: codes.length,
    truth,
    shown: sum((c) => c.shown),
    accepted: sum((c) => c.accepted),
    precision: r3(sum((c) => c.accepted) / Math.max(1, sum((c) => c.shown))),
    recall: r3(sum((c) => c.found) / Math.max(1, truth)),
    baseline_precision: r3(sum((c) => c.baselineAccepted) / Math.max(1, sum((c) => c.baselineShown))),
    baseline_recall: r3(sum((c) => c.baselineFound) / Math.max(1, truth)),
  }
}

async function timeRanking(units: Unit[], s: StudySession, label: string): Promise<BenchRow[]> {
  const worker = new SuggestWorker()
  try {
    const code = s.codebook.list().find((c) => c.parentId !== null)!
    const profile = codeProfile(code, 'nl')
    const positive = units.filter((_, i) => i % 97 === 0).slice(0, 20)
    const background = units.slice(0, 600)
    let t0 = performance.now()
    await worker.rank(profile, units, { positive, negative: [], background })
    const first = performance.now() - t0
    const times: number[] = []
    const negative: Unit[] = []
    for (let i = 0; i < 5; i++) {
      negative.push(units[1000 + i]!)
      t0 = performance.now()
      await worker.rank(profile, units, { positive, negative, background })
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    return [
      { name: `rank ${label}: first request (texts sent, features made)`, units: units.length, ms: first },
      { name: `rank ${label}: after a reject (median of 5)`, units: units.length, ms: times[2]! },
    ]
  } finally {
    await worker.close()
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-suggest-bench-'))
  const path = join(dir, 'truth.werkbank')
  await copyTruthStudy(path)
  const s = await StudySession.open(path)
  try {
    const t0 = performance.now()
    const report = await evaluateSuggestions(s, new TermLogisticScorer(), { coder: TRUTH_CODER, seedDocs: 3 })
    const ms = performance.now() - t0
    const families = new Map<string, SuggestEvalCode[]>()
    for (const c of report.codes) {
      const f = c.path.split('/')[0]!
      families.set(f, [...(families.get(f) ?? []), c])
    }
    for (const [f, codes] of families) rows.push(familyRow(`17 reports: ${f}`, codes))
    rows.push({ ...familyRow('17 reports: overall', report.codes), ms })

    const corpus = new SuggestionCorpus(s)
    const units = s.documents.list().flatMap((d) => corpus.units(d.id))
    rows.push(...(await timeRanking(units, s, '17 reports')))
    const many: Unit[] = []
    for (let copy = 0; copy < 30; copy++) for (const u of units) many.push({ ...u, key: `${copy}/${u.key}` })
    rows.push(...(await timeRanking(many, s, '510 reports')))
  } finally {
    await s.close()
  }

  const hu = await StudySession.open(join(dir, 'nvivo.werkbank'), { create: true })
  try {
    await hu.qdpx.import(readFileSync(NVIVO))
    const coder = hu.coders.list().find((c) => c.name !== 'Consensus')!
    const corpus = new SuggestionCorpus(hu)
    const t0 = performance.now()
    const report = await evaluateSuggestions(hu, new TermLogisticScorer(), { coder: coder.name, seedFraction: 0.55 })
    rows.push({
      ...familyRow(`NVivo (hu, ${corpus.language(hu.documents.list()[1]!.id)} stemmer), seed 55%`, report.codes),
      ms: performance.now() - t0,
    })
  } finally {
    await hu.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}
