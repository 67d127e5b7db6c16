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
 * and both bootstraps. Exported for those callers only; not part of the public index.
 * @internal
 */
export interface Coincidences {
  level: Level
  coders: number
  /** Distinct pairable values, ascending (the order ordinal δ² needs). */
  values: Float64Array
  /** n_c: how many pairable values equal values[c]; whole numbers. */
  totals: Float64Array
  /** o_ck, row-major K×K. */
  observed: Float64Array
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
  const observed = new Float64Array(k * k)
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
      for (const [kk, nk] of counts) {
        const pairsCk = c === kk ? nc * (nc - 1) : nc * nk
        if (pairsCk > 0) observed[c * k + kk] = (observed[c * k + kk] as number) + pairsCk / (m - 1)
      }
    }
    n += m
    pairs += (m * (m - 1)) / 2
  })
  unitStart[pairable.length] = unitValueList.length

  return {
    level,
    coders,
    values,
    totals,
    observed,
    n,
    units: pairable.length,
    pairs,
    unitStart,
    unitValue: Int32Array.from(unitValueList),
    unitCount: Float64Array.from(unitCountList),
  }
}

/**
 * Krippendorff's difference function δ²_ck as a row-major K×K matrix (Krippendorff 2011, §E).
 * Ordinal δ² depends on the value totals, which is why they are a parameter: a bootstrap
 * over units must rebuild it from each resample's totals.
 * @internal
 */
export function deltaMatrix(level: Level, values: Float64Array, totals: Float64Array): Float64Array {
  const k = values.length
  const delta = new Float64Array(k * k)
  // cum[i] = Σ_{g<i} n_g, so Σ_{g=c..k} n_g = cum[k+1] − cum[c] for c ≤ k.
  const cum = new Float64Array(k + 1)
  for (let i = 0; i < k; i++) cum[i + 1] = (cum[i] as number) + (totals[i] as number)
  for (let c = 0; c < k; c++) {
    for (let j = c + 1; j < k; j++) {
      const a = values[c] as number
      const b = values[j] as number
      let d: number
      switch (level) {
        case 'nominal':
          d = 1
          break
        case 'ordinal': {
          const r = (cum[j + 1] as number) - (cum[c] as number) - ((totals[c] as number) + (totals[j] as number)) / 2
          d = r * r
          break
        }
        case 'interval':
          d = (a - b) * (a - b)
          break
        case 'ratio': {
          // a + b > 0 here: values are non-negative and distinct.
          const r = (a - b) / (a + b)
          d = r * r
          break
        }
      }
      delta[c * k + j] = d
      delta[j * k + c] = d
    }
  }
  return delta
}

/**
 * Σ_c Σ_k n_c n_k δ²_ck, the numerator of D_e·n..(n.. − 1).
 * @internal
 */
export function expectedSum(totals: Float64Array, delta: Float64Array): number {
  const k = totals.length
  let sum = 0
  for (let c = 0; c < k; c++) {
    const nc = totals[c] as number
    if (nc === 0) continue
    let row = 0
    for (let j = c + 1; j < k; j++) row += (totals[j] as number) * (delta[c * k + j] as number)
    sum += 2 * nc * row
  }
  return sum
}

/**
 * α from a prepared structure: α = 1 − (n.. − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * @internal
 */
export function alphaFromCoincidences(co: Coincidences, delta: Float64Array): AlphaResult {
  const base = { units: co.units, coders: co.coders, pairableValues: co.n }
  if (co.n === 0) {
    return { alpha: null, undefinedReason: 'no-pairable-units', ...base, observedDisagreement: 0, expectedDisagreement: 0 }
  }
  let observedSum = 0
  for (let i = 0; i < co.observed.length; i++) observedSum += (co.observed[i] as number) * (delta[i] as number)
  const expected = expectedSum(co.totals, delta)
  const observedDisagreement = observedSum / co.n
  const expectedDisagreement = expected / (co.n * (co.n - 1))
  if (expected === 0) {
    return { alpha: null, undefinedReason: 'no-variation', ...base, observedDisagreement, expectedDisagreement: 0 }
  }
  return { alpha: 1 - ((co.n - 1) * observedSum) / expected, ...base, observedDisagreement, expectedDisagreement }
}

/**
 * Krippendorff's alpha for reliability data with any number of coders, missing values and
 * the four classic levels of measurement, by the coincidence-matrix method of Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability", Departmental Papers (ASC), UPenn.
 *
 * Units with fewer than two values are dropped, as the method requires. Returns `alpha: null`
 * with `undefinedReason` when nothing is pairable or when every pairable value is the same.
 *
 * @param data coders × units; `null` is missing.
 * @param level level of measurement (default nominal).
 * @throws StatsError `ragged-data`, `not-a-number`, `unknown-level`, `ratio-negative-value`.
 */
export function krippendorffAlpha(data: ReliabilityData, level: Level = 'nominal'): AlphaResult {
  const co = tabulate(data, level)
  return alphaFromCoincidences(co, deltaMatrix(level, co.values, co.totals))
}
