/**
 * suggest-eval's simulated coder on a hand-made case: ten units, a fixed ranking, three truth
 * codings; every count worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest'
import type { Unit } from '../../electron/core/suggest/corpus'
import { overlapsHalf } from '../../electron/core/suggest/corpus'
import { nameSearchRanker, simulate } from '../../electron/core/suggest/evaluate'
import type { Feedback } from '../../electron/core/suggest/scorer'

/** Units of 10 characters each in document 1: u0 = [0,10), u1 = [10,20), … */
const units: Unit[] = Array.from({ length: 10 }, (_, i) => ({
  key: `1:${i * 10}`, text: `unit ${i}`, lang: 'en', documentId: 1, start: i * 10, end: i * 10 + 10, page: 1,
}))
const empty: Feedback = { positive: [], negative: [], background: [] }
/** Ranks by a fixed score per unit: u9 best, then u8, … (as if the model liked later units). */
const byIndex = (c: readonly Unit[]) => Float64Array.from(c, (u) => u.start / 10)

describe('the simulated coder (suggest-eval)', () => {
  it('accepts a suggestion that overlaps a truth coding by half of the shorter, else rejects it', () => {
    expect(overlapsHalf({ start: 0, end: 10 }, { start: 5, end: 100 })).toBe(true) // 5 of the shorter 10
    expect(overlapsHalf({ start: 0, end: 10 }, { start: 6, end: 100 })).toBe(false) // 4 of 10
    expect(overlapsHalf({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false) // touching only
  })

  it('counts shown, accepted and found truth codings round by round, stopping after a round without an accept', async () => {
    // Truth: [85,100) covers u8 and u9 (u8 by half: 5 of its 10); [64,76) covers u6 by 6 and
    // u7 by 6; [0,10) is u0, which the ranking shows last.
    const truth = [
      { documentId: 1, codeId: 1, start: 85, end: 100 },
      { documentId: 1, codeId: 1, start: 64, end: 76 },
      { documentId: 1, codeId: 1, start: 0, end: 10 },
    ]
    // Rounds of 3: {u9,u8,u7} all accepted; {u6,u5,u4}: u6 accepted; {u3,u2,u1}: none → stop.
    const r = await simulate(byIndex, units, truth, empty, 10, 3, Number.NEGATIVE_INFINITY)
    expect(r).toEqual({ shown: 9, accepted: 4, found: 2 })
    // One round only: 3 shown, 3 accepted, 2 truth codings found.
    expect(await simulate(byIndex, units, truth, empty, 1, 3, Number.NEGATIVE_INFINITY)).toEqual({ shown: 3, accepted: 3, found: 2 })
  })

  it('shows only units at or above the threshold, but always the minimum number per round', async () => {
    const truth = [{ documentId: 1, codeId: 1, start: 90, end: 100 }]
    // Threshold 8.5: only u9 qualifies; minimum 2 adds u8. Round 1: u9 accepted, u8 rejected;
    // round 2: u7, u6 (below threshold, the minimum) rejected → stop.
    expect(await simulate(byIndex, units, truth, empty, 10, 5, 8.5, 2)).toEqual({ shown: 4, accepted: 1, found: 1 })
  })

  it('feeds each accept and reject back to the ranker', async () => {
    const seen: number[] = []
    const rank = (c: readonly Unit[], f: Feedback) => {
      seen.push(f.positive.length * 100 + f.negative.length)
      return byIndex(c)
    }
    const truth = [{ documentId: 1, codeId: 1, start: 90, end: 100 }]
    await simulate(rank, units, truth, { positive: [units[0]!], negative: [], background: [] }, 10, 2, Number.NEGATIVE_INFINITY)
    // Round 1 starts from the seed (1 positive); u9 accepted, u8 rejected; round 2 sees 2 and 1.
    expect(seen).toEqual([100, 201])
  })

  it('baseline: ranks by the words of the code name found, and never shows a unit without one', async () => {
    const texts = ['the orchard has apple trees', 'a red car', 'apple and pear trees', 'nothing here']
    const us = texts.map((text, i) => ({ ...units[i]!, text }))
    const scores = await nameSearchRanker('Apple trees')(us, empty)
    expect(Array.from(scores)).toEqual([2, Number.NEGATIVE_INFINITY, 2, Number.NEGATIVE_INFINITY])
  })
})
