import { describe, expect, it } from 'vitest'
import {
  countMatched, coverageDepths, intersectionLength, matchSegments, overlapOf, sameSegment, sortSpans, totalLength, unionOf,
  type Span,
} from '../../electron/core/agreement/intervals'
import { alphaFromDepths, characterTable, documentBootstrap, segmentKappa } from '../../electron/core/agreement/measures'
import { krippendorffAlpha, krippendorffAlpha2x2, mulberry32 } from '../../shared/stats'

/** Random spans in [0, length), seeded: short and long, overlapping and not. */
function randomSpans(random: () => number, count: number, length: number): Span[] {
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * length)
    const end = Math.min(length, start + 1 + Math.floor(random() * (random() < 0.2 ? length / 2 : 30)))
    return { start, end }
  })
}

/** The slow, obvious oracle: one flag per character. */
function covered(spans: readonly Span[], length: number): boolean[] {
  const flags = new Array<boolean>(length).fill(false)
  for (const s of spans) for (let i = Math.max(0, s.start); i < Math.min(length, s.end); i++) flags[i] = true
  return flags
}

describe('interval arithmetic', () => {
  it('joins overlapping and touching spans, clips to the text and drops empty ones', () => {
    expect(unionOf([{ start: 50, end: 60 }, { start: 0, end: 10 }, { start: 10, end: 20 }, { start: 15, end: 18 }, { start: 90, end: 130 }, { start: 5, end: 5 }], 100))
      .toEqual([{ start: 0, end: 20 }, { start: 50, end: 60 }, { start: 90, end: 100 }])
    expect(totalLength(unionOf([{ start: 0, end: 10 }, { start: 5, end: 15 }]))).toBe(15)
  })

  it('agrees with per-character counting on random codings: intersections and coverage depths', () => {
    const random = mulberry32(42)
    for (let round = 0; round < 50; round++) {
      const length = 50 + Math.floor(random() * 400)
      const coders = 2 + Math.floor(random() * 3)
      const spans = Array.from({ length: coders }, () => randomSpans(random, Math.floor(random() * 8), length))
      const unions = spans.map((s) => unionOf(s, length))
      const flags = spans.map((s) => covered(s, length))
      for (let k = 0; k < coders; k++) expect(totalLength(unions[k]!)).toBe(flags[k]!.filter(Boolean).length)
      expect(intersectionLength(unions[0]!, unions[1]!)).toBe(flags[0]!.filter((f, i) => f && flags[1]![i]).length)
      const depths = new Array<number>(coders + 1).fill(0)
      for (let i = 0; i < length; i++) depths[flags.filter((f) => f[i]).length]!++
      expect(coverageDepths(unions, length)).toEqual(depths)
    }
  })

  it('counts a segment as matched at exactly the threshold, in whole numbers', () => {
    // 90 shared of a 100-character union: 90% exactly.
    expect(overlapOf({ start: 500, end: 600 }, { start: 510, end: 600 })).toEqual({ intersection: 90, union: 100 })
    expect(sameSegment({ start: 500, end: 600 }, { start: 510, end: 600 }, 90)).toBe(true)
    expect(sameSegment({ start: 500, end: 600 }, { start: 510, end: 600 }, 90.5)).toBe(false)
    // Touching is not overlapping, even at a threshold of 0.
    expect(sameSegment({ start: 0, end: 10 }, { start: 10, end: 20 }, 0)).toBe(false)
    expect(sameSegment({ start: 0, end: 10 }, { start: 9, end: 20 }, 0)).toBe(true)
  })

  it('finds counterparts like a comparison of every pair does, on random segments', () => {
    const random = mulberry32(7)
    for (let round = 0; round < 100; round++) {
      const a = randomSpans(random, Math.floor(random() * 12), 500)
      const b = sortSpans(randomSpans(random, Math.floor(random() * 12), 500))
      const threshold = [0, 50, 90, 100][round % 4]!
      const brute = a.map((s) => b.some((t) => sameSegment(s, t, threshold)))
      expect(matchSegments(a, b, threshold)).toEqual(brute)
      expect(countMatched(a, b, threshold)).toBe(brute.filter(Boolean).length)
    }
  })
})

describe('character-level coefficients from counts', () => {
  it('gives the 2×2 table of two unions', () => {
    const a = unionOf([{ start: 100, end: 200 }, { start: 300, end: 350 }])
    const b = unionOf([{ start: 150, end: 250 }, { start: 340, end: 360 }])
    expect(characterTable(a, b, 692)).toEqual({ a: 60, b: 90, c: 60, d: 482 })
  })

  it('computes binary alpha from coverage depths exactly as alpha on one unit per character', () => {
    const random = mulberry32(3)
    for (let round = 0; round < 20; round++) {
      const length = 30 + Math.floor(random() * 120)
      const coders = 2 + Math.floor(random() * 3)
      const spans = Array.from({ length: coders }, () => randomSpans(random, 1 + Math.floor(random() * 4), length))
      const unions = spans.map((s) => unionOf(s, length))
      const data = spans.map((s) => covered(s, length).map((f) => (f ? 1 : 0)))
      const expected = krippendorffAlpha(data, 'nominal')
      const fromDepths = alphaFromDepths(coverageDepths(unions, length))
      if (expected.alpha === null) expect(fromDepths.alpha).toBeNull()
      else expect(fromDepths.alpha).toBeCloseTo(expected.alpha, 12)
      if (coders === 2) expect(fromDepths.alpha).toBeCloseTo(krippendorffAlpha2x2(characterTable(unions[0]!, unions[1]!, length)).alpha!, 12)
    }
  })

  it('is undefined, not NaN, without variation or without characters', () => {
    expect(alphaFromDepths([100, 0, 0])).toMatchObject({ alpha: null, undefinedReason: 'no-variation' })
    expect(alphaFromDepths([0, 0, 0])).toMatchObject({ alpha: null, undefinedReason: 'no-pairable-units' })
    expect(alphaFromDepths([0, 0, 100])).toMatchObject({ alpha: null, undefinedReason: 'no-variation' })
  })

  it('bootstraps over documents, the same for the same seed', () => {
    const perDocument = [[480, 150, 60], [23, 40, 20], [600, 92, 0], [300, 10, 50]]
    const one = documentBootstrap(perDocument, { samples: 400, seed: 9 })!
    expect(documentBootstrap(perDocument, { samples: 400, seed: 9 })).toEqual(one)
    expect(one[0]).toBeLessThanOrEqual(one[1])
    expect(documentBootstrap(perDocument, { samples: 0, seed: 9 })).toBeNull()
  })
})

describe('segment kappa (Brennan & Prediger, as MAXQDA)', () => {
  it('takes chance agreement as one over the number of codes', () => {
    // 6 of 10 segments agree, 2 codes: (0.6 − 0.5)/(1 − 0.5) = 0.2.
    expect(segmentKappa(0.6, 2).value).toBeCloseTo(0.2, 12)
    // 4 codes: (0.6 − 0.25)/0.75 = 0.4667.
    expect(segmentKappa(0.6, 4).value).toBeCloseTo(0.35 / 0.75, 12)
    expect(segmentKappa(0.6, 1)).toEqual({ value: null, reason: 'one-code' })
    expect(segmentKappa(null, 3)).toEqual({ value: null, reason: 'no-pairable-units' })
  })
})
