import { describe, expect, it } from 'vitest'
import { documentText, findAll, foldChar, foldText, pageOfOffset, rangeRectsFromBoxes, type FindPage } from '../../../renderer/features/viewer/find'

const PAGES: FindPage[] = [
  { pageNo: 1, startOffset: 0, text: 'De Coördinatie van\nde stages' },
  { pageNo: 2, startOffset: 29, text: 'verloopt beter. coordinatie!', boxes: [[0, 8, 0.1, 0.2, 0.3, 0.02], [9, 19, 0.1, 0.5, 0.6, 0.02]] },
]

describe('find in document', () => {
  it('folds case and diacritics one character for one, so offsets stay put', () => {
    expect(foldChar('Ö')).toBe('o')
    expect(foldChar('é')).toBe('e')
    expect(foldChar('\n')).toBe(' ')
    expect(foldChar('\f')).toBe(' ')
    expect(foldChar('İ')).toBe('İ') // lower-cases to two units: left alone
    const text = documentText(PAGES)
    expect(foldText(text)).toHaveLength(text.length)
  })

  it('joins pages with a form feed as the importer does', () => {
    expect(documentText(PAGES)).toBe('De Coördinatie van\nde stages\fverloopt beter. coordinatie!')
    expect(pageOfOffset(PAGES, 0)).toBe(1)
    expect(pageOfOffset(PAGES, 28)).toBe(1)
    expect(pageOfOffset(PAGES, 29)).toBe(2)
  })

  it('finds every occurrence whatever the case and diacritics, with offsets into the canonical text', () => {
    const text = documentText(PAGES)
    const hits = findAll(foldText(text), PAGES, 'COORDINATIE')
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Coördinatie', 'coordinatie'])
    expect(hits.map((h) => h.page)).toEqual([1, 2])
  })

  it('lets white space in the query match line and page breaks', () => {
    const text = documentText(PAGES)
    const hits = findAll(foldText(text), PAGES, 'van  de')
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['van\nde'])
    expect(findAll(foldText(text), PAGES, 'stages verloopt').map((h) => text.slice(h.start, h.end))).toEqual(['stages\fverloopt'])
  })

  it('treats the query as text, not as a pattern, and finds nothing in an empty query', () => {
    const text = documentText(PAGES)
    expect(findAll(foldText(text), PAGES, 'beter.')).toHaveLength(1)
    expect(findAll(foldText(text), PAGES, '.*')).toHaveLength(0)
    expect(findAll(foldText(text), PAGES, '   ')).toEqual([])
  })

  it('stops at the limit', () => {
    const text = documentText(PAGES)
    expect(findAll(foldText(text), PAGES, 'e', 3)).toHaveLength(3)
  })

  it('places a hit on its page from the importer’s boxes, before the page is drawn', () => {
    const [rect] = rangeRectsFromBoxes(PAGES, 29 + 16, 29 + 27)
    expect(rect?.page).toBe(2)
    expect(rect?.y).toBe(0.5)
  })
})
