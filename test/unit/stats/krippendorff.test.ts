import { describe, expect, it } from 'vitest'
import { krippendorffAlpha, StatsError } from '../../../shared/stats'
import { KRIPPENDORFF_2011, WIKIPEDIA_ALPHA } from './published-data'

const _ = null

describe('krippendorffAlpha', () => {
  describe('Krippendorff (2011) "Computing Krippendorff\'s Alpha-Reliability", 4 observers × 12 units', () => {
    it.each([
      ['nominal', 0.743],
      ['ordinal', 0.815],
      ['interval', 0.849],
      ['ratio', 0.797],
    ] as const)('gives the published %s alpha of %s', (level, published) => {
      expect(krippendorffAlpha(KRIPPENDORFF_2011, level).alpha).toBeCloseTo(published, 3)
    })

    it('drops unit 12 (one value) and pairs the 40 values of the other 11 units, n.. = 40 as published', () => {
      const result = krippendorffAlpha(KRIPPENDORFF_2011, 'nominal')
      expect(result).toMatchObject({ units: 11, coders: 4, pairableValues: 40 })
    })
  })

  describe('Wikipedia "Krippendorff\'s alpha", computational example, 3 coders × 15 units', () => {
    it('gives the published nominal alpha of 0.691', () => {
      expect(krippendorffAlpha(WIKIPEDIA_ALPHA, 'nominal').alpha).toBeCloseTo(0.691, 3)
    })

    it('gives the published interval alpha of 0.811', () => {
      expect(krippendorffAlpha(WIKIPEDIA_ALPHA, 'interval').alpha).toBeCloseTo(0.811, 3)
    })

    it('defaults to nominal', () => {
      expect(krippendorffAlpha(WIKIPEDIA_ALPHA).alpha).toBe(krippendorffAlpha(WIKIPEDIA_ALPHA, 'nominal').alpha)
    })
  })

  it('is 1 when all coders agree on varied values', () => {
    expect(krippendorffAlpha([[1, 2, 3], [1, 2, 3]], 'interval').alpha).toBe(1)
  })

  it('is null with reason no-variation, not NaN, when every value is the same', () => {
    const result = krippendorffAlpha([[4, 4, 4], [4, 4, _]], 'ordinal')
    expect(result.alpha).toBeNull()
    expect(result.undefinedReason).toBe('no-variation')
    expect(result.units).toBe(2)
  })

  it('is null with reason no-pairable-units when no unit has two values', () => {
    expect(krippendorffAlpha([[1, _, 3], [_, 2, _]])).toMatchObject({ alpha: null, undefinedReason: 'no-pairable-units', units: 0 })
    expect(krippendorffAlpha([])).toMatchObject({ alpha: null, undefinedReason: 'no-pairable-units', coders: 0 })
  })

  it('ignores a unit with a single value: adding one does not move alpha', () => {
    const extended = KRIPPENDORFF_2011.map((row, i) => [...row, i === 0 ? 99 : _])
    expect(krippendorffAlpha(extended, 'interval').alpha).toBe(krippendorffAlpha(KRIPPENDORFF_2011, 'interval').alpha)
  })

  it('treats nominal values as labels: relabelling does not change nominal alpha', () => {
    const relabelled = WIKIPEDIA_ALPHA.map((row) => row.map((v) => (v === null ? null : 100 - 7 * v)))
    expect(krippendorffAlpha(relabelled, 'nominal').alpha).toBeCloseTo(krippendorffAlpha(WIKIPEDIA_ALPHA, 'nominal').alpha!, 12)
  })

  it('calls a single repeated 0.1 no-variation despite rounding (3 × 0.1 / 3 ≠ 0.1)', () => {
    expect(krippendorffAlpha([[0.1, 0.1, 0.1], [0.1, 0.1, 0.1]], 'interval').undefinedReason).toBe('no-variation')
  })

  it('gives the same interval alpha when a large constant is added (no cancellation)', () => {
    const data = [[1.5, 2.25, 3, 4], [1.5, 2, 3.5, 4]]
    const shifted = data.map((row) => row.map((v) => v + 1e9))
    expect(krippendorffAlpha(shifted, 'interval').alpha).toBeCloseTo(krippendorffAlpha(data, 'interval').alpha!, 9)
  })

  it('copes with thousands of distinct interval values (no K×K matrices)', () => {
    let x = 0
    const truth = Array.from({ length: 5000 }, () => (x = (x * 9301 + 49297) % 233280) / 2332.8)
    const data = [truth, truth.map((t, i) => t + (i % 7) / 10)]
    const result = krippendorffAlpha(data, 'interval')
    expect(result.pairableValues).toBe(10_000)
    expect(result.alpha!).toBeGreaterThan(0.99)
  })

  it('rejects ragged rows, non-finite values and negative ratio values with a StatsError code', () => {
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return e instanceof StatsError ? e.code : 'other'
      }
      return 'none'
    }
    expect(code(() => krippendorffAlpha([[1, 2], [1]]))).toBe('ragged-data')
    expect(code(() => krippendorffAlpha([[1, Number.NaN], [1, 2]]))).toBe('not-a-number')
    expect(code(() => krippendorffAlpha([[1, -2], [1, 2]], 'ratio'))).toBe('ratio-negative-value')
    expect(code(() => krippendorffAlpha([[1, 2], [1, 2]], 'circular' as never))).toBe('unknown-level')
  })
})
