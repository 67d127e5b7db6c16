/**
 * The pure parts of the analysis views: sorting the matrix as shown, its CSV cells, the rows
 * stacked in the bar chart, the heat-map shades, and Krippendorff's reading of a coefficient.
 */
import { describe, expect, it } from 'vitest'
import type { AgreementRow } from '../../shared/agreement-types'
import type { MatrixResult } from '../../shared/analysis-types'
import { matrixWide } from '../../shared/analysis-tables'
import { band, readRow } from '../../shared/agreement-reading'
import { coefficient, heatLevel, matrixValue, percent } from '../../renderer/features/analysis/format'
import { cellMax, columnOrder, cooccurrenceOrder, nextSort, rowOrder, stackRows } from '../../renderer/features/matrix/matrix-model'

const m: MatrixResult = {
  by: 'cases',
  measure: 'segments',
  rollup: false,
  rows: [
    { codeId: 1, path: 'B' },
    { codeId: 2, path: 'B/b1' },
    { codeId: 3, path: 'A' },
  ],
  columns: [
    { kind: 'case', id: 10, label: 'Zeta', documents: 1, textLength: 100 },
    { kind: 'case', id: 11, label: 'alpha', documents: 1, textLength: 100 },
    { kind: 'none', id: null, label: '(none)', documents: 1, textLength: 0 },
  ],
  values: [
    [2, 0, 1],
    [5, 0, null],
    [2, 7, 0],
  ],
  rowTotals: [3, 5, 9],
  columnTotals: [9, 7, 1],
  total: 17,
}

describe('matrix as shown', () => {
  it('sorts rows by a column, largest first, ties in their own order, missing values last', () => {
    expect(rowOrder(m, { key: 'case:10', dir: 'desc' })).toEqual([1, 0, 2])
    expect(rowOrder(m, { key: 'case:10', dir: 'asc' })).toEqual([0, 2, 1])
    expect(rowOrder(m, { key: 'none:(none)', dir: 'desc' })).toEqual([0, 2, 1])
    expect(rowOrder(m, { key: 'none:(none)', dir: 'asc' })).toEqual([2, 0, 1])
    expect(rowOrder(m, { key: 'total', dir: 'desc' })).toEqual([2, 1, 0])
    expect(rowOrder(m, { key: 'label', dir: 'asc' })).toEqual([2, 0, 1])
    expect(rowOrder(m, null)).toEqual([0, 1, 2])
  })

  it('sorts columns by a row or by their totals, and by label regardless of case', () => {
    expect(columnOrder(m, { key: '3', dir: 'desc' })).toEqual([1, 0, 2])
    expect(columnOrder(m, { key: 'total', dir: 'asc' })).toEqual([2, 1, 0])
    expect(columnOrder(m, { key: 'label', dir: 'asc' })).toEqual([2, 1, 0])
  })

  it('cycles a heading through largest first, smallest first and unsorted (labels A–Z first)', () => {
    expect(nextSort(null, 'total')).toEqual({ key: 'total', dir: 'desc' })
    expect(nextSort({ key: 'total', dir: 'desc' }, 'total')).toEqual({ key: 'total', dir: 'asc' })
    expect(nextSort({ key: 'total', dir: 'asc' }, 'total')).toBeNull()
    expect(nextSort({ key: 'total', dir: 'asc' }, 'label')).toEqual({ key: 'label', dir: 'asc' })
  })

  it('writes the table as shown: the core’s order by default, a sorted one in its order', () => {
    expect(matrixWide(m, [0, 1, 2], [0, 1, 2])).toEqual(matrixWide(m))
    expect(matrixWide(m)[0]).toEqual(['code', ...m.columns.map((c) => c.label), 'total'])
    expect(matrixWide(m, [2], [1, 0])).toEqual([
      ['code', 'alpha', 'Zeta', 'total'],
      ['A', 7, 2, 9],
      ['total', 7, 9, 17],
    ])
  })

  it('shades up to the largest cell, not the totals', () => {
    expect(cellMax(m)).toBe(7)
    expect(heatLevel(0, 7)).toBe(0)
    expect(heatLevel(null, 7)).toBe(0)
    expect(heatLevel(7, 7)).toBe(20)
    expect(heatLevel(0.001, 7)).toBe(1)
    expect(heatLevel(2, 7)).toBeLessThan(heatLevel(5, 7))
  })

  it('stacks only the lowest codes in the chart when subcodes are rolled up', () => {
    const parentOf = (id: number) => (id === 2 ? 1 : null)
    expect([...stackRows(m, parentOf)]).toEqual([0, 1, 2])
    expect([...stackRows({ ...m, rollup: true }, parentOf)]).toEqual([1, 2])
  })

  it('writes values per measure and language', () => {
    expect(matrixValue('en', 'coverage', 0.1234)).toBe('12.3 %')
    expect(matrixValue('nl', 'coverage', 0.1234)).toBe('12,3 %')
    expect(matrixValue('en', 'coverage', null)).toBe('—')
    // Area codings cover no text: named beside the share; an empty cell stays blank.
    expect(matrixValue('en', 'coverage', 0)).toBe('')
    expect(matrixValue('en', 'coverage', 0, 1)).toBe('0.0 % + 1 area')
    expect(matrixValue('nl', 'coverage', 0.1234, 2)).toBe('12,3 % + 2 gebieden')
    expect(matrixValue('en', 'segments', 0)).toBe('0')
    expect(matrixValue('en', 'presence', 1)).toBe('✓')
    expect(matrixValue('en', 'segments', 1234)).toBe('1,234')
    expect(percent('nl', 0.5)).toBe('50,0 %')
    expect(coefficient('en', -0.0000001)).toBe('0.000')
    expect(coefficient('nl', 0.8)).toBe('0,800')
  })
})

describe('reading agreement (Krippendorff 2004: .800 reliable, .667 tentative)', () => {
  it('puts the bounds in the higher band', () => {
    expect(band(0.8)).toBe('reliable')
    expect(band(0.7999)).toBe('tentative')
    expect(band(0.667)).toBe('tentative')
    expect(band(0.6669)).toBe('unreliable')
  })

  it('reads alpha where the level has it, else kappa, and says why a value is missing', () => {
    const row: AgreementRow = {
      codeId: 1, codePath: 'A', documentId: null, documentTitle: null, units: 10, agreements: 8, disagreements: 2,
      percent: { value: 0.8 }, kappa: { value: 0.9 },
    }
    expect(readRow(row)).toEqual({ basis: 'kappa', value: 0.9, band: 'reliable' })
    expect(readRow({ ...row, alpha: { value: 0.7, low: 0.5, high: 0.8 } })).toEqual({ basis: 'alpha', value: 0.7, band: 'tentative' })
    expect(readRow({ ...row, alpha: { value: null, reason: 'no-variation', low: null, high: null } })).toEqual({ basis: 'alpha', value: null, band: null, reason: 'no-variation' })
  })
})

describe('co-occurrence order', () => {
  it('puts the code that co-occurs most first, by its row off the diagonal; ties keep the codebook order', () => {
    const values = [
      [9, 1, 0, 0],
      [1, 2, 3, 0],
      [0, 3, 5, 1],
      [0, 0, 1, 7],
    ]
    // Off-diagonal sums: 1, 4, 4, 1 — the diagonal (9, 7) does not count.
    expect(cooccurrenceOrder(values)).toEqual([1, 2, 0, 3])
    expect(cooccurrenceOrder([])).toEqual([])
  })
})
