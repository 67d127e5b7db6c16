/**
 * Plain text as PDF pages, for the text sources of a REFI-QDA project (NVivo, MAXQDA and
 * QualCoder exchange documents as text): Werkbank codes PDFs, so a text becomes A4 pages in
 * DejaVu Sans, one source line after another, wrapped at spaces, and is then imported like any
 * PDF. The codings of the text point into the source's characters; `alignByLetters` carries
 * them over to the imported document's canonical text, which holds the same letters in the same
 * order with other white space (line breaks where lines wrap).
 *
 * Characters the font cannot draw (emoji, scripts DejaVu lacks) and control characters are left
 * out of the pages; `drawn` says which characters are on them, so the alignment skips the rest.
 */
import { createDocument, hasGlyph, unitWidth } from './dejavu'

const PAGE_W = 595.28
const PAGE_H = 841.89
const MARGIN = 56
const SIZE = 10
const LEAD = 13
const WIDTH = PAGE_W - 2 * MARGIN

/**
 * Characters a page never shows as letters: white space, and format characters (soft hyphen,
 * zero-width and direction marks, byte-order mark) that text extraction drops.
 */
const INVISIBLE = /[\s\p{Cf}]/u

/** Whether `ch` (one code point) is a letter on the pages: drawn, and not white space. */
export function drawn(ch: string): boolean {
  if (INVISIBLE.test(ch)) return false
  const cp = ch.codePointAt(0)!
  return cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) && hasGlyph('regular', cp)
}

/** The text as PDF bytes; a title goes into the document's metadata. */
export async function textToPdf(text: string, title: string): Promise<Uint8Array> {
  const { doc, font } = await createDocument()
  doc.setTitle(title)
  doc.setCreator('Werkbank')
  doc.setCreationDate(new Date(0))
  doc.setModificationDate(new Date(0))
  let page = doc.addPage([PAGE_W, PAGE_H])
  let y = PAGE_H - MARGIN
  const newLine = () => {
    y -= LEAD
    if (y < MARGIN) {
      page = doc.addPage([PAGE_W, PAGE_H])
      y = PAGE_H - MARGIN - LEAD
    }
  }
  y += LEAD // the first newLine() puts the first baseline one lead below the top margin
  for (const source of text.split(/\r\n|\r|\n/)) {
    // Only what can be drawn; white space of any kind as one space.
    const line = Array.from(source, (ch) => (/\s/u.test(ch) ? ' ' : drawn(ch) ? ch : '')).join('')
    const lines = wrap(line)
    if (lines.length === 0) newLine()
    for (const l of lines) {
      newLine()
      if (l.trim() !== '') page.drawText(l, { x: MARGIN, y, size: SIZE, font: font.regular })
    }
  }
  return doc.save({ useObjectStreams: true })
}

/**
 * A line cut into lines that fit the width: at spaces, a word longer than a line by letters.
 * Widths are summed as the line grows, so a line of any length costs its length once.
 */
function wrap(line: string): string[] {
  const width = (s: string) => unitWidth('regular', s) * SIZE
  const space = width(' ')
  const out: string[] = []
  let current = ''
  let w = 0
  const flush = () => {
    if (current.trim() !== '') out.push(current.trimEnd())
    current = ''
    w = 0
  }
  for (const word of line.split(' ')) {
    const ww = width(word)
    if (current !== '' && w + space + ww <= WIDTH) {
      current += ` ${word}`
      w += space + ww
      continue
    }
    if (current !== '') flush()
    if (ww <= WIDTH) {
      current = word
      w = ww
      continue
    }
    // Longer than a line: letter by letter.
    for (const ch of word) {
      const cw = width(ch)
      if (w + cw > WIDTH && current !== '') flush()
      current += ch
      w += cw
    }
  }
  flush()
  return out
}

/**
 * Maps offsets in `source` (UTF-16, as REFI positions count) to offsets in `target` by their
 * letters: the source's letters (by `isLetter`) are the target's non-white-space characters, in
 * order, once both are in compatibility form (NFKC: a ligature "ﬁ" is "fi", a micro sign a mu,
 * as text extraction gives them back). Null when the two do not hold the same letters.
 */
export function alignByLetters(source: string, target: string, isLetter: (ch: string) => boolean): ((start: number, end: number) => [number, number] | null) | null {
  const unit = (ch: string) => ch.normalize('NFKC').replace(/\s+/gu, '')
  let letters = ''
  const from: number[] = [] // source offset of each UTF-16 unit of `letters`
  for (let i = 0; i < source.length; ) {
    const ch = String.fromCodePoint(source.codePointAt(i)!)
    if (isLetter(ch)) {
      const u = unit(ch)
      letters += u
      for (let j = 0; j < u.length; j++) from.push(i)
    }
    i += ch.length
  }
  let seen = ''
  const to: number[] = [] // target offset of each unit, and where its character ends
  const toEnd: number[] = []
  for (let i = 0; i < target.length; ) {
    const ch = String.fromCodePoint(target.codePointAt(i)!)
    if (!/\s/u.test(ch)) {
      const u = unit(ch)
      seen += u
      for (let j = 0; j < u.length; j++) {
        to.push(i)
        toEnd.push(i + ch.length)
      }
    }
    i += ch.length
  }
  if (seen !== letters) return null
  /** Index of the first unit whose source offset is at or after `at`. */
  const firstAt = (at: number) => {
    let lo = 0
    let hi = from.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (from[mid]! < at) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return (start, end) => {
    const a = firstAt(start)
    const b = firstAt(end) - 1 // the last unit before `end`
    if (!(a <= b)) return null // only white space or undrawn characters, or no range at all
    return [to[a]!, toEnd[b]!]
  }
}
