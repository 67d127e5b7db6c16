/**
 * Coverage against a character-by-character sweep. The SQL finds runs of covered text with a
 * window function and unions runs of several codes (electron/core/analysis/analysis-sql.ts);
 * here hundreds of pseudo-random codings — nested, duplicated across coders, touching, chained,
 * crossing codes and coders — are laid over the small study, and every cell and total of the
 * coverage matrix, for each kind of column, with and without roll-up and under filters, is
 * compared with a count of the characters that some counted coding covers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnalysisFilter, MatrixBy, MatrixResult } from '../../shared/analysis-types'
import { mulberry32 } from '../../shared/stats/random'
import { caller } from '../helpers/study'
import { buildSmallStudy, codesUnder, type SmallStudy } from './analysis-fixture'

interface Span {
  doc: number
  code: number
  coder: number
  start: number
  end: number
}

let t: SmallStudy
let call: ReturnType<typeof caller>
const spans: Span[] = []
const areas: Span[] = []
const docs: { id: number; caseId: number | null; length: number; sector: string | null }[] = []
let gathered: (code: number, rollup: boolean) => Set<number>

beforeAll(async () => {
  t = await buildSmallStudy()
  call = caller(t.s)
  const s = t.s
  const deep = s.codebook.ensurePath('A/A1/A1a').id
  const coders = [t.coder.anna, t.coder.bram, s.ensureCoder('Carla').id, s.ensureCoder('Daan').id]
  const codes = [t.code.A, t.code.A1, t.code.A2, t.code.B, deep]
  const sectors: Record<number, string> = { [t.kase.alpha]: 'zorg', [t.kase.beta]: 'techniek' }
  for (const id of Object.values(t.doc)) {
    const d = s.documents.get(id)!
    docs.push({ id, caseId: d.caseId, length: d.charCount, sector: d.caseId === null ? null : sectors[d.caseId]! })
  }
  const rnd = mulberry32(20261129)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  for (let i = 0; i < 400; i++) {
    const doc = pick(docs)
    // Mostly starts and lengths on a grid of 10 inside the first 2,000 characters, so that
    // codings often coincide, touch (one ends where the next starts) and nest; every third one
    // off the grid, so that gaps of a character or two occur as well.
    const jitter = i % 3 === 0 ? () => Math.floor(rnd() * 10) : () => 0
    const start = Math.floor(rnd() * Math.min(200, doc.length / 10)) * 10 + jitter()
    const end = Math.min(doc.length, start + (1 + Math.floor(rnd() * 15)) * 10 + jitter())
    s.codings.create({ documentId: doc.id, codeId: pick(codes), coderId: pick(coders), start, end })
  }
  // Area codings, which cover no text: counted beside coverage, never in it.
  for (let i = 0; i < 30; i++) {
    const doc = pick(docs)
    s.codings.createArea({ documentId: doc.id, codeId: pick(codes), coderId: pick(coders), page: 1, rect: { x: 0.1, y: 0.05 + rnd() * 0.8, w: 0.4, h: 0.05 } })
  }
  areas.push(...(s.study.db.prepare(`
    SELECT document_id AS doc, code_id AS code, coder_id AS coder, start_offset AS start, end_offset AS end
    FROM codings WHERE kind = 'area'`).all() as Span[]))
  // What is stored (the service joins a coder's overlapping codings of one code), text only.
  spans.push(...(s.study.db.prepare(`
    SELECT document_id AS doc, code_id AS code, coder_id AS coder, start_offset AS start, end_offset AS end
    FROM codings WHERE end_offset > start_offset`).all() as Span[]))
  gathered = codesUnder(s)
}, 60_000)
afterAll(() => t.close())

/** Characters covered by the spans that pass, counted one by one in each document. */
function covered(pass: (s: Span) => boolean, inDocs: typeof docs): number {
  let n = 0
  for (const d of inDocs) {
    const mark = new Uint8Array(d.length)
    for (const s of spans) if (s.doc === d.id && pass(s)) mark.fill(1, s.start, s.end)
    n += mark.reduce((a, b) => a + b, 0)
  }
  return n
}

/** The coverage matrix as the sweep sees it, in the result's own rows and columns. */
function expected(m: MatrixResult, rollup: boolean, filter: AnalysisFilter) {
  const inScope = docs.filter((d) => filter.documentIds === undefined || filter.documentIds.includes(d.id))
  const coderOk = (s: Span) => filter.coderIds === undefined || filter.coderIds.includes(s.coder)
  const text = (list: typeof docs) => list.reduce((n, d) => n + d.length, 0)
  const column = m.columns.map((c) => {
    switch (m.by) {
      case 'cases': return { docs: inScope.filter((d) => d.caseId === c.id), coder: coderOk }
      case 'documents': return { docs: inScope.filter((d) => d.id === c.id), coder: coderOk }
      case 'coders': return { docs: inScope, coder: (s: Span) => s.coder === c.id }
      default: return { docs: inScope.filter((d) => (c.kind === 'none' ? d.sector === null : d.sector === c.label)), coder: coderOk }
    }
  })
  const rowCodes = m.rows.map((r) => gathered(r.codeId, rollup))
  const anyRow = (s: Span) => rowCodes.some((set) => set.has(s.code))
  const share = (n: number, len: number) => (len === 0 ? null : n / len)
  const countAreas = (pass: (s: Span) => boolean, inDocs: typeof docs) => areas.filter((a) => pass(a) && inDocs.some((d) => d.id === a.doc)).length
  return {
    areas: {
      values: rowCodes.map((set) => column.map((c) => countAreas((s) => set.has(s.code) && c.coder(s), c.docs))),
      rowTotals: rowCodes.map((set) => countAreas((s) => set.has(s.code) && coderOk(s), inScope)),
      columnTotals: column.map((c) => countAreas((s) => anyRow(s) && c.coder(s), c.docs)),
      total: countAreas((s) => anyRow(s) && coderOk(s), inScope),
    },
    values: rowCodes.map((set) => column.map((c) => share(covered((s) => set.has(s.code) && c.coder(s), c.docs), text(c.docs)))),
    rowTotals: rowCodes.map((set) => share(covered((s) => set.has(s.code) && coderOk(s), inScope), text(inScope))),
    columnTotals: column.map((c) => share(covered((s) => anyRow(s) && c.coder(s), c.docs), text(c.docs))),
    total: share(covered((s) => anyRow(s) && coderOk(s), inScope), text(inScope)),
  }
}

function expectClose(got: (number | null)[], want: (number | null)[], what: string) {
  expect(got.length, what).toBe(want.length)
  got.forEach((v, i) => {
    if (want[i] === null) expect(v, `${what}[${i}]`).toBeNull()
    else expect(v, `${what}[${i}]`).toBeCloseTo(want[i]!, 12)
  })
}

describe('coverage against a character sweep over 400 pseudo-random codings', () => {
  it('has the overlaps the sweep is meant to test', () => {
    // Codings of different coders on the same code that overlap, and codings of different codes
    // that overlap: without them the union would be a plain sum.
    const overlap = (a: Span, b: Span) => a.doc === b.doc && a.start < b.end && b.start < a.end
    const sameCode = spans.some((a, i) => spans.some((b, j) => j > i && a.code === b.code && a.coder !== b.coder && overlap(a, b)))
    const nested = spans.some((a) => spans.some((b) => a !== b && a.code === b.code && a.doc === b.doc && b.start >= a.start && b.end <= a.end))
    const touching = spans.some((a) => spans.some((b) => a.code === b.code && a.doc === b.doc && a.end === b.start))
    expect([sameCode, nested, touching]).toEqual([true, true, true])
    expect(spans.length).toBeGreaterThan(300)
  })

  const cases: { by: MatrixBy; rollup: boolean; filter: AnalysisFilter }[] = [
    { by: 'cases', rollup: false, filter: {} },
    { by: 'cases', rollup: true, filter: {} },
    { by: 'documents', rollup: false, filter: {} },
    { by: 'documents', rollup: true, filter: {} },
    { by: 'coders', rollup: false, filter: {} },
    { by: 'coders', rollup: true, filter: {} },
    { by: 'attribute:sector', rollup: true, filter: {} },
  ]
  for (const c of cases) {
    it(`agrees cell by cell for ${c.by} columns${c.rollup ? ' with roll-up' : ''}`, async () => {
      const m = await call('analysis:matrix', { by: c.by, measure: 'coverage', rollup: c.rollup, filter: c.filter })
      const want = expected(m, c.rollup, c.filter)
      m.values.forEach((row, i) => expectClose(row, want.values[i]!, `${m.rows[i]!.path}`))
      expectClose(m.rowTotals, want.rowTotals, 'row totals')
      expectClose(m.columnTotals, want.columnTotals, 'column totals')
      expectClose([m.total], [want.total], 'total')
      expect(m.total).toBeGreaterThan(0)
      expect(m.areas).toEqual(want.areas)
      expect(want.areas.total).toBeGreaterThan(20)
    })
  }

  it('agrees under coder and document filters', async () => {
    for (const [by, rollup] of [['cases', false], ['coders', true], ['documents', true]] as const) {
      const filter = { coderIds: [t.coder.bram, t.coder.anna], documentIds: [t.doc.D1, t.doc.D3] }
      const m = await call('analysis:matrix', { by, measure: 'coverage', rollup, filter })
      const want = expected(m, rollup, filter)
      m.values.forEach((row, i) => expectClose(row, want.values[i]!, `${by} ${m.rows[i]!.path}`))
      expectClose(m.rowTotals, want.rowTotals, `${by} row totals`)
      expectClose(m.columnTotals, want.columnTotals, `${by} column totals`)
      expectClose([m.total], [want.total], `${by} total`)
      expect(m.areas, `${by} areas`).toEqual(want.areas)
    }
  })

  it('agrees for a chosen subtree of codes', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'coverage', rollup: true, codeIds: [t.code.A1], subtree: true })
    expect(m.rows.map((r) => r.path)).toEqual(['A/A1', 'A/A1/A1a'])
    const want = expected(m, true, {})
    m.values.forEach((row, i) => expectClose(row, want.values[i]!, `${m.rows[i]!.path}`))
    expectClose(m.columnTotals, want.columnTotals, 'column totals')
    expectClose([m.total], [want.total], 'total')
  })
})
