/**
 * Coding stripes beside a page (as in MAXQDA): one vertical stripe per coding over its extent
 * on the page, in lanes so that overlapping codings stand side by side. Pure.
 */

export interface StripeInput {
  codingId: number
  /** Extent on the page, 0..1 from the top. */
  top: number
  bottom: number
}

export interface PlacedStripe<T extends StripeInput> {
  stripe: T
  lane: number
}

/**
 * Puts each stripe in the leftmost lane where it overlaps no other stripe (longer ones first
 * among those starting at the same height). Stripes that find no lane among `maxLanes`, or
 * come after `maxStripes`, are counted as hidden.
 */
export function layoutStripes<T extends StripeInput>(
  stripes: readonly T[],
  maxLanes: number,
  maxStripes = Infinity,
  gap = 0.004,
): { placed: PlacedStripe<T>[]; hidden: number } {
  const sorted = [...stripes].sort((a, b) => a.top - b.top || b.bottom - b.top - (a.bottom - a.top) || a.codingId - b.codingId)
  const laneEnds: number[] = []
  const placed: PlacedStripe<T>[] = []
  let hidden = 0
  for (const s of sorted) {
    if (placed.length >= maxStripes) {
      hidden++
      continue
    }
    let lane = laneEnds.findIndex((end) => end + gap <= s.top)
    if (lane === -1 && laneEnds.length < maxLanes) lane = laneEnds.length
    if (lane === -1) {
      hidden++
      continue
    }
    laneEnds[lane] = s.bottom
    placed.push({ stripe: s, lane })
  }
  return { placed, hidden }
}
