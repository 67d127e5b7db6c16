/**
 * A seeded uniform generator on [0, 1) (mulberry32, public domain, by Tommy Ettinger).
 * Bootstrap results must repeat exactly for the same seed on every machine, which
 * `Math.random` cannot promise; 32 bits of state are plenty for a few million draws.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
