import { describe, expect, it } from 'vitest'
import {
  brennanPrediger,
  cohenKappa,
  cohenKappaFromTable,
  fleissKappa,
  fleissKappaFromCounts,
  percentAgreement,
  StatsError,
} from '../../../shared/stats'
import { countsToRatings, twoByTwoToRatings, WIKIPEDIA_COHEN, WIKIPEDIA_FLEISS } from './published-data'

const _ = null

function codeOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    return e instanceof StatsError ? e.code : 'other'
  }
  return 'none'
}

// Cohen, J. (1968). Weighted kappa. Psychological Bulletin 70(4), 213–220, Table 1: 200 cases,
// three diagnoses (personality disorder, neurosis, psychosis), judge B in rows, judge A in
// columns, printed as proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06; disagreement
// weights 1, 3 and 6. Cohen reports κ = .492 and κ_w = .348, and κ_w = .353 for the
// asymmetric weights 0 1 4 / 1 0 6 / 2 2 0 (as reproduced in the R package psych,
// cohen.kappa examples).
const COHEN_1968 = [
  [88, 14, 18],
  [10, 40, 10],
  [2, 6, 12],
]

// A small ordered table worked by hand for linear and quadratic weights (rows A, columns B):
//   3 1 0
//   1 2 1      N = 10, row totals 4 4 2, column totals 4 4 2
//   0 1 1
// Expected counts r_i c_j / N:  1.6 1.6 .8 / 1.6 1.6 .8 / .8 .8 .4
// Unweighted: p_o = 6/10 = .6; p_e = (16 + 16 + 4)/100 = .36; κ = .24/.64 = .375.
// Linear v = |i−j|/2: observed Σv·n = 4 adjacent × .5 = 2 → .2; expected 4.8 × .5 + 1.6 × 1 = 4
//   → .4; κ_w = 1 − .2/.4 = .5.
// Quadratic v = ((i−j)/2)²: observed 4 × .25 = 1 → .1; expected 4.8 × .25 + 1.6 = 2.8 → .28;
//   κ_w = 1 − .1/.28 = 9/14 ≈ .643.
const HAND_TABLE = [
  [3, 1, 0],
  [1, 2, 1],
  [0, 1, 1],
]

function tableToRatings(table: number[][]): number[][] {
  const a: number[] = []
  const b: number[] = []
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        a.push(i + 1)
        b.push(j + 1)
      }
    }),
  )
  return [a, b]
}

describe('percentAgreement', () => {
  it('is the share of units two coders coded alike: Wikipedia "Cohen\'s kappa" example, 35/50 = 0.70', () => {
    expect(percentAgreement(twoByTwoToRatings(WIKIPEDIA_COHEN)).value).toBeCloseTo(0.7, 3)
  })

  it('averages the share of agreeing pairs per unit over units with two or more values', () => {
    // Unit 1: 1 1 1 → 3/3 agree; unit 2: 1 1 2 → 1/3; unit 3: 1 · 2 → 0/1; unit 4: one value,
    // dropped. Mean (1 + 1/3 + 0)/3 = 4/9.
    const result = percentAgreement([
      [1, 1, 1, 5],
      [1, 1, _, _],
      [1, 2, 2, _],
    ])
    expect(result.value).toBeCloseTo(4 / 9, 10)
    expect(result.units).toBe(3)
  })

  it('is null with no-pairable-units when no unit has two values', () => {
    expect(percentAgreement([[1, _], [_, 2]])).toMatchObject({ value: null, undefinedReason: 'no-pairable-units' })
  })
})

describe('cohenKappa', () => {
  it('gives the published 0.40 for the Wikipedia "Cohen\'s kappa" example, from ratings and from the table', () => {
    expect(cohenKappa(twoByTwoToRatings(WIKIPEDIA_COHEN)).value).toBeCloseTo(0.4, 3)
    expect(cohenKappaFromTable([[20, 5], [10, 15]])).toMatchObject({ observed: 0.7, units: 50 })
    expect(cohenKappaFromTable([[20, 5], [10, 15]]).value).toBeCloseTo(0.4, 3)
  })

  it('gives Cohen (1968) Table 1: κ = .492, κ_w = .348 with weights 1/3/6', () => {
    expect(cohenKappaFromTable(COHEN_1968).value).toBeCloseTo(0.492, 3)
    const weighted = cohenKappaFromTable(COHEN_1968, { weights: [[0, 1, 3], [1, 0, 6], [3, 6, 0]] })
    expect(weighted.value).toBeCloseTo(0.348, 3)
  })

  it('gives Cohen (1968) κ_w = .353 with asymmetric weights 0 1 4 / 1 0 6 / 2 2 0', () => {
    expect(cohenKappaFromTable(COHEN_1968, { weights: [[0, 1, 4], [1, 0, 6], [2, 2, 0]] }).value).toBeCloseTo(0.353, 3)
  })

  it('gives the hand-worked .375 unweighted, .5 linear and 9/14 quadratic', () => {
    const ratings = tableToRatings(HAND_TABLE)
    expect(cohenKappa(ratings).value).toBeCloseTo(0.375, 10)
    expect(cohenKappa(ratings, { weights: 'linear' }).value).toBeCloseTo(0.5, 10)
    expect(cohenKappa(ratings, { weights: 'quadratic' }).value).toBeCloseTo(9 / 14, 10)
    expect(cohenKappaFromTable(HAND_TABLE, { weights: 'quadratic' }).value).toBeCloseTo(0.643, 3)
  })

  it('counts listed but unused categories as steps of the weighted scale', () => {
    // The hand-worked table recoded 1, 3, 4 with 2 listed but unused. Linear weights are
    // steps/3, and the scale cancels in κ_w, so count in steps: 1–3 is 2, 3–4 is 1, 1–4 is 3.
    // Observed: (1+1)·2 + (1+1)·1 = 6; expected: (1.6+1.6)·2 + (.8+.8)·1 + (.8+.8)·3 = 12.8.
    // κ_w = 1 − 6/12.8 = .53125 (against .5 when the scale has no gap).
    const [a, b] = tableToRatings(HAND_TABLE).map((row) => row.map((v) => (v === 1 ? 1 : v + 1)))
    expect(cohenKappa([a!, b!], { weights: 'linear', categories: [1, 2, 3, 4] }).value).toBeCloseTo(0.53125, 10)
  })

  it('drops units either coder left empty', () => {
    expect(cohenKappa([[1, 2, _, 1], [1, 2, 2, _]])).toMatchObject({ value: 1, units: 2 })
  })

  it('is null with reason no-variation when both coders used one category (p_e = 1)', () => {
    expect(cohenKappa([[2, 2, 2], [2, 2, 2]])).toMatchObject({ value: null, undefinedReason: 'no-variation' })
  })

  it('needs exactly two coders', () => {
    expect(codeOf(() => cohenKappa([[1, 2], [1, 2], [2, 2]]))).toBe('kappa-needs-two-coders')
  })

  it('refuses a value missing from the listed categories and a weight matrix of the wrong size', () => {
    expect(codeOf(() => cohenKappa([[1, 2], [1, 3]], { categories: [1, 2] }))).toBe('category-not-listed')
    expect(codeOf(() => cohenKappaFromTable(HAND_TABLE, { weights: [[0, 1], [1, 0]] }))).toBe('bad-weights')
  })
})

describe('fleissKappa', () => {
  it('gives the published 0.210 for the Wikipedia "Fleiss\' kappa" example (10 subjects, 14 raters)', () => {
    expect(fleissKappaFromCounts(WIKIPEDIA_FLEISS).value).toBeCloseTo(0.21, 3)
  })

  it('gives the same from the ratings matrix (raters × units)', () => {
    const result = fleissKappa(countsToRatings(WIKIPEDIA_FLEISS))
    expect(result.value).toBeCloseTo(0.21, 3)
    expect(result.units).toBe(10)
  })

  it('refuses units rated by different numbers of raters unless asked to drop incomplete units', () => {
    const data = [
      [1, 2, 1, _],
      [1, 2, 2, _],
      [1, _, 2, _],
    ]
    expect(codeOf(() => fleissKappa(data))).toBe('fleiss-unequal-raters')
    // Unit 4 (nobody) is skipped, unit 2 (two of three raters) dropped; units 1 and 3 remain:
    // P_1 = 1, P_3 = 1/3, P̄ = 2/3; p = (4/6, 2/6), P̄e = 5/9; κ = (2/3 − 5/9)/(4/9) = 1/4.
    expect(fleissKappa(data, { missing: 'drop-units' })).toMatchObject({ units: 2 })
    expect(fleissKappa(data, { missing: 'drop-units' }).value).toBeCloseTo(0.25, 10)
  })

  it('is null with reason no-variation when every rating is the same category', () => {
    expect(fleissKappaFromCounts([[0, 3], [0, 3]])).toMatchObject({ value: null, undefinedReason: 'no-variation' })
  })

  it('needs at least two raters per unit', () => {
    expect(codeOf(() => fleissKappaFromCounts([[1, 0], [0, 1]]))).toBe('fleiss-needs-two-raters')
  })
})

describe('brennanPrediger', () => {
  // The hand-worked table above: p_o = .6.
  //   q = 3 (observed): κ_n = (.6 − 1/3)/(1 − 1/3) = (4/15)/(2/3) = .4
  //   q = 5 (codebook): κ_n = (.6 − .2)/(1 − .2) = .5
  it('gives the hand-worked .4 with the 3 observed categories and .5 with 5 codebook categories', () => {
    const ratings = tableToRatings(HAND_TABLE)
    expect(brennanPrediger(ratings)).toMatchObject({ categories: 3, observed: 0.6 })
    expect(brennanPrediger(ratings).value).toBeCloseTo(0.4, 10)
    expect(brennanPrediger(ratings, { categories: 5 }).value).toBeCloseTo(0.5, 10)
  })

  it('is null with reason no-variation when there is a single category', () => {
    expect(brennanPrediger([[1, 1], [1, 1]])).toMatchObject({ value: null, undefinedReason: 'no-variation' })
  })

  it('refuses fewer codebook categories than values observed', () => {
    expect(codeOf(() => brennanPrediger(tableToRatings(HAND_TABLE), { categories: 2 }))).toBe('too-few-categories')
  })
})
