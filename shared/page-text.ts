/**
 * The canonical text of a page, built from pdf.js text items. This is the one function that
 * both the importer (Node) and the viewer (browser) use, so that an offset means the same
 * character everywhere: the viewer renders exactly the item strings produced here, and a
 * selection inside item i at character k is offset `spans[i] + k` of the page text.
 */

/** The fields of a pdf.js TextItem that the text is built from. */
export interface TextItemLike {
  str: string
  /** [a, b, c, d, e, f]: the text matrix; e and f are the baseline origin in PDF units. */
  transform: number[]
  width: number
  height: number
  hasEOL?: boolean
}

/** A page's size and pdf.js's viewport transform at scale 1 (rotation included). */
export interface PageGeometry {
  width: number
  height: number
  viewportTransform: number[]
}

/** One text item's place: offset and length in the page text, box 0..1 from the top left. */
export type ItemBox = [start: number, length: number, x: number, y: number, w: number, h: number]

export interface PageText {
  text: string
  /** Start offset in `text` of every input item, empty ones included (same indexes). */
  spans: number[]
  /** Boxes of the non-empty items, for drawing and for rectangles of codings. */
  boxes: ItemBox[]
}

/** Separates pages in a document's canonical text (a form feed, as pdftotext does). */
export const PAGE_SEPARATOR = '\f'

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
}

/**
 * Normalises one item's string: ligatures are spelled out (ﬁ → fi), no-break spaces become
 * spaces, soft hyphens and control characters go, Arabic presentation forms become letters. Diacritics and typographic quotes stay.
 */
export function normaliseItemText(str: string): string {
  return str
    .replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u00AD\uFEFF\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    // Arabic presentation forms (shaped glyphs) back to the letters people type and search for.
    .replace(/[\uFB50-\uFDFF\uFE70-\uFEFE]+/g, (run) => run.normalize('NFKC'))
}

function fontSize(item: TextItemLike): number {
  const [, , c = 0, d = 0] = item.transform
  return Math.hypot(c, d) || item.height || 1
}

function apply(m: number[], x: number, y: number): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m
  return [a * x + c * y + e, b * x + d * y + f]
}

/** What goes between two neighbouring items: a line break, a space, or nothing. */
function separator(prev: TextItemLike, prevStr: string, cur: TextItemLike, curStr: string): string {
  if (prev.hasEOL) return '\n'
  if (prevStr === '' || curStr === '') return ''
  const size = Math.max(fontSize(prev), fontSize(cur))
  const [, , , , px = 0, py = 0] = prev.transform
  const [, , , , cx = 0, cy = 0] = cur.transform
  if (Math.abs(cy - py) > size * 0.5) return '\n'
  if (/\s$/.test(prevStr) || /^\s/.test(curStr)) return ''
  const gap = cx - (px + prev.width)
  return gap > size * 0.15 ? ' ' : ''
}

/** Builds a page's canonical text and the position of every item in it. */
export function buildPageText(items: readonly TextItemLike[], geometry?: PageGeometry): PageText {
  let text = ''
  const spans: number[] = []
  const boxes: ItemBox[] = []
  let prev: TextItemLike | undefined
  let prevStr = ''
  for (const item of items) {
    const str = normaliseItemText(item.str)
    if (prev) text += separator(prev, prevStr, item, str)
    spans.push(text.length)
    if (str !== '' && geometry) boxes.push([text.length, str.length, ...itemBox(item, geometry)])
    text += str
    prev = item
    prevStr = str
  }
  return { text, spans, boxes }
}

function round(n: number): number {
  return Math.round(n * 1e5) / 1e5
}

function itemBox(item: TextItemLike, g: PageGeometry): [number, number, number, number] {
  const [a = 1, b = 0, , , e = 0, f = 0] = item.transform
  const size = fontSize(item)
  // The item runs along its own x axis for `width`; its box rises `size` above the baseline
  // and drops a fifth of it below, for descenders.
  const len = Math.hypot(a, b) || 1
  const ux = a / len
  const uy = b / len
  const corners = [
    [e - uy * size * -0.2, f + ux * size * -0.2],
    [e + ux * item.width - uy * size * -0.2, f + uy * item.width + ux * size * -0.2],
    [e - uy * size, f + ux * size],
    [e + ux * item.width - uy * size, f + uy * item.width + ux * size],
  ].map(([x = 0, y = 0]) => apply(g.viewportTransform, x, y))
  const xs = corners.map((p) => p[0])
  const ys = corners.map((p) => p[1])
  const x0 = Math.min(...xs)
  const y0 = Math.min(...ys)
  return [
    round(x0 / g.width),
    round(y0 / g.height),
    round((Math.max(...xs) - x0) / g.width),
    round((Math.max(...ys) - y0) / g.height),
  ]
}
