import type { ItemBox } from './page-text'

/** A rectangle on one page, 0..1 of the page from its top-left corner. */
export interface PageRect {
  page: number
  x: number
  y: number
  w: number
  h: number
}

/** Characters of context kept on each side of a quote, to find a coding again. */
export const CONTEXT_LENGTH = 32

/** The 1-based page that holds `offset`, given each page's start offset (ascending). */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let lo = 0
  let hi = pageStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((pageStarts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo + 1
}

/** Page span of the range [start, end): the page of its first and of its last character. */
export function pageSpan(pageStarts: readonly number[], start: number, end: number): [number, number] {
  return [pageAt(pageStarts, start), pageAt(pageStarts, Math.max(start, end - 1))]
}

export function quoteWithContext(
  text: string,
  start: number,
  end: number,
): { quote: string; prefix: string; suffix: string } {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  }
}

/**
 * Rectangles covering page-text range [start, end) of one page, from its item boxes. A partly
 * covered item gets a share of its box proportional to the characters covered: a cache for
 * drawing and export, not the truth (the offsets are).
 */
export function rectsForRange(page: number, boxes: readonly ItemBox[], start: number, end: number): PageRect[] {
  const rects: PageRect[] = []
  for (const [s, len, x, y, w, h] of boxes) {
    const from = Math.max(start, s)
    const to = Math.min(end, s + len)
    if (to <= from || len === 0) continue
    const rx = x + (w * (from - s)) / len
    const rw = (w * (to - from)) / len
    const last = rects[rects.length - 1]
    // Neighbouring pieces of one line join into one rectangle.
    if (last && Math.abs(last.y - y) < h * 0.3 && Math.abs(last.h - h) < h * 0.3 && rx - (last.x + last.w) < h) {
      const right = Math.max(last.x + last.w, rx + rw)
      last.x = Math.min(last.x, rx)
      last.w = right - last.x
    } else {
      rects.push({ page, x: rx, y, w: rw, h })
    }
  }
  return rects.map((r) => ({ ...r, x: round(r.x), y: round(r.y), w: round(r.w), h: round(r.h) }))
}

function round(n: number): number {
  return Math.round(n * 1e5) / 1e5
}

/**
 * Finds where a quote stands in a text, with its stored prefix and suffix choosing between
 * several occurrences and `near` (the old offset) breaking ties: first exactly, then with white
 * space loose (any run of white space, or none, for one in the quote), because a re-read text
 * (OCR run again, a new extractor) breaks lines and spaces differently. Null when not there.
 */
export function findQuote(
  text: string,
  quote: string,
  hint: { prefix?: string; suffix?: string; near?: number } = {},
): { start: number; end: number } | null {
  const q = quote.trim()
  if (q === '') return null
  const hits: { start: number; end: number }[] = []
  for (let i = text.indexOf(q); i !== -1 && hits.length < 1000; i = text.indexOf(q, i + 1)) hits.push({ start: i, end: i + q.length })
  if (hits.length === 0) {
    const parts = q.split(/\s+/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    const loose = new RegExp(parts.join('\\s*'), 'g')
    for (let m = loose.exec(text); m && hits.length < 1000; m = loose.exec(text)) {
      hits.push({ start: m.index, end: m.index + m[0].length })
      loose.lastIndex = m.index + 1
    }
  }
  const squash = (s: string) => s.replace(/\s+/g, '')
  const pre = squash(hint.prefix ?? '')
  const suf = squash(hint.suffix ?? '')
  let best: { hit: { start: number; end: number }; score: number } | null = null
  for (const hit of hits) {
    let score = 0
    if (pre && squash(text.slice(Math.max(0, hit.start - (hint.prefix?.length ?? 0) - 8), hit.start)).endsWith(pre)) score += 2
    if (suf && squash(text.slice(hit.end, hit.end + (hint.suffix?.length ?? 0) + 8)).startsWith(suf)) score += 2
    if (hint.near !== undefined) score -= Math.abs(hit.start - hint.near) / (text.length + 1)
    if (!best || score > best.score) best = { hit, score }
  }
  return best?.hit ?? null
}
