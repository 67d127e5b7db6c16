// Benchmark for the agreement statistics (run by `npm run bench`, not by `npm test`).
// Target: alphaBootstrap on 1,000 units × 10 coders with 1,000 resamples in under 1 s.
import { alphaBootstrap, krippendorffAlpha, mulberry32, type ReliabilityData } from '../../shared/stats'

/**
 * Seeded ordinal ratings 1–5: each unit has a true value; each coder gives it with
 * probability 0.7 and otherwise a uniform random value, and leaves 5% of cells empty, so
 * ordinal alpha lands near .5 like real coding data rather than near 0.
 */
function ordinalData(units: number, coders: number, seed: number): ReliabilityData {
  const random = mulberry32(seed)
  const truth = Array.from({ length: units }, () => 1 + Math.floor(random() * 5))
  return Array.from({ length: coders }, () =>
    truth.map((t) => {
      if (random() < 0.05) return null
      return random() < 0.7 ? t : 1 + Math.floor(random() * 5)
    }),
  )
}

function time<T>(f: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = f()
  return { ms: performance.now() - start, value }
}

/** Times the statistics; the first call of each is cold (includes JIT warm-up), as a user sees it. */
export async function run(): Promise<Array<{ name: string; ms: number; note?: string }>> {
  const data = ordinalData(1000, 10, 7)
  const point = time(() => krippendorffAlpha(data, 'ordinal'))
  const units = time(() => alphaBootstrap(data, 'ordinal', { samples: 1000, seed: 1, method: 'units' }))
  const kalpha = time(() => alphaBootstrap(data, 'ordinal', { samples: 1000, seed: 1, method: 'kalpha' }))
  const fmt = (x: number | null) => (x === null ? 'null' : x.toFixed(3))
  return [
    { name: 'krippendorffAlpha ordinal, 1,000 units × 10 coders', ms: point.ms, note: `alpha ${fmt(point.value.alpha)}` },
    {
      name: 'alphaBootstrap units (default), 1,000 units × 10 coders, 1,000 samples',
      ms: units.ms,
      note: `95% CI ${fmt(units.value.low)}–${fmt(units.value.high)}; target < 1000 ms`,
    },
    {
      name: 'alphaBootstrap kalpha, 1,000 units × 10 coders, 1,000 samples',
      ms: kalpha.ms,
      note: `95% CI ${fmt(kalpha.value.low)}–${fmt(kalpha.value.high)}, ${kalpha.value.draws} pairs per sample; target < 1000 ms`,
    },
  ]
}
