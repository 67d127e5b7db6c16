/**
 * Excel workbooks read back by an independent reader (test/helpers/xlsx-read.ts: the XML of the
 * file, not the library that wrote it) and compared cell by cell with the CSV export of the same
 * table, read by csv-parse: numbers are numbers (not text), texts are whole (no formula guard
 * needed), percentages carry a percentage format, the heat map and the frozen headings are there.
 */
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkbookSheet } from '../../shared/api-analysis'
import { heatHex } from '../../shared/heat'
import { caller } from '../helpers/study'
import { readXlsx, type ReadSheet } from '../helpers/xlsx-read'
import { buildSmallStudy, type SmallStudy } from './analysis-fixture'

let t: SmallStudy
let call: ReturnType<typeof caller>
beforeAll(async () => {
  t = await buildSmallStudy()
  call = caller(t.s)
  const s = t.s
  // Texts a spreadsheet could take for formulas, line breaks, and phase codes for the phases sheet.
  const odd = s.codebook.ensurePath('=Risico, "groot"').id
  s.codings.create({ documentId: t.doc.D3, codeId: odd, coderId: t.coder.anna, start: 520, end: 540, memo: '+31 6 1234\nregel 2' })
  const f1 = s.codebook.ensurePath('Fase/Fase 1 samen begeleiden').id
  const f2 = s.codebook.ensurePath('Fase/Fase 2 samen ontwerpen').id
  s.codings.create({ documentId: t.doc.D1, codeId: f1, coderId: t.coder.anna, start: 600, end: 700 })
  s.codings.create({ documentId: t.doc.D3, codeId: f2, coderId: t.coder.bram, start: 700, end: 760 })
  s.memos.save('code', odd, t.coder.anna, '@mention: -1 is not a formula')
}, 60_000)
afterAll(() => t.close())

async function workbook(sheets: WorkbookSheet[], extra: Record<string, unknown> = {}): Promise<ReadSheet[]> {
  const base64 = await call('export:xlsx', { sheets, ...extra })
  return readXlsx(Buffer.from(base64, 'base64'))
}

/** What a text cell looks like in the CSV, after its formula guard. */
const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)

/** The sheet equals the CSV cell by cell: numbers as numbers, texts whole, empty as empty. */
function expectSameAsCsv(sheet: ReadSheet, csv: string) {
  const rows = parse(csv, { relax_column_count: true }) as string[][]
  expect(sheet.rows.length, sheet.name).toBe(rows.length)
  rows.forEach((line, r) => {
    line.forEach((cell, c) => {
      const got = sheet.rows[r]?.[c]?.value ?? null
      const where = `${sheet.name} ${r}:${c}`
      if (typeof got === 'number') expect(Number(cell), where).toBeCloseTo(got, 12)
      else if (typeof got === 'boolean') expect(cell, where).toBe(got ? '1' : '0')
      else if (got === null) expect(cell, where).toBe('')
      // A page break (form feed) in a quote is a line break in the workbook: XML has no \f.
      else expect(cell.replace(/\f/g, '\n'), where).toBe(guarded(got))
    })
  })
}

describe('Excel workbook export', () => {
  it('writes each table as the CSV does, one sheet each, numbers as numbers', async () => {
    const sheets = await workbook(['matrix', 'matrix-long', 'cooccurrence', 'phases', 'codings', 'codebook', 'memos', 'saturation'], { by: 'cases', measure: 'coverage', rollup: true })
    expect(sheets.map((s) => s.name)).toEqual(['Matrix', 'Matrix (long)', 'Co-occurrence', 'Phases', 'Codings', 'Codebook', 'Memos', 'Saturation'])
    const [matrix, long, cooc, phases, codings, codebook, memos, saturation] = sheets as [ReadSheet, ReadSheet, ReadSheet, ReadSheet, ReadSheet, ReadSheet, ReadSheet, ReadSheet]
    expectSameAsCsv(matrix, await call('export:matrix', { by: 'cases', measure: 'coverage', rollup: true }))
    expectSameAsCsv(long, await call('export:matrix', { by: 'cases', measure: 'coverage', rollup: true, layout: 'long' }))
    expectSameAsCsv(cooc, await call('export:cooccurrence', { rollup: true }))
    expectSameAsCsv(phases, await call('export:phases', {}))
    expectSameAsCsv(codings, await call('export:codings', {}))
    expectSameAsCsv(codebook, await call('codebook:export', { format: 'csv' }))
    expectSameAsCsv(memos, await call('export:memos', {}))
    expectSameAsCsv(saturation, await call('export:saturation', { rollup: true }))
    // Texts that start like formulas are plain texts, kept whole.
    expect(codings.rows.flat().map((c) => c.value)).toContain('=Risico, "groot"')
    expect(codings.rows.flat().map((c) => c.value)).toContain('+31 6 1234\nregel 2')
    expect(phases.rows.length).toBeGreaterThan(1)
  })

  it('formats coverage as percentages, shades the matrix as the screen does, keeps the headings in view', async () => {
    const [matrix] = await workbook(['matrix'], { by: 'cases', measure: 'coverage' })
    const m = await call('analysis:matrix', { by: 'cases', measure: 'coverage' })
    expect(matrix!.frozen).toEqual({ rows: 1, columns: 1 })
    const body = matrix!.rows.slice(1, 1 + m.rows.length).map((row) => row.slice(1, 1 + m.columns.length))
    for (const row of body) for (const cell of row) if (typeof cell.value === 'number') expect(cell.format).toBe('0.0%')
    // The fullest cell has the darkest shade; an empty one none.
    const cells = body.flat().filter((c) => typeof c.value === 'number') as { value: number; fill: string | null }[]
    const top = cells.reduce((a, b) => (b.value > a.value ? b : a))
    expect(top.fill).toBe(heatHex(20))
    expect(cells.find((c) => c.value === 0)!.fill).toBeNull()
    // Code paths whole, in the first column.
    expect(matrix!.rows.slice(1, -1).map((r) => r[0]!.value)).toEqual(m.rows.map((r) => r.path))
    // Areas beside coverage (the one area coding of B).
    expect(matrix!.rows[0]!.at(-1)!.value).toBe('areas')
  })

  it('writes the matrix in the order the view shows it', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'segments' })
    const rows = m.rows.map((_, i) => i).reverse()
    const columns = m.columns.map((_, j) => j).reverse()
    const [matrix] = await workbook(['matrix'], { by: 'cases', measure: 'segments', order: { rows, columns } })
    expect(matrix!.rows[0]!.map((c) => c.value)).toEqual(['code', ...columns.map((j) => m.columns[j]!.label), 'total'])
    expect(matrix!.rows.slice(1, -1).map((r) => r[0]!.value)).toEqual(rows.map((i) => m.rows[i]!.path))
    expect(matrix!.rows[1]!.slice(1, -1).map((c) => c.value)).toEqual(columns.map((j) => m.values[rows[0]!]![j]))
    // An order that does not fit the table is refused, not half applied.
    await expect(call('export:xlsx', { sheets: ['matrix'], by: 'cases', measure: 'segments', order: { rows: [0], columns } })).rejects.toMatchObject({ appError: { code: 'bad-input' } })
  })

  it('writes the agreement table with its coefficients as numbers', async () => {
    const agreement = { coders: ['Anna', 'Bram'], level: 'document' as const }
    const [sheet] = await workbook(['agreement'], { agreement })
    const report = await call('agreement:measure', agreement)
    const header = sheet!.rows[0]!.map((c) => c.value)
    expect(header.slice(0, 3)).toEqual(['code', 'level', 'units'])
    expect(sheet!.rows).toHaveLength(report.byCode.length + 2)
    const total = sheet!.rows.at(-1)!
    expect(total[0]!.value).toBe('total')
    expect(total[header.indexOf('percent')]!.value).toBeCloseTo(report.total.percent.value!, 12)
    expect(total[header.indexOf('percent')]!.format).toBe('0.0%')
    // The suggestion method as a coder of its own, as the agreement view offers it.
    const pseudo = { coders: ['Anna', 'suggestions:Anna'], level: 'document' as const }
    const [withMethod] = await workbook(['agreement'], { agreement: pseudo })
    const measured = await call('agreement:measure', pseudo)
    expect(withMethod!.rows.at(-1)![header.indexOf('percent')]!.value).toBeCloseTo(measured.total.percent.value ?? 0, 12)
    // Without coders the sheet cannot be made: a clear refusal.
    await expect(call('export:xlsx', { sheets: ['agreement'] })).rejects.toMatchObject({ appError: { code: 'bad-input' } })
  })
})
