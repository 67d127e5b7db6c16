/**
 * The saturation curve: new codes and new code × case cells per document, in the order the
 * documents were coded. Counted by hand on the small study, then against a brute-force walk
 * over hundreds of pseudo-random codings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../shared/stats/random'
import { caller } from '../helpers/study'
import { buildSmallStudy, codesUnder, type SmallStudy } from './analysis-fixture'

describe('saturation curve on the small study', () => {
  let t: SmallStudy
  let call: ReturnType<typeof caller>
  beforeAll(async () => {
    t = await buildSmallStudy()
    call = caller(t.s)
  })
  afterAll(() => t.close())

  it('counts codes and code × case cells where they first appear, documents in coding order', async () => {
    // Coding order (analysis-fixture.ts): D1 first (A1, A1, A2, B, A, B-area), then D2 (A1, B),
    // D3 (A2, A2, B), D4 (A1, no case).
    const s = await call('analysis:saturation', {})
    expect(s.documents.map((d) => [d.documentId, d.codings, d.newCodes, d.totalCodes, d.newCells, d.totalCells])).toEqual([
      [t.doc.D1, 6, 4, 4, 4, 4],
      // A1 and B are known; Alpha's cells A1 and B were filled in D1.
      [t.doc.D2, 2, 0, 4, 0, 4],
      // Beta: A2 and B are new cells.
      [t.doc.D3, 3, 0, 4, 2, 6],
      // No case: no cell.
      [t.doc.D4, 1, 0, 4, 0, 6],
    ])
    expect(s.documents[0]!.newCodePaths).toEqual(['A', 'A/A1', 'A/A2', 'B'])
    expect(s.documents[2]!.caseName).toBe('Beta')
    expect(s.documents[3]!.caseName).toBeNull()

    // With roll-up into A only: A is new in D1 and its cell in Beta comes with D3.
    const a = await call('analysis:saturation', { codeIds: [t.code.A], rollup: true })
    expect(a.documents.map((d) => [d.documentId, d.codings, d.newCodes, d.newCells])).toEqual([
      [t.doc.D1, 4, 1, 1],
      [t.doc.D2, 1, 0, 0],
      [t.doc.D3, 2, 0, 1],
      [t.doc.D4, 1, 0, 0],
    ])
    // Bram alone did not code D4.
    const bram = await call('analysis:saturation', { filter: { coderIds: [t.coder.bram] } })
    expect(bram.documents.map((d) => d.documentId)).toEqual([t.doc.D1, t.doc.D2, t.doc.D3])
  })

  it('exports the curve as CSV', async () => {
    const csv = await call('export:saturation', {})
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('order,document,case,first_coded,codings,new_codes,codes,new_cells,cells,new_code_paths')
    expect(lines).toHaveLength(5)
    expect(lines[1]!.endsWith(',6,4,4,4,4,A; A/A1; A/A2; B')).toBe(true)
  })
})

describe('saturation curve against a brute-force walk over 300 pseudo-random codings', () => {
  let t: SmallStudy
  let call: ReturnType<typeof caller>
  const made: { doc: number; code: number; coder: number; id: number }[] = []
  let caseOf: Map<number, number | null>
  let gathered: (code: number, rollup: boolean) => Set<number>
  beforeAll(async () => {
    t = await buildSmallStudy()
    call = caller(t.s)
    const s = t.s
    const deep = s.codebook.ensurePath('A/A1/A1a').id
    const carla = s.ensureCoder('Carla').id
    const codes = [t.code.A, t.code.A1, t.code.A2, t.code.B, deep]
    const coders = [t.coder.anna, t.coder.bram, carla]
    const docs = Object.values(t.doc).map((id) => s.documents.get(id)!)
    caseOf = new Map(docs.map((d) => [d.id, d.caseId]))
    const rnd = mulberry32(20261208)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
    for (let i = 0; i < 300; i++) {
      const doc = pick(docs)
      const start = Math.floor(rnd() * Math.min(2000, doc.charCount - 5))
      s.codings.create({ documentId: doc.id, codeId: pick(codes), coderId: pick(coders), start, end: start + 5 })
    }
    // Every coding stored (some joined), with the order they were made in.
    made.push(...(s.study.db.prepare('SELECT document_id AS doc, code_id AS code, coder_id AS coder, id FROM codings ORDER BY created_at, id').all() as typeof made))
    gathered = codesUnder(s)
  }, 60_000)
  afterAll(() => t.close())


  for (const rollup of [false, true]) {
    it(`agrees step by step${rollup ? ' with roll-up' : ''}, for all coders and for one`, async () => {
      for (const coderIds of [undefined, [t.coder.bram]]) {
        const s = await call('analysis:saturation', { rollup, ...(coderIds ? { filter: { coderIds } } : {}) })
        const rows = (await call('analysis:matrix', { by: 'cases', measure: 'segments' })).rows.map((r) => r.codeId)
        const scoped = made.filter((k) => !coderIds || coderIds.includes(k.coder))
        // Documents in the order of their first coding (made is in coding order).
        const order = [...new Set(scoped.map((k) => k.doc))]
        const codes = new Set<number>()
        const cells = new Set<string>()
        const want = order.map((doc) => {
          const here = scoped.filter((k) => k.doc === doc)
          const before = [codes.size, cells.size]
          for (const r of rows) {
            if (!here.some((k) => gathered(r, rollup).has(k.code))) continue
            codes.add(r)
            if (caseOf.get(doc) !== null) cells.add(`${r}:${caseOf.get(doc)}`)
          }
          return [doc, here.length, codes.size - before[0]!, codes.size, cells.size - before[1]!, cells.size]
        })
        expect(s.documents.map((d) => [d.documentId, d.codings, d.newCodes, d.totalCodes, d.newCells, d.totalCells])).toEqual(want)
        expect(want.length).toBeGreaterThan(2)
      }
    })
  }
})
