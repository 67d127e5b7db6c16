/**
 * Text units (sentences, paragraphs, pages) derived at import, checked against what the report
 * generator knows: every coded passage of the ground truth is one or more whole sentences, so it
 * must begin where a sentence begins and end where one ends, inside one paragraph (unless the
 * page turns). Also the interop PDFs of other programs, an older study without units, and the
 * lookups.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import { pageUnits, sentencesIn } from '../../shared/text-units'
import { locatePassage } from '../fixtures/build-demo'
import { FIXTURE_DIR, ensureFixtures, type ReportManifest } from '../fixtures/fixtures'
import { INTEROP_PDF } from '../helpers/study'

let dir: string
let s: StudySession
let manifest: ReportManifest
const docs: { id: number; report: ReportManifest['reports'][number] }[] = []

beforeAll(async () => {
  manifest = await ensureFixtures()
  dir = mkdtempSync(join(tmpdir(), 'werkbank-units-'))
  s = await StudySession.open(join(dir, 'units.werkbank'), { create: true })
  const chosen = [0, 6, 13].map((i) => manifest.reports[i]!)
  const outcomes = await s.importer.importFiles(chosen.map((r) => join(FIXTURE_DIR, r.file)))
  outcomes.forEach((o, i) => {
    if (o.status !== 'imported') throw new Error(JSON.stringify(o))
    docs.push({ id: o.documentId, report: chosen[i]! })
  })
}, 120_000)
afterAll(async () => {
  await s.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('text units of the generated reports', () => {
  it('begin and end every ground-truth passage at sentence bounds, within one paragraph', () => {
    let checked = 0
    for (const { id, report } of docs) {
      const text = s.documents.text(id)
      const starts = s.documents.pageStarts(id)
      const sentences = s.documents.units.all(id, 'sentence')
      const sentenceStarts = new Set(sentences.map((u) => u.start))
      const sentenceEnds = new Set(sentences.map((u) => u.end))
      const taken = new Set<string>()
      for (const p of report.passages) {
        const at = locatePassage(text, starts, p, taken)
        if (!at) continue
        const where = `${report.file} p.${p.page}: ${p.text.slice(0, 50)}`
        expect(sentenceStarts.has(at.start), `${where} (start)`).toBe(true)
        expect(sentenceEnds.has(at.end), `${where} (end)`).toBe(true)
        const crossesPage = text.slice(at.start, at.end).includes('\f')
        if (!crossesPage) {
          const para = s.documents.units.around(id, 'paragraph', at.start)
          expect(para, where).not.toBeNull()
          expect(para!.end, `${where} (paragraph)`).toBeGreaterThanOrEqual(at.end)
        }
        checked++
      }
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('has a page unit per page, and paragraphs and sentences that nest without overlapping', () => {
    for (const { id } of docs) {
      const pages = s.documents.units.all(id, 'page')
      expect(pages.map((p) => p.start)).toEqual(s.documents.pageStarts(id))
      const paras = s.documents.units.all(id, 'paragraph')
      const sentences = s.documents.units.all(id, 'sentence')
      for (const list of [paras, sentences]) {
        for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end)
      }
      // Every sentence lies inside one paragraph.
      for (const u of sentences) {
        const p = s.documents.units.around(id, 'paragraph', u.start)!
        expect(u.end).toBeLessThanOrEqual(p.end)
      }
      // Headings are paragraphs of their own: "Samenvatting" is one.
      expect(paras.length).toBeGreaterThan(sentences.length / 8)
    }
  })

  it('answers the unit around an offset and the units in a range', () => {
    const { id } = docs[0]!
    const text = s.documents.text(id)
    const at = text.indexOf('Samenvatting')
    const heading = s.documents.units.around(id, 'paragraph', at + 3)!
    expect(text.slice(heading.start, heading.end)).toBe('Samenvatting')
    // Between two units (the line break after the heading) there is none.
    expect(s.documents.units.around(id, 'sentence', heading.end)).toBeNull()
    const next = s.documents.units.around(id, 'paragraph', heading.end + 2)!
    const inside = s.documents.units.inRange(id, 'sentence', next.start, next.end)
    expect(inside.length).toBeGreaterThan(1)
    expect(inside[0]!.start).toBe(next.start)
    expect(inside.at(-1)!.end).toBe(next.end)
    // A range that starts inside a sentence takes that sentence too.
    expect(s.documents.units.inRange(id, 'sentence', inside[1]!.start + 3, inside[1]!.start + 4)).toEqual([inside[1]])
  })
})

describe('text units of real PDFs and older studies', () => {
  it('finds paragraphs and sentences in PDFs made by other programs', async () => {
    for (const file of ['01_nl_word-pdfmaker_kader-generatieve-ai.pdf', '08_en_pdftex_2col_tracemonkey.pdf', '12_en_openoffice_pdkids.pdf', '03_nl_affinity-pdflib_genai-compliance-faq.pdf']) {
      const [o] = await s.importer.importFiles([join(INTEROP_PDF, file)])
      if (o?.status !== 'imported') throw new Error(JSON.stringify(o))
      const sentences = s.documents.units.all(o.documentId, 'sentence')
      const paras = s.documents.units.all(o.documentId, 'paragraph')
      expect(sentences.length, file).toBeGreaterThan(3)
      expect(paras.length, file).toBeGreaterThan(1)
      expect(paras.length, file).toBeLessThan(sentences.length + 1)
    }
  })

  it('gives a study from before text units its units when it is opened', async () => {
    const { id } = docs[1]!
    const before = s.documents.units.all(id, 'sentence')
    s.study.db.prepare('DELETE FROM text_units WHERE document_id = ?').run(id)
    expect(s.documents.units.fillMissing()).toBe(1)
    expect(s.documents.units.all(id, 'sentence')).toEqual(before)
    expect(s.documents.units.fillMissing()).toBe(0)
  })
})

describe('splitting rules', () => {
  it('does not end a sentence after an abbreviation, an initial or a list number', () => {
    const text = 'Dit is bijv. een test met o.a. dr. Jansen. J. de Vries kwam ook. 1. Docenten doen mee. Het kostte € 3.000. Daarna ging het goed!'
    const got = sentencesIn(text, 0, text.length).map(([a, b]) => text.slice(a, b))
    expect(got).toEqual(['Dit is bijv. een test met o.a. dr. Jansen.', 'J. de Vries kwam ook.', '1. Docenten doen mee.', 'Het kostte € 3.000.', 'Daarna ging het goed!'])
  })

  it('splits paragraphs on a wider gap, an indent and a list item, not on a plain line break', () => {
    // Three lines of one paragraph, a gap, an indented line, then a list item (boxes 0..1).
    const lines = ['Eerste regel van de alinea die doorloopt', 'tot de tweede regel en eindigt hier.', 'Nieuwe alinea na een witregel.', '   Ingesprongen nieuwe alinea.', '• een opsommingsteken']
    const ys = [0.1, 0.12, 0.16, 0.18, 0.2]
    const xs = [0.1, 0.1, 0.1, 0.14, 0.1]
    let text = ''
    const boxes: [number, number, number, number, number, number][] = []
    lines.forEach((l, i) => {
      if (i > 0) text += '\n'
      boxes.push([text.length, l.length, xs[i]!, ys[i]!, i === 1 ? 0.5 : 0.8, 0.014])
      text += l
    })
    const units = pageUnits(text, boxes)
    expect(units.paragraphs.map(([a, b]) => text.slice(a, b))).toEqual([
      'Eerste regel van de alinea die doorloopt\ntot de tweede regel en eindigt hier.',
      'Nieuwe alinea na een witregel.',
      'Ingesprongen nieuwe alinea.',
      '• een opsommingsteken',
    ])
  })
})
