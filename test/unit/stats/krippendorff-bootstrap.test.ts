import { describe, expect, it } from 'vitest'
import { alphaBootstrap, krippendorffAlpha, LEVELS, StatsError } from '../../../shared/stats'
import { KRIPPENDORFF_2011 } from './published-data'

// Bootstrap after Hayes & Krippendorff (2007), "Answering the call for a standard reliability
// measure for coding data", and the KALPHA macro; data from Krippendorff (2011).
describe('alphaBootstrap', () => {
  it('repeats exactly with the same seed', () => {
    for (const method of ['kalpha', 'units'] as const) {
      const first = alphaBootstrap(KRIPPENDORFF_2011, 'ordinal', { samples: 500, seed: 42, method })
      const second = alphaBootstrap(KRIPPENDORFF_2011, 'ordinal', { samples: 500, seed: 42, method })
      expect(second).toEqual(first)
    }
  })

  it('draws differently with another seed', () => {
    const a = alphaBootstrap(KRIPPENDORFF_2011, 'nominal', { seed: 1 })
    const b = alphaBootstrap(KRIPPENDORFF_2011, 'nominal', { seed: 2 })
    expect([a.low, a.high, a.pMin]).not.toEqual([b.low, b.high, b.pMin])
  })

  describe.each(['kalpha', 'units'] as const)('method %s on the Krippendorff (2011) data', (method) => {
    it.each(LEVELS)('reports the point alpha and a %s interval that contains it', (level) => {
      const result = alphaBootstrap(KRIPPENDORFF_2011, level, { method })
      expect(result.alpha).toBe(krippendorffAlpha(KRIPPENDORFF_2011, level).alpha)
      expect(result.low).not.toBeNull()
      expect(result.low!).toBeLessThanOrEqual(result.alpha!)
      expect(result.high!).toBeGreaterThanOrEqual(result.alpha!)
      expect(result.low!).toBeLessThan(result.high!)
      expect(result.samples).toBe(1000)
    })

    it('gives q for alpha_min .667 and .8 by default, the stricter minimum failing more often', () => {
      const { pMin } = alphaBootstrap(KRIPPENDORFF_2011, 'interval', { method })
      expect(pMin.map((p) => p.alphaMin)).toEqual([0.667, 0.8])
      expect(pMin[0]!.q).toBeLessThanOrEqual(pMin[1]!.q)
      expect(pMin[1]!.q).toBeGreaterThan(0)
      expect(pMin[1]!.q).toBeLessThan(1)
    })
  })

  it('draws all 55 pairs of the 2011 data per kalpha resample (fewer than 25·Q)', () => {
    // Pairs: unit 1 and 10 have 3 values (3 pairs each), units 2–9 have 4 (6 each), unit 11 has 2.
    expect(alphaBootstrap(KRIPPENDORFF_2011, 'nominal', { method: 'kalpha' }).draws).toBe(3 + 8 * 6 + 3 + 1)
  })

  it('resamples units by default, drawing as many units as there are pairable units', () => {
    expect(alphaBootstrap(KRIPPENDORFF_2011, 'nominal')).toMatchObject({ method: 'units', draws: 11 })
  })

  it('narrows the interval when asked for less confidence', () => {
    const wide = alphaBootstrap(KRIPPENDORFF_2011, 'ordinal', { confidence: 0.95 })
    const narrow = alphaBootstrap(KRIPPENDORFF_2011, 'ordinal', { confidence: 0.5 })
    expect(narrow.high! - narrow.low!).toBeLessThan(wide.high! - wide.low!)
  })

  it('counts resamples without variation as alpha 0, as KALPHA does', () => {
    // Two coders agree on three units, two of them on value 1: a resample of only those has
    // no variation. kalpha draws 3 pairs from cells 1–1 (p 2/3) and 2–2 (p 1/3).
    const data = [[1, 1, 2], [1, 1, 2]]
    for (const method of ['kalpha', 'units'] as const) {
      const result = alphaBootstrap(data, 'nominal', { method, samples: 2000 })
      expect(result.alpha).toBe(1)
      // P(no variation) = (2/3)³ + (1/3)³ = 1/3
      expect(result.undefinedSamples / 2000).toBeCloseTo(1 / 3, 1)
      expect(result.low).toBe(0)
    }
  })

  it('returns nulls, not NaN, when alpha itself is undefined', () => {
    expect(alphaBootstrap([[3, 3], [3, 3]], 'interval')).toMatchObject({
      alpha: null,
      undefinedReason: 'no-variation',
      low: null,
      high: null,
    })
  })

  it('refuses nonsense options with bad-option', () => {
    expect(() => alphaBootstrap(KRIPPENDORFF_2011, 'nominal', { samples: 0 })).toThrow(StatsError)
    expect(() => alphaBootstrap(KRIPPENDORFF_2011, 'nominal', { confidence: 1 })).toThrow(/bad-option/)
  })
})
