/**
 * The analyses as tables of cells, ready for toCsv (shared/csv.ts) or tab-separated lines:
 * numbers stay numbers, so the writer formats them (decimal comma) and guards only text.
 */
import type { CooccurrenceResult, MatrixResult, PhaseOverview, SaturationResult } from './analysis-types'
import type { Cell } from './csv'

/** Names the total row and column. */
export const TOTAL_LABEL = 'total'
/** Names the column of area codings beside coverage (areas cover no text). */
export const AREAS_LABEL = 'areas'

const indices = (n: number) => Array.from({ length: n }, (_, i) => i)

/**
 * The matrix as shown: column names first, the code path first in each row, then the totals;
 * for coverage a last column with each row's area codings (the long form has them per cell).
 * `rows` and `cols` give the order on screen after sorting (default: the core's order); the
 * matrix view and the core's export use this one layout.
 */
export function matrixWide(
  m: MatrixResult,
  rows: readonly number[] = indices(m.rows.length),
  cols: readonly number[] = indices(m.columns.length),
): Cell[][] {
  const a = m.areas
  return [
    ['code', ...cols.map((j) => m.columns[j]!.label), TOTAL_LABEL, ...(a ? [AREAS_LABEL] : [])],
    ...rows.map((i) => [m.rows[i]!.path, ...cols.map((j) => m.values[i]![j]), m.rowTotals[i], ...(a ? [a.rowTotals[i]!] : [])]),
    [TOTAL_LABEL, ...cols.map((j) => m.columnTotals[j]), m.total, ...(a ? [a.total] : [])],
  ]
}

/**
 * The wide matrix with the numbers the table on screen shows: coverage as a percentage rounded
 * to one decimal (1.6, not 0.0164721…), an empty coverage cell blank. Still numbers, so that
 * a spreadsheet computes with them; the first heading says the unit.
 */
export function matrixShown(
  m: MatrixResult,
  rows: readonly number[] = indices(m.rows.length),
  cols: readonly number[] = indices(m.columns.length),
): Cell[][] {
  if (m.measure !== 'coverage') return matrixWide(m, rows, cols)
  const a = m.areas
  const shown = (v: number | null, areas = 0): Cell => (v === null || (v === 0 && areas === 0) ? null : Math.round(v * 1000) / 10)
  return [
    ['code (% of text)', ...cols.map((j) => m.columns[j]!.label), TOTAL_LABEL, ...(a ? [AREAS_LABEL] : [])],
    ...rows.map((i) => [
      m.rows[i]!.path,
      ...cols.map((j) => shown(m.values[i]![j]!, a?.values[i]![j])),
      shown(m.rowTotals[i]!, a?.rowTotals[i]),
      ...(a ? [a.rowTotals[i]!] : []),
    ]),
    [TOTAL_LABEL, ...cols.map((j) => shown(m.columnTotals[j]!, a?.columnTotals[j])), shown(m.total, a?.total), ...(a ? [a.total] : [])],
  ]
}

/**
 * The matrix in tidy long form, one value per line (row, column, measure, value): every cell,
 * then each row's total, each column's total and the overall total, labelled `total`. The
 * totals are there because for documents and coverage they cannot be summed from the cells.
 * Coverage adds a column `areas`: the area codings of the cell or total, which cover no text.
 */
export function matrixLong(m: MatrixResult): Cell[][] {
  const a = m.areas
  const line = (row: string, column: string, value: number | null, areas: number | undefined): Cell[] =>
    a ? [row, column, m.measure, value, areas ?? 0] : [row, column, m.measure, value]
  const lines: Cell[][] = [['row', 'column', 'measure', 'value', ...(a ? [AREAS_LABEL] : [])]]
  m.rows.forEach((r, i) => m.columns.forEach((c, j) => lines.push(line(r.path, c.label, m.values[i]![j]!, a?.values[i]![j]))))
  m.rows.forEach((r, i) => lines.push(line(r.path, TOTAL_LABEL, m.rowTotals[i]!, a?.rowTotals[i])))
  m.columns.forEach((c, j) => lines.push(line(TOTAL_LABEL, c.label, m.columnTotals[j]!, a?.columnTotals[j])))
  lines.push(line(TOTAL_LABEL, TOTAL_LABEL, m.total, a?.total))
  return lines
}

/** Code × code, the code paths along both edges. */
export function cooccurrenceTable(c: CooccurrenceResult): Cell[][] {
  return [['code', ...c.rows.map((r) => r.path)], ...c.rows.map((r, i) => [r.path, ...c.values[i]!])]
}

/** One line per case: assigned phase, strongest evidence, the flag, codings and coverage per phase. */
export function phasesTable(p: PhaseOverview): Cell[][] {
  const header = [
    'case', 'assigned', 'strongest', 'differs',
    ...p.phases.map((x) => `segments_${x.phase}`), ...p.phases.map((x) => `coverage_${x.phase}`),
  ]
  return [
    header,
    ...p.cases.map((c) => [
      c.caseName,
      c.assigned,
      // One phase as a number; a tie as text ("1 2"), which no spreadsheet takes for a number.
      c.strongest.length === 1 ? c.strongest[0] : c.strongest.join(' '),
      c.differs,
      ...c.segments,
      ...c.coverage,
    ]),
  ]
}

/** The saturation curve, one line per document in the order they were coded. */
export function saturationTable(s: SaturationResult): Cell[][] {
  return [
    ['order', 'document', 'case', 'first_coded', 'codings', 'new_codes', 'codes', 'new_cells', 'cells', 'new_code_paths'],
    ...s.documents.map((d, i) => [
      i + 1, d.title, d.caseName, d.firstCoded, d.codings, d.newCodes, d.totalCodes, d.newCells, d.totalCells, d.newCodePaths.join('; '),
    ]),
  ]
}

/** The header of the codings export. */
export const CODINGS_HEADER = ['coding_id', 'case', 'document', 'page', 'code', 'coder', 'start', 'end', 'quote', 'memo', 'origin', 'origin_detail', 'created', 'updated'] as const
