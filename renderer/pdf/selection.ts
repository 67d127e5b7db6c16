/**
 * The DOM side of anchoring: a browser selection over text layers becomes a document range,
 * and a document range becomes boxes over the text-layer items. Text-layer item spans carry
 * `data-i` (their item index); their page element carries `data-page-no`.
 */
import { offsetOf, rangeBetween, type PageLayout, type TextPoint } from './offsets'

export const ITEM_SELECTOR = '.textLayer span[data-i]'

function itemOf(el: Element | null): { span: HTMLElement; pageNo: number; item: number } | null {
  const span = el?.closest<HTMLElement>('span[data-i]')
  const page = span?.closest<HTMLElement>('[data-page-no]')
  if (!span || !page) return null
  return { span, pageNo: Number(page.dataset.pageNo), item: Number(span.dataset.i) }
}

/**
 * The text-layer place of a selection boundary. A boundary inside an item's text is exact; one
 * elsewhere (between items, on a line break, past the end of a page's text) snaps to the next
 * item's start (for a selection's start) or the previous item's end (for its end).
 */
export function boundaryPoint(root: Element, node: Node, offset: number, side: 'start' | 'end'): TextPoint | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const hit = itemOf(node.parentElement)
    if (hit && hit.span.firstChild === node) return { pageNo: hit.pageNo, item: hit.item, char: offset }
  }
  const spans = Array.from(root.querySelectorAll<HTMLElement>(ITEM_SELECTOR))
  if (spans.length === 0) return null
  const at = document.createRange()
  at.setStart(node, offset)
  at.collapse(true)
  // Items are in document order: binary search for the first item that starts after the point.
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (at.comparePoint(spans[mid]!, 0) < 0) lo = mid + 1
    else hi = mid
  }
  const span = side === 'start' ? spans[lo] : spans[lo - 1]
  const hit = itemOf(span ?? null)
  if (!hit) return null
  return { pageNo: hit.pageNo, item: hit.item, char: side === 'start' ? 0 : (hit.span.textContent ?? '').length }
}

/** The document range that the current selection covers inside `root`, or null. */
export function selectionRange(
  root: Element,
  selection: Selection | null,
  layouts: ReadonlyMap<number, PageLayout>,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!range.intersectsNode(root)) return null
  const a = boundaryPoint(root, range.startContainer, range.startOffset, 'start')
  const b = boundaryPoint(root, range.endContainer, range.endOffset, 'end')
  if (!a || !b) return null
  return rangeBetween(layouts, a, b)
}

/**
 * The document offset at a point on the screen (for dragging the end of a coding): the caret
 * position under the pointer, snapped to text as a selection boundary is.
 */
export function offsetAtPoint(
  root: Element,
  x: number,
  y: number,
  side: 'start' | 'end',
  layouts: ReadonlyMap<number, PageLayout>,
): number | null {
  const caret = document.caretPositionFromPoint?.(x, y)
  let node: Node | null = caret?.offsetNode ?? null
  let offset = caret?.offset ?? 0
  if (!node) {
    const range = document.caretRangeFromPoint?.(x, y)
    node = range?.startContainer ?? null
    offset = range?.startOffset ?? 0
  }
  if (!node || !root.contains(node)) return null
  const point = boundaryPoint(root, node, offset, side)
  if (!point) return null
  const layout = layouts.get(point.pageNo)
  return layout ? offsetOf(layout, point.item, point.char) : null
}
