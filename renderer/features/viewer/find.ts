/**
 * Find in document, client-side over the canonical text the viewer already holds: case and
 * diacritics do not matter ("coordinatie" finds "Coördinatie"), and any run of white space in
 * the query matches any run of white space (line breaks, page breaks) in the text. Pure.
 */
import { rectsForRange, type PageRect } from '../../../shared/anchoring'
import { foldText } from '../../../shared/text-fold'

// One folding for Find and the query language (shared/text-fold.ts).
export { foldChar, foldText } from '../../../shared/text-fold'

export interface FindPage {
  pageNo: number
  startOffset: number
  text: string
  boxes?: readonly (readonly [number, number, number, number, number, number])[]
}

export interface FindHit {
  start: number
  end: number
  page: number
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Joins pages into the document text, as the importer did (pages separated by a form feed). */
export function documentText(pages: readonly FindPage[]): string {
  let text = ''
  for (const p of pages) {
    if (text.length < p.startOffset) text += '\f'.repeat(p.startOffset - text.length)
    text += p.text
  }
  return text
}

/** The page (1-based number) that holds an offset. */
export function pageOfOffset(pages: readonly FindPage[], offset: number): number {
  let lo = 0
  let hi = pages.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (pages[mid]!.startOffset <= offset) lo = mid
    else hi = mid - 1
  }
  return pages[lo]?.pageNo ?? 1
}

/** Every match of `query` in the folded document text, at most `limit`. */
export function findAll(folded: string, pages: readonly FindPage[], query: string, limit = 5000): FindHit[] {
  const words = foldText(query.trim()).split(' ').filter((w) => w !== '')
  if (words.length === 0) return []
  const re = new RegExp(words.map(escapeRegExp).join(' +'), 'g')
  const hits: FindHit[] = []
  for (let m = re.exec(folded); m && hits.length < limit; m = re.exec(folded)) {
    if (m[0].length === 0) {
      re.lastIndex++
      continue
    }
    hits.push({ start: m.index, end: m.index + m[0].length, page: pageOfOffset(pages, m.index) })
  }
  return hits
}

/**
 * Where a range lies on its first page, from the importer's item boxes (0..1 of the page), so
 * that the viewer can scroll to a place on a page it has not rendered yet.
 */
export function rangeRectsFromBoxes(pages: readonly FindPage[], start: number, end: number): PageRect[] {
  const pageNo = pageOfOffset(pages, start)
  const page = pages.find((p) => p.pageNo === pageNo)
  if (!page?.boxes) return []
  return rectsForRange(pageNo, page.boxes as never, start - page.startOffset, end - page.startOffset)
}
