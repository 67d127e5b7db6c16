/**
 * The matrix as the table shows it: the order of rows and columns after sorting and the largest
 * cell (for the shading). Pure functions over the core's MatrixResult, so a sort or a re-render
 * never asks the core again. (The CSV of the table as shown is shared/analysis-tables.ts's
 * matrixWide in this order.)
 */
import type { MatrixColumn, MatrixResult } from '../../../shared/analysis-types'

/** Sorting: by `label`, by `total`, or by one column's key (rows) / one row's code id (columns). */
export interface Sort {
  key: string
  dir: 'asc' | 'desc'
}

/** A column's identity that survives a reload: kind and id, or the attribute value. */
export function columnKey(c: MatrixColumn): string {
  return `${c.kind}:${c.id ?? c.label}`
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/**
 * Orders indices 0..n-1 by a value (nulls last whatever the direction), ties and `null` sort in
 * their original order.
 */
function orderBy(n: number, value: (i: number) => number | string | null, dir: 'asc' | 'desc'): number[] {
  const idx = Array.from({ length: n }, (_, i) => i)
  const sign = dir === 'asc' ? 1 : -1
  const vals = idx.map(value)
  return idx.sort((a, b) => {
    const x = vals[a]!
    const y = vals[b]!
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1
    const c = typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y
    return c !== 0 ? sign * c : a - b
  })
}

/** The order of the rows (indices into m.rows). */
export function rowOrder(m: MatrixResult, sort: Sort | null): number[] {
  const n = m.rows.length
  if (!sort) return Array.from({ length: n }, (_, i) => i)
  if (sort.key === 'label') return orderBy(n, (i) => m.rows[i]!.path, sort.dir)
  if (sort.key === 'total') return orderBy(n, (i) => m.rowTotals[i] ?? null, sort.dir)
  const j = m.columns.findIndex((c) => columnKey(c) === sort.key)
  if (j < 0) return Array.from({ length: n }, (_, i) => i)
  return orderBy(n, (i) => m.values[i]![j] ?? null, sort.dir)
}

/** The order of the columns (indices into m.columns). */
export function columnOrder(m: MatrixResult, sort: Sort | null): number[] {
  const n = m.columns.length
  if (!sort) return Array.from({ length: n }, (_, i) => i)
  if (sort.key === 'label') return orderBy(n, (j) => m.columns[j]!.label, sort.dir)
  if (sort.key === 'total') return orderBy(n, (j) => m.columnTotals[j] ?? null, sort.dir)
  const i = m.rows.findIndex((r) => String(r.codeId) === sort.key)
  if (i < 0) return Array.from({ length: n }, (_, j) => j)
  return orderBy(n, (j) => m.values[i]![j] ?? null, sort.dir)
}

/** The next sort when a heading is clicked: largest first, then smallest first, then unsorted (labels: A–Z first). */
export function nextSort(current: Sort | null, key: string): Sort | null {
  const first: Sort['dir'] = key === 'label' ? 'asc' : 'desc'
  if (!current || current.key !== key) return { key, dir: first }
  if (current.dir === first) return { key, dir: first === 'asc' ? 'desc' : 'asc' }
  return null
}

/** The largest cell value (not the totals): the top of the shading scale. */
export function cellMax(m: MatrixResult): number {
  let max = 0
  for (const row of m.values) for (const v of row) if (v !== null && v > max) max = v
  return max
}

/**
 * Rows that are stacked in the bar chart: with roll-up a parent already holds its subcodes'
 * codings, so only rows without a subcode among the rows are drawn.
 */
export function stackRows(m: MatrixResult, parentOf: (codeId: number) => number | null): Set<number> {
  if (!m.rollup) return new Set(m.rows.map((_, i) => i))
  const inTable = new Set(m.rows.map((r) => r.codeId))
  const hasChild = new Set<number>()
  for (const r of m.rows) {
    const p = parentOf(r.codeId)
    if (p !== null && inTable.has(p)) hasChild.add(p)
  }
  return new Set(m.rows.flatMap((r, i) => (hasChild.has(r.codeId) ? [] : [i])))
}

/**
 * Co-occurrence in order of how much each code co-occurs with the others (its row's sum off the
 * diagonal, most first; ties in the codebook's order): one order for rows and columns alike, so
 * the table stays symmetric.
 */
export function cooccurrenceOrder(values: readonly (readonly number[])[]): number[] {
  const sum = values.map((row, i) => row.reduce((n, v, j) => (j === i ? n : n + v), 0))
  return values.map((_, i) => i).sort((a, b) => sum[b]! - sum[a]! || a - b)
}
