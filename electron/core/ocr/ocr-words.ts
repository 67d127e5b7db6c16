import type { PageGeometry as ViewGeometry, TextItemLike } from '../../../shared/page-text'

/** The parts of tesseract.js's block output that page text is made from (pixels, top left). */
export interface OcrBox { x0: number; y0: number; x1: number; y1: number }
export interface OcrWord { text: string; confidence: number; bbox: OcrBox }
export interface OcrLine { bbox: OcrBox; baseline?: { x0: number; y0: number; x1: number; y1: number; has_baseline?: boolean }; words: OcrWord[] }
export interface OcrBlock { paragraphs: { lines: OcrLine[] }[] }

/** One recognised word, ready for `buildPageText`: its item and its confidence (0–100). */
export interface RecognisedPage {
  items: TextItemLike[]
  confidences: number[]
}

/**
 * Below this confidence a word with no letter or digit is noise (specks, rules, a photo's
 * texture) and is dropped; any word with a letter or digit is kept whatever its confidence, so
 * that recall does not suffer and the viewer can mark it as doubtful.
 */
const NOISE_CONFIDENCE = 40

/**
 * Turns tesseract's words into pdf.js-like text items in a user space of PDF points with the y
 * axis up (x = px / scale, y = pageHeight − py / scale), so that the one function that makes page
 * text, `buildPageText`, makes it from scans too: a word is an item, the last word of a line has
 * `hasEOL`, and a word's box rises from the line's baseline by the line's ascent.
 */
export function wordsToItems(blocks: readonly OcrBlock[], scale: number, pageHeight: number): RecognisedPage {
  const items: TextItemLike[] = []
  const confidences: number[] = []
  for (const block of blocks) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words = line.words.filter((w) => w.text.trim() !== '' && (w.confidence >= NOISE_CONFIDENCE || /[\p{L}\p{N}]/u.test(w.text)))
        words.forEach((w, i) => {
          const base = baselineAt(line, (w.bbox.x0 + w.bbox.x1) / 2)
          // The ascent of the line, not of the word: one size per line keeps its words on one
          // baseline and their gaps measured alike.
          const size = Math.max(1, base - line.bbox.y0) / scale
          // Tesseract says where words end: a word but the line's last carries the space after
          // it, its box reaching the next word, so that no gap rule can glue two words together.
          const next = words[i + 1]
          const right = next && next.bbox.x0 > w.bbox.x1 ? next.bbox.x0 : w.bbox.x1
          items.push({
            str: w.text.trim() + (next ? ' ' : ''),
            transform: [size, 0, 0, size, w.bbox.x0 / scale, pageHeight - base / scale],
            width: Math.max(0, right - w.bbox.x0) / scale,
            height: size,
            hasEOL: i === words.length - 1,
          })
          confidences.push(Math.round(w.confidence))
        })
      }
    }
  }
  return { items, confidences }
}

/** The line's baseline at x (pixels), or its box's bottom when tesseract found none. */
function baselineAt(line: OcrLine, x: number): number {
  const b = line.baseline
  if (!b || b.has_baseline === false || !Number.isFinite(b.y0)) return line.bbox.y1
  if (b.x1 === b.x0) return b.y0
  const t = Math.min(1, Math.max(0, (x - b.x0) / (b.x1 - b.x0)))
  // Never below the line's box (a skewed baseline can run off it at the ends).
  return Math.min(line.bbox.y1, Math.max(line.bbox.y0 + 1, b.y0 + (b.y1 - b.y0) * t))
}

/** The viewport of the synthetic user space above: y flipped, nothing else. */
export function ocrGeometry(width: number, height: number): ViewGeometry {
  return { width, height, viewportTransform: [1, 0, 0, -1, 0, height] }
}

/** Mean of the words' confidences weighted by their length in characters (0–100, 0 for none). */
export function meanConfidence(items: readonly TextItemLike[], confidences: readonly number[]): number {
  let sum = 0
  let n = 0
  items.forEach((it, i) => {
    const len = it.str.length
    sum += (confidences[i] ?? 0) * len
    n += len
  })
  return n === 0 ? 0 : Math.round((sum / n) * 10) / 10
}
