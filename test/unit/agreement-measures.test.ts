import { describe, expect, it } from 'vitest'
import { measure, type MeasureInput } from '../../electron/core/agreement/measures'

/** One code over four documents of 100 characters; `applied[k][d]` and segments per coder and document. */
function input(coders: string[], applied: number[][], segments?: [number, number][][][]): MeasureInput {
  return {
    coders,
    codes: [{ id: 1, path: 'X' }],
    documents: applied[0]!.map((_, d) => ({ id: d + 1, title: `D${d + 1}`, length: 100 })),
    cells: [
      applied[0]!.map((_, d) => ({
        applied: coders.map((_, k) => applied[k]![d] === 1),
        segments: coders.map((_, k) => (segments?.[k]?.[d] ?? []).map(([start, end]) => ({ start, end }))),
      })),
    ],
  }
}

describe('document level with three coders', () => {
  /**
   * Anna 1 1 0 0, Bram 1 0 0 0, Cas 1 1 0 1 over four documents.
   * All agree in D1 and D3: 2 agreements, 2 disagreements.
   * Fleiss: P_i = 1, (2·1)/(3·2) = 1/3, 1, (2·1)/(3·2) = 1/3; P̄ = 2/3; p₁ = 6/12, P_e = 1/2;
   *   κ = (2/3 − 1/2)/(1/2) = 1/3. Percent (mean pairwise agreement) = P̄ = 2/3.
   * α: n.. = 12, n₁ = n₀ = 6; o₀₁ = D2 2·1/2 + D4 1·2/2 = 2; α = 1 − 11·2/(6·6) = 7/18.
   */
  it('gives Fleiss kappa in the kappa column, and alpha, from presence', () => {
    const r = measure('document', input(['Anna', 'Bram', 'Cas'], [[1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 0, 1]]), { overlap: 90, samples: 0, seed: 1 })
    expect(r.kappaKind).toBe('fleiss')
    const x = r.byCode[0]!
    expect([x.agreements, x.disagreements]).toEqual([2, 2])
    expect(x.kappa.value).toBeCloseTo(1 / 3, 12)
    expect(x.fleiss).toEqual(x.kappa)
    expect(x.percent.value).toBeCloseTo(2 / 3, 12)
    expect(x.alpha!.value).toBeCloseTo(7 / 18, 12)
    expect(x.table).toBeUndefined()
    expect(r.bootstrapMethod).toBeNull()
  })
})

describe('segment level', () => {
  /**
   * Two coders, four documents. D1: [10,50) both: agree twice. D2: Anna [0,40), Bram [20,60):
   * 20 of 60 = 33% → neither. D3: nobody. D4: Bram [5,15) alone. 2 agreements of 5 segments.
   */
  it('counts each coder\'s segments, so an agreeing pair counts twice', () => {
    const r = measure('segment', input(['Anna', 'Bram'], [[1, 1, 0, 0], [1, 1, 0, 1]], [
      [[[10, 50]], [[0, 40]], [], []],
      [[[10, 50]], [[20, 60]], [], [[5, 15]]],
    ]), { overlap: 90, samples: 0, seed: 1 })
    expect([r.total.agreements, r.total.disagreements, r.total.units]).toEqual([2, 3, 5])
    expect(r.total.percent.value).toBeCloseTo(0.4, 12)
    // One code in the table: chance agreement 1/1, kappa undefined.
    expect(r.total.kappa).toEqual({ value: null, reason: 'one-code' })
    const d3 = r.byDocument[2]!
    expect(d3.percent).toEqual({ value: null, reason: 'no-pairable-units' })
    expect(JSON.stringify(r)).not.toContain('NaN')
  })
})

describe('character level', () => {
  it('is undefined, with a reason, where neither coder coded, and leaves such documents out of the weighted kappa', () => {
    // D1: both [0,50) → κ = 1; D2–D4 nobody: κ = 0/0.
    const r = measure('character', input(['Anna', 'Bram'], [[1, 0, 0, 0], [1, 0, 0, 0]], [
      [[[0, 50]], [], [], []],
      [[[0, 50]], [], [], []],
    ]), { overlap: 90, samples: 100, seed: 1 })
    expect(r.cells.map((c) => c.kappa.value)).toEqual([1, null, null, null])
    expect(r.cells[1]!.kappa.reason).toBe('no-variation')
    expect(r.byCode[0]!.kappaWeighted!.value).toBe(1)
    expect(r.byCode[0]!.table).toEqual({ a: 50, b: 0, c: 0, d: 350 })
    expect(r.byCode[0]!.kappa.value).toBe(1)
    expect(r.byCode[0]!.alpha).toMatchObject({ value: 1 })
  })
})
