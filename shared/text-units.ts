/**
 * Sentences and paragraphs of a page, from its canonical text (shared/page-text.ts) and the
 * boxes of its text items. Derived once, at import, and stored (the text_units table), so that
 * "the sentence / paragraph around offset X" is one lookup for search, auto-coding, suggestions
 * and keyboard coding alike; none of them splits text itself.
 *
 * A paragraph ends where the layout says so, as a reader sees it:
 * - a larger gap between two lines than the page's usual line pitch;
 * - the next line lies higher up or far to the side (a new column, a box);
 * - the next line is indented (a first-line indent) or starts a list item;
 * - the line ends short of the column's right edge with a full stop, colon or the like;
 * - a line set in another size than its neighbour (a heading), or a short line without final
 *   punctuation before a text line (a heading in the body size).
 * A sentence ends at . ! ? or … (with closing quotes or brackets) before white space and a
 * capital, a digit or an opening quote — not after a common Dutch or English abbreviation, an
 * initial, or a list number.
 *
 * Units never cross a page: a paragraph that runs on over a page break is two units, one per
 * page, as the pages are what a researcher sees and codes.
 */
import type { ItemBox } from './page-text'

/** [start, end) in the page text (or, stored, in the document text). */
export type Span = [start: number, end: number]

export interface PageUnits {
  paragraphs: Span[]
  sentences: Span[]
}

interface Line {
  start: number
  end: number
  text: string
  x0: number
  x1: number
  y0: number
  y1: number
  /** Typical item height: the font size, more or less. */
  h: number
}

const BULLET = /^\s*(?:[•◦▪‣∙·●○■□–—*-]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])\s+/
const FINAL = /[.!?…:;]["'”’»)\]]*\s*$/
const SENTENCE_FINAL = /[.!?…]["'”’»)\]]*\s*$/

/**
 * Abbreviations after which a full stop does not end a sentence (lower case, without the final
 * stop). Dutch and English, as evaluation reports use them.
 */
const ABBREVIATIONS = new Set([
  'bijv', 'bv', 'd.w.z', 'o.a', 'o.m', 'i.p.v', 'm.b.t', 'n.a.v', 'i.v.m', 'm.n', 'e.d', 'e.a', 'enz', 'etc', 'ca', 'dhr', 'mevr',
  'mr', 'mrs', 'ms', 'dr', 'drs', 'ir', 'ing', 'prof', 'nr', 'no', 'blz', 'p', 'pp', 'vgl', 'zgn', 'z.g.a.n', 'resp', 'incl', 'excl',
  'e.g', 'i.e', 'vs', 'cf', 'fig', 'al', 'st', 'jr', 'sr', 'jan', 'feb', 'mrt', 'apr', 'aug', 'sept', 'sep', 'okt', 'oct', 'nov', 'dec',
  'hfdst', 'art', 'par', 'max', 'min', 'gem', 'tel', 'ed', 'eds', 'vol', 'approx', 'dept', 'univ',
])

function median(xs: number[]): number {
  if (xs.length === 0) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** The page's lines (text between line breaks) with the box of the items on them. */
function linesOf(text: string, boxes: readonly ItemBox[]): Line[] {
  const lines: Line[] = []
  let b = 0
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue
    const end = i
    let x0 = Infinity
    let x1 = -Infinity
    let y0 = Infinity
    let y1 = -Infinity
    const hs: number[] = []
    // Boxes are in text order: advance past those that end before this line.
    while (b < boxes.length && boxes[b]![0] + boxes[b]![1] <= start) b++
    for (let k = b; k < boxes.length && boxes[k]![0] < end; k++) {
      const [, , x, y, w, h] = boxes[k]!
      x0 = Math.min(x0, x)
      x1 = Math.max(x1, x + w)
      y0 = Math.min(y0, y)
      y1 = Math.max(y1, y + h)
      hs.push(h)
    }
    const slice = text.slice(start, end)
    if (slice.trim() !== '') {
      lines.push(hs.length > 0
        ? { start, end, text: slice, x0, x1, y0, y1, h: median(hs) }
        // No box (text without geometry): a line of its own kind, laid out one below the other.
        : { start, end, text: slice, x0: 0, x1: 1, y0: lines.length, y1: lines.length + 0.5, h: 0.5 })
    }
    start = end + 1
  }
  return lines
}

/** Does a new paragraph start at line `i` (after line `i - 1`)? */
function breaksBefore(lines: readonly Line[], i: number, pitch: number, paraStart: Line): boolean {
  const a = lines[i - 1]!
  const b = lines[i]!
  const h = Math.max(a.h, b.h)
  // A new column or a box: the next line is higher up, or on the same height far to the side.
  if (b.y0 < a.y0 - h * 0.5) return true
  if (Math.abs(b.x0 - a.x0) > 0.25 && Math.abs(b.y0 - a.y0) < h * 0.5) return true
  // A wider gap than the page's usual pitch.
  if (pitch > 0 && b.y0 - a.y0 > pitch * 1.45) return true
  // A different size: a heading above or below.
  if (a.h > 0 && b.h > 0 && (a.h > b.h * 1.18 || b.h > a.h * 1.18)) return true
  // A list item.
  if (BULLET.test(b.text)) return true
  // A first-line indent (not the run-on lines of a list item, which hang indented).
  const em = h * 0.6
  if (b.x0 > a.x0 + em && !BULLET.test(paraStart.text)) return true
  // A line that ends short with final punctuation ends its paragraph; so does a short line
  // without any (a heading in the body size) when the next line starts at the margin.
  const right = Math.max(a.x1, b.x1)
  const width = right - Math.min(a.x0, b.x0)
  const short = a.x1 < right - width * 0.12
  if (short && FINAL.test(a.text)) return true
  if (short && a === paraStart && !/[,\-–]\s*$/.test(a.text) && a.text.trim().length < 80 && /^\s*[A-Z0-9À-Þ]/.test(b.text)) return true
  return false
}

/** Trims white space off both ends of a span of `text`. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? [start, end] : null
}

/** The sentences of one paragraph's text, as spans into `text`. */
export function sentencesIn(text: string, start: number, end: number): Span[] {
  const out: Span[] = []
  const re = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}])/gu
  re.lastIndex = start
  let from = start
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    const stop = m.index + m[0].length
    if (m[0].startsWith('.') && m[0].length === 1 && !endsSentence(text, from, m.index)) continue
    const s = trimmed(text, from, stop)
    if (s) out.push(s)
    from = stop
  }
  const last = trimmed(text, from, end)
  if (last) out.push(last)
  return out
}

/** Whether the full stop at `dot` ends a sentence (not an abbreviation, initial or list number). */
function endsSentence(text: string, from: number, dot: number): boolean {
  let w = dot
  while (w > from && /[\p{L}\p{N}.]/u.test(text[w - 1]!)) w--
  const word = text.slice(w, dot)
  if (word === '') return true
  if (ABBREVIATIONS.has(word.toLowerCase())) return false
  // An initial (J. Jansen) or a list number at the start of the paragraph (1. Docenten ...).
  if (/^\p{Lu}$/u.test(word)) return false
  if (/^\d{1,2}$/.test(word) && text.slice(from, w).trim() === '') return false
  return true
}

/** Paragraphs and sentences of a page, as spans into its text. */
export function pageUnits(text: string, boxes: readonly ItemBox[]): PageUnits {
  const lines = linesOf(text, boxes)
  if (lines.length === 0) return { paragraphs: [], sentences: [] }
  // The usual distance from one line to the next, on this page.
  const steps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.y0 - lines[i - 1]!.y0
    const h = Math.max(lines[i]!.h, lines[i - 1]!.h)
    if (d > h * 0.5 && d < h * 3) steps.push(d)
  }
  const pitch = median(steps)
  const paragraphs: Span[] = []
  let first = lines[0]!
  let last = lines[0]!
  const close = () => {
    const s = trimmed(text, first.start, last.end)
    if (s) paragraphs.push(s)
  }
  for (let i = 1; i < lines.length; i++) {
    if (breaksBefore(lines, i, pitch, first)) {
      close()
      first = lines[i]!
    }
    last = lines[i]!
  }
  close()
  const sentences = paragraphs.flatMap(([s, e]) => sentencesIn(text, s, e))
  return { paragraphs, sentences }
}

/** Whether a paragraph's text reads as finished (for joining across pages, when asked). */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_FINAL.test(text)
}
