/**
 * Text laid out as PDF pages (the text sources of REFI-QDA projects) and offsets carried over
 * by letters: the pages, once imported like any PDF, hold exactly the source's drawable letters
 * in order — through wrapped lines, a word longer than a line, tabs, CRLF, page breaks — and
 * characters DejaVu cannot draw (CJK) are left out on both sides of the alignment.
 */
import { describe, expect, it } from 'vitest'
import { alignByLetters, drawn, textToPdf } from '../../electron/core/pdf/text-to-pdf'
import { tempStudy } from '../helpers/study'

/** The letters of a text in compatibility form (a ligature as its letters), as extraction gives them back. */
const letters = (s: string) => Array.from(s).filter(drawn).join('').normalize('NFKC')

describe('text as PDF pages', () => {
  it('keeps every drawable letter in order, over wrapped lines and pages', async () => {
    const long = 'Ontwikkelingsgerichte'.repeat(30)
    const source = [
      'Eerste regel\twith a tab, Ελληνικά, Кириллица and "quotes" – ‘typographic’.',
      // What extraction gives back otherwise: ligatures as letters, a micro sign as mu, no
      // direction marks or soft hyphens.
      'Eﬃciënt ﬁnancieel: 5 µm, ‎links\u200Erechts, ont\u00ADwerpen.',
      `${long} eind.`,
      ...Array.from({ length: 150 }, (_, i) => `Regel ${i + 1}: de school en het bedrijf ontwerpen samen de opleiding van de leerling, stap voor stap. 😀 漢字`),
      '',
      'Slot.',
    ].join('\r\n')
    const s = await tempStudy()
    const outcome = await s.importer.importBytes('bron.pdf', await textToPdf(source, 'Bron'))
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
    const doc = s.documents.get(outcome.documentId)!
    expect(doc.pageCount).toBeGreaterThan(2)
    const text = s.documents.text(doc.id)
    expect(letters(text)).toBe(letters(source))
    expect(text).not.toContain('漢') // DejaVu has no CJK (it does have the emoticons)
    expect(text).toContain('Ελληνικά')

    const place = alignByLetters(source, text, drawn)!
    const at = (quote: string) => {
      const i = source.indexOf(quote)
      const [a, b] = place(i, i + quote.length)!
      return text.slice(a, b)
    }
    expect(at('with a tab')).toBe('with a tab')
    expect(letters(at('Eﬃciënt ﬁnancieel: 5 µm'))).toBe(letters('Efficiënt financieel: 5 μm'))
    expect(at('ont\u00ADwerpen')).toBe('ontwerpen')
    expect(letters(at(`${long} eind`))).toBe(letters(`${long} eind`))
    expect(at('Regel 150: de school')).toBe('Regel 150: de school')
    // A range of only white space and undrawn characters has no place on the pages.
    const i = source.indexOf(' 漢字')
    expect(place(i, i + 3)).toBeNull()
  }, 60_000)
})

describe('alignByLetters', () => {
  const isLetter = (ch: string) => !/\s/.test(ch) && ch !== '\u00AD' && ch !== '😀'
  it('maps through other white space, skipped characters and surrogate pairs', () => {
    const source = 'a b\r\nc😀d\u00ADe'
    const target = 'a\nb c\fd e'
    const place = alignByLetters(source, target, isLetter)!
    expect(place(0, 3)).toEqual([0, 3]) // "a b" → "a\nb"
    expect(place(2, 9)).toEqual([2, 7]) // "b\r\nc😀d" → "b c\fd"
    expect(place(10, 11)).toEqual([8, 9]) // after the skipped soft hyphen: "e"
    expect(place(1, 2)).toBeNull() // only a space
    expect(place(6, 8)).toBeNull() // only the emoji
  })
  it('says so when the letters differ', () => {
    expect(alignByLetters('abc', 'abd', isLetter)).toBeNull()
    expect(alignByLetters('abc', 'ab', isLetter)).toBeNull()
    expect(alignByLetters('ab', 'abc', isLetter)).toBeNull()
  })
})
