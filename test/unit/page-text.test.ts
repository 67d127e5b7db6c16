import { describe, expect, it } from 'vitest'
import { pageAt, pageSpan, quoteWithContext, rectsForRange } from '../../shared/anchoring'
import { buildPageText, normaliseItemText, PAGE_SEPARATOR, type TextItemLike } from '../../shared/page-text'

/** A horizontal text item at (x, y) in PDF units, font size 10, ~5 units per character. */
function item(str: string, x: number, y: number, extra: Partial<TextItemLike> = {}): TextItemLike {
  return { str, transform: [10, 0, 0, 10, x, y], width: str.length * 5, height: 10, ...extra }
}

const A4 = { width: 600, height: 800, viewportTransform: [1, 0, 0, -1, 0, 800] }

describe('canonical page text', () => {
  it('spells out ligatures, turns no-break spaces into spaces and keeps diacritics and quotes', () => {
    expect(normaliseItemText('ﬁnanciële ﬂexibiliteit ‘samen’ “ontwerpen”\u00a0coördinatie')).toBe(
      'financiële flexibiliteit ‘samen’ “ontwerpen” coördinatie',
    )
    expect(normaliseItemText('ge\u00adinvesteerd')).toBe('geinvesteerd')
    expect(normaliseItemText('ﻟﻌﺮﺑﻴﺔ')).toBe('لعربية')
  })

  it('joins items on a line, with a space where there is a gap and none where they touch', () => {
    const page = buildPageText([item('Samen', 0, 700), item('ontwerpen', 30, 700), item('is', 80, 700), item('el', 90, 700)])
    expect(page.text).toBe('Samen ontwerpen isel')
    expect(page.spans).toEqual([0, 6, 16, 18])
  })

  it('breaks lines at hasEOL and where the baseline moves, and never doubles a space', () => {
    const page = buildPageText([
      item('Eerste regel ', 0, 700),
      item('loopt door', 65, 700, { hasEOL: true }),
      item('Tweede', 0, 685),
      item('', 30, 685, { hasEOL: true }),
      item('Derde', 0, 670),
      item('Vierde', 0, 600),
    ])
    expect(page.text).toBe('Eerste regel loopt door\nTweede\nDerde\nVierde')
  })

  it('places every item so that a character inside item i is offset spans[i] + k', () => {
    const items = [item('De ﬁrma', 0, 700), item('werkt', 45, 700, { hasEOL: true }), item('samen.', 0, 685)]
    const page = buildPageText(items)
    items.forEach((it, i) => {
      const str = normaliseItemText(it.str)
      expect(page.text.slice(page.spans[i], page.spans[i]! + str.length)).toBe(str)
    })
  })

  it('gives item boxes from the top left of the page, 0..1', () => {
    const page = buildPageText([item('Kop', 60, 700)], A4)
    const [start, length, x, y, w, h] = page.boxes[0]!
    expect([start, length]).toEqual([0, 3])
    expect(x).toBeCloseTo(0.1, 5)
    expect(w).toBeCloseTo(15 / 600, 5)
    expect(y).toBeCloseTo((800 - 710) / 800, 5)
    expect(h).toBeCloseTo(12 / 800, 5)
  })

  it('knows which page an offset of the form-feed-joined text is on', () => {
    // 'een' \f 'twee' \f '' \f 'vier': the pages start at 0, 4, 9 and 10.
    const pageStarts = [0, 4, 9, 10]
    expect(['een', 'twee', '', 'vier'].join(PAGE_SEPARATOR).indexOf('vier')).toBe(10)
    expect(pageAt(pageStarts, 0)).toBe(1)
    expect(pageAt(pageStarts, 4)).toBe(2)
    expect(pageAt(pageStarts, 12)).toBe(4)
    expect(pageSpan(pageStarts, 2, 6)).toEqual([1, 2])
    expect(pageSpan(pageStarts, 4, 8)).toEqual([2, 2])
  })
})

describe('anchoring', () => {
  it('cuts the quote with up to 32 characters of context on each side', () => {
    const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40)
    expect(quoteWithContext(text, 40, 45)).toEqual({ quote: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) })
    expect(quoteWithContext('xQy', 1, 2)).toEqual({ quote: 'Q', prefix: 'x', suffix: 'y' })
  })

  it('covers a range with one rectangle per line, proportional within an item', () => {
    const page = buildPageText([item('abcdefghij', 0, 700, { hasEOL: true }), item('klmnopqrst', 0, 685)], A4)
    const rects = rectsForRange(3, page.boxes, 5, 14)
    expect(rects).toHaveLength(2)
    expect(rects[0]!.page).toBe(3)
    expect(rects[0]!.x).toBeCloseTo(25 / 600, 4)
    expect(rects[0]!.w).toBeCloseTo(25 / 600, 4)
    expect(rects[1]!.x).toBeCloseTo(0, 4)
    expect(rects[1]!.w).toBeCloseTo(15 / 600, 4)
    expect(rects[1]!.y).toBeGreaterThan(rects[0]!.y)
  })
})
