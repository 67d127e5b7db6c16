import { describe, expect, it } from 'vitest'
import { buildPageText, normaliseItemText, PAGE_SEPARATOR, type TextItemLike } from '../../../shared/page-text'
import { hits, itemPieces, mergeLineRects, offsetOf, pageSlice, rangeBetween, trimRange, type PageLayout } from '../../../renderer/pdf/offsets'

/** A text item on a line at baseline y, starting at x, 6 units per character, size 10. */
function item(str: string, x: number, y: number, hasEOL = false): TextItemLike {
  return { str, transform: [10, 0, 0, 10, x, y], width: str.length * 6, height: 10, hasEOL }
}

/** Two pages as the viewer sees them: items → buildPageText → layout with the document offsets. */
function twoPages() {
  const page1 = [item('Samen ontwerpen', 50, 700), item('is de', 50 + 16 * 6, 700), item('ﬁnale fase.', 50, 680)]
  const page2 = [item('Docenten', 50, 700), item('', 0, 0, true), item('haken af.', 50, 680)]
  const built = [buildPageText(page1), buildPageText(page2)]
  const text = built.map((b) => b.text).join(PAGE_SEPARATOR)
  const pageStarts = [0, built[0]!.text.length + PAGE_SEPARATOR.length]
  const layouts = new Map<number, PageLayout>()
  ;[page1, page2].forEach((items, i) => {
    layouts.set(i + 1, {
      pageNo: i + 1,
      startOffset: pageStarts[i]!,
      length: built[i]!.text.length,
      spans: built[i]!.spans,
      lengths: items.map((it) => normaliseItemText(it.str).length),
    })
  })
  return { text, layouts, built }
}

describe('selection → offsets', () => {
  it('maps item i at character k to startOffset + spans[i] + k', () => {
    const { text, layouts } = twoPages()
    const p1 = layouts.get(1)!
    // "is de" is item 1; its "de" starts at character 3.
    const at = offsetOf(p1, 1, 3)
    expect(text.slice(at, at + 2)).toBe('de')
  })

  it('counts a ligature as the letters the canonical text spells out', () => {
    const { text, layouts } = twoPages()
    const p1 = layouts.get(1)!
    const r = rangeBetween(layouts, { pageNo: 1, item: 2, char: 0 }, { pageNo: 1, item: 2, char: 6 })
    expect(r && text.slice(r.start, r.end)).toBe('finale')
    expect(p1.lengths[2]).toBe('finale fase.'.length)
  })

  it('takes a selection across a page break, the page separator included', () => {
    const { text, layouts } = twoPages()
    const r = rangeBetween(layouts, { pageNo: 1, item: 2, char: 7 }, { pageNo: 2, item: 0, char: 8 })
    expect(r && text.slice(r.start, r.end)).toBe('fase.\fDocenten')
  })

  it('orders a backwards selection and refuses an empty one', () => {
    const { text, layouts } = twoPages()
    const r = rangeBetween(layouts, { pageNo: 2, item: 2, char: 5 }, { pageNo: 2, item: 0, char: 0 })
    expect(r && text.slice(r.start, r.end)).toBe('Docenten\nhaken')
    expect(rangeBetween(layouts, { pageNo: 1, item: 0, char: 3 }, { pageNo: 1, item: 0, char: 3 })).toBeNull()
  })

  it('clamps a character past the end of an item to its end', () => {
    const { layouts } = twoPages()
    const p1 = layouts.get(1)!
    expect(offsetOf(p1, 0, 999)).toBe(p1.startOffset + 'Samen ontwerpen'.length)
  })

  it('knows nothing of a page that is not rendered', () => {
    const { layouts } = twoPages()
    expect(rangeBetween(layouts, { pageNo: 1, item: 0, char: 0 }, { pageNo: 7, item: 0, char: 1 })).toBeNull()
  })
})

describe('trimming a sloppy selection', () => {
  const pages = [
    { startOffset: 0, text: 'Het rapport sluit\naf met conclusies. ' },
    { startOffset: 38, text: '\nVerzet bleef.' },
  ]

  it('drops white space and line breaks at both ends', () => {
    const text = pages.map((p) => p.text).join('\f')
    const start = text.indexOf(' sluit')
    const end = text.indexOf('af') + 2
    const r = trimRange(pages, start, end + 1)
    expect(r && text.slice(r.start, r.end)).toBe('sluit\naf')
  })

  it('treats the page separator as white space', () => {
    const text = pages.map((p) => p.text).join('\f')
    const r = trimRange(pages, text.indexOf('conclusies'), text.indexOf('Verzet'))
    expect(r && text.slice(r.start, r.end)).toBe('conclusies.')
  })

  it('leaves nothing of a selection of white space only', () => {
    expect(trimRange(pages, 36, 39)).toBeNull()
  })
})

describe('offsets → text-layer pieces', () => {
  it('cuts a document range into the part on each page', () => {
    const { layouts, text } = twoPages()
    const start = text.indexOf('fase.')
    const end = text.indexOf('Docenten') + 8
    expect(pageSlice(layouts.get(1)!, start, end)).toEqual([layouts.get(1)!.length - 5, layouts.get(1)!.length])
    expect(pageSlice(layouts.get(2)!, start, end)).toEqual([0, 8])
    expect(pageSlice(layouts.get(2)!, 0, 3)).toBeNull()
  })

  it('finds the item pieces of a range and leaves out the separators between items', () => {
    const { built, layouts } = twoPages()
    const p1 = layouts.get(1)!
    const from = built[0]!.text.indexOf('ontwerpen')
    const to = built[0]!.text.indexOf('de') + 2
    expect(itemPieces(p1, from, to)).toEqual([
      { item: 0, from: 6, to: 15 },
      { item: 1, from: 0, to: 5 },
    ])
  })

  it('skips empty items (line-end markers)', () => {
    const { layouts } = twoPages()
    const p2 = layouts.get(2)!
    expect(itemPieces(p2, 0, p2.length).map((p) => p.item)).toEqual([0, 2])
  })
})

describe('highlight boxes', () => {
  it('joins the pieces of one line into one band and keeps lines apart', () => {
    const merged = mergeLineRects([
      { x: 0.1, y: 0.2, w: 0.2, h: 0.02 },
      { x: 0.31, y: 0.2, w: 0.1, h: 0.02 },
      { x: 0.1, y: 0.23, w: 0.3, h: 0.02 },
    ])
    expect(merged).toHaveLength(2)
    expect(merged[0]!.x).toBeCloseTo(0.1)
    expect(merged[0]!.w).toBeCloseTo(0.31)
    expect(merged[1]!.y).toBeCloseTo(0.23)
  })

  it('does not join two columns on the same line', () => {
    const merged = mergeLineRects([
      { x: 0.1, y: 0.2, w: 0.3, h: 0.02 },
      { x: 0.55, y: 0.2, w: 0.3, h: 0.02 },
    ])
    expect(merged).toHaveLength(2)
  })

  it('hit-tests a point in page units', () => {
    expect(hits({ x: 0.1, y: 0.1, w: 0.2, h: 0.05 }, 0.2, 0.12)).toBe(true)
    expect(hits({ x: 0.1, y: 0.1, w: 0.2, h: 0.05 }, 0.35, 0.12)).toBe(false)
  })
})
