import { StatsError } from './errors'

/** Level of measurement; it chooses Krippendorff's difference function δ². */
export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio'

/** All levels, in order of increasing assumptions about the values. */
export const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio']

/**
 * Reliability data in Krippendorff's canonical form: one row per coder, one column per unit,
 * `null` where a coder gave the unit no value. Nominal data are any numbers used as labels.
 */
export type ReliabilityData = ReadonlyArray<ReadonlyArray<number | null>>

/** Why a coefficient has no value, rather than a NaN. */
export type UndefinedReason =
  /** Every pairable value is the same, so expected disagreement is 0 and α = 1 − 0/0. */
  | 'no-variation'
  /** No unit has two values to compare. */
  | 'no-pairable-units'

/** Krippendorff's alpha with the counts that qualify it. */
export interface AlphaResult {
  /** α, or `null` when undefined (see `undefinedReason`); never NaN. */
  alpha: number | null
  undefinedReason?: UndefinedReason
  /** Units with at least two values: the only ones that enter α. */
  units: number
  /** Rows of the reliability data, whether or not a coder contributed a pairable value. */
  coders: number
  /** n.. in Krippendorff (2011): values in pairable units. */
  pairableValues: number
  /** D_o, the observed disagreement (0 when nothing is pairable). */
  observedDisagreement: number
  /** D_e, the disagreement expected by chance (0 when nothing varies). */
  expectedDisagreement: number
}

/**
 * The coincidence structure of one data set, computed once and reused by `krippendorffAlpha`
 * and both bootstraps. Sparse, because interval data can hold thousands of distinct values
 * while each unit only pairs a handful. Exported for those callers only; not in the index.
 * @internal
 */
export interface Coincidences {
  level: Level
  coders: number
  /** Distinct pairable values, ascending (the order ordinal δ² needs). */
  values: Float64Array
  /** n_c: how many pairable values equal values[c]; whole numbers. */
  totals: Float64Array
  /** Non-zero o_ck with c ≤ k (the matrix is symmetric): cellC[i], cellK[i], cellO[i]. */
  cellC: Int32Array
  cellK: Int32Array
  cellO: Float64Array
  /** n.. */
  n: number
  /** Units with at least two values. */
  units: number
  /** Σ m_u(m_u − 1)/2: pairs of values within units, the number Hayes & Krippendorff resample. */
  pairs: number
  /** Per pairable unit, its distinct value indices and their counts (CSR layout). */
  unitStart: Int32Array
  unitValue: Int32Array
  unitCount: Float64Array
}

function assertLevel(level: string): asserts level is Level {
  if (!(LEVELS as readonly string[]).includes(level)) throw new StatsError('unknown-level', { level })
}

/**
 * Validates reliability data and builds its coincidence structure (Krippendorff 2011, §C):
 * o_ck = Σ_u (number of c–k pairs in u) / (m_u − 1) over units with m_u ≥ 2 values.
 * @internal
 */
export function tabulate(data: ReliabilityData, level: Level): Coincidences {
  assertLevel(level)
  const coders = data.length
  const unitCount = coders === 0 ? 0 : (data[0]?.length ?? 0)
  for (let i = 0; i < coders; i++) {
    const row = data[i]
    if (!Array.isArray(row) || row.length !== unitCount) {
      throw new StatsError('ragged-data', { coder: i, expected: unitCount, got: Array.isArray(row) ? row.length : -1 })
    }
  }

  // First pass: which units pair, and which values they hold. Values in units with a single
  // value never meet another value, so they do not enter n.. (nor the value list).
  const pairable: number[] = []
  const seen = new Set<number>()
  for (let u = 0; u < unitCount; u++) {
    let m = 0
    for (let i = 0; i < coders; i++) {
      const v = (data[i] as ReadonlyArray<number | null>)[u]
      if (v === null || v === undefined) continue
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new StatsError('not-a-number', { coder: i, unit: u, value: String(v) })
      }
      if (level === 'ratio' && v < 0) throw new StatsError('ratio-negative-value', { coder: i, unit: u, value: v })
      m++
    }
    if (m < 2) continue
    pairable.push(u)
    for (let i = 0; i < coders; i++) {
      const v = (data[i] as ReadonlyArray<number | null>)[u]
      if (v !== null && v !== undefined) seen.add(v)
    }
  }

  const values = Float64Array.from(seen).sort()
  const index = new Map<number, number>()
  values.forEach((v, i) => index.set(v, i))
  const k = values.length
  const totals = new Float64Array(k)
  const observed = new Map<number, number>() // key c·K + k, c ≤ k
  const unitStart = new Int32Array(pairable.length + 1)
  const unitValueList: number[] = []
  const unitCountList: number[] = []
  let n = 0
  let pairs = 0

  const counts = new Map<number, number>()
  pairable.forEach((u, p) => {
    counts.clear()
    let m = 0
    for (let i = 0; i < coders; i++) {
      const v = (data[i] as ReadonlyArray<number | null>)[u]
      if (v === null || v === undefined) continue
      const c = index.get(v) as number
      counts.set(c, (counts.get(c) ?? 0) + 1)
      m++
    }
    unitStart[p] = unitValueList.length
    for (const [c, nc] of counts) {
      unitValueList.push(c)
      unitCountList.push(nc)
      totals[c] = (totals[c] as number) + nc
      for (const [j, nj] of counts) {
        if (j < c) continue
        const pairsCj = c === j ? nc * (nc - 1) : nc * nj
        if (pairsCj === 0) continue
        const key = c * k + j
        observed.set(key, (observed.get(key) ?? 0) + pairsCj / (m - 1))
      }
    }
    n += m
    pairs += (m * (m - 1)) / 2
  })
  unitStart[pairable.length] = unitValueList.length

  const keys = [...observed.keys()].sort((a, b) => a - b)
  return {
    level,
    coders,
    values,
    totals,
    cellC: Int32Array.from(keys, (key) => Math.floor(key / k)),
    cellK: Int32Array.from(keys, (key) => key % k),
    cellO: Float64Array.from(keys, (key) => observed.get(key) as number),
    n,
    units: pairable.length,
    pairs,
    unitStart,
    unitValue: Int32Array.from(unitValueList),
    unitCount: Float64Array.from(unitCountList),
  }
}

/**
 * The positions on which ordinal δ² is a squared difference. Krippendorff's ordinal
 * δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² equals (mid_k − mid_c)² with mid_i the mid-rank
 * Σ_{g<i} n_g + n_i/2, so ordinal alpha is interval alpha on mid-ranks; that is what lets
 * D_e be summed in O(K) rather than over all K² pairs of values.
 */
function positions(level: Level, values: Float64Array, totals: Float64Array): Float64Array {
  if (level !== 'ordinal') return values
  const mid = new Float64Array(values.length)
  let below = 0
  for (let i = 0; i < values.length; i++) {
    const t = totals[i] as number
    mid[i] = below + t / 2
    below += t
  }
  return mid
}

/**
 * Krippendorff's difference function δ²(c, k) over value indices (Krippendorff 2011, §E).
 * Ordinal δ² depends on the value totals, which is why they are a parameter: a bootstrap over
 * units rebuilds it from each resample's totals.
 * @internal
 */
export function differenceFunction(level: Level, values: Float64Array, totals: Float64Array): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1)
    case 'ordinal':
    case 'interval': {
      const x = positions(level, values, totals)
      return (c, k) => {
        const d = (x[c] as number) - (x[k] as number)
        return d * d
      }
    }
    case 'ratio':
      return (c, k) => {
        if (c === k) return 0
        // a + b > 0 here: values are non-negative and distinct.
        const a = values[c] as number
        const b = values[k] as number
        const r = (a - b) / (a + b)
        return r * r
      }
  }
}

/**
 * Σ_c Σ_k n_c n_k δ²_ck, which is D_e·n..(n.. − 1). Closed forms where δ² is a squared
 * distance (nominal, ordinal, interval): Σ n_c n_k (x_c − x_k)² = 2n Σ n_c (x_c − x̄)², centred
 * so that large values with a small spread lose no precision. Ratio needs all pairs.
 * @internal
 */
export function expectedSum(level: Level, values: Float64Array, totals: Float64Array): number {
  const k = totals.length
  let n = 0
  let present = 0
  for (let c = 0; c < k; c++) {
    n += totals[c] as number
    if ((totals[c] as number) > 0) present++
  }
  // One value only: exactly no variation. Said explicitly, because the centred sum below
  // could leave a rounding residue (3 × 0.1 / 3 is not 0.1) and turn 0/0 into α = 1.
  if (present < 2) return 0
  if (level === 'nominal') {
    let squares = 0
    for (let c = 0; c < k; c++) squares += (totals[c] as number) ** 2
    return n * n - squares
  }
  if (level === 'ordinal' || level === 'interval') {
    const x = positions(level, values, totals)
    let mean = 0
    for (let c = 0; c < k; c++) mean += (totals[c] as number) * (x[c] as number)
    mean /= n
    let spread = 0
    for (let c = 0; c < k; c++) spread += (totals[c] as number) * ((x[c] as number) - mean) ** 2
    return 2 * n * spread
  }
  const delta = differenceFunction(level, values, totals)
  let sum = 0
  for (let c = 0; c < k; c++) {
    const nc = totals[c] as number
    if (nc === 0) continue
    let row = 0
    for (let j = c + 1; j < k; j++) {
      const nj = totals[j] as number
      if (nj !== 0) row += nj * delta(c, j)
    }
    sum += 2 * nc * row
  }
  return sum
}

/**
 * α from a prepared structure: α = 1 − (n.. − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * @internal
 */
export function alphaFromCoincidences(co: Coincidences): AlphaResult {
  const base = { units: co.units, coders: co.coders, pairableValues: co.n }
  if (co.n === 0) {
    return { alpha: null, undefinedReason: 'no-pairable-units', ...base, observedDisagreement: 0, expectedDisagreement: 0 }
  }
  const delta = differenceFunction(co.level, co.values, co.totals)
  let observedSum = 0
  for (let i = 0; i < co.cellO.length; i++) {
    const c = co.cellC[i] as number
    const j = co.cellK[i] as number
    if (c !== j) observedSum += 2 * (co.cellO[i] as number) * delta(c, j)
  }
  const expected = expectedSum(co.level, co.values, co.totals)
  const observedDisagreement = observedSum / co.n
  if (!(expected > 0)) {
    return { alpha: null, undefinedReason: 'no-variation', ...base, observedDisagreement, expectedDisagreement: 0 }
  }
  return {
    alpha: 1 - ((co.n - 1) * observedSum) / expected,
    ...base,
    observedDisagreement,
    expectedDisagreement: expected / (co.n * (co.n - 1)),
  }
}

/**
 * Krippendorff's alpha for reliability data with any number of coders, missing values and
 * the four classic levels of measurement, by the coincidence-matrix method of Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability", Departmental Papers (ASC), UPenn.
 *
 * Units with fewer than two values are dropped, as the method requires. Returns `alpha: null`
 * with `undefinedReason` when nothing is pairable or when every pairable value is the same.
 * Time and memory grow with the values and the distinct value pairs within units, not with
 * the square of the number of distinct values (except for ratio D_e, which is O(K²) time).
 *
 * @param data coders × units; `null` is missing.
 * @param level level of measurement (default nominal).
 * @throws StatsError `ragged-data`, `not-a-number`, `unknown-level`, `ratio-negative-value`.
 */
export function krippendorffAlpha(data: ReliabilityData, level: Level = 'nominal'): AlphaResult {
  return alphaFromCoincidences(tabulate(data, level))
}
