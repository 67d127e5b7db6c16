// Published reliability data sets shared by the statistics tests. Each names its source.

const _ = null

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Departmental Papers
 * (ASC), University of Pennsylvania, §C: 4 observers (A–D) × 12 units, '.' = missing.
 * Published: nominal .743, ordinal .815, interval .849, ratio .797.
 */
export const KRIPPENDORFF_2011: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]

/**
 * Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders × 15 units,
 * '*' = missing. Published: nominal 0.691, interval 0.811.
 */
export const WIKIPEDIA_ALPHA: (number | null)[][] = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
]

/**
 * Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories; each row
 * counts the raters per category. Published: κ = 0.210.
 */
export const WIKIPEDIA_FLEISS: number[][] = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
]

/** Expands a units × categories count table into raters × units (category j is value j+1). */
export function countsToRatings(counts: number[][]): (number | null)[][] {
  const raters = counts[0]!.reduce((s, x) => s + x, 0)
  const rows: (number | null)[][] = Array.from({ length: raters }, () => [])
  counts.forEach((unit) => {
    let r = 0
    unit.forEach((x, j) => {
      for (let i = 0; i < x; i++) rows[r++]!.push(j + 1)
    })
  })
  return rows
}

/**
 * Wikipedia, "Cohen's kappa", first worked example: 50 grant proposals read by A and B;
 * 20 yes/yes, 5 A-yes/B-no, 10 A-no/B-yes, 15 no/no. Published: κ = 0.40. (1 = yes, 0 = no.)
 */
export const WIKIPEDIA_COHEN = { a: 20, b: 5, c: 10, d: 15 }

/** Expands a 2×2 table into two coders' yes(1)/no(0) judgements. */
export function twoByTwoToRatings(t: { a: number; b: number; c: number; d: number }): number[][] {
  const a: number[] = []
  const b: number[] = []
  const push = (count: number, x: number, y: number) => {
    for (let i = 0; i < count; i++) {
      a.push(x)
      b.push(y)
    }
  }
  push(t.a, 1, 1)
  push(t.b, 1, 0)
  push(t.c, 0, 1)
  push(t.d, 0, 0)
  return [a, b]
}
