/**
 * PDF selections of REFI-QDA in page text: the box of a `<PDFSelection>` to the characters it
 * covers, and a coding's rectangles to a box.
 *
 * The standard (REFI-QDA 1.5, section 10.3) measures a selection in PDF points "starting from the
 * bottom-left of the PDF media box": y grows upward, so firstY < secondY and the box's top edge
 * lies at height − secondY. Werkbank's earlier exports wrote them from the top left, and other
 * programs may too; the importer tries both (`BoxConvention`) and keeps the one whose boxes
 * cover the selections' texts.
 *
 * Page geometry: a page as stored (pages.width/height) is pdf.js's viewport at scale 1 — its view
 * (the crop box within the media box) with /Rotate applied — and the item boxes and a coding's
 * rectangles are fractions of it from its top left. `PageGeometry` (pages.view_x … rotate) says
 * where that view starts in user space, where the media box starts, and the rotation; a box is
 * taken through user space to the media box's bottom left, as the standard says, so a media box
 * that does not start at 0,0, a crop box and /Rotate 90/180/270 are honoured. (UserUnit is
 * taken as 1.) Pages imported before this was kept read as all 0: view = media box at 0,0.
 */
import type { ItemBox } from '../../../shared/page-text'
import { normaliseItemText } from '../../../shared/page-text'
import type { PageGeometry } from '../../../shared/types'

/** Where a project's PDF boxes count y from. */
export type BoxConvention = 'bottom-left' | 'top-left'

/** firstX, firstY, secondX, secondY in PDF points, as in a `<PDFSelection>`. */
export type Box = [number, number, number, number]

/** A rectangle as fractions of the page from its top left (as `PageRect`, without the page). */
export interface Frac {
  x: number
  y: number
  w: number
  h: number
}

/** What of a page the boxes are read against. */
export interface BoxPage {
  text: string
  width: number
  height: number
  boxes: readonly ItemBox[]
  geometry?: PageGeometry
}

/** What of a page a box is converted against. */
export type PageFrame = Pick<BoxPage, 'width' | 'height' | 'geometry'>

const FLAT: PageGeometry = { viewX: 0, viewY: 0, mediaX: 0, mediaY: 0, rotate: 0 }

/** A map between points: user space of the PDF and the page's viewport (top left, y down). */
interface Affine {
  a: number
  b: number
  c: number
  d: number
  e: number
  f: number
}

/**
 * pdf.js's viewport transform at scale 1 (PageViewport in pdf.js's display layer, here so that the
 * core need not load pdf.js for it): user space → viewport points. The view is
 * [viewX, viewY, viewX + vw, viewY + vh], vw × vh being the viewport's size before rotation.
 */
export function viewportTransform(page: PageFrame): Affine {
  const g = page.geometry ?? FLAT
  const rotate = (((g.rotate % 360) + 360) % 360) as 0 | 90 | 180 | 270
  const turned = rotate === 90 || rotate === 270
  const vw = turned ? page.height : page.width
  const vh = turned ? page.width : page.height
  const cx = g.viewX + vw / 2
  const cy = g.viewY + vh / 2
  const [a, b, c, d] = rotate === 90 ? [0, 1, 1, 0] : rotate === 180 ? [-1, 0, 0, 1] : rotate === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1]
  const offX = a === 0 ? vh / 2 : vw / 2
  const offY = a === 0 ? vw / 2 : vh / 2
  return { a, b, c, d, e: offX - a * cx - c * cy, f: offY - b * cx - d * cy }
}

/** A point of the viewport (points from its top left) in REFI-QDA's points: from the media box's bottom left. */
function toMedia(t: Affine, g: PageGeometry, vx: number, vy: number): [number, number] {
  const det = t.a * t.d - t.b * t.c
  const x = vx - t.e
  const y = vy - t.f
  return [(t.d * x - t.c * y) / det - g.mediaX, (-t.b * x + t.a * y) / det - g.mediaY]
}

/** A point in points from the media box's bottom left, in the viewport (points from its top left). */
function fromMedia(t: Affine, g: PageGeometry, mx: number, my: number): [number, number] {
  const ux = mx + g.mediaX
  const uy = my + g.mediaY
  return [t.a * ux + t.c * uy + t.e, t.b * ux + t.d * uy + t.f]
}

/**
 * A selection's box as a rectangle of its page (fractions of the viewport from the top left), not
 * clamped. Bottom-left: the standard's points from the media box's bottom left, through user space
 * (crop box and rotation honoured). Top-left: older Werkbank exports, points of the viewport.
 */
export function boxToRect(box: Box, page: PageFrame, convention: BoxConvention): Frac {
  const [x0, y0, x1, y1] = box
  if (convention === 'top-left') {
    const left = Math.min(x0, x1)
    const low = Math.min(y0, y1)
    return { x: left / page.width, y: low / page.height, w: Math.abs(x1 - x0) / page.width, h: Math.abs(y1 - y0) / page.height }
  }
  const g = page.geometry ?? FLAT
  const t = viewportTransform(page)
  const [ax, ay] = fromMedia(t, g, x0, y0)
  const [bx, by] = fromMedia(t, g, x1, y1)
  const left = Math.min(ax, bx)
  const top = Math.min(ay, by)
  return { x: left / page.width, y: top / page.height, w: Math.abs(bx - ax) / page.width, h: Math.abs(by - ay) / page.height }
}

/**
 * The box, in whole points from the bottom left of the media box as the standard has it, that
 * covers a rectangle of the page (the schema wants integers: the box grows to the next point on
 * every side), kept within the page's view.
 */
export function rectToBox(r: Frac, page: PageFrame): Box {
  const g = page.geometry ?? FLAT
  const t = viewportTransform(page)
  const [ax, ay] = toMedia(t, g, r.x * page.width, r.y * page.height)
  const [bx, by] = toMedia(t, g, (r.x + r.w) * page.width, (r.y + r.h) * page.height)
  // The view in media-box points: where the box may lie.
  const [vx0, vy0] = toMedia(t, g, 0, 0)
  const [vx1, vy1] = toMedia(t, g, page.width, page.height)
  const within = (v: number, lo: number, hi: number) => Math.min(Math.max(lo, hi), Math.max(Math.min(lo, hi), v))
  // A hair of tolerance, so that a side that is a whole point in decimal does not grow by one.
  const down = (v: number) => Math.floor(v + 1e-6)
  const up = (v: number) => Math.ceil(v - 1e-6)
  const [xlo, xhi] = [down(Math.min(vx0, vx1)), up(Math.max(vx0, vx1))]
  const [ylo, yhi] = [down(Math.min(vy0, vy1)), up(Math.max(vy0, vy1))]
  return [
    within(down(Math.min(ax, bx)), xlo, xhi),
    within(down(Math.min(ay, by)), ylo, yhi),
    within(up(Math.max(ax, bx)), xlo, xhi),
    within(up(Math.max(ay, by)), ylo, yhi),
  ]
}

const WORD = /[\p{L}\p{N}]/u
const SPACE = /\s/

/**
 * The page text a selection box covers, read as a text-flow selection: from the first to the
 * last character (in page order) whose centre lies in the box, white space at the ends left out,
 * a word cut by the box's edge taken whole. Character places are shares of their item's box, as
 * for a coding's rectangles. Null when the box covers no text.
 */
export function textInBox(page: BoxPage, r: Frac): [number, number] | null {
  let first = Infinity
  let last = -Infinity
  const right = r.x + r.w
  const bottom = r.y + r.h
  for (const [s, len, x, y, w, h] of page.boxes) {
    if (len === 0 || w <= 0) continue
    const cy = y + h / 2
    if (cy < r.y || cy > bottom) continue
    // Character i's centre is x + w·(i + ½)/len: the ones between the box's sides.
    const from = Math.max(0, Math.ceil(((r.x - x) * len) / w - 0.5))
    const to = Math.min(len - 1, Math.floor(((right - x) * len) / w - 0.5))
    if (to < from) continue
    first = Math.min(first, s + from)
    last = Math.max(last, s + to + 1)
  }
  if (!Number.isFinite(first)) return null
  const text = page.text
  let start = first
  let end = Math.min(last, text.length)
  while (start < end && SPACE.test(text[start]!)) start++
  while (end > start && SPACE.test(text[end - 1]!)) end--
  if (start >= end) return null
  while (start > 0 && WORD.test(text[start - 1]!) && WORD.test(text[start]!)) start--
  while (end < text.length && WORD.test(text[end]!) && WORD.test(text[end - 1]!)) end++
  return [start, end]
}

/** A page's text without its white space, and where each of its characters stands in the page. */
interface Squeezed {
  bare: string
  at: number[]
}

function squeeze(page: string): Squeezed {
  let bare = ''
  const at: number[] = []
  for (let i = 0; i < page.length; i++) {
    if (SPACE.test(page[i]!)) continue
    bare += page[i]
    at.push(i)
  }
  return { bare, at }
}

/** A text as the page would spell it (ligatures, no-break spaces, soft hyphens), without white space. */
function bareOf(text: string): string {
  return normaliseItemText(text).replace(/\s+/g, '')
}

/** Every place of `bare` (no white space) in the squeezed page: [start, end) in the page text. */
function places(sq: Squeezed, bare: string): [number, number][] {
  const out: [number, number][] = []
  if (bare === '') return out
  for (let k = sq.bare.indexOf(bare); k >= 0; k = sq.bare.indexOf(bare, k + 1)) out.push([sq.at[k]!, sq.at[k + bare.length - 1]! + 1])
  return out
}

/** `place` widened by the white space `wanted` has at its ends, as far as the page has it. */
function withEnds(page: string, place: [number, number], wanted: string): [number, number] {
  let [start, end] = place
  const lead = wanted.length - wanted.trimStart().length
  const trail = wanted.length - wanted.trimEnd().length
  for (let i = 0; i < lead && start > 0 && SPACE.test(page[start - 1]!); i++) start--
  for (let i = 0; i < trail && end < page.length && SPACE.test(page[end]!); i++) end++
  return [start, end]
}

/**
 * Where `wanted` stands in `page` (start, end in the page text), comparing white space loosely:
 * a line break for a space, none where another program ran words together; null when it is not
 * there. White space at either end of `wanted` is matched too, as far as the page has it, so
 * that a selection that starts with a space starts there. Of several places, the first that
 * starts a word (not "art" inside "Start"), else the first. Linear: both texts are compared
 * without their white space, by index, with a map back to the page.
 */
export function findOnPage(page: string, wanted: string): [number, number] | null {
  const bare = bareOf(wanted)
  if (bare === '') return null
  const sq = squeeze(page)
  const all = places(sq, bare)
  const startsWord = ([s]: [number, number]) => s === 0 || !WORD.test(page[s - 1]!) || !WORD.test(bare[0]!)
  const pick = all.find(startsWord) ?? all[0]
  return pick ? withEnds(page, pick, wanted) : null
}

/** What a selection says its text is: a Representation's whole text, or the name's start. */
export interface SelectionText {
  text: string
  /** A Representation's PlainTextContent: the whole text. A name: its start (or all of a short one). */
  from: 'representation' | 'name'
}

/** A name of this many characters or more (white space collapsed) may be cut off. */
const NAME_CUT = 60

/** Where a selection falls on its page under one convention. */
export interface Placement {
  rect: Frac
  /** The page text the box covers. */
  flow: [number, number] | null
  /** The coding's range in the page text, or null: an area. */
  range: [number, number] | null
  /** The box covers the text the selection names (the convention fits this selection). */
  fits: boolean
}

/**
 * A selection on its page under one convention. With a text to check against, the range is
 * where that text stands among (or overlapping) what the box covers: a Representation's text
 * whole; a name, which ATLAS.ti makes of the quotation's first ~64 characters, as the start
 * (the end is the box's); a short name without an ellipsis may be all of the text. A
 * Representation's text found elsewhere on the page is still taken (as programs' boxes differ),
 * but does not count as fitting. Without a text to check, the range is what the box covers.
 */
export function placeSelection(page: BoxPage, box: Box, convention: BoxConvention, said: SelectionText | null): Placement {
  const rect = boxToRect(box, page, convention)
  const flow = textInBox(page, rect)
  if (said === null) return { rect, flow, range: flow, fits: false }
  const sq = squeeze(page.text)
  const overlap = ([s, e]: [number, number]) => (flow ? Math.min(e, flow[1]) - Math.max(s, flow[0]) : 0)
  /** Of the places, the one that overlaps the covered text most (the first of equals). */
  const best = (all: [number, number][]) => {
    let pick: [number, number] | undefined
    for (const p of all) if (overlap(p) > 0 && (pick === undefined || overlap(p) > overlap(pick))) pick = p
    return pick
  }
  if (said.from === 'representation') {
    const bare = bareOf(said.text)
    const pick = best(places(sq, bare))
    if (pick) return { rect, flow, range: withEnds(page.text, pick, said.text), fits: true }
    return { rect, flow, range: bare === '' ? flow : findOnPage(page.text, said.text), fits: false }
  }
  const name = said.text.replace(/\s+/g, ' ').trim()
  const cut = /(…|\.\.\.)$/.test(name) || Array.from(name).length >= NAME_CUT
  const bare = bareOf(name.replace(/(…|\.\.\.)$/, ''))
  if (bare === '' || flow === null) return { rect, flow, range: null, fits: false }
  const all = places(sq, bare)
  if (!cut) {
    const whole = best(all)
    if (whole) return { rect, flow, range: whole, fits: true }
  }
  // The name is the start: a place of it that begins among the covered text (a few characters
  // of slack for a box that cut into the first word), nearest the box's first character.
  const near = (p: [number, number]) => p[0] >= flow[0] - 8 && p[0] < flow[1]
  let start: [number, number] | undefined
  for (const p of all) {
    if (!near(p)) continue
    if (start === undefined || Math.abs(p[0] - flow[0]) < Math.abs(start[0] - flow[0])) start = p
  }
  // A quotation that starts near the foot of its page has a name that runs on into the next
  // page: then the page ends with the name's start (a dozen characters at least).
  for (let m = Math.min(bare.length - 1, sq.bare.length); start === undefined && m >= 12; m--) {
    if (!sq.bare.endsWith(bare.slice(0, m))) continue
    const p: [number, number] = [sq.at[sq.bare.length - m]!, page.text.trimEnd().length]
    if (near(p)) start = p
  }
  if (!start) return { rect, flow, range: null, fits: false }
  return { rect, flow, range: [start[0], Math.max(start[1], flow[1])], fits: true }
}
