/**
 * Pure mapping between places in the text layer (item i, character k of one page) and offsets
 * into the document's canonical text. The text layer shows exactly the normalised item strings
 * that shared/page-text.ts builds the page text from, so item i at character k is offset
 * `page.startOffset + spans[i] + k`. No DOM here: the DOM side lives in selection.ts.
 */

/** One page of the text layer as the mapping needs it. */
export interface PageLayout {
  pageNo: number
  /** Offset of the page's first character in the document text. */
  startOffset: number
  /** Length of the page text. */
  length: number
  /** Start of every item in the page text (buildPageText's spans). */
  spans: readonly number[]
  /** Length of every item's (normalised) string. */
  lengths: readonly number[]
}

/** A place in the text layer: page, item index, character within the item. */
export interface TextPoint {
  pageNo: number
  item: number
  char: number
}

/** The document offset of a place in the text layer. */
export function offsetOf(page: PageLayout, item: number, char: number): number {
  const span = page.spans[item]
  if (span === undefined) throw new RangeError(`page ${page.pageNo} has no item ${item}`)
  const len = page.lengths[item] ?? 0
  return page.startOffset + span + Math.max(0, Math.min(char, len))
}

/**
 * The document range [start, end) between two places (in either order), or null when it is
 * empty. Pages are looked up by number, so a selection may cross a page break.
 */
export function rangeBetween(
  pages: ReadonlyMap<number, PageLayout>,
  a: TextPoint,
  b: TextPoint,
): { start: number; end: number } | null {
  const pa = pages.get(a.pageNo)
  const pb = pages.get(b.pageNo)
  if (!pa || !pb) return null
  const x = offsetOf(pa, a.item, a.char)
  const y = offsetOf(pb, b.item, b.char)
  const start = Math.min(x, y)
  const end = Math.max(x, y)
  return end > start ? { start, end } : null
}

/** The part of document range [start, end) that lies on a page, in page-text offsets. */
export function pageSlice(page: Pick<PageLayout, 'startOffset' | 'length'>, start: number, end: number): [number, number] | null {
  const from = Math.max(start, page.startOffset) - page.startOffset
  const to = Math.min(end, page.startOffset + page.length) - page.startOffset
  return to > from ? [from, to] : null
}

/** One item's covered characters [from, to), item-local. */
export interface ItemPiece {
  item: number
  from: number
  to: number
}

/**
 * The item pieces that page-text range [from, to) covers: what a highlight is drawn over.
 * Separators between items (spaces, line breaks) belong to no item and are not drawn.
 */
export function itemPieces(page: Pick<PageLayout, 'spans' | 'lengths'>, from: number, to: number): ItemPiece[] {
  const pieces: ItemPiece[] = []
  // Items stand in text order: start at the last one that begins at or before `from`.
  let lo = 0
  let hi = page.spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (page.spans[mid]! <= from) lo = mid + 1
    else hi = mid
  }
  for (let i = Math.max(0, lo - 1); i < page.spans.length; i++) {
    const s = page.spans[i]!
    if (s >= to) break
    const len = page.lengths[i] ?? 0
    if (len === 0) continue
    const a = Math.max(from, s)
    const b = Math.min(to, s + len)
    if (b > a) pieces.push({ item: i, from: a - s, to: b - s })
  }
  return pieces
}

/** A box in 0..1 of the page, top-left origin. */
export interface UnitRect {
  x: number
  y: number
  w: number
  h: number
}

/**
 * Joins boxes that sit on one line and nearly touch (the pieces of neighbouring items), so a
 * highlight reads as one band per line instead of a box per word.
 */
export function mergeLineRects(rects: readonly UnitRect[]): UnitRect[] {
  const out: UnitRect[] = []
  for (const r of rects) {
    const last = out[out.length - 1]
    const sameLine = last && Math.abs(last.y - r.y) < Math.max(last.h, r.h) * 0.5 && Math.abs(last.h - r.h) < Math.max(last.h, r.h) * 0.5
    const gap = last ? r.x - (last.x + last.w) : Infinity
    if (last && sameLine && gap < Math.max(last.h, r.h) * 1.5 && gap > -Math.max(last.w, r.w)) {
      const right = Math.max(last.x + last.w, r.x + r.w)
      const bottom = Math.max(last.y + last.h, r.y + r.h)
      last.x = Math.min(last.x, r.x)
      last.y = Math.min(last.y, r.y)
      last.w = right - last.x
      last.h = bottom - last.y
    } else {
      out.push({ ...r })
    }
  }
  return out
}

/** Whether point (x, y), in 0..1 of the page, lies in a box (with a little slack). */
export function hits(r: UnitRect, x: number, y: number, slack = 0): boolean {
  return x >= r.x - slack && x <= r.x + r.w + slack && y >= r.y - slack && y <= r.y + r.h + slack
}

/**
 * Shrinks a range so it neither starts nor ends on white space (a sloppy drag often takes the
 * space before a word or the line break after it). Page texts are joined by one separator
 * character, itself white space. Returns null when nothing but white space is left.
 */
export function trimRange(
  pages: readonly { startOffset: number; text: string }[],
  start: number,
  end: number,
): { start: number; end: number } | null {
  const charAt = (offset: number): string => {
    for (const p of pages) {
      if (offset >= p.startOffset && offset < p.startOffset + p.text.length) return p.text[offset - p.startOffset]!
    }
    return ' ' // a page separator, or outside every page
  }
  let s = start
  let e = end
  while (s < e && /\s/.test(charAt(s))) s++
  while (e > s && /\s/.test(charAt(e - 1))) e--
  return e > s ? { start: s, end: e } : null
}
