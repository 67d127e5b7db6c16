/**
 * CSV exports read back by an independent parser (csv-parse) and compared cell by cell with
 * the tables they were made from: with `,`, and with `;` + decimal comma + BOM as Dutch Excel
 * wants them.
 */
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MatrixResult } from '../../shared/analysis-types'
import { caller, studyWithDocument } from '../helpers/study'
import { buildSmallStudy, type SmallStudy } from './analysis-fixture'

let t: SmallStudy
let call: ReturnType<typeof caller>
let odd: number
beforeAll(async () => {
  t = await buildSmallStudy()
  call = caller(t.s)
  // A code path that needs quoting and the formula guard in every dialect.
  odd = t.s.codebook.ensurePath('-Risico, "groot"; echt').id
  t.s.codings.create({ documentId: t.doc.D3, codeId: odd, coderId: t.coder.anna, start: 520, end: 540 })
})
afterAll(() => t.close())

const DIALECTS = [
  { name: 'comma', options: {}, delimiter: ',', decimal: '.' },
  { name: 'Dutch Excel', options: { delimiter: ';' as const, decimalComma: true, bom: true }, delimiter: ';', decimal: ',' },
] as const

function read(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, bom: true, relax_column_count: false }) as string[][]
}

/** A number as written (plain decimal, 15 significant digits) back to a number. */
function num(cell: string, decimal: string): number | null {
  if (cell === '') return null
  expect(cell).toMatch(decimal === ',' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/)
  return Number(decimal === ',' ? cell.replace(',', '.') : cell)
}

function expectNumber(cell: string, value: number | null, decimal: string) {
  const got = num(cell, decimal)
  if (value === null || Number.isInteger(value)) expect(got).toBe(value)
  else expect(got).toBeCloseTo(value, 14)
}

/** What a text cell looks like after the formula guard. */
const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)

describe.each(DIALECTS)('CSV export ($name)', ({ options, delimiter, decimal }) => {
  it('writes the matrix as shown: column names, code paths, a total row and column', async () => {
    for (const measure of ['segments', 'coverage'] as const) {
      const args = { by: 'cases' as const, measure, rollup: true }
      const m: MatrixResult = await call('analysis:matrix', args)
      const text = await call('export:matrix', { ...args, ...options })
      expect(text.startsWith('\uFEFF')).toBe('bom' in options)
      const rows = read(text, delimiter)
      // Coverage has a last column of area codings per row (they cover no text).
      const areas = measure === 'coverage'
      expect(rows[0]).toEqual(['code', 'Alpha', 'Beta', '(none)', 'total', ...(areas ? ['areas'] : [])])
      expect(rows).toHaveLength(m.rows.length + 2)
      m.rows.forEach((r, i) => {
        const line = rows[i + 1]!
        expect(line[0]).toBe(guarded(r.path))
        m.values[i]!.forEach((v, j) => expectNumber(line[j + 1]!, v, decimal))
        expectNumber(line[m.columns.length + 1]!, m.rowTotals[i]!, decimal)
        if (areas) expectNumber(line.at(-1)!, m.areas!.rowTotals[i]!, decimal)
      })
      const last = rows.at(-1)!
      expect(last[0]).toBe('total')
      m.columnTotals.forEach((v, j) => expectNumber(last[j + 1]!, v, decimal))
      expectNumber(last[m.columns.length + 1]!, m.total, decimal)
      // The small study's one area coding (B, Bram, D1 in Alpha), rolled up nowhere else.
      if (areas) expect(last.at(-1)).toBe('1')
    }
    expect((await call('analysis:matrix', { by: 'cases', measure: 'coverage' })).rows.map((r) => r.path)).toContain('-Risico, "groot"; echt')
  })

  it('writes the same matrix in long form, one value per line, totals included', async () => {
    const args = { by: 'coders' as const, measure: 'coverage' as const }
    const m = await call('analysis:matrix', args)
    const rows = read(await call('export:matrix', { ...args, layout: 'long', ...options }), delimiter)
    expect(rows[0]).toEqual(['row', 'column', 'measure', 'value', 'areas'])
    const a = m.areas!
    const expected: [string, string, number | null, number][] = []
    m.rows.forEach((r, i) => m.columns.forEach((c, j) => expected.push([r.path, c.label, m.values[i]![j]!, a.values[i]![j]!])))
    m.rows.forEach((r, i) => expected.push([r.path, 'total', m.rowTotals[i]!, a.rowTotals[i]!]))
    m.columns.forEach((c, j) => expected.push(['total', c.label, m.columnTotals[j]!, a.columnTotals[j]!]))
    expected.push(['total', 'total', m.total, a.total])
    expect(rows).toHaveLength(expected.length + 1)
    expected.forEach(([row, col, v, n], k) => {
      const line = rows[k + 1]!
      expect([line[0], line[1], line[2]]).toEqual([guarded(row), col, 'coverage'])
      expectNumber(line[3]!, v, decimal)
      expectNumber(line[4]!, n, decimal)
    })
    expect(rows.filter((line) => line[4] === '1').map((line) => [line[0], line[1]])).toEqual([['B', 'Bram'], ['B', 'total'], ['total', 'Bram'], ['total', 'total']])
  })

  it('writes co-occurrence with code paths along both edges', async () => {
    const c = await call('analysis:cooccurrence', { scope: 'document' })
    const rows = read(await call('export:cooccurrence', { scope: 'document', ...options }), delimiter)
    expect(rows[0]).toEqual(['code', ...c.rows.map((r) => guarded(r.path))])
    c.rows.forEach((r, i) => {
      expect(rows[i + 1]![0]).toBe(guarded(r.path))
      expect(rows[i + 1]!.slice(1).map(Number)).toEqual(c.values[i])
    })
  })

  it('writes every coding, a quote with commas, quotes, line breaks and a leading = intact but guarded', async () => {
    const { s, documentId, coderId, text } = await studyWithDocument()
    const c = caller(s)
    const kase = await c('cases:create', { name: '+Kamp, "zomer"' })
    await c('documents:assignCase', { documentId, caseId: kase.id })
    const code = await c('codes:ensurePath', { path: 'Spel/Verstoppen' })
    const start = text.indexOf('=Hunting the Quail=')
    const end = text.indexOf('"hunter"', start) + '"hunter"'.length
    const nasty = await c('codings:create', { documentId, codeId: code.id, coderId, start, end, memo: '=SUM(A1), "zie"\nregel 2' })
    expect(nasty.quote).toMatch(/^=Hunting the Quail=\n.*,.*\n.*"hunter"$/s)
    const plain = await c('codings:create', { documentId, codeId: code.id, coderId, start: 200, end: 260 })
    const area = await c('codings:createArea', { documentId, codeId: code.id, coderId, page: 3, rect: { x: 0, y: 0, w: 0.5, h: 0.5 } })

    const out = await c('export:codings', { ...options })
    const rows = read(out, delimiter)
    expect(rows[0]).toEqual(['coding_id', 'case', 'document', 'page', 'code', 'coder', 'start', 'end', 'quote', 'memo', 'origin', 'origin_detail', 'created', 'updated'])
    const listed = await c('codings:list', {})
    expect(rows).toHaveLength(listed.length + 1)
    listed.forEach((k, i) => {
      expect(rows[i + 1]).toEqual([
        String(k.id), guarded(k.caseName ?? ''), guarded(k.documentTitle), String(k.pageFrom), guarded(k.codePath), guarded(k.coderName),
        String(k.start), String(k.end), guarded(k.quote), guarded(k.memo), k.origin, k.originDetail, k.createdAt, k.updatedAt,
      ])
    })
    const byId = new Map(rows.slice(1).map((r) => [Number(r[0]), r]))
    expect(byId.get(nasty.id)![8]).toBe(`'${text.slice(start, end)}`)
    expect(byId.get(nasty.id)![9]).toBe(`'=SUM(A1), "zie"\nregel 2`)
    expect(byId.get(nasty.id)![1]).toBe(`'+Kamp, "zomer"`)
    expect(byId.get(plain.id)![8]).toBe(text.slice(200, 260))
    expect(byId.get(area.id)![3]).toBe('3')
    // How each was made: a selection, an area.
    expect([byId.get(plain.id)![10], byId.get(area.id)![10]]).toEqual(['selection', 'area'])

    // Line breaks in quotes and memos as spaces, for a spreadsheet: one line per row.
    const flat = read(await c('export:codings', { ...options, flattenLineBreaks: true }), delimiter)
    const flatNasty = flat.find((r) => Number(r[0]) === nasty.id)!
    expect(flatNasty[8]).toBe(`'${text.slice(start, end).replace(/\n+/g, ' ')}`)
    expect(flatNasty[9]).toBe(`'=SUM(A1), "zie" regel 2`)
    expect(flat.flat().some((cell) => /[\r\n\f]/.test(cell))).toBe(false)
  })
})

describe('CSV export filters', () => {
  it('exports only the chosen codes and coders', async () => {
    const rows = read(await call('export:codings', { codeIds: [t.code.A], subtree: true, filter: { coderIds: [t.coder.bram] } }), ',')
    // Bram's codings of A and its subcodes: A1 in D1, A in D1, A2 in D3.
    expect(rows.slice(1).map((r) => [r[4], r[5], r[6], r[7]])).toEqual([
      ['A/A1', 'Bram', '150', '250'],
      ['A', 'Bram', '240', '260'],
      ['A/A2', 'Bram', '500', '600'],
    ])
  })

  it('exports the phase overview, one line per case', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const c = caller(s)
    await c('codes:applyTemplate', { template: 'loopbaan', lang: 'en' })
    const kase = await c('cases:create', { name: 'Kamp' })
    await c('cases:setAttribute', { id: kase.id, name: 'fase', value: '1' })
    await c('documents:assignCase', { documentId, caseId: kase.id })
    const phase2 = (await c('codes:list', {})).find((x) => x.templateKey === 'fase-2')!
    await c('codings:create', { documentId, codeId: phase2.id, coderId, start: 10, end: 110 })
    const rows = read(await c('export:phases', { delimiter: ';', decimalComma: true }), ';')
    expect(rows[0]).toEqual(['case', 'assigned', 'strongest', 'differs', 'segments_0', 'segments_1', 'segments_2', 'segments_3', 'coverage_0', 'coverage_1', 'coverage_2', 'coverage_3'])
    const chars = (await c('documents:get', { id: documentId })).charCount
    expect(rows[1]!.slice(0, 8)).toEqual(['Kamp', '1', '2', '1', '0', '0', '1', '0'])
    expect(num(rows[1]![10]!, ',')).toBeCloseTo(100 / chars, 14)
  })
})
