/**
 * A REFI-QDA project as ATLAS.ti 9 writes one, made from a generated report: pages counted from
 * 0, boxes in PDF points measured from the page's text boxes (the bounding box of a quotation's
 * lines, so a quotation that starts mid-line has its box's left edge at the margin), no
 * Representation, each selection named after the first 64 characters of its quotation (white
 * space collapsed), a quotation across a page break as one selection per page with the same
 * name, and an image quotation named "Quotation 2:4". Imported, the quotations come in as text
 * codings at the offsets they were measured from; the image quotation as an area where its box
 * is. Both ways of counting y: the standard's bottom left, and the top left.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { rectsForRange } from '../../shared/anchoring'
import type { PageInfo } from '../../shared/types'
import { fixturePaths } from '../fixtures/fixtures'
import { tempStudy } from '../helpers/study'

const PROJECT_XSD = readFileSync(join(import.meta.dirname, '../../../shared/interop/refi/Project-mrt2019.xsd'), 'utf8')
const REPORT = fixturePaths().reports[2]!
const PDF = new Uint8Array(readFileSync(REPORT))

const G = (n: number) => `6b1a0c2e-0000-4000-8000-${String(n).padStart(12, '0')}`
const USER = G(1)
const CODES = { samenwerking: G(2), leren: G(3), opbrengst: G(4), beeld: G(5) }

interface Quotation {
  codes: (keyof typeof CODES)[]
  /** [start, end) in the document's text. */
  start: number
  end: number
}

interface Measured {
  pages: PageInfo[]
  text: string
  quotations: Quotation[]
}

let measured: Measured

/** Lines of a page with their offsets in the page text. */
function lines(page: PageInfo): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = []
  let at = 0
  for (const line of page.text.split('\n')) {
    out.push({ start: at, end: at + line.length, text: line })
    at += line.length + 1
  }
  return out
}

/** Where the n-th word (from 0) of a line starts, in the page text. */
function wordStart(line: { start: number; text: string }, n: number): number {
  const words = [...line.text.matchAll(/\S+/g)]
  return line.start + words[n]!.index!
}

beforeAll(async () => {
  // The report as Werkbank reads it: its pages, their text and item boxes, to measure from.
  const s = await tempStudy('measure.werkbank')
  const [o] = await s.importer.importFiles([REPORT])
  if (o?.status !== 'imported') throw new Error('report import failed')
  const pages = s.documents.pages(o.documentId)
  const text = s.documents.text(o.documentId)
  const p2 = lines(pages[1]!)
  const p3 = lines(pages[2]!)
  const p4 = lines(pages[3]!)
  // A paragraph of three body lines on page 2, from the third word of its first line to the end
  // of its third: longer than a name, so the name gives its start only.
  const body = p2.findIndex((l, i) => i > 2 && [0, 1, 2].every((d) => (p2[i + d]?.text.length ?? 0) > 60))
  const long = { start: pages[1]!.startOffset + wordStart(p2[body]!, 2), end: pages[1]!.startOffset + p2[body + 2]!.end }
  // Three words in the middle of a line on page 3: short, so the name is all of it.
  const line = p3.find((l, i) => i > 3 && l.text.split(' ').length > 8)!
  const short = { start: pages[2]!.startOffset + wordStart(line, 2), end: pages[2]!.startOffset + wordStart(line, 5) - 1 }
  // From the third-last word of the last body line of page 3 (above the footer) to the end of
  // the fourth line of page 4: across the page break, and its name runs on past the page's end.
  const last = p3[p3.length - 2]!
  const across = { start: pages[2]!.startOffset + wordStart(last, last.text.split(' ').length - 3), end: pages[3]!.startOffset + p4[3]!.end }
  measured = {
    pages,
    text,
    quotations: [
      { codes: ['samenwerking', 'leren'], ...long },
      { codes: ['opbrengst'], ...short },
      { codes: ['samenwerking'], ...across },
    ],
  }
  expect(text.slice(short.start, short.end).length).toBeLessThan(60)
  expect(text.slice(across.start, across.end)).toContain('\f')
  expect(text.slice(across.start, pages[3]!.startOffset).replace(/\s+/g, ' ').trim().length).toBeLessThan(64)
}, 60_000)

type Convention = 'bottom-left' | 'top-left'

/** firstX, firstY, secondX, secondY in whole points around rectangles (0..1 from the top left). */
function boxOf(rects: { x: number; y: number; w: number; h: number }[], page: PageInfo, convention: Convention): number[] {
  const left = Math.min(...rects.map((r) => r.x)) * page.width
  const right = Math.max(...rects.map((r) => r.x + r.w)) * page.width
  const top = Math.min(...rects.map((r) => r.y)) * page.height
  const bottom = Math.max(...rects.map((r) => r.y + r.h)) * page.height
  return convention === 'bottom-left'
    ? [Math.floor(left), Math.floor(page.height - bottom), Math.ceil(right), Math.ceil(page.height - top)]
    : [Math.floor(left), Math.floor(top), Math.ceil(right), Math.ceil(bottom)]
}

/** The image quotation's box: 200 × 60 points, 202 points below the top of page 2. */
function areaBox(page: PageInfo, convention: Convention): number[] {
  return convention === 'bottom-left' ? [100, Math.round(page.height - 262), 300, Math.round(page.height - 202)] : [100, 202, 300, 262]
}

/** The project, as ATLAS.ti 9 writes it. */
function atlasProject(convention: Convention): { xml: string; qdpx: Uint8Array; names: string[] } {
  const { pages, text, quotations } = measured
  const selections: string[] = []
  const names: string[] = []
  let n = 10
  const selection = (page: PageInfo, box: number[], name: string, codes: string[]) => {
    const [x0, y0, x1, y1] = box
    selections.push(
      `      <PDFSelection guid="${G(n++)}" name="${name}" page="${page.pageNo - 1}" firstX="${x0}" firstY="${y0}" secondX="${x1}" secondY="${y1}" creatingUser="${USER}" creationDateTime="2024-05-02T10:00:00Z">`,
      ...codes.map((c) => `        <Coding guid="${G(n++)}" creatingUser="${USER}" creationDateTime="2024-05-02T10:00:00Z"><CodeRef targetGUID="${c}"/></Coding>`),
      '      </PDFSelection>',
    )
  }
  for (const q of quotations) {
    const name = Array.from(text.slice(q.start, q.end).replace(/\s+/g, ' ').trim()).slice(0, 64).join('')
    names.push(name)
    for (const page of pages) {
      const from = Math.max(q.start, page.startOffset) - page.startOffset
      const to = Math.min(q.end, page.startOffset + page.text.length) - page.startOffset
      if (to <= from) continue
      selection(page, boxOf(rectsForRange(page.pageNo, page.boxes, from, to), page, convention), name, q.codes.map((c) => CODES[c]))
    }
  }
  selection(pages[1]!, areaBox(pages[1]!, convention), 'Quotation 2:4', [CODES.beeld])
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="Werkplaats" origin="ATLAS.ti 9.1.3.0 (Windows)" creationDateTime="2024-05-02T10:00:00Z">`,
    `  <Users><User guid="${USER}" name="Kim"/></Users>`,
    '  <CodeBook><Codes>',
    ...Object.entries(CODES).map(([name, guid]) => `    <Code guid="${guid}" name="${name}" isCodable="true"/>`),
    '  </Codes></CodeBook>',
    '  <Sources>',
    `    <PDFSource guid="${G(9)}" name="Werkplaats.pdf" path="internal://${G(9)}.pdf">`,
    ...selections,
    '    </PDFSource>',
    '  </Sources>',
    '</Project>',
  ].join('\n')
  return { xml, qdpx: zipSync({ 'project.qde': strToU8(xml), [`sources/${G(9)}.pdf`]: [PDF, { level: 0 }] }), names }
}

describe.each<Convention>(['bottom-left', 'top-left'])('an ATLAS.ti 9 project with PDF boxes from the %s', (convention) => {
  it('is a project the standard’s schema accepts, its names the first 64 characters', async () => {
    const { xml, names } = atlasProject(convention)
    const r = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [PROJECT_XSD] })
    expect(r.errors.map((e) => e.message)).toEqual([])
    expect(names.map((x) => Array.from(x).length)).toEqual([64, expect.any(Number), 64])
    expect(names[1]!.length).toBeLessThan(60)
    // The page break's pieces share the name.
    expect(xml.split(`name="${names[2]}"`).length - 1).toBe(2)
  })

  it('comes in as text codings at the measured offsets, the image quotation as an area where its box is', async () => {
    const s = await tempStudy()
    const r = await s.qdpx.import(atlasProject(convention).qdpx)
    expect(r.pdfBoxes).toBe(convention)
    expect(r.codings).toEqual({ text: 4, area: 1, notPlaced: 0 })
    expect(r.skipped).toEqual([])
    const [doc] = s.documents.list()
    expect(s.documents.text(doc!.id)).toBe(measured.text) // the same PDF, the same text
    const got = s.codings.list({}).map((k) => ({ code: k.codePath, kind: k.kind, start: k.start, end: k.end }))
    const want = [
      ...measured.quotations.flatMap((q) => q.codes.map((code) => ({ code, kind: 'text', start: q.start, end: q.end }))),
    ]
    const order = (a: { code: string; start: number }, b: { code: string; start: number }) => a.code.localeCompare(b.code) || a.start - b.start
    expect(got.filter((k) => k.kind === 'text').sort(order)).toEqual(want.sort(order))
    expect(s.coders.list().map((c) => c.name)).toContain('Kim')

    // The image quotation: 200 × 60 points, 202 points below the top of page 2 (to a point,
    // as the bottom-left box had to be whole points).
    const area = s.codings.list({}).find((k) => k.kind === 'area')!
    expect(area.codePath).toBe('beeld')
    const page = measured.pages[1]!
    const rect = area.rects[0]!
    expect(rect.page).toBe(2)
    expect(Math.abs(rect.x * page.width - 100)).toBeLessThan(0.01)
    expect(Math.abs(rect.y * page.height - 202)).toBeLessThanOrEqual(1)
    expect(Math.abs(rect.w * page.width - 200)).toBeLessThan(0.01)
    expect(Math.abs(rect.h * page.height - 60)).toBeLessThan(0.01)
  }, 60_000)
})

describe('an ATLAS.ti 9 project whose boxes cover no text they name', () => {
  it('brings areas, not text codings, where names and boxes disagree', async () => {
    const s = await tempStudy()
    // The bottom-left project with every quotation renamed: no box covers the text its name says.
    const { xml } = atlasProject('bottom-left')
    const renamed = xml.replace(/name="(?!Quotation 2:4)[^"]*"(?= page=)/g, 'name="Citaat over iets anders"')
    const r = await s.qdpx.import(zipSync({ 'project.qde': strToU8(renamed), [`sources/${G(9)}.pdf`]: [PDF, { level: 0 }] }))
    expect(r.codings.text).toBe(0)
    // Each piece an area: the first quotation twice (two codes), the second, both pieces of the
    // third (they join only as text), and the image.
    expect(r.codings.area).toBe(6)
    expect(r.pdfBoxes).toBe('bottom-left') // nothing fits either way: the standard's
  }, 60_000)
})
