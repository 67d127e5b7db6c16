/**
 * A REFI-QDA project into a study. The round trip first: the small analysis study (four real
 * PDFs, two cases with attributes, two coders, text codings overlapping across coders, an area
 * coding, a memo, a coding across a page break) exported as .qdpx and imported into an empty
 * study comes back with the same documents (byte for byte), codebook, cases, coders and codings
 * (offsets, codes, coders, memos; the area's rectangle to within a point). Then the real vendor
 * projects: the ATLAS.ti one lists sources that are not in its zip (its codebook comes, the
 * sources are named); the NVivo one has two long Hungarian text sources, laid out as PDF pages,
 * whose 303 codings land on the same words. Bad files change nothing.
 */
import { strToU8, unzipSync, zipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { QdpxExport } from '../../electron/core/export/qdpx-export'
import type { StudySession } from '../../electron/core/study-session'
import { WerkbankError } from '../../shared/errors'
import { drawn } from '../../electron/core/pdf/text-to-pdf'
import { findOnPage } from '../../electron/core/services/qdpx-import'
import { caller, tempStudy } from '../helpers/study'
import { addExchangeCases, buildSmallStudy, type SmallStudy } from './analysis-fixture'

const INTEROP = join(import.meta.dirname, '../../../shared/interop/qdpx')

let t: SmallStudy
let qdpx: Uint8Array

beforeAll(async () => {
  t = await buildSmallStudy()
  const s = t.s
  addExchangeCases(t)
  qdpx = new QdpxExport(s.study.db).write(s.codebook.list(), 'small')
}, 60_000)
afterAll(() => t.close())

/** The study's codings in a form two studies can be compared by (ids differ between them). */
function codingsOf(s: StudySession) {
  const docs = new Map(s.documents.list().map((d) => [d.id, d.sha256]))
  const coders = new Map(s.coders.list().map((c) => [c.id, c.name]))
  return s.codings.list({}).map((k) => ({
    doc: docs.get(k.documentId), code: k.codePath, coder: coders.get(k.coderId), kind: k.kind,
    start: k.start, end: k.end, quote: k.quote, memo: k.memo, page: k.pageFrom,
    rect: k.kind === 'area' ? k.rects[0] : null,
  })).sort((a, b) => `${a.doc}${a.code}${a.coder}${String(a.start).padStart(9)}`.localeCompare(`${b.doc}${b.code}${b.coder}${String(b.start).padStart(9)}`))
}

/** Every memo of the study by what it is about (names, not ids), its writer and its text. */
function memosOf(s: StudySession) {
  const rows = s.study.db.prepare('SELECT target_type AS type, target_id AS id, coder_id AS coderId, body FROM memos ORDER BY body').all() as { type: string; id: number | null; coderId: number; body: string }[]
  const name = (type: string, id: number | null) =>
    type === 'study' ? 'study'
      : type === 'code' ? `code:${s.codebook.get(id!).path}`
        : type === 'document' ? `document:${s.documents.get(id!)!.sha256}`
          : `case:${s.cases.get(id!).name}`
  const coders = new Map(s.coders.list().map((c) => [c.id, c.name]))
  return rows.map((r) => ({ target: name(r.type, r.id), coder: coders.get(r.coderId), body: r.body }))
}

describe('REFI-QDA project import', () => {
  it('takes back its own export whole: documents, codebook, cases with attributes, coders and codings', async () => {
    const b = await tempStudy()
    const result = await b.qdpx.import(qdpx)
    expect(result).toMatchObject({ documents: { imported: 4, existing: 0 }, codes: 4, cases: 2, skipped: [], pdfBoxes: 'bottom-left' })
    expect(b.documents.list().map((d) => [d.title, d.sha256, d.pageCount]).sort()).toEqual(t.s.documents.list().map((d) => [d.title, d.sha256, d.pageCount]).sort())
    expect(b.codebook.list().map((c) => [c.path, c.colour])).toEqual(t.s.codebook.list().map((c) => [c.path, c.colour]))
    const casesOf = (s: StudySession) => s.cases.list().map((c) => ({
      name: c.name, attributes: c.attributes,
      docs: s.documents.list().filter((d) => d.caseId === c.id).map((d) => d.sha256).sort(),
    }))
    expect(casesOf(b)).toEqual(casesOf(t.s))
    expect(b.coders.list().map((c) => c.name).sort()).toEqual(t.s.coders.list().map((c) => c.name).sort())

    const want = codingsOf(t.s)
    const got = codingsOf(b)
    expect(got.map(({ rect: _r, ...k }) => k)).toEqual(want.map(({ rect: _r, ...k }) => k))
    // An area's rectangle went through whole points and back: within a point of the original.
    const page = t.s.documents.pages(t.doc.D1).find((p) => p.pageNo === 2)!
    got.forEach((k, i) => {
      if (!k.rect) return
      const w = want[i]!.rect!
      expect(Math.abs(k.rect.x - w.x) * page.width).toBeLessThanOrEqual(1)
      expect(Math.abs(k.rect.y - w.y) * page.height).toBeLessThanOrEqual(1)
      expect(Math.abs(k.rect.w - w.w) * page.width).toBeLessThanOrEqual(2)
      expect(Math.abs(k.rect.h - w.h) * page.height).toBeLessThanOrEqual(2)
    })
    expect(got.filter((k) => k.kind === 'area')).toHaveLength(1)
    expect(got.some((k) => k.quote.includes('\f'))).toBe(true) // the coding across a page break is one again
    expect(result.codings.text + result.codings.area).toBeGreaterThanOrEqual(want.length)

    // Memos on the study, a code and a document come back with their writers; a case memo has
    // no place in the standard and stays behind.
    expect(result.memos).toBe(3)
    expect(memosOf(b)).toEqual(memosOf(t.s).filter((m) => m.target !== 'case:Alpha'))

    // One undo step takes codebook, cases and codings back; the documents stay, as with any import.
    b.history.undo()
    expect([b.codings.list({}).length, b.codebook.list().length, b.cases.list().length, b.documents.list().length]).toEqual([0, 0, 0, 4])
  })

  it('takes back an older Werkbank export, whose boxes count from the top left, the same', async () => {
    const files = unzipSync(qdpx)
    const xml = new TextDecoder().decode(files['project.qde'])
    const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    const byUuid = new Map(t.s.codings.list({}).map((k) => [k.uuid, k]))
    let rewritten = 0
    // Each selection's box as the earlier export wrote it: whole points from the top left, the
    // bounding box of the coding's rectangles on its page (a later page's piece: mirrored).
    const old = xml.replace(/<PDFSource [^>]*name="([^"]*)"[\s\S]*?<\/PDFSource>/g, (source, name: string) => {
      const doc = t.s.documents.list().find((d) => d.title === unescape(name))!
      const pages = t.s.documents.pages(doc.id)
      return source.replace(/<PDFSelection [^>]*>[\s\S]*?<\/PDFSelection>/g, (sel) => {
        const at = (a: string) => Number(new RegExp(` ${a}="(-?\\d+)"`).exec(sel)![1])
        const page = pages.find((p) => p.pageNo === at('page') + 1)!
        const coding = byUuid.get(/<Coding guid="([^"]+)"/.exec(sel)![1]!)
        const rects = coding?.rects.filter((r) => r.page === page.pageNo) ?? []
        const [y0, y1] = rects.length > 0
          ? [Math.floor(Math.min(...rects.map((r) => r.y)) * page.height), Math.ceil(Math.max(...rects.map((r) => r.y + r.h)) * page.height)]
          : [Math.max(0, Math.floor(page.height - at('secondY'))), Math.ceil(page.height - at('firstY'))]
        rewritten++
        return sel.replace(/ firstY="\d+"/, ` firstY="${y0}"`).replace(/ secondY="\d+"/, ` secondY="${y1}"`)
      })
    })
    expect(rewritten).toBeGreaterThan(10)
    expect(old).not.toBe(xml)
    const b = await tempStudy()
    const result = await b.qdpx.import(zipSync({ ...files, 'project.qde': strToU8(old) }))
    expect(result.pdfBoxes).toBe('top-left')
    const want = codingsOf(t.s)
    const got = codingsOf(b)
    expect(got.map(({ rect: _r, ...k }) => k)).toEqual(want.map(({ rect: _r, ...k }) => k))
    const page = t.s.documents.pages(t.doc.D1).find((p) => p.pageNo === 2)!
    got.forEach((k, i) => {
      if (!k.rect) return
      const w = want[i]!.rect!
      expect(Math.abs(k.rect.y - w.y) * page.height).toBeLessThanOrEqual(1) // at its height, not mirrored
      expect(Math.abs(k.rect.h - w.h) * page.height).toBeLessThanOrEqual(2)
    })
  })

  it('into the study it came from: the same documents, nothing added twice', async () => {
    const before = codingsOf(t.s)
    const again = await t.s.qdpx.import(qdpx)
    expect(again.documents).toEqual({ imported: 0, existing: 4 })
    expect(again.codes).toBe(0)
    expect(again.cases).toBe(0)
    expect(codingsOf(t.s)).toEqual(before)
    expect(again.memos).toBe(0)
  })

  it('brings the codebook of the ATLAS.ti project and names the sources its zip lacks', async () => {
    const s = await tempStudy()
    const atlas = await caller(s)('project:importQdpx', { bytes: new Uint8Array(readFileSync(join(INTEROP, '02_atlasti-8.4-mac_REFI-standard-project.qdpx'))) })
    expect(atlas.codes).toBe(14)
    expect(atlas.documents).toEqual({ imported: 0, existing: 0 })
    // Its two PDFs, six texts and a picture are listed in the project but not in the zip (the
    // picture would come in, as a page); an audio and two video sources are of kinds Werkbank
    // does not code.
    const named = (reason: string) => atlas.skipped.filter((x) => x.reason === reason).map((x) => x.name.normalize('NFC')).sort()
    expect(named('file-missing')).toHaveLength(9)
    expect(named('file-missing')).toContain("Kellogg's Passion for Nutrition.pdf")
    expect(named('file-missing')).toContain('cornflakes-n-milk.jpg')
    expect(named('not-supported')).toEqual(['1960s Coca Cola commercial.mp4', '1994 Diet Coke-Diet Coke Break.mp4', "Jeanine's Breakfast.m4a"])
    // Every coding of the project is on one of those sources: each is counted as not placed.
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(join(INTEROP, '02_atlasti-8.4-mac_REFI-standard-project.qdpx'))))['Project.qde'])
    expect(atlas.codings).toEqual({ text: 0, area: 0, notPlaced: (xml.match(/<Coding[\s>]/g) ?? []).length })
    expect(atlas.codings.notPlaced).toBe(16)
  })

  it('lays out the text sources of the NVivo project as PDF pages and places all 303 codings on the same words', async () => {
    const s = await tempStudy()
    const bytes = new Uint8Array(readFileSync(join(INTEROP, '07_nvivo-12.6-win_oltas0517-hungarian.qdpx')))
    const r = await s.qdpx.import(bytes)
    expect(r).toMatchObject({ codes: 152, documents: { imported: 2, existing: 0 }, codings: { text: 303, area: 0 }, skipped: [] })
    // Independently of the importer: each selection of the project, cut from its .txt by its
    // positions (UTF-16, without the byte-order mark), has the same letters as a coding's quote.
    const files = unzipSync(bytes)
    const xml = new TextDecoder().decode(files['project.qde'])
    const expected: string[] = []
    for (const m of xml.matchAll(/<TextSource guid="([^"]+)"[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g)) {
      const source = new TextDecoder().decode(files[`Sources/${m[1]}.txt`])
      for (const sel of m[3]!.matchAll(/startPosition="(\d+)" endPosition="(\d+)"[\s\S]*?<\/PlainTextSelection>/g)) {
        const codings = (sel[0].match(/<Coding /g) ?? []).length
        for (let i = 0; i < codings; i++) expected.push(`${m[2]}|${letters(source.slice(Number(sel[1]), Number(sel[2])))}`)
      }
    }
    expect(expected).toHaveLength(303)
    const titles = new Map(s.documents.list().map((d) => [d.id, d.title]))
    const got = s.codings.list({}).map((k) => `${titles.get(k.documentId)}|${letters(k.quote)}`)
    expect(got.sort()).toEqual(expected.sort())
    expect(s.documents.list().every((d) => d.pageCount > 300 && d.hasText)).toBe(true)

    // The same project again: the same pages (same bytes), nothing added.
    const again = await s.qdpx.import(bytes)
    expect(again.documents).toEqual({ imported: 0, existing: 2 })
    expect(s.codings.list({})).toHaveLength(303)
  }, 120_000)

  it('refuses a project whose codings name a code it does not define, and changes nothing', async () => {
    const s = await tempStudy()
    const xml = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">
      <CodeBook><Codes><Code guid="11111111-2222-3333-4444-555555555555" name="A" isCodable="true"/></Codes></CodeBook>
      <Sources><PDFSource guid="11111111-2222-3333-4444-555555555556" name="x" path="internal://x.pdf">
        <PDFSelection guid="11111111-2222-3333-4444-555555555557" page="0" firstX="1" firstY="1" secondX="50" secondY="50">
          <Coding guid="11111111-2222-3333-4444-555555555558"><CodeRef targetGUID="99999999-2222-3333-4444-555555555555"/></Coding>
        </PDFSelection></PDFSource></Sources></Project>`
    const pdf = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../shared/interop/pdf/10_ja_dvipdfmx_issue16538.pdf')))
    const bad = zipSync({ 'project.qde': strToU8(xml), 'Sources/x.pdf': pdf })
    await expect(s.qdpx.import(bad)).rejects.toMatchObject({ code: 'project-import-invalid', params: { detail: expect.stringMatching(/does not define/) } })
    // Refused before anything was imported: no document either.
    expect([s.codebook.list().length, s.codings.list({}).length, s.documents.list().length]).toEqual([0, 0, 0])
    await expect(s.qdpx.import(zipSync({ 'project.qde': strToU8('<CodeBook><Codes/></CodeBook>') }))).rejects.toMatchObject({ code: 'project-import-invalid' })
    await expect(s.qdpx.import(new Uint8Array(pdf))).rejects.toMatchObject({ code: 'project-import-invalid' })
  })
})

/** The letters of a text as the laid-out pages show them: no white space, nothing undrawn. */
function letters(text: string): string {
  return Array.from(text).filter(drawn).join('')
}

describe('a project import that fails part-way', () => {
  it('takes back the documents it had imported, and leaves the undo history as it was', async () => {
    const s = await tempStudy()
    s.codebook.create({ parentId: null, name: 'Bestaand' })
    const history = s.history.state()
    // The undo step fails after the PDFs are in (here: the codebook refuses a code).
    const spy = vi.spyOn(s.codebook, 'ensurePath').mockImplementation(() => {
      throw new WerkbankError('code-name-invalid')
    })
    await expect(s.qdpx.import(qdpx)).rejects.toMatchObject({ code: 'code-name-invalid' })
    spy.mockRestore()
    expect(s.documents.list()).toEqual([])
    expect(s.codebook.list().map((c) => c.name)).toEqual(['Bestaand'])
    expect(s.history.state()).toEqual(history)
    // And then it goes through.
    expect((await s.qdpx.import(qdpx)).documents).toEqual({ imported: 4, existing: 0 })
  })

  it('refuses sources that would unpack to far more than the file (one stream under many names)', async () => {
    const s = await tempStudy()
    const xml = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>
      <PDFSource guid="11111111-2222-3333-4444-555555555556" name="x" path="internal://x.pdf"/></Sources></Project>`
    const bomb = zipSync({ 'project.qde': strToU8(xml), 'Sources/X.PDF': new Uint8Array(40 * 1024 * 1024) })
    expect(bomb.byteLength).toBeLessThan(200_000)
    await expect(s.qdpx.import(bomb)).rejects.toMatchObject({ code: 'project-import-invalid', params: { detail: expect.stringMatching(/unpack to far more/) } })
    expect(s.documents.list()).toEqual([])
  })
})

describe('finding a selection’s text on its page', () => {
  it('compares white space loosely: line breaks, runs of spaces, and words another program ran together', () => {
    const page = 'Samen ontwerpen\nvan de opleiding,  met het bedrijf.'
    expect(findOnPage(page, 'ontwerpen van de opleiding')).toEqual([6, 32])
    expect(findOnPage(page, 'opleiding, met het')).toEqual([23, 42])
    // White space at the ends belongs to the selection, as far as the page has it.
    expect(findOnPage(page, ' van de ')).toEqual([15, 23])
    expect(findOnPage(page, '   Samen')).toEqual([0, 5])
    expect(findOnPage(page, 'ontwerpenvan de')).toEqual([6, 22])
    expect(findOnPage(page, 'niet hier')).toBeNull()
    expect(findOnPage(page, '   ')).toBeNull()
    expect(findOnPage('a (b) [c]* d', '(b) [c]*')).toEqual([2, 10])
  })

  it('prefers a place where a word starts, and takes a long selection in one pass', () => {
    expect(findOnPage('Start the art class', 'art')).toEqual([10, 13])
    expect(findOnPage('Startart', 'art')).toEqual([2, 5]) // no word start: the first place
    const page = `${'Woord en nog een woord. '.repeat(2000)}Het einde.`
    const wanted = `${'Woord en nog een woord. '.repeat(1500)}`.trim()
    expect(findOnPage(page, wanted)).toEqual([0, wanted.length])
  })
})
