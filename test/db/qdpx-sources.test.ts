/**
 * The forms a REFI-QDA project names its source files in: `internal://`, a bare file name in
 * `sources/` (as a small command-line QDA tool writes `plainTextPath="board_2017.txt"`), a
 * relative path with folders in another case, the text itself as PlainTextContent, and files
 * outside the archive (`relative://`, `absolute://`) or missing from it — which are named in the
 * report, with where they were looked for.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { sourceFile } from '../../electron/core/services/qdpx-sources'
import { fixturePaths } from '../fixtures/fixtures'
import { tempStudy } from '../helpers/study'

const PROJECT_XSD = readFileSync(join(import.meta.dirname, '../../../shared/interop/refi/Project-mrt2019.xsd'), 'utf8')
const G = (n: number) => `3c7d9e10-0000-4000-8000-${String(n).padStart(12, '0')}`

const BOARD = 'Notulen van het bestuur, 12 maart 2017.\nHet bestuur besluit de samenwerking met de opleiding voort te zetten.\n'
const INLINE = 'Interview met de praktijkopleider.\nWe leren de studenten vooral door ze mee te laten draaien in echte klussen.'
const VERSLAG = 'Jaarverslag 2018\n\nDe werkplaats draaide het hele jaar; elf studenten liepen er stage.'

/** A PlainTextSelection of the first place of `words` in `text`, coded with the one code. */
function selection(n: number, text: string, words: string): string {
  const start = text.indexOf(words)
  if (start < 0) throw new Error(`${words} not in text`)
  return `<PlainTextSelection guid="${G(n)}" startPosition="${start}" endPosition="${start + words.length}"><Coding guid="${G(n + 1)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`
}

function project(): { xml: string; qdpx: Uint8Array } {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="bronnen" origin="qda-cli 0.3">
  <CodeBook><Codes><Code guid="${G(1)}" name="samenwerking" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(10)}" name="board_2017" plainTextPath="board_2017.txt">${selection(11, BOARD, 'de samenwerking met de opleiding voort te zetten')}</TextSource>
    <TextSource guid="${G(20)}" name="interview praktijkopleider"><PlainTextContent>${INLINE}</PlainTextContent>${selection(21, INLINE, 'mee te laten draaien in echte klussen')}</TextSource>
    <TextSource guid="${G(30)}" name="Jaarverslag 2018" plainTextPath="Texts\\Verslag 2018.TXT">${selection(31, VERSLAG, 'elf studenten liepen er stage')}</TextSource>
    <PDFSource guid="${G(40)}" name="Eindrapport.pdf" path="rapport.pdf"/>
    <TextSource guid="${G(50)}" name="John Interview" plainTextPath="relative:///AR/John Interview.txt"/>
    <PDFSource guid="${G(60)}" name="Group Interview" path="absolute:///C:/PROJECT/Sources/Group Interview.pdf"/>
    <TextSource guid="${G(70)}" name="kwijt" plainTextPath="internal://${G(71)}.txt"/>
  </Sources>
</Project>`
  const qdpx = zipSync({
    'project.qde': strToU8(xml),
    'sources/board_2017.txt': strToU8(BOARD),
    'SOURCES/texts/verslag 2018.txt': strToU8(VERSLAG),
    'Sources/rapport.pdf': new Uint8Array(readFileSync(fixturePaths().reports[5]!)),
  })
  return { xml, qdpx }
}

/** Text with its white space collapsed (a laid-out text breaks lines where the source did not). */
const loose = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('where a project’s source files are', () => {
  it('resolves internal://, bare names and relative paths inside the archive, and knows what lies outside it', () => {
    expect(sourceFile('internal://ABC.pdf')).toEqual({ inside: 'abc.pdf' })
    expect(sourceFile('board_2017.txt')).toEqual({ inside: 'board_2017.txt' })
    expect(sourceFile('Sources/Texts/A.txt')).toEqual({ inside: 'texts/a.txt' })
    expect(sourceFile('.\\texts\\a.TXT')).toEqual({ inside: 'texts/a.txt' })
    expect(sourceFile('relative:///AR/John Interview.mp4')).toEqual({ outside: 'relative:///AR/John Interview.mp4' })
    expect(sourceFile('absolute:///C:/PROJECT/x.pdf')).toEqual({ outside: 'absolute:///C:/PROJECT/x.pdf' })
    expect(sourceFile('C:\\PROJECT\\x.pdf')).toEqual({ outside: 'C:\\PROJECT\\x.pdf' })
    expect(sourceFile('../../etc/passwd')).toEqual({ outside: '../../etc/passwd' })
    expect(sourceFile(undefined)).toBeUndefined()
  })

  it('imports text sources by a bare name, a relative path in another case and inline text, each coding on its words; names the rest', async () => {
    const { xml, qdpx } = project()
    const valid = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [PROJECT_XSD] })
    expect(valid.errors.map((e) => e.message)).toEqual([])

    const s = await tempStudy()
    const r = await s.qdpx.import(qdpx)
    expect(r.documents).toEqual({ imported: 4, existing: 0 })
    expect(r.codings).toEqual({ text: 3, area: 0, notPlaced: 0 })
    expect([...r.skipped].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Group Interview', reason: 'file-missing', detail: 'outside the archive: absolute:///C:/PROJECT/Sources/Group Interview.pdf' },
      { name: 'John Interview', reason: 'file-missing', detail: 'outside the archive: relative:///AR/John Interview.txt' },
      { name: 'kwijt', reason: 'file-missing', detail: `internal://${G(71)}.txt` },
    ])
    // No PDF selections, so no convention to report; a PDF without codings is no "not placed" line.
    expect(r.pdfBoxes).toBeUndefined()
    expect(r.skipped.some((x) => x.reason === 'codings-not-placed')).toBe(false)

    const titles = new Map(s.documents.list().map((d) => [d.id, d.title]))
    expect([...titles.values()].sort()).toEqual(['Eindrapport', 'Jaarverslag 2018', 'board_2017', 'interview praktijkopleider'])
    const quotes = s.codings.list({}).map((k) => [titles.get(k.documentId), loose(k.quote)]).sort()
    expect(quotes).toEqual([
      ['Jaarverslag 2018', 'elf studenten liepen er stage'],
      ['board_2017', 'de samenwerking met de opleiding voort te zetten'],
      ['interview praktijkopleider', 'mee te laten draaien in echte klussen'],
    ])
  }, 60_000)
})
