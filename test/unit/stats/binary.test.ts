import { describe, expect, it } from 'vitest'
import {
  cohenKappa,
  cohenKappa2x2,
  krippendorffAlpha,
  krippendorffAlpha2x2,
  percentAgreement2x2,
  StatsError,
} from '../../../shared/stats'
import { twoByTwoToRatings, WIKIPEDIA_COHEN } from './published-data'

describe('2×2 agreement tables', () => {
  it('give the published kappa 0.40 and 70% agreement for the Wikipedia "Cohen\'s kappa" example', () => {
    expect(cohenKappa2x2(WIKIPEDIA_COHEN).value).toBeCloseTo(0.4, 3)
    expect(percentAgreement2x2(WIKIPEDIA_COHEN).value).toBeCloseTo(0.7, 3)
  })

  it.each([
    WIKIPEDIA_COHEN,
    { a: 1, b: 0, c: 0, d: 1 },
    { a: 7, b: 3, c: 0, d: 2 },
    { a: 0, b: 4, c: 5, d: 0 },
    { a: 250, b: 13, c: 31, d: 1706 },
  ])('give the same binary alpha and kappa as the general functions on the expanded data: %o', (table) => {
    const ratings = twoByTwoToRatings(table)
    const general = krippendorffAlpha(ratings, 'nominal')
    const fromCounts = krippendorffAlpha2x2(table)
    expect(fromCounts.alpha).toBeCloseTo(general.alpha!, 12)
    expect(fromCounts).toMatchObject({ units: general.units, pairableValues: general.pairableValues, coders: 2 })
    expect(fromCounts.expectedDisagreement).toBeCloseTo(general.expectedDisagreement, 12)
    expect(cohenKappa2x2(table).value).toBeCloseTo(cohenKappa(ratings).value!, 12)
  })

  it('handle millions of characters without building arrays', () => {
    const table = { a: 3_000_000, b: 12_345, c: 23_456, d: 9_000_000 }
    const alpha = krippendorffAlpha2x2(table).alpha!
    const kappa = cohenKappa2x2(table).value!
    // With near-equal marginals, binary alpha, Scott's pi and Cohen's kappa nearly coincide.
    expect(alpha).toBeGreaterThan(0.99)
    expect(Math.abs(alpha - kappa)).toBeLessThan(1e-3)
  })

  it('are null with reason no-variation when every judgement is the same, and no-pairable-units when empty', () => {
    expect(krippendorffAlpha2x2({ a: 0, b: 0, c: 0, d: 10 })).toMatchObject({ alpha: null, undefinedReason: 'no-variation' })
    expect(cohenKappa2x2({ a: 10, b: 0, c: 0, d: 0 })).toMatchObject({ value: null, undefinedReason: 'no-variation' })
    expect(krippendorffAlpha2x2({ a: 0, b: 0, c: 0, d: 0 })).toMatchObject({ alpha: null, undefinedReason: 'no-pairable-units' })
    expect(percentAgreement2x2({ a: 0, b: 0, c: 0, d: 0 }).value).toBeNull()
  })

  it('refuse negative or non-finite counts', () => {
    expect(() => cohenKappa2x2({ a: -1, b: 0, c: 0, d: 1 })).toThrow(StatsError)
    expect(() => krippendorffAlpha2x2({ a: Number.NaN, b: 0, c: 0, d: 1 })).toThrow(/bad-table/)
  })
})
