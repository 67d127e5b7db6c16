/**
 * The DOM side of selecting by dragging: the caret (text node and offset in a text-layer item)
 * nearest to a point on the screen, in reading order, wherever the point is — on a letter, in
 * a margin, after a line's end, between columns, below a paragraph, between pages.
 *
 * The viewer drives a plain left-button drag itself with this (PdfViewer.tsx): the anchor is
 * the caret where the button went down, the focus the caret under the pointer, and the
 * browser selection is set to the two. pdf.js's viewer only softens Chromium's hit test in
 * white space (an `.endOfContent` block moved on mousedown and a `selectionchange` listener
 * that keeps the end from jumping); it still starts nothing in a margin and stops short of a
 * point beside a paragraph's end. Computing the caret ourselves makes both ends exact.
 */
import { nearestCaret, type ItemBox } from './nearest-caret'

export interface Caret {
  node: Node
  offset: number
}

/** Per text layer: its items' boxes (page-relative px) and spans; valid while the zoom holds. */
export type BoxCache = WeakMap<Element, { boxes: ItemBox[]; spans: Map<number, HTMLElement> }>

function pageBoxes(layer: Element, pageRect: DOMRect, cache: BoxCache): { boxes: ItemBox[]; spans: Map<number, HTMLElement> } {
  const hit = cache.get(layer)
  if (hit) return hit
  const boxes: ItemBox[] = []
  const spans = new Map<number, HTMLElement>()
  for (const span of layer.querySelectorAll<HTMLElement>('span[data-i]')) {
    const text = span.firstChild
    if (!text || text.nodeType !== Node.TEXT_NODE || (text as Text).data.length === 0) continue
    const item = Number(span.dataset.i)
    const r = span.getBoundingClientRect()
    spans.set(item, span)
    boxes.push({ item, left: r.left - pageRect.left, top: r.top - pageRect.top, right: r.right - pageRect.left, bottom: r.bottom - pageRect.top })
  }
  const value = { boxes, spans }
  cache.set(layer, value)
  return value
}

/** The character boundary in `text` nearest to client x (y is the line's). */
function charAt(text: Text, x: number, y: number): number {
  const caret = document.caretPositionFromPoint?.(x, y)
  if (caret?.offsetNode === text) return caret.offset
  const range = document.caretRangeFromPoint?.(x, y)
  if (range?.startContainer === text) return range.startOffset
  // Measure: the boundary whose x is nearest.
  const r = document.createRange()
  let best = 0
  let bestD = Infinity
  for (let k = 0; k <= text.data.length; k++) {
    const at = Math.min(k, text.data.length - 1)
    r.setStart(text, at)
    r.setEnd(text, at + 1)
    const b = r.getBoundingClientRect()
    const bx = k < text.data.length ? b.left : b.right
    const d = Math.abs(bx - x)
    if (d < bestD) {
      bestD = d
      best = k
    }
  }
  return best
}

/**
 * The caret nearest to client point (x, y) inside `root`: on the page under the point, or the
 * nearest page with a text layer (a point between pages, or beside them, is clamped onto it).
 */
export function caretFromPoint(root: Element, x: number, y: number, cache: BoxCache): Caret | null {
  let best: { page: HTMLElement; layer: Element; rect: DOMRect; d: number } | null = null
  for (const page of root.querySelectorAll<HTMLElement>('.page[data-page-no]')) {
    const layer = page.querySelector('.textLayer')
    // Only a layer that has finished rendering (pdf.js places its spans before the end block).
    if (!layer || !layer.querySelector('.endOfContent')) continue
    const rect = page.getBoundingClientRect()
    const d = y < rect.top ? rect.top - y : y > rect.bottom ? y - rect.bottom : 0
    if (!best || d < best.d) best = { page, layer, rect, d }
    if (d === 0) break
  }
  if (!best) return null
  const { layer, rect } = best
  const cx = Math.min(Math.max(x, rect.left), rect.right)
  const cy = Math.min(Math.max(y, rect.top), rect.bottom)
  const { boxes, spans } = pageBoxes(layer, rect, cache)
  const hit = nearestCaret(boxes, cx - rect.left, cy - rect.top)
  if (!hit) return null
  const text = spans.get(hit.item)?.firstChild as Text | undefined
  if (!text) return null
  if (hit.at === 'start') return { node: text, offset: 0 }
  if (hit.at === 'end') return { node: text, offset: text.data.length }
  return { node: text, offset: charAt(text, cx, cy) }
}
