/**
 * Where a drag that starts or ends in white space lands: the nearest character in reading
 * order, as a good PDF reader does. Pure geometry over the boxes of one page's text-layer
 * items (any one coordinate space, y down), in text order; the DOM side is drag-select.ts.
 *
 * Why not the browser's own answer: over the empty parts of a text layer (margins, indents,
 * after a line's end, between columns, below a paragraph) Chromium's hit test picks a place
 * among absolutely placed spans by its own rules, so a drag released beside a paragraph's last
 * word ended inside the line above, and one started in the margin selected nothing.
 */

/** A text-layer item's box; `item` is its index in the page's items (text order). */
export interface ItemBox {
  item: number
  left: number
  top: number
  right: number
  bottom: number
}

/** A run of items on one line, consecutive in text order. */
export interface LineBox {
  /** Indexes into the boxes array (not item numbers), first and last. */
  first: number
  last: number
  left: number
  top: number
  right: number
  bottom: number
}

/** Where a point falls: inside an item (the caller finds the character), or before/after one. */
export type CaretHit = { item: number; at: 'inside' } | { item: number; at: 'start' | 'end' }

/**
 * Groups boxes (in text order) into lines: the next box continues a line when it sits at the
 * same height (its middle inside the line's band), to the right, and not across a column gap.
 */
export function groupLines(boxes: readonly ItemBox[]): LineBox[] {
  const lines: LineBox[] = []
  boxes.forEach((b, i) => {
    const line = lines[lines.length - 1]
    const mid = (b.top + b.bottom) / 2
    const h = Math.max(b.bottom - b.top, line ? line.bottom - line.top : 0)
    if (line && mid >= line.top && mid <= line.bottom && b.left >= line.right - h * 0.5 && b.left - line.right < h * 2) {
      line.last = i
      line.right = Math.max(line.right, b.right)
      line.top = Math.min(line.top, b.top)
      line.bottom = Math.max(line.bottom, b.bottom)
    } else {
      lines.push({ first: i, last: i, left: b.left, top: b.top, right: b.right, bottom: b.bottom })
    }
  })
  return lines
}

const hDist = (r: { left: number; right: number }, x: number): number => (x < r.left ? r.left - x : x > r.right ? x - r.right : 0)
const overlapsX = (a: LineBox, b: LineBox): boolean => a.left <= b.right && b.left <= a.right

/**
 * The caret place nearest to point (x, y) in reading order, or null when there is no text.
 * - On an item: inside it.
 * - Beside text on the same height (margin, indent, after a line's end, between columns): the
 *   start or end of the horizontally nearest line at that height, never another line; a line
 *   of another column (one that no line over the point's x overlaps) does not count.
 * - Between lines or below a paragraph: after the last line of that column above the point
 *   (the end of a paragraph's short last line, not the long line over it); above all text of
 *   the column, before its first line.
 * End of one line and start of the next differ only by the separator between them, which the
 * caller trims, so a point between two lines means the same range whichever is chosen.
 */
export function nearestCaret(boxes: readonly ItemBox[], x: number, y: number): CaretHit | null {
  const items = boxes.filter((b) => b.right > b.left && b.bottom > b.top)
  if (items.length === 0) return null
  for (const b of items) if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return { item: b.item, at: 'inside' }
  const lines = groupLines(items)

  // Text at the point's height: the horizontally nearest line there, unless the point lies in
  // another column (below a short column's paragraph, beside the longer column's lines).
  const covering = lines.filter((l) => hDist(l, x) === 0)
  let row: LineBox | null = null
  for (const l of lines) {
    if (y < l.top || y > l.bottom || (row && hDist(l, x) >= hDist(row, x))) continue
    if (covering.some((m) => !overlapsX(m, l))) continue
    row = l
  }
  if (row) {
    if (x <= row.left) return { item: items[row.first]!.item, at: 'start' }
    if (x >= row.right) return { item: items[row.last]!.item, at: 'end' }
    // Between two items of the line: after the one on the left.
    let before = items[row.first]!
    for (let i = row.first; i <= row.last; i++) if (items[i]!.right <= x) before = items[i]!
    return { item: before.item, at: 'end' }
  }

  // A gap between lines: the column is made of the lines horizontally nearest to the point.
  const nearest = Math.min(...lines.map((l) => hDist(l, x)))
  const column = lines.filter((l) => hDist(l, x) <= nearest + 1)
  let above: LineBox | null = null
  let below: LineBox | null = null
  for (const l of column) {
    if (l.bottom <= y && (!above || l.bottom > above.bottom)) above = l
    if (l.top >= y && (!below || l.top < below.top)) below = l
  }
  if (above) {
    // Lines that follow in reading order, still above the point, in the same column (a
    // paragraph's short last line, which need not reach the point's x).
    let i = lines.indexOf(above)
    let last = above
    while (i + 1 < lines.length) {
      const next = lines[i + 1]!
      if (next.bottom > y || next.top < last.top || !overlapsX(next, above)) break
      last = next
      i++
    }
    return { item: items[last.last]!.item, at: 'end' }
  }
  if (below) {
    let i = lines.indexOf(below)
    let first = below
    while (i > 0) {
      const prev = lines[i - 1]!
      if (prev.top < y || prev.top > first.top || !overlapsX(prev, below)) break
      first = prev
      i--
    }
    return { item: items[first.first]!.item, at: 'start' }
  }
  return null
}
