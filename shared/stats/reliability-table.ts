import { StatsError } from './errors'
import { brennanPrediger, cohenKappa, fleissKappa, percentAgreement, type AgreementResult } from './kappa'
import { krippendorffAlpha, LEVELS, type Level, type UndefinedReason } from './krippendorff'

/** The coefficients a reliability table can be asked for. */
export type Measure = 'alpha' | 'kappa' | 'fleiss' | 'percent' | 'bp'

/** All measures, for validating what a CLI or form passes in. */
export const MEASURES: readonly Measure[] = ['alpha', 'kappa', 'fleiss', 'percent', 'bp']

/** A reliability table converted to Krippendorff's coders × units form. */
export interface ParsedReliabilityTable {
  coders: string[]
  units: string[]
  /** coders × units; `null` for an empty cell. */
  data: (number | null)[][]
  /**
   * `null` when every non-empty cell is a number (the values are those numbers); otherwise
   * the labels, and each value in `data` is an index into them (usable as nominal only).
   */
  labels: string[] | null
}

// Plain decimal numbers only: "1,5" or "n/a" stay labels rather than guessing at a locale.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/**
 * Reads a reliability table already split into cells: the first row holds the unit names
 * after one leading cell (normally empty, ignored), each following row a coder's name and
 * values. Cells are trimmed; an empty cell is a missing value. Rows that are wholly empty
 * (a trailing newline) are skipped, and so are empty cells past the last unit.
 *
 * If every non-empty cell is a number the values are numeric; otherwise every cell is a label
 * and labels are numbered in order of first appearance (row by row).
 *
 * @throws StatsError `table-empty`, `table-no-units`, `table-missing-unit-name`,
 *   `table-missing-coder-name`, `table-row-too-long`.
 */
export function parseReliabilityTable(rows: ReadonlyArray<ReadonlyArray<string>>): ParsedReliabilityTable {
  const trimmed = rows
    .map((row) => row.map((cell) => (cell ?? '').trim()))
    .filter((row) => row.some((cell) => cell !== ''))
  const [header, ...body] = trimmed
  if (!header || body.length === 0) throw new StatsError('table-empty', { rows: trimmed.length })
  let width = header.length
  while (width > 1 && header[width - 1] === '') width--
  const units = header.slice(1, width)
  if (units.length === 0) throw new StatsError('table-no-units')
  units.forEach((name, i) => {
    if (name === '') throw new StatsError('table-missing-unit-name', { column: i + 2 })
  })

  const coders: string[] = []
  const cells: string[][] = []
  body.forEach((row, r) => {
    const name = row[0] ?? ''
    // Row numbers are 1-based and count the header, as a spreadsheet shows them.
    if (name === '') throw new StatsError('table-missing-coder-name', { row: r + 2 })
    if (row.slice(width).some((cell) => cell !== '')) {
      throw new StatsError('table-row-too-long', { row: r + 2, coder: name, units: units.length })
    }
    coders.push(name)
    cells.push(units.map((_, u) => row[u + 1] ?? ''))
  })

  const numeric = cells.every((row) => row.every((cell) => cell === '' || NUMBER.test(cell)))
  if (numeric) {
    return { coders, units, data: cells.map((row) => row.map((cell) => (cell === '' ? null : Number(cell)))), labels: null }
  }
  const labels: string[] = []
  const index = new Map<string, number>()
  const data = cells.map((row) =>
    row.map((cell) => {
      if (cell === '') return null
      let i = index.get(cell)
      if (i === undefined) {
        i = labels.length
        labels.push(cell)
        index.set(cell, i)
      }
      return i
    }),
  )
  return { coders, units, data, labels }
}

/** What to compute from a reliability table. */
export interface ReliabilityOptions {
  measure: Measure
  /** Level of measurement for alpha; default nominal. The kappas are nominal by nature. */
  level?: Level
  /** Weights for `kappa`; default none. Weighted kappa needs numeric, ordered values. */
  weights?: 'none' | 'linear' | 'quadratic'
  /** Categories in the codebook, for `bp` (q); default the number of distinct values. */
  categories?: number
}

/** One coefficient computed from a reliability table. */
export interface ReliabilityReport {
  measure: Measure
  /**
   * The level the data were treated at: the requested level for alpha, `ordinal` for weighted
   * kappa (categories ordered by value), `nominal` for the rest.
   */
  level: Level
  value: number | null
  undefinedReason?: UndefinedReason
  /** Units that entered the coefficient (for alpha: pairable units). */
  units: number
  /** Coders in the table. */
  coders: number
}

/**
 * Parses a reliability table and computes one coefficient from it; the one-call path for the
 * CLI and the agreement view.
 *
 * @throws StatsError `unknown-measure`, `unknown-level`, `level-needs-numbers` (ordinal,
 *   interval or ratio alpha on labels), `weights-need-numbers`, `kappa-needs-two-coders`,
 *   `fleiss-unequal-raters`, and the parse errors of {@link parseReliabilityTable}.
 */
export function reliability(table: ReadonlyArray<ReadonlyArray<string>>, options: ReliabilityOptions): ReliabilityReport {
  const { measure } = options
  if (!MEASURES.includes(measure)) throw new StatsError('unknown-measure', { measure: String(measure) })
  const level = options.level ?? 'nominal'
  if (!LEVELS.includes(level)) throw new StatsError('unknown-level', { level: String(level) })
  const weights = options.weights ?? 'none'
  if (!['none', 'linear', 'quadratic'].includes(weights)) {
    throw new StatsError('bad-option', { option: 'weights', value: String(weights) })
  }
  const parsed = parseReliabilityTable(table)
  const coders = parsed.coders.length
  const labelled = parsed.labels !== null

  if (measure === 'alpha') {
    if (labelled && level !== 'nominal') throw new StatsError('level-needs-numbers', { level, ...firstLabel(parsed) })
    const result = krippendorffAlpha(parsed.data, level)
    return {
      measure,
      level,
      value: result.alpha,
      ...(result.undefinedReason ? { undefinedReason: result.undefinedReason } : {}),
      units: result.units,
      coders,
    }
  }

  let result: AgreementResult
  let used: Level = 'nominal'
  switch (measure) {
    case 'kappa':
      if (parsed.data.length !== 2) throw new StatsError('kappa-needs-two-coders', { coders })
      if (weights !== 'none') {
        if (labelled) throw new StatsError('weights-need-numbers', { weights, ...firstLabel(parsed) })
        used = 'ordinal'
      }
      result = cohenKappa(parsed.data, { weights })
      break
    case 'fleiss':
      result = fleissKappa(parsed.data)
      break
    case 'percent':
      result = percentAgreement(parsed.data)
      break
    case 'bp':
      result = brennanPrediger(parsed.data, options.categories === undefined ? {} : { categories: options.categories })
      break
  }
  return {
    measure,
    level: used,
    value: result.value,
    ...(result.undefinedReason ? { undefinedReason: result.undefinedReason } : {}),
    units: result.units,
    coders,
  }
}

/** Where the first non-numeric cell sits, so the message can point the user at it. */
function firstLabel(parsed: ParsedReliabilityTable): { value: string; coder: string; unit: string } {
  const labels = parsed.labels ?? []
  for (let i = 0; i < parsed.data.length; i++) {
    const row = parsed.data[i] as (number | null)[]
    for (let u = 0; u < row.length; u++) {
      const v = row[u]
      if (v === null || v === undefined) continue
      const label = labels[v] as string
      if (!NUMBER.test(label)) return { value: label, coder: parsed.coders[i] as string, unit: parsed.units[u] as string }
    }
  }
  return { value: '', coder: '', unit: '' }
}
