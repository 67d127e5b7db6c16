import { describe, expect, it } from 'vitest'
import { documentText, rangeOf, step, wordBackward, wordForward } from '../../../renderer/features/viewer/keyboard-selection'

describe('keyboard selection', () => {
  const text = 'De docenten, en de studenten.\fNieuwe pagina.'

  it('moves by words over punctuation and white space, page breaks included', () => {
    expect(wordForward(text, 0)).toBe(2)
    expect(wordForward(text, 2)).toBe(11)
    expect(wordForward(text, 11)).toBe(15)
    expect(text.slice(wordForward(text, 24), wordForward(text, wordForward(text, 24)))).toBe('.\fNieuwe')
    expect(wordBackward(text, 11)).toBe(3)
    expect(wordBackward(text, 5)).toBe(3)
    expect(wordBackward(text, 0)).toBe(0)
  })

  it('extends with Shift, moves (collapsing) without, goes to the edge of a selection with a plain arrow', () => {
    const caret = { anchor: 3, focus: 3 }
    const one = step(text, caret, 'right', { extend: true, word: false })
    expect(one).toEqual({ anchor: 3, focus: 4 })
    const words = step(text, one, 'right', { extend: true, word: true })
    expect(rangeOf(words)).toEqual({ start: 3, end: 11 })
    expect(step(text, words, 'left', { extend: false, word: false })).toEqual({ anchor: 3, focus: 3 })
    expect(step(text, words, 'right', { extend: false, word: false })).toEqual({ anchor: 11, focus: 11 })
    // Backwards past the anchor: the range turns round.
    expect(rangeOf(step(text, { anchor: 3, focus: 3 }, 'left', { extend: true, word: true }))).toEqual({ start: 0, end: 3 })
    expect(step(text, { anchor: 0, focus: 0 }, 'left', { extend: false, word: false })).toEqual({ anchor: 0, focus: 0 })
  })

  it('rebuilds the canonical text from the pages', () => {
    expect(documentText([{ startOffset: 0, text: 'Een' }, { startOffset: 4, text: 'Twee' }])).toBe('Een\fTwee')
  })
})
