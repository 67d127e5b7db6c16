/**
 * Text spans as half-open intervals [start, end) of UTF-16 offsets, and the arithmetic that
 * agreement needs from them: unions, intersections, how many coders cover each stretch, and
 * whether two segments overlap enough to count as the same. Everything works on interval
 * boundaries; nothing here builds an array per character.
 */
export interface Span {
  start: number
  end: number
}

/** Sorts by start, then end; a copy. */
export function sortSpans<T extends Span>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * The union of spans as sorted, disjoint spans, clipped to [0, limit). Spans that touch join:
 * the characters are what counts, not how the coder cut them.
 */
export function unionOf(spans: readonly Span[], limit = Number.POSITIVE_INFINITY): Span[] {
  const out: Span[] = []
  for (const s of sortSpans(spans)) {
    const start = Math.max(0, s.start)
    const end = Math.min(limit, s.end)
    if (end <= start) continue
    const last = out[out.length - 1]
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else out.push({ start, end })
  }
  return out
}

export function totalLength(spans: readonly Span[]): number {
  let n = 0
  for (const s of spans) n += s.end - s.start
  return n
}

/** Characters in both of two unions (sorted, disjoint), by walking them side by side. */
export function intersectionLength(a: readonly Span[], b: readonly Span[]): number {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as Span
    const y = b[j] as Span
    const lo = Math.max(x.start, y.start)
    const hi = Math.min(x.end, y.end)
    if (hi > lo) n += hi - lo
    if (x.end < y.end) i++
    else j++
  }
  return n
}

/**
 * depths[k]: characters of [0, length) that exactly k of the unions cover, for k = 0..m. One
 * sweep over the unions' boundaries.
 */
export function coverageDepths(unions: readonly (readonly Span[])[], length: number): number[] {
  const events: [number, number][] = []
  for (const u of unions) {
    for (const s of u) {
      const start = Math.max(0, s.start)
      const end = Math.min(length, s.end)
      if (end <= start) continue
      events.push([start, 1], [end, -1])
    }
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  const depths = new Array<number>(unions.length + 1).fill(0)
  let depth = 0
  let at = 0
  for (const [pos, step] of events) {
    if (pos > at) {
      depths[depth] = (depths[depth] as number) + (pos - at)
      at = pos
    }
    depth += step
  }
  depths[0] = (depths[0] as number) + Math.max(0, length - at)
  return depths
}

/** Characters two spans share, and characters either covers (0 when they do not meet). */
export function overlapOf(s: Span, t: Span): { intersection: number; union: number } {
  const intersection = Math.min(s.end, t.end) - Math.max(s.start, t.start)
  if (intersection <= 0) return { intersection: 0, union: 0 }
  return { intersection, union: Math.max(s.end, t.end) - Math.min(s.start, t.start) }
}

/**
 * Whether two segments count as the same at segment level: they overlap, and what they share
 * is at least `threshold` percent of the union of the two (MAXQDA's rule). Compared in whole
 * numbers, so 90% of a 10-character union is exactly 9 characters, with no rounding.
 */
export function sameSegment(s: Span, t: Span, threshold: number): boolean {
  const { intersection, union } = overlapOf(s, t)
  return intersection > 0 && intersection * 100 >= threshold * union
}

/**
 * For each segment of `a`, whether `b` has a segment that counts as the same. `b` must be
 * sorted by start. Each lookup finds the segments of `b` that start before the segment ends by
 * bisection and walks back only as far as the longest segment of `b` can reach.
 */
export function matchSegments(a: readonly Span[], b: readonly Span[], threshold: number): boolean[] {
  let longest = 0
  for (const t of b) longest = Math.max(longest, t.end - t.start)
  return a.map((s) => {
    let lo = 0
    let hi = b.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((b[mid] as Span).start < s.end) lo = mid + 1
      else hi = mid
    }
    for (let j = lo - 1; j >= 0; j--) {
      const t = b[j] as Span
      if (t.start + longest <= s.start) break
      if (sameSegment(s, t, threshold)) return true
    }
    return false
  })
}

/** How many segments of `a` have a counterpart in `b` (sorted by start). */
export function countMatched(a: readonly Span[], b: readonly Span[], threshold: number): number {
  let n = 0
  for (const hit of matchSegments(a, b, threshold)) if (hit) n++
  return n
}
