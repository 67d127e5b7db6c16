import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MatrixResult } from '../../shared/analysis-types'
import { caller } from '../helpers/study'
import { buildSmallStudy, type SmallStudy } from './analysis-fixture'

// Every expected number below is counted by hand from the table in analysis-fixture.ts.

let t: SmallStudy
let call: ReturnType<typeof caller>
beforeAll(async () => {
  t = await buildSmallStudy()
  call = caller(t.s)
})
afterAll(() => t.close())

/** The matrix as { rowPath: { columnLabel: value } }, totals under `total`. */
function grid(m: MatrixResult): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {}
  m.rows.forEach((r, i) => {
    out[r.path] = Object.fromEntries([...m.columns.map((c, j) => [c.label, m.values[i]![j]!]), ['total', m.rowTotals[i]!]])
  })
  out.total = Object.fromEntries([...m.columns.map((c, j) => [c.label, m.columnTotals[j]!]), ['total', m.total]])
  return out
}

/** Compares shares to 12 decimals, counts exactly. */
function expectGrid(m: MatrixResult, expected: Record<string, Record<string, number | null>>) {
  const got = grid(m)
  expect(Object.keys(got)).toEqual(Object.keys(expected))
  for (const [row, cells] of Object.entries(expected)) {
    expect(Object.keys(got[row]!), row).toEqual(Object.keys(cells))
    for (const [col, v] of Object.entries(cells)) {
      if (v === null || Number.isInteger(v)) expect(got[row]![col], `${row} × ${col}`).toBe(v)
      else expect(got[row]![col], `${row} × ${col}`).toBeCloseTo(v, 12)
    }
  }
}

describe('code matrix over cases', () => {
  it('counts segments per code and case, with a (none) column for a document without a case, totals summed', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'segments' })
    expect(m.columns.map((c) => [c.kind, c.label, c.documents])).toEqual([['case', 'Alpha', 2], ['case', 'Beta', 1], ['none', '(none)', 1]])
    expectGrid(m, {
      A: { Alpha: 1, Beta: 0, '(none)': 0, total: 1 },
      'A/A1': { Alpha: 3, Beta: 0, '(none)': 1, total: 4 },
      'A/A2': { Alpha: 1, Beta: 2, '(none)': 0, total: 3 },
      B: { Alpha: 3, Beta: 1, '(none)': 0, total: 4 }, // the area coding counts
      total: { Alpha: 8, Beta: 3, '(none)': 1, total: 12 },
    })
  })

  it('rolls subcodes up into their parent: A counts its own codings and those of A1 and A2', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'segments', rollup: true })
    expectGrid(m, {
      A: { Alpha: 5, Beta: 2, '(none)': 1, total: 8 },
      'A/A1': { Alpha: 3, Beta: 0, '(none)': 1, total: 4 },
      'A/A2': { Alpha: 1, Beta: 2, '(none)': 0, total: 3 },
      B: { Alpha: 3, Beta: 1, '(none)': 0, total: 4 },
      total: { Alpha: 12, Beta: 5, '(none)': 2, total: 19 },
    })
  })

  it('counts distinct documents; totals count each document once over the row or column', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'documents' })
    expectGrid(m, {
      A: { Alpha: 1, Beta: 0, '(none)': 0, total: 1 },
      'A/A1': { Alpha: 2, Beta: 0, '(none)': 1, total: 3 },
      'A/A2': { Alpha: 1, Beta: 1, '(none)': 0, total: 2 },
      B: { Alpha: 2, Beta: 1, '(none)': 0, total: 3 },
      total: { Alpha: 2, Beta: 1, '(none)': 1, total: 4 },
    })
    const rolled = await call('analysis:matrix', { by: 'cases', measure: 'documents', rollup: true, codeIds: [t.code.A] })
    expectGrid(rolled, { A: { Alpha: 2, Beta: 1, '(none)': 1, total: 4 }, total: { Alpha: 2, Beta: 1, '(none)': 1, total: 4 } })
  })

  it('measures coverage as the union of the codings over the column text; area codings add nothing', async () => {
    const { D1, D2, D3, D4 } = t.len
    const alpha = D1 + D2
    const all = D1 + D2 + D3 + D4
    const m = await call('analysis:matrix', { by: 'cases', measure: 'coverage' })
    expect(m.columns.map((c) => c.textLength)).toEqual([alpha, D3, D4])
    expectGrid(m, {
      A: { Alpha: 20 / alpha, Beta: 0, '(none)': 0, total: 20 / all },
      // D1: [100,200) ∪ [150,250) = 150, overlap counted once; D2: 50; D4: 10.
      'A/A1': { Alpha: 200 / alpha, Beta: 0, '(none)': 10 / D4, total: 210 / all },
      // D3: [500,600) ∪ [550,650) = 150.
      'A/A2': { Alpha: 40 / alpha, Beta: 150 / D3, '(none)': 0, total: 190 / all },
      'B': { Alpha: 150 / alpha, Beta: 10 / D3, '(none)': 0, total: 160 / all },
      // All codes together: D1 [100,260) ∪ [300,400) = 260, D2 [0,90) = 90, D3 [500,650) = 150.
      total: { Alpha: 350 / alpha, Beta: 150 / D3, '(none)': 10 / D4, total: 510 / all },
    })
    // The one area coding (B by Bram in D1) is counted beside coverage, in its cell and totals.
    expect(m.areas).toEqual({
      values: [[0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 0, 0]],
      rowTotals: [0, 0, 0, 1],
      columnTotals: [1, 0, 0],
      total: 1,
    })
    // Other measures have no area counts of their own: an area is a segment like any other.
    expect((await call('analysis:matrix', { by: 'cases', measure: 'segments' })).areas).toBeUndefined()
  })

  it('measures rolled-up coverage with the overlaps of parent and subcodes counted once', async () => {
    const { D1, D2, D3, D4 } = t.len
    const m = await call('analysis:matrix', { by: 'cases', measure: 'coverage', rollup: true, codeIds: [t.code.A] })
    // D1: [240,260) ∪ [100,200) ∪ [150,250) ∪ [180,220) = [100,260) = 160; D2: 50; D3: 150; D4: 10.
    expectGrid(m, {
      A: { Alpha: 210 / (D1 + D2), Beta: 150 / D3, '(none)': 10 / D4, total: 370 / (D1 + D2 + D3 + D4) },
      total: { Alpha: 210 / (D1 + D2), Beta: 150 / D3, '(none)': 10 / D4, total: 370 / (D1 + D2 + D3 + D4) },
    })
  })

  it('marks presence with 0/1, totals 1 where any cell is', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'presence' })
    expectGrid(m, {
      A: { Alpha: 1, Beta: 0, '(none)': 0, total: 1 },
      'A/A1': { Alpha: 1, Beta: 0, '(none)': 1, total: 1 },
      'A/A2': { Alpha: 1, Beta: 1, '(none)': 0, total: 1 },
      B: { Alpha: 1, Beta: 1, '(none)': 0, total: 1 },
      total: { Alpha: 1, Beta: 1, '(none)': 1, total: 1 },
    })
  })
})

describe('code matrix over other columns', () => {
  it('puts coders in the columns; coverage totals take the union across coders', async () => {
    const seg = await call('analysis:matrix', { by: 'coders', measure: 'segments' })
    expectGrid(seg, {
      A: { Anna: 0, Bram: 1, total: 1 },
      'A/A1': { Anna: 3, Bram: 1, total: 4 },
      'A/A2': { Anna: 2, Bram: 1, total: 3 },
      B: { Anna: 2, Bram: 2, total: 4 },
      total: { Anna: 7, Bram: 5, total: 12 },
    })
    const all = t.len.D1 + t.len.D2 + t.len.D3 + t.len.D4
    const cov = await call('analysis:matrix', { by: 'coders', measure: 'coverage' })
    expect(cov.columns.map((c) => c.textLength)).toEqual([all, all])
    expectGrid(cov, {
      A: { Anna: 0, Bram: 20 / all, total: 20 / all },
      // Anna 100 + 50 + 10, Bram 100; together D1 [100,250) = 150, so 210, not 260.
      'A/A1': { Anna: 160 / all, Bram: 100 / all, total: 210 / all },
      'A/A2': { Anna: 140 / all, Bram: 100 / all, total: 190 / all },
      B: { Anna: 110 / all, Bram: 50 / all, total: 160 / all },
      // Anna: D1 [100,220) ∪ [300,400) = 220, D2 50, D3 [550,650) = 100, D4 10.
      // Bram: D1 [150,260) = 110, D2 50, D3 100.
      total: { Anna: 380 / all, Bram: 260 / all, total: 510 / all },
    })
    const docs = await call('analysis:matrix', { by: 'coders', measure: 'documents' })
    expectGrid(docs, {
      A: { Anna: 0, Bram: 1, total: 1 },
      'A/A1': { Anna: 3, Bram: 1, total: 3 },
      'A/A2': { Anna: 2, Bram: 1, total: 2 },
      B: { Anna: 2, Bram: 2, total: 3 },
      total: { Anna: 4, Bram: 3, total: 4 },
    })
  })

  it('puts the values of a case attribute in the columns, in order, with (none) for the rest', async () => {
    const { D1, D2, D3, D4 } = t.len
    const m = await call('analysis:matrix', { by: 'attribute:Sector', measure: 'coverage', codeIds: [t.code.A1, t.code.B] })
    expect(m.columns.map((c) => [c.kind, c.label, c.documents, c.textLength])).toEqual([
      ['attribute', 'techniek', 1, D3],
      ['attribute', 'zorg', 2, D1 + D2],
      ['none', '(none)', 1, D4],
    ])
    expectGrid(m, {
      'A/A1': { techniek: 0, zorg: 200 / (D1 + D2), '(none)': 10 / D4, total: 210 / (D1 + D2 + D3 + D4) },
      B: { techniek: 10 / D3, zorg: 150 / (D1 + D2), '(none)': 0, total: 160 / (D1 + D2 + D3 + D4) },
      // A1 and B together: D1 [100,250) ∪ [300,400) = 250, D2 [0,90) = 90.
      total: { techniek: 10 / D3, zorg: 340 / (D1 + D2), '(none)': 10 / D4, total: 360 / (D1 + D2 + D3 + D4) },
    })
    const phase = await call('analysis:matrix', { by: 'attribute:fase', measure: 'segments', codeIds: [t.code.A2] })
    expectGrid(phase, { 'A/A2': { 1: 1, 2: 2, '(none)': 0, total: 3 }, total: { 1: 1, 2: 2, '(none)': 0, total: 3 } })
  })

  it('puts documents in the columns, by title', async () => {
    const m = await call('analysis:matrix', { by: 'documents', measure: 'segments', codeIds: [t.code.A1] })
    const byId = Object.fromEntries(m.columns.map((c, j) => [c.id, m.values[0]![j]]))
    expect(byId).toEqual({ [t.doc.D1]: 2, [t.doc.D2]: 1, [t.doc.D3]: 0, [t.doc.D4]: 1 })
    expect(m.columns.find((c) => c.id === t.doc.D1)!.label).toBe(t.s.documents.get(t.doc.D1)!.title)
    expect(m.rowTotals).toEqual([4])
  })
})

describe('choosing codes and filtering', () => {
  it('takes a code alone, or with its subtree, in codebook order', async () => {
    const alone = await call('analysis:matrix', { by: 'cases', measure: 'segments', codeIds: [t.code.A] })
    expect(alone.rows.map((r) => r.path)).toEqual(['A'])
    const tree = await call('analysis:matrix', { by: 'cases', measure: 'segments', codeIds: [t.code.B, t.code.A], subtree: true })
    expect(tree.rows.map((r) => r.path)).toEqual(['A', 'A/A1', 'A/A2', 'B'])
  })

  it('filters by coder: only their codings, only their column', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'segments', filter: { coderIds: [t.coder.anna] } })
    expectGrid(m, {
      A: { Alpha: 0, Beta: 0, '(none)': 0, total: 0 },
      'A/A1': { Alpha: 2, Beta: 0, '(none)': 1, total: 3 },
      'A/A2': { Alpha: 1, Beta: 1, '(none)': 0, total: 2 },
      B: { Alpha: 1, Beta: 1, '(none)': 0, total: 2 },
      total: { Alpha: 4, Beta: 2, '(none)': 1, total: 7 },
    })
    const both = await call('analysis:matrix', { by: 'coders', measure: 'segments', filter: { coderIds: [t.coder.bram] } })
    expect(both.columns.map((c) => c.label)).toEqual(['Bram'])
    expect(both.total).toBe(5)
  })

  it('filters by document, by case and by case attribute', async () => {
    const d3 = await call('analysis:matrix', { by: 'cases', measure: 'segments', filter: { documentIds: [t.doc.D3] } })
    expect(d3.columns.map((c) => c.label)).toEqual(['Beta'])
    expect(grid(d3)['A/A2']).toEqual({ Beta: 2, total: 2 })
    const beta = await call('analysis:matrix', { by: 'documents', measure: 'segments', filter: { caseIds: [t.kase.beta] } })
    expect(beta.columns.map((c) => c.id)).toEqual([t.doc.D3])
    const zorg = await call('analysis:matrix', {
      by: 'cases', measure: 'coverage', codeIds: [t.code.A1], filter: { attributes: [{ name: 'sector', values: ['zorg'] }] },
    })
    expect(zorg.columns.map((c) => c.label)).toEqual(['Alpha'])
    expect(zorg.values[0]![0]).toBeCloseTo(200 / (t.len.D1 + t.len.D2), 12)
    expect(zorg.total).toBeCloseTo(200 / (t.len.D1 + t.len.D2), 12)
    const either = await call('analysis:matrix', {
      by: 'cases', measure: 'segments', filter: { attributes: [{ name: 'sector', values: ['zorg', 'techniek'] }, { name: 'fase', values: ['2'] }] },
    })
    expect(either.columns.map((c) => c.label)).toEqual(['Beta'])
  })

  it('answers an unknown code, coder, document, case or attribute with a typed error', async () => {
    const fails = async (args: Parameters<typeof call<'analysis:matrix'>>[1]) =>
      ((await call('analysis:matrix', args).catch((e: { appError: unknown }) => e.appError)) as { code: string; params: unknown })
    expect(await fails({ by: 'cases', measure: 'segments', codeIds: [999] })).toEqual({ code: 'code-not-found', params: { codeId: 999 } })
    expect(await fails({ by: 'cases', measure: 'segments', filter: { coderIds: [999] } })).toEqual({ code: 'coder-not-found', params: { coderId: 999 } })
    expect((await fails({ by: 'cases', measure: 'segments', filter: { documentIds: [999] } })).code).toBe('document-not-found')
    expect((await fails({ by: 'cases', measure: 'segments', filter: { caseIds: [999] } })).code).toBe('case-not-found')
    expect(await fails({ by: 'attribute:kleur', measure: 'segments' })).toEqual({ code: 'attribute-not-found', params: { name: 'kleur' } })
    expect((await fails({ by: 'rows' as 'cases', measure: 'segments' })).code).toBe('bad-input')
    expect((await fails({ by: 'cases', measure: 'words' as 'segments' })).code).toBe('bad-input')
  })

  // Last in this file: it adds a case to the shared study.
  it('keeps a case without documents as a column: nothing present, no text to cover', async () => {
    await call('cases:create', { name: 'Gamma' })
    const cov = await call('analysis:matrix', { by: 'cases', measure: 'coverage', codeIds: [t.code.B] })
    expect(cov.columns.map((c) => [c.label, c.documents, c.textLength])).toEqual([
      ['Alpha', 2, t.len.D1 + t.len.D2], ['Beta', 1, t.len.D3], ['Gamma', 0, 0], ['(none)', 1, t.len.D4],
    ])
    expect(cov.values[0]![2]).toBeNull()
    expect(cov.columnTotals[2]).toBeNull()
    const presence = await call('analysis:matrix', { by: 'cases', measure: 'presence', codeIds: [t.code.B] })
    expect(presence.values[0]).toEqual([1, 1, 0, 0])
  })

  it('drills down: the codings listed for a cell’s code, documents and coders are exactly the cell’s segments', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'segments' })
    const docsOf = (caseId: number | null) => t.s.documents.list().filter((d) => d.caseId === caseId).map((d) => d.id)
    for (const [i, row] of m.rows.entries()) {
      for (const [j, col] of m.columns.entries()) {
        const documentIds = docsOf(col.kind === 'none' ? null : col.id)
        const listed = await call('codings:list', { codeIds: [row.codeId], documentIds })
        expect(listed.length, `${row.path} × ${col.label}`).toBe(m.values[i]![j])
        expect(listed.every((k) => documentIds.includes(k.documentId) && k.codeId === row.codeId)).toBe(true)
      }
    }
    const bram = await call('codings:list', { codeIds: [t.code.A2], documentIds: [t.doc.D3], coderIds: [t.coder.bram] })
    expect(bram.map((k) => [k.start, k.end])).toEqual([[500, 600]])
    expect(await call('codings:list', { documentIds: [] })).toEqual([])
  })
})
