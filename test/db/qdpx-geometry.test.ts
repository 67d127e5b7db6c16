/**
 * REFI-QDA PDF boxes on pages whose geometry is not the plain one: a media box that does not
 * start at 0,0, a crop box inside the media box, /Rotate 90 and 270 (REFI-QDA 1.5, 10.3: points
 * from the bottom left of the media box). PDFs made here with pdf-lib, each with one word drawn at
 * a known place in user space; the export is read back by an independent reading of the XML
 * (fflate + fast-xml-parser, not the importer) and compared with where the word was drawn; a
 * project written by hand with the standard's boxes comes in as text on that word; and the
 * export imports into a fresh study with every coding back (areas within 1 point).
 */
import { XMLParser } from 'fast-xml-parser'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { rectToBox, viewportTransform } from '../../electron/core/services/refi-pdf-boxes'
import type { StudySession } from '../../electron/core/study-session'
import { caller, tempStudy } from '../helpers/study'

type Node = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false })

interface Sheet {
  name: string
  media: [number, number, number, number] // x, y, width, height
  crop?: [number, number, number, number]
  rotate: number
  /** Where the word's baseline starts, in user space. */
  at: [number, number]
  word: string
}

const SIZE = 18
const SHEETS: Sheet[] = [
  { name: 'media box at 100,200', media: [100, 200, 400, 500], rotate: 0, at: [180, 520], word: 'Samenwerkingsverband' },
  { name: 'crop box 50,60 in a media box at 0,0', media: [0, 0, 600, 800], crop: [50, 60, 350, 440], rotate: 0, at: [90, 300], word: 'Praktijkopleider' },
  { name: '/Rotate 90', media: [0, 0, 600, 800], rotate: 90, at: [120, 500], word: 'Leerwerkplaats' },
  { name: 'media box at -30,40, crop box, /Rotate 270', media: [-30, 40, 620, 760], crop: [20, 100, 500, 600], rotate: 270, at: [60, 350], word: 'Beroepspraktijk' },
]

/** Where each word is in user space: [x0, x1] of its advance, its baseline. */
interface Drawn {
  x0: number
  x1: number
  baseline: number
}

async function makePdf(): Promise<{ bytes: Uint8Array; drawn: Drawn[] }> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const drawn: Drawn[] = []
  for (const s of SHEETS) {
    const page = doc.addPage([600, 800])
    page.setMediaBox(...s.media)
    if (s.crop) page.setCropBox(...s.crop)
    page.setRotation(degrees(s.rotate))
    page.drawText(s.word, { x: s.at[0], y: s.at[1], size: SIZE, font })
    // Some words around it, so the page has more text than the coded word.
    page.drawText('en nog wat tekst', { x: s.at[0], y: s.at[1] - 40, size: 12, font })
    drawn.push({ x0: s.at[0], x1: s.at[0] + font.widthOfTextAtSize(s.word, SIZE), baseline: s.at[1] })
  }
  return { bytes: await doc.save({ useObjectStreams: true }), drawn }
}

let pdf: { bytes: Uint8Array; drawn: Drawn[] }
beforeAll(async () => {
  pdf = await makePdf()
})

async function studyWithPdf(): Promise<{ s: StudySession; documentId: number }> {
  const s = await tempStudy()
  const o = await s.importer.importBytes('geometrie.pdf', pdf.bytes)
  if (o.status !== 'imported') throw new Error(JSON.stringify(o))
  return { s, documentId: o.documentId }
}

/** The box of a word as the standard wants it: user space less the media box's origin. */
function expectedBox(i: number): { x0: number; x1: number; baseline: number } {
  const s = SHEETS[i]!
  const d = pdf.drawn[i]!
  return { x0: d.x0 - s.media[0], x1: d.x1 - s.media[0], baseline: d.baseline - s.media[1] }
}

describe('page geometry', () => {
  it('keeps the view, the media box origin and /Rotate of each page, and maps points as pdf.js does', async () => {
    const { s, documentId } = await studyWithPdf()
    const pages = s.documents.pages(documentId)
    expect(pages.map((p) => p.geometry)).toEqual([
      { viewX: 100, viewY: 200, mediaX: 100, mediaY: 200, rotate: 0 },
      { viewX: 50, viewY: 60, mediaX: 0, mediaY: 0, rotate: 0 },
      { viewX: 0, viewY: 0, mediaX: 0, mediaY: 0, rotate: 90 },
      { viewX: 20, viewY: 100, mediaX: -30, mediaY: 40, rotate: 270 },
    ])
    // The viewport transform the boxes are converted with is pdf.js's own.
    const task = getDocument({ data: new Uint8Array(pdf.bytes), isEvalSupported: false })
    const doc = await task.promise
    for (const p of pages) {
      const viewport = (await doc.getPage(p.pageNo)).getViewport({ scale: 1 })
      const t = viewportTransform(p)
      expect([t.a, t.b, t.c, t.d, t.e, t.f].map((v) => v + 0)).toEqual(viewport.transform.map((v) => v + 0))
      expect([p.width, p.height]).toEqual([viewport.width, viewport.height])
    }
    await task.destroy()
  })

  it('exports each word’s selection in points from the bottom left of the media box, where it was drawn', async () => {
    const { s, documentId } = await studyWithPdf()
    const coder = s.ensureCoder('Anna')
    const code = s.codebook.ensurePath('plek', {})
    const text = s.documents.text(documentId)
    for (const sheet of SHEETS) {
      const start = text.indexOf(sheet.word)
      expect(start, sheet.word).toBeGreaterThanOrEqual(0)
      s.codings.create({ documentId, codeId: code.id, coderId: coder.id, start, end: start + sheet.word.length })
    }
    const files = unzipSync(new Uint8Array(Buffer.from(await caller(s)('export:qdpx', {}), 'base64')))
    const project = parser.parse(new TextDecoder().decode(files['project.qde'])).Project as Node
    const selections = list<Node>(list<Node>(project.Sources.PDFSource)[0]!.PDFSelection)
    expect(selections).toHaveLength(SHEETS.length)
    for (const [i, sheet] of SHEETS.entries()) {
      const sel = selections.find((x) => x.Representation?.PlainTextContent === sheet.word)!
      expect(sel, sheet.name).toBeDefined()
      expect(Number(sel.page), sheet.name).toBe(i)
      const [x0, y0, x1, y1] = [sel.firstX, sel.firstY, sel.secondX, sel.secondY].map(Number) as [number, number, number, number]
      const want = expectedBox(i)
      expect(x0 <= x1 && y0 <= y1, sheet.name).toBe(true)
      // Across: the word's advance (the box is whole points, grown outward).
      expect(Math.abs(x0 - want.x0), `${sheet.name} left`).toBeLessThanOrEqual(2)
      expect(Math.abs(x1 - want.x1), `${sheet.name} right`).toBeLessThanOrEqual(2)
      // Up: from about the descenders to about the cap height above the baseline.
      expect(y0, `${sheet.name} bottom`).toBeGreaterThanOrEqual(want.baseline - SIZE * 0.5)
      expect(y0, `${sheet.name} bottom`).toBeLessThanOrEqual(want.baseline + 1)
      expect(y1, `${sheet.name} top`).toBeGreaterThanOrEqual(want.baseline + SIZE * 0.6)
      expect(y1, `${sheet.name} top`).toBeLessThanOrEqual(want.baseline + SIZE * 1.4)
    }
  })

  it('imports a project’s boxes from the bottom left of the media box as text on the words, and areas where they were', async () => {
    const { s, documentId } = await studyWithPdf()
    const G = (n: number) => `5a1e0000-0000-4000-8000-${String(n).padStart(12, '0')}`
    // ATLAS.ti's way: no Representation, the name is the quotation's text; boxes measured here.
    const selections = SHEETS.map((sheet, i) => {
      const w = expectedBox(i)
      return `<PDFSelection guid="${G(100 + i)}" name="${sheet.word}" page="${i}" firstX="${Math.floor(w.x0)}" firstY="${Math.floor(w.baseline - 4)}" secondX="${Math.ceil(w.x1)}" secondY="${Math.ceil(w.baseline + SIZE * 0.8)}"><Coding guid="${G(200 + i)}"><CodeRef targetGUID="${G(1)}"/></Coding></PDFSelection>`
    })
    // And an image quotation on each page: a box over blank paper, 30 points above the word.
    const areas = SHEETS.map((_, i) => {
      const w = expectedBox(i)
      return `<PDFSelection guid="${G(300 + i)}" name="Afbeelding ${i}" page="${i}" firstX="${Math.round(w.x0)}" firstY="${Math.round(w.baseline + 40)}" secondX="${Math.round(w.x0 + 60)}" secondY="${Math.round(w.baseline + 80)}"><Coding guid="${G(400 + i)}"><CodeRef targetGUID="${G(2)}"/></Coding></PDFSelection>`
    })
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="geometrie" origin="ATLAS.ti 9">
  <CodeBook><Codes><Code guid="${G(1)}" name="woord" isCodable="true"/><Code guid="${G(2)}" name="beeld" isCodable="true"/></Codes></CodeBook>
  <Sources><PDFSource guid="${G(10)}" name="geometrie" path="internal://${G(10)}.pdf">${selections.join('')}${areas.join('')}</PDFSource></Sources>
</Project>`
    const qdpx = zipSync({ 'project.qde': strToU8(xml), [`Sources/${G(10)}.pdf`]: pdf.bytes })
    const result = await s.qdpx.import(qdpx)
    expect(result).toMatchObject({ documents: { imported: 0, existing: 1 }, codings: { text: 4, area: 4, notPlaced: 0 }, pdfBoxes: 'bottom-left' })
    const text = s.documents.text(documentId)
    const codings = s.codings.list({ documentId })
    for (const sheet of SHEETS) expect(codings.some((k) => k.kind === 'text' && text.slice(k.start, k.end) === sheet.word), sheet.name).toBe(true)
    // Each area, written back as the standard's box, is the box it came in as (within a point).
    const pages = s.documents.pages(documentId)
    for (const [i, sheet] of SHEETS.entries()) {
      const area = codings.find((k) => k.kind === 'area' && k.rects[0]!.page === i + 1)!
      const w = expectedBox(i)
      const box = rectToBox(area.rects[0]!, pages[i]!)
      const want = [Math.round(w.x0), Math.round(w.baseline + 40), Math.round(w.x0 + 60), Math.round(w.baseline + 80)]
      box.forEach((v, j) => expect(Math.abs(v - want[j]!), `${sheet.name} ${j}`).toBeLessThanOrEqual(1))
    }
  })

  it('takes back its own export of these pages: the same text codings, areas within a point', async () => {
    const { s, documentId } = await studyWithPdf()
    const coder = s.ensureCoder('Anna')
    const code = s.codebook.ensurePath('plek', {})
    const text = s.documents.text(documentId)
    for (const sheet of SHEETS) {
      const start = text.indexOf(sheet.word)
      s.codings.create({ documentId, codeId: code.id, coderId: coder.id, start, end: start + sheet.word.length })
    }
    for (const page of [1, 2, 3, 4]) s.codings.createArea({ documentId, codeId: code.id, coderId: coder.id, page, rect: { x: 0.1, y: 0.15, w: 0.3, h: 0.12 } })
    const qdpx = new Uint8Array(Buffer.from(await caller(s)('export:qdpx', {}), 'base64'))
    const b = await tempStudy('b.werkbank')
    const result = await b.qdpx.import(qdpx)
    expect(result).toMatchObject({ codings: { text: 4, area: 4, notPlaced: 0 }, pdfBoxes: 'bottom-left' })
    const [doc] = b.documents.list()
    const mine = (x: StudySession, id: number) => x.codings.list({ documentId: id })
    const texts = (x: StudySession, id: number) => mine(x, id).filter((k) => k.kind === 'text').map((k) => [k.start, k.end]).sort((p, q) => p[0]! - q[0]!)
    expect(texts(b, doc!.id)).toEqual(texts(s, documentId))
    const pages = s.documents.pages(documentId)
    for (const k of mine(b, doc!.id).filter((x) => x.kind === 'area')) {
      const r = k.rects[0]!
      const page = pages[r.page - 1]!
      expect(Math.abs(r.x - 0.1) * page.width).toBeLessThanOrEqual(1)
      expect(Math.abs(r.y - 0.15) * page.height).toBeLessThanOrEqual(1)
      expect(Math.abs(r.x + r.w - 0.4) * page.width).toBeLessThanOrEqual(1)
      expect(Math.abs(r.y + r.h - 0.27) * page.height).toBeLessThanOrEqual(1)
    }
  })
})
