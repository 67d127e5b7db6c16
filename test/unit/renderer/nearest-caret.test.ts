import { describe, expect, it } from 'vitest'
import { groupLines, nearestCaret, type ItemBox } from '../../../renderer/pdf/nearest-caret'

// A page in px: a paragraph of three lines (the last short), then two columns; one item per line.
const box = (item: number, left: number, top: number, right: number): ItemBox => ({ item, left, top, right, bottom: top + 12 })
const PAGE: ItemBox[] = [
  box(0, 100, 100, 500),
  box(1, 100, 120, 500),
  box(2, 100, 140, 220), // short last line
  box(3, 100, 200, 280), // left column
  box(4, 100, 220, 260),
  box(5, 320, 200, 500), // right column, longer
  box(6, 320, 220, 500),
  box(7, 320, 240, 500),
]

describe('the caret nearest a point in reading order', () => {
  it('groups items on one line and splits at a column gap', () => {
    const lines = groupLines([box(0, 100, 100, 200), box(1, 204, 100, 300), box(2, 340, 100, 400)])
    expect(lines.map((l) => [l.first, l.last])).toEqual([[0, 1], [2, 2]])
  })

  it('inside an item, leaves the character to the caller', () => {
    expect(nearestCaret(PAGE, 150, 105)).toEqual({ item: 0, at: 'inside' })
  })

  it('in the left margin beside a line: that line’s start', () => {
    expect(nearestCaret(PAGE, 70, 126)).toEqual({ item: 1, at: 'start' })
  })

  it('right of a paragraph’s short last line, on it or just below it: the paragraph’s end, not the line above', () => {
    expect(nearestCaret(PAGE, 228, 146)).toEqual({ item: 2, at: 'end' })
    expect(nearestCaret(PAGE, 280, 156)).toEqual({ item: 2, at: 'end' })
  })

  it('in the gap between columns: the nearer column’s line', () => {
    expect(nearestCaret(PAGE, 312, 206)).toEqual({ item: 5, at: 'start' })
    expect(nearestCaret(PAGE, 266, 226)).toEqual({ item: 4, at: 'end' })
  })

  it('below the short column, beside the longer one: that column’s end, never the other column', () => {
    expect(nearestCaret(PAGE, 150, 246)).toEqual({ item: 4, at: 'end' })
  })

  it('above all text: the first line’s start', () => {
    expect(nearestCaret(PAGE, 300, 20)).toEqual({ item: 0, at: 'start' })
  })

  it('no text: nothing', () => {
    expect(nearestCaret([], 1, 1)).toBeNull()
  })
})
