import { StatsError } from './errors'
import type { ReliabilityData, UndefinedReason } from './krippendorff'

/**
 * Weights for Cohen's kappa. `linear` and `quadratic` treat the categories as ordered and
 * equally spaced (Cicchetti–Allison and Fleiss–Cohen weights); a matrix gives Cohen's (1968)
 * disagreement weights v_ij directly: 0 for full agreement, larger for graver disagreement.
 */
export type KappaWeights = 'none' | 'linear' | 'quadratic' | ReadonlyArray<ReadonlyArray<number>>

/** An agreement coefficient with its ingredients. */
export interface AgreementResult {
  /** The coefficient, or `null` when undefined (see `undefinedReason`); never NaN. */
  value: number | null
  undefinedReason?: UndefinedReason
  /** Observed (weighted) agreement p_o; `null` when there is nothing to compare. */
  observed: number | null
  /** Chance agreement p_e; `null` for percent agreement or when there is nothing to compare. */
  expected: number | null
  /** Units that entered the coefficient. */
  units: number
  /** Categories the coefficient counted with (q). */
  categories: number
}

/** Agreement coefficients read reliability data as categories; the values are only labels. */
function checkCategorical(data: ReliabilityData): void {
  const units = data[0]?.length ?? 0
  data.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== units) {
      throw new StatsError('ragged-data', { coder: i, expected: units, got: Array.isArray(row) ? row.length : -1 })
    }
    row.forEach((v, u) => {
      if (v !== null && v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) {
        throw new StatsError('not-a-number', { coder: i, unit: u, value: String(v) })
      }
    })
  })
}

/** Per unit, how often each category was given; units without values are skipped. */
function unitCounts(data: ReliabilityData): { counts: Map<number, number>[]; categories: Set<number> } {
  const units = data[0]?.length ?? 0
  const counts: Map<number, number>[] = []
  const categories = new Set<number>()
  for (let u = 0; u < units; u++) {
    const unit = new Map<number, number>()
    for (const row of data) {
      const v = row[u]
      if (v === null || v === undefined) continue
      unit.set(v, (unit.get(v) ?? 0) + 1)
      categories.add(v)
    }
    counts.push(unit)
  }
  return { counts, categories }
}

function total(map: Map<number, number>): number {
  let t = 0
  for (const c of map.values()) t += c
  return t
}

/** Mean over units with ≥ 2 values of the share of agreeing pairs within the unit. */
function pairwiseAgreement(counts: Map<number, number>[]): { agreement: number; units: number } {
  let sum = 0
  let units = 0
  for (const unit of counts) {
    const m = total(unit)
    if (m < 2) continue
    let agreeing = 0
    for (const c of unit.values()) agreeing += c * (c - 1)
    sum += agreeing / (m * (m - 1))
    units++
  }
  return { agreement: units === 0 ? 0 : sum / units, units }
}

/**
 * Percent agreement among any number of coders: per unit, the share of coder pairs that gave
 * the same value, averaged over units with at least two values. With two coders this is the
 * share of units both coded alike. No correction for chance: report it next to a kappa or α.
 */
export function percentAgreement(data: ReliabilityData): AgreementResult {
  checkCategorical(data)
  const { counts, categories } = unitCounts(data)
  const { agreement, units } = pairwiseAgreement(counts)
  if (units === 0) {
    return { value: null, undefinedReason: 'no-pairable-units', observed: null, expected: null, units: 0, categories: categories.size }
  }
  return { value: agreement, observed: agreement, expected: null, units, categories: categories.size }
}

function disagreementWeights(weights: KappaWeights, q: number): number[][] {
  if (weights === 'none' || weights === 'linear' || weights === 'quadratic') {
    const span = Math.max(1, q - 1)
    return Array.from({ length: q }, (_, i) =>
      Array.from({ length: q }, (_, j) => {
        if (weights === 'none') return i === j ? 0 : 1
        const d = Math.abs(i - j) / span
        return weights === 'linear' ? d : d * d
      }),
    )
  }
  if (
    !Array.isArray(weights) ||
    weights.length !== q ||
    !weights.every((row) => Array.isArray(row) && row.length === q && row.every((w) => Number.isFinite(w) && w >= 0))
  ) {
    throw new StatsError('bad-weights', { categories: q })
  }
  return weights.map((row) => [...row])
}

/**
 * Cohen's kappa, weighted or not, from a q×q contingency table of counts: rows coder A,
 * columns coder B, categories in the same order on both sides (the order weights use).
 *
 * κ_w = 1 − Σ v_ij p_ij / Σ v_ij p_i. p_.j (Cohen 1968); with `none` this is the familiar
 * (p_o − p_e)/(1 − p_e). `observed` and `expected` are reported as agreements,
 * 1 − Σ v p / max v, so that κ = (p_o − p_e)/(1 − p_e) holds for every weighting.
 *
 * @throws StatsError `bad-table` (not square, negative or non-finite), `bad-weights`.
 */
export function cohenKappaFromTable(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: { weights?: KappaWeights } = {},
): AgreementResult {
  const q = table.length
  if (!table.every((row) => Array.isArray(row) && row.length === q && row.every((x) => Number.isFinite(x) && x >= 0))) {
    throw new StatsError('bad-table', { rows: q })
  }
  const v = disagreementWeights(options.weights ?? 'none', q)
  const rows = table.map((row) => row.reduce((s, x) => s + x, 0))
  const cols = Array.from({ length: q }, (_, j) => table.reduce((s, row) => s + (row[j] as number), 0))
  const n = rows.reduce((s, x) => s + x, 0)
  if (n === 0) return { value: null, undefinedReason: 'no-pairable-units', observed: null, expected: null, units: 0, categories: q }
  let vObserved = 0
  let vExpected = 0
  let vMax = 0
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      const w = (v[i] as number[])[j] as number
      vMax = Math.max(vMax, w)
      vObserved += (w * ((table[i] as ReadonlyArray<number>)[j] as number)) / n
      vExpected += (w * (rows[i] as number) * (cols[j] as number)) / (n * n)
    }
  }
  if (vMax === 0 || vExpected === 0) {
    // Chance alone would agree perfectly (p_e = 1): kappa is 0/0.
    return { value: null, undefinedReason: 'no-variation', observed: 1 - (vMax ? vObserved / vMax : 0), expected: 1, units: n, categories: q }
  }
  return {
    value: 1 - vObserved / vExpected,
    observed: 1 - vObserved / vMax,
    expected: 1 - vExpected / vMax,
    units: n,
    categories: q,
  }
}

/**
 * Cohen's kappa for exactly two coders (two rows of reliability data). Units that either
 * coder left empty are dropped. Categories are the values either coder used, ascending, or
 * `categories` when given; give them when weighting, so that an unused middle category still
 * counts as a step and an unused end category still widens the scale.
 *
 * @throws StatsError `kappa-needs-two-coders`, `category-not-listed`, and those of
 *   {@link cohenKappaFromTable}.
 */
export function cohenKappa(
  data: ReliabilityData,
  options: { weights?: KappaWeights; categories?: readonly number[] } = {},
): AgreementResult {
  if (data.length !== 2) throw new StatsError('kappa-needs-two-coders', { coders: data.length })
  checkCategorical(data)
  const [a, b] = data as [ReadonlyArray<number | null>, ReadonlyArray<number | null>]
  const observed = new Set<number>()
  for (let u = 0; u < a.length; u++) {
    const x = a[u]
    const y = b[u]
    if (x === null || x === undefined || y === null || y === undefined) continue
    observed.add(x)
    observed.add(y)
  }
  const categories = options.categories ? [...options.categories] : [...observed].sort((x, y) => x - y)
  const index = new Map(categories.map((c, i) => [c, i]))
  for (const c of observed) if (!index.has(c)) throw new StatsError('category-not-listed', { value: c })
  const table = categories.map(() => categories.map(() => 0))
  for (let u = 0; u < a.length; u++) {
    const x = a[u]
    const y = b[u]
    if (x === null || x === undefined || y === null || y === undefined) continue
    const row = table[index.get(x) as number] as number[]
    row[index.get(y) as number] = (row[index.get(y) as number] as number) + 1
  }
  return cohenKappaFromTable(table, options.weights === undefined ? {} : { weights: options.weights })
}

/**
 * Fleiss' kappa from a units × categories table of counts (Fleiss 1971): each row says how
 * many raters put the unit in each category. Rows that sum to 0 (units nobody rated) are
 * skipped; every other row must sum to the same number of raters n ≥ 2.
 *
 * @throws StatsError `bad-table`, `fleiss-unequal-raters`, `fleiss-needs-two-raters`.
 */
export function fleissKappaFromCounts(counts: ReadonlyArray<ReadonlyArray<number>>): AgreementResult {
  const q = counts[0]?.length ?? 0
  if (!counts.every((row) => Array.isArray(row) && row.length === q && row.every((x) => Number.isInteger(x) && x >= 0))) {
    throw new StatsError('bad-table', { rows: counts.length })
  }
  const rated = counts.filter((row) => row.some((x) => x > 0))
  if (rated.length === 0) return { value: null, undefinedReason: 'no-pairable-units', observed: null, expected: null, units: 0, categories: q }
  const raters = rated[0]!.reduce((s, x) => s + x, 0)
  rated.forEach((row, unit) => {
    const m = row.reduce((s, x) => s + x, 0)
    if (m !== raters) throw new StatsError('fleiss-unequal-raters', { unit, expected: raters, got: m })
  })
  if (raters < 2) throw new StatsError('fleiss-needs-two-raters', { raters })
  const units = rated.length
  let pBar = 0
  const share = new Array<number>(q).fill(0)
  for (const row of rated) {
    let agreeing = 0
    row.forEach((x, j) => {
      agreeing += x * (x - 1)
      share[j] = (share[j] as number) + x
    })
    pBar += agreeing / (raters * (raters - 1))
  }
  pBar /= units
  const pe = share.reduce((s, x) => s + (x / (units * raters)) ** 2, 0)
  if (1 - pe <= 0) return { value: null, undefinedReason: 'no-variation', observed: pBar, expected: 1, units, categories: q }
  return { value: (pBar - pe) / (1 - pe), observed: pBar, expected: pe, units, categories: q }
}

/**
 * Fleiss' kappa from reliability data (coders × units). Fleiss' kappa needs the same number
 * of ratings on every unit, so missing values are not silently absorbed:
 * - `missing: 'error'` (default): units nobody rated are skipped; if the other units do not
 *   all have the same number of ratings, throws `fleiss-unequal-raters` (naming the first
 *   unit that differs). Krippendorff's alpha is the coefficient for incomplete data.
 * - `missing: 'drop-units'`: only units rated by every coder are used.
 *
 * @throws StatsError `fleiss-unequal-raters`, `fleiss-needs-two-raters`, `ragged-data`.
 */
export function fleissKappa(data: ReliabilityData, options: { missing?: 'error' | 'drop-units' } = {}): AgreementResult {
  checkCategorical(data)
  const { counts, categories } = unitCounts(data)
  const order = [...categories].sort((x, y) => x - y)
  const column = new Map(order.map((c, i) => [c, i]))
  const table: number[][] = []
  counts.forEach((unit, u) => {
    const m = total(unit)
    if (m === 0) return
    if (options.missing === 'drop-units' && m !== data.length) return
    const row = new Array<number>(order.length).fill(0)
    for (const [c, x] of unit) row[column.get(c) as number] = x
    table.push(row)
    const first = table[0]!.reduce((s, x) => s + x, 0)
    if (m !== first) throw new StatsError('fleiss-unequal-raters', { unit: u, expected: first, got: m })
  })
  return fleissKappaFromCounts(table)
}

/**
 * Brennan & Prediger's (1981) free-marginal kappa, κ_n = (p_o − 1/q)/(1 − 1/q): chance
 * agreement is 1/q for q equally likely categories. p_o is {@link percentAgreement}, so any
 * number of coders and missing values are allowed. q should be the number of categories the
 * codebook offers (`categories`); without it, the number of distinct values observed.
 *
 * @throws StatsError `too-few-categories` when `categories` is below the values observed.
 */
export function brennanPrediger(data: ReliabilityData, options: { categories?: number } = {}): AgreementResult {
  checkCategorical(data)
  const { counts, categories: seen } = unitCounts(data)
  const q = options.categories ?? seen.size
  if (!Number.isInteger(q) || q < seen.size) throw new StatsError('too-few-categories', { categories: q, observed: seen.size })
  const { agreement, units } = pairwiseAgreement(counts)
  if (units === 0) return { value: null, undefinedReason: 'no-pairable-units', observed: null, expected: null, units: 0, categories: q }
  if (q < 2) return { value: null, undefinedReason: 'no-variation', observed: agreement, expected: 1, units, categories: q }
  const pe = 1 / q
  return { value: (agreement - pe) / (1 - pe), observed: agreement, expected: pe, units, categories: q }
}
