/**
 * Co-occurrence against a brute-force count. The SQL finds overlapping pairs with a range search
 * and counts segments per pair of rows (electron/core/analysis/analysis-sql.ts); here hundreds of
 * pseudo-random codings by three coders — nested, crossing codes and coders, touching, areas —
 * are laid over the small study, and every cell of the co-occurrence table, for each scope, with
 * and without roll-up and under filters, is compared with a count made by checking every pair
 * of codings one by one.
 *
 * The rule under test: co-occurrence is within one coder's work. Two coders who give one passage
 * different codes disagree; that is not co-occurrence. Several coders in scope add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisFilter, CooccurrenceResult, CooccurrenceScope } from '../../shared/analysis-types'
import { mulberry32 } from '../../shared/stats/random'
import { caller } from '../helpers/study'
import { buildSmallStudy, codesUnder, type SmallStudy } from './analysis-fixture'

interface Coding {
  id: number
  doc: number
  code: number
  coder: number
  start: number
  end: number
  area: boolean
}

let t: SmallStudy
let call: ReturnType<typeof caller>
let codings: Coding[] = []
let caseOf: Map<number, number | null>
let gathered: (code: number, rollup: boolean) => Set<number>
let carla: number

beforeAll(async () => {
  t = await buildSmallStudy()
  call = caller(t.s)
  const s = t.s
  const deep = s.codebook.ensurePath('A/A1/A1a').id
  carla = s.ensureCoder('Carla').id
  const coders = [t.coder.anna, t.coder.bram, carla]
  const codes = [t.code.A, t.code.A1, t.code.A2, t.code.B, deep]
  const docs = Object.values(t.doc).map((id) => s.documents.get(id)!)
  caseOf = new Map(docs.map((d) => [d.id, d.caseId]))
  const rnd = mulberry32(20261207)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  for (let i = 0; i < 450; i++) {
    const doc = pick(docs)
    if (i % 25 === 0) {
      s.codings.createArea({ documentId: doc.id, codeId: pick(codes), coderId: pick(coders), page: 1, rect: { x: 0.1, y: 0.1 + rnd() * 0.5, w: 0.3, h: 0.1 } })
      continue
    }
    // Starts on a grid of 10 in the first 1,500 characters and lengths of 10 to 200, so that
    // codings of one coder often nest in, cross and touch each other; every third one off the
    // grid, for one-character gaps.
    const jitter = i % 3 === 0 ? () => Math.floor(rnd() * 10) : () => 0
    const start = Math.floor(rnd() * Math.min(150, doc.charCount / 10)) * 10 + jitter()
    const end = Math.min(doc.charCount, start + (1 + Math.floor(rnd() * 20)) * 10 + jitter())
    s.codings.create({ documentId: doc.id, codeId: pick(codes), coderId: pick(coders), start, end })
  }
  // What is stored (the service joins a coder's overlapping codings of one code).
  codings = (s.study.db.prepare(`
    SELECT id, document_id AS doc, code_id AS code, coder_id AS coder, start_offset AS start, end_offset AS end,
           kind = 'area' AS area
    FROM codings`).all() as (Omit<Coding, 'area'> & { area: number })[]).map((k) => ({ ...k, area: k.area === 1 }))
  gathered = codesUnder(s)
}, 60_000)
afterAll(() => t.close())

/** The table as a pair-by-pair count sees it, in the result's own rows. */
function expected(c: CooccurrenceResult, filter: AnalysisFilter): number[][] {
  const inScope = (k: Coding) =>
    (filter.coderIds === undefined || filter.coderIds.includes(k.coder)) &&
    (filter.documentIds === undefined || filter.documentIds.includes(k.doc)) &&
    (filter.caseIds === undefined || filter.caseIds.includes(caseOf.get(k.doc) ?? -1))
  const scoped = codings.filter(inScope)
  const rows = c.rows.map((r) => gathered(r.codeId, c.rollup))
  if (c.scope === 'overlap') {
    const text = scoped.filter((k) => !k.area)
    const overlap = (a: Coding, b: Coding) => a.id !== b.id && a.doc === b.doc && a.coder === b.coder && a.start < b.end && b.start < a.end
    const coders = [...new Set(text.map((k) => k.coder))]
    // The coder's codings of x that overlap one of theirs of y.
    const side = (w: number, x: Set<number>, y: Set<number>) =>
      text.filter((a) => a.coder === w && x.has(a.code) && text.some((b) => y.has(b.code) && overlap(a, b))).length
    const pairCell = (x: Set<number>, y: Set<number>) => coders.reduce((n, w) => n + Math.min(side(w, x, y), side(w, y, x)), 0)
    return rows.map((x, i) => rows.map((y, j) => (i === j ? text.filter((k) => x.has(k.code)).length : pairCell(x, y))))
  }
  const unit = (k: Coding) => (c.scope === 'document' ? k.doc : caseOf.get(k.doc) ?? null)
  const units = rows.map((x) => new Set(scoped.filter((k) => x.has(k.code) && unit(k) !== null).map((k) => `${k.coder}:${unit(k)}`)))
  return units.map((ux) => units.map((uy) => [...ux].filter((u) => uy.has(u)).length))
}

describe('co-occurrence against a pair-by-pair count over 450 pseudo-random codings by three coders', () => {
  it('has the situations the count is meant to test', () => {
    const text = codings.filter((k) => !k.area)
    const overlap = (a: Coding, b: Coding) => a !== b && a.doc === b.doc && a.start < b.end && b.start < a.end
    // Overlaps across coders with different codes (must not count), a coding of one coder
    // overlapping several of another code (pairs ≠ segments), and nesting.
    const acrossCoders = text.some((a) => text.some((b) => overlap(a, b) && a.coder !== b.coder && a.code !== b.code))
    const oneToMany = text.some((a) => text.filter((b) => overlap(a, b) && a.coder === b.coder && b.code !== a.code).length >= 2)
    const nested = text.some((a) => text.some((b) => a !== b && a.doc === b.doc && a.coder === b.coder && b.start >= a.start && b.end <= a.end))
    expect([acrossCoders, oneToMany, nested]).toEqual([true, true, true])
    expect(codings.filter((k) => k.area).length).toBeGreaterThan(5)
    expect(text.length).toBeGreaterThan(250)
  })

  const variants: { scope: CooccurrenceScope; rollup: boolean; label: string; filter: () => AnalysisFilter }[] = [
    { scope: 'overlap', rollup: false, label: '', filter: () => ({}) },
    { scope: 'overlap', rollup: true, label: '', filter: () => ({}) },
    { scope: 'overlap', rollup: false, label: 'for one coder', filter: () => ({ coderIds: [t.coder.anna] }) },
    { scope: 'overlap', rollup: true, label: 'for two coders in two documents', filter: () => ({ coderIds: [t.coder.bram, carla], documentIds: [t.doc.D1, t.doc.D3] }) },
    { scope: 'document', rollup: false, label: '', filter: () => ({}) },
    { scope: 'document', rollup: true, label: 'for two coders', filter: () => ({ coderIds: [t.coder.anna, carla] }) },
    { scope: 'case', rollup: false, label: '', filter: () => ({}) },
    { scope: 'case', rollup: true, label: 'in one case', filter: () => ({ caseIds: [t.kase.alpha] }) },
  ]
  for (const v of variants) {
    it(`agrees cell by cell for ${v.scope}${v.rollup ? ' with roll-up' : ''} ${v.label}`, async () => {
      const filter = v.filter()
      const c = await call('analysis:cooccurrence', { scope: v.scope, rollup: v.rollup, filter })
      expect(c.rows.length).toBe(5)
      expect(c.values).toEqual(expected(c, filter))
      // The table is symmetric and no cell exceeds what either of its codes has on the diagonal.
      c.values.forEach((row, i) => row.forEach((n, j) => {
        expect(n).toBe(c.values[j]![i])
        expect(n).toBeLessThanOrEqual(Math.min(c.values[i]![i]!, c.values[j]![j]!))
      }))
      expect(c.values.some((row, i) => row.some((n, j) => i !== j && n > 0))).toBe(true)
    })
  }

  it('with all coders is the sum of each coder alone', async () => {
    for (const scope of ['overlap', 'document', 'case'] as const) {
      const all = await call('analysis:cooccurrence', { scope, rollup: true })
      const each = await Promise.all([t.coder.anna, t.coder.bram, carla].map((id) => call('analysis:cooccurrence', { scope, rollup: true, filter: { coderIds: [id] } })))
      expect(all.values, scope).toEqual(all.values.map((row, i) => row.map((_, j) => each.reduce((n, e) => n + e.values[i]![j]!, 0))))
    }
  })
})
