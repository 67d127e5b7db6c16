import { StatsError } from './errors'
import type { AgreementResult } from './kappa'
import type { AlphaResult } from './krippendorff'

/**
 * A 2×2 agreement table for two coders and a yes/no judgement, e.g. "is this character inside
 * a passage coded X?". Counts may run to millions; nothing here builds arrays of units.
 */
export interface TwoByTwo {
  /** Both coders yes. */
  a: number
  /** Coder A yes, coder B no. */
  b: number
  /** Coder A no, coder B yes. */
  c: number
  /** Both coders no. */
  d: number
}

function check(t: TwoByTwo): number {
  for (const key of ['a', 'b', 'c', 'd'] as const) {
    const x = t[key]
    if (!Number.isFinite(x) || x < 0) throw new StatsError('bad-table', { cell: key, value: String(x) })
  }
  return t.a + t.b + t.c + t.d
}

/** Share of units both coders judged alike, (a + d)/N. */
export function percentAgreement2x2(t: TwoByTwo): AgreementResult {
  const n = check(t)
  if (n === 0) return { value: null, undefinedReason: 'no-pairable-units', observed: null, expected: null, units: 0, categories: 2 }
  const po = (t.a + t.d) / n
  return { value: po, observed: po, expected: null, units: n, categories: 2 }
}

/**
 * Cohen's kappa from a 2×2 table, computed as 2(ad − bc) / ((a+b)(b+d) + (a+c)(c+d)),
 * algebraically (p_o − p_e)/(1 − p_e) but free of the cancellation that p_o − p_e suffers
 * when both are close to 1, as they are for character-level agreement.
 */
export function cohenKappa2x2(t: TwoByTwo): AgreementResult {
  const n = check(t)
  if (n === 0) return { value: null, undefinedReason: 'no-pairable-units', observed: null, expected: null, units: 0, categories: 2 }
  const po = (t.a + t.d) / n
  const pe = ((t.a + t.b) * (t.a + t.c) + (t.c + t.d) * (t.b + t.d)) / (n * n)
  const denominator = (t.a + t.b) * (t.b + t.d) + (t.a + t.c) * (t.c + t.d)
  if (denominator === 0) return { value: null, undefinedReason: 'no-variation', observed: po, expected: 1, units: n, categories: 2 }
  return { value: (2 * (t.a * t.d - t.b * t.c)) / denominator, observed: po, expected: pe, units: n, categories: 2 }
}

/**
 * Krippendorff's binary (nominal) alpha for two coders from a 2×2 table, without arrays.
 * Every unit pairs, so n.. = 2N; the coincidences are o_11 = 2a, o_00 = 2d, o_01 = o_10 = b + c;
 * the totals n_1 = 2a + b + c and n_0 = 2d + b + c; and α = 1 − (n.. − 1)(b + c)/(n_0 n_1).
 * Equal to {@link krippendorffAlpha} on the expanded data (tested).
 */
export function krippendorffAlpha2x2(t: TwoByTwo): AlphaResult {
  const n = check(t)
  const values = 2 * n
  const base = { units: n, coders: 2, pairableValues: values }
  if (n === 0) {
    return { alpha: null, undefinedReason: 'no-pairable-units', ...base, observedDisagreement: 0, expectedDisagreement: 0 }
  }
  const yes = 2 * t.a + t.b + t.c
  const no = 2 * t.d + t.b + t.c
  const disagreeing = t.b + t.c
  const observedDisagreement = (2 * disagreeing) / values
  if (yes === 0 || no === 0) {
    return { alpha: null, undefinedReason: 'no-variation', ...base, observedDisagreement, expectedDisagreement: 0 }
  }
  return {
    alpha: 1 - ((values - 1) * disagreeing) / (yes * no),
    ...base,
    observedDisagreement,
    expectedDisagreement: (2 * yes * no) / (values * (values - 1)),
  }
}
