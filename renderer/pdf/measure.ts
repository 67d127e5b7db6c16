/**
 * Measures document ranges on one rendered page's text layer, with caches, so that a page
 * with thousands of codings draws in a frame. A whole item is measured once, on the layer (a
 * DOM range). Inside an item, a character's place is found the way pdf.js itself sizes the
 * item: the canvas width of the text before it, in the item's font, as a share of the whole
 * item's width (see prefixWidths). Items that run right to left, are rotated or are shaped
 * beyond pairs of characters are measured on the layer piece by piece instead.
 * Boxes are 0..1 of the page, so they hold at any zoom (a new text layer gets a new measurer).
 */
import { itemPieces, mergeLineRects, pageSlice, type PageLayout, type UnitRect } from './offsets'
import { ITEM_SELECTOR } from './selection'

export class TextMeasurer {
  private readonly spans: (HTMLElement | undefined)[] = []
  /** Items whose characters are measured on the layer itself. */
  private readonly exact: boolean[] = []
  private readonly itemRects = new Map<number, UnitRect | null>()
  private readonly pieceRects = new Map<number, UnitRect | null>()
  private readonly prefixes = new Map<number, number[]>()
  private readonly range = document.createRange()
  private box: DOMRect | null = null

  constructor(
    private readonly pageEl: HTMLElement,
    readonly layout: PageLayout,
  ) {
    for (const s of pageEl.querySelectorAll<HTMLElement>(ITEM_SELECTOR)) {
      const i = Number(s.dataset.i)
      this.spans[i] = s
      // Rotated, right to left, or shaped beyond pairs of characters (Arabic, Indic, surrogates).
      this.exact[i] = s.style.getPropertyValue('--rotate') !== '' || s.dir === 'rtl' || /[\u0590-\u08ff\u0900-\u0dff\ufb1d-\ufdff\ufe70-\ufeff\ud800-\udfff]/.test(s.textContent ?? '')
    }
  }

  /**
   * Boxes of many ranges at once: one read of the page's position for the lot. Ranges off the
   * page give empty lists.
   */
  measureAll(ranges: readonly { start: number; end: number }[]): UnitRect[][] {
    this.box = this.pageEl.getBoundingClientRect()
    try {
      if (this.box.width === 0 || this.box.height === 0) return ranges.map(() => [])
      return ranges.map((r) => this.rectsOf(r.start, r.end))
    } finally {
      this.box = null
    }
  }

  private rectsOf(start: number, end: number): UnitRect[] {
    const slice = pageSlice(this.layout, start, end)
    if (!slice) return []
    const rects: UnitRect[] = []
    for (const piece of itemPieces(this.layout, slice[0], slice[1])) {
      const len = this.layout.lengths[piece.item] ?? 0
      let r: UnitRect | null
      if (piece.from === 0 && piece.to >= len) r = this.item(piece.item, len)
      else if (this.exact[piece.item]) r = this.piece(piece.item, piece.from, piece.to)
      else {
        const whole = this.item(piece.item, len)
        const a = this.share(piece.item, piece.from)
        const b = this.share(piece.item, piece.to)
        r = whole && a !== null && b !== null ? { x: whole.x + whole.w * a, y: whole.y, w: whole.w * (b - a), h: whole.h } : this.piece(piece.item, piece.from, piece.to)
      }
      if (r) rects.push({ ...r })
    }
    return mergeLineRects(rects)
  }

  private item(i: number, len: number): UnitRect | null {
    let r = this.itemRects.get(i)
    if (r === undefined) {
      r = this.rangeRect(i, 0, len)
      this.itemRects.set(i, r)
    }
    return r
  }

  private piece(i: number, from: number, to: number): UnitRect | null {
    const key = (i * 65536 + from) * 65536 + to
    let r = this.pieceRects.get(key)
    if (r === undefined) {
      r = this.rangeRect(i, from, to)
      this.pieceRects.set(key, r)
    }
    return r
  }

  /** How far into item i (0..1 of its width) its character k starts. */
  private share(i: number, k: number): number | null {
    let widths = this.prefixes.get(i)
    if (!widths) {
      const span = this.spans[i]
      const text = span?.firstChild?.textContent ?? ''
      widths = prefixWidths(text, `100px ${span?.style.fontFamily || 'sans-serif'}`)
      this.prefixes.set(i, widths)
    }
    const all = widths[widths.length - 1]!
    if (!(all > 0)) return null
    return Math.min(1, widths[Math.min(k, widths.length - 1)]! / all)
  }

  private rangeRect(i: number, from: number, to: number): UnitRect | null {
    const text = this.spans[i]?.firstChild
    const box = this.box
    if (!text || text.nodeType !== Node.TEXT_NODE || !box) return null
    const len = (text.textContent ?? '').length
    this.range.setStart(text, Math.min(from, len))
    this.range.setEnd(text, Math.min(to, len))
    const r = this.range.getBoundingClientRect()
    if (r.width === 0 && r.height === 0) return null
    return { x: (r.left - box.left) / box.width, y: (r.top - box.top) / box.height, w: r.width / box.width, h: r.height / box.height }
  }
}

let ctx2d: CanvasRenderingContext2D | null = null
/** Canvas widths of single characters and of character pairs, per font. */
const widthCache = new Map<string, Map<string, number>>()

/**
 * The width of every prefix of a text in a font: the characters' own widths plus, for each
 * neighbouring pair, what the pair adds or takes away together (kerning, ligatures). Pairs
 * recur, so a page costs a few hundred short measurements instead of one long one per place.
 */
export function prefixWidths(text: string, font: string): number[] {
  let cache = widthCache.get(font)
  if (!cache) widthCache.set(font, (cache = new Map()))
  const ctx = context()
  const width = (s: string): number => {
    let w = cache!.get(s)
    if (w === undefined) {
      if (ctx.font !== font) ctx.font = font
      w = ctx.measureText(s).width
      cache!.set(s, w)
    }
    return w
  }
  const out = [0]
  let sum = 0
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!
    sum += width(c)
    if (k > 0) {
      const p = text[k - 1]!
      sum += width(p + c) - width(p) - width(c)
    }
    out.push(sum)
  }
  return out
}

/** One canvas for measuring text, shared by every page (as pdf.js shares its own). */
function context(): CanvasRenderingContext2D {
  ctx2d ??= document.createElement('canvas').getContext('2d', { alpha: false })!
  return ctx2d
}
