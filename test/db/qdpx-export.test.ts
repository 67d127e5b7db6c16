/**
 * The study as a REFI-QDA project (.qdpx): checked against the standard's own schema
 * (../shared/interop/refi/Project-mrt2019.xsd, by libxml2's validator), then read back — the
 * zip with fflate, the XML with fast-xml-parser — and compared with the study: every PDF byte
 * for byte, the text Werkbank codes, every coding as one selection per page with its text, box,
 * code, coder and memo, the cases with their attributes and documents, and the codebook (which
 * our own REFI reader takes back).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { parseRefiCodebook } from '../../electron/core/services/refi-codebook'
import type { Coding } from '../../shared/types'
import { fixturePaths } from '../fixtures/fixtures'
import { caller, tempStudy } from '../helpers/study'
import { addExchangeCases, buildSmallStudy, type SmallStudy } from './analysis-fixture'

const PROJECT_XSD = readFileSync(join(import.meta.dirname, '../../../shared/interop/refi/Project-mrt2019.xsd'), 'utf8')

async function validProject(xml: string) {
  const r = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [PROJECT_XSD] })
  return { valid: r.valid, errors: r.errors.map((e) => e.message) }
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
type Node = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: false })

let t: SmallStudy
let files: Record<string, Uint8Array>
let xml: string
let project: Node
let codings: Coding[]
let scanId: number

beforeAll(async () => {
  t = await buildSmallStudy()
  const s = t.s
  addExchangeCases(t)
  // An image-only document with an area coding, and a coding whose dates came from another
  // study in a form the schema refuses (a team merge copies them as they are).
  const [scan] = await s.importer.importFiles([fixturePaths().bad.imageOnly], { caseId: t.kase.beta })
  if (scan?.status !== 'imported') throw new Error('scan import failed')
  scanId = scan.documentId
  s.codings.createArea({ documentId: scan.documentId, codeId: t.code.A, coderId: t.coder.bram, page: 1, rect: { x: 0.2, y: 0.3, w: 0.4, h: 0.1 } })
  const merged = s.codings.list({ documentId: t.doc.D3 })[0]!
  s.study.db.prepare("UPDATE codings SET created_at = '2024-01-01 10:00:00', updated_at = 'gisteren' WHERE id = ?").run(merged.id)
  codings = s.codings.list({})
  const base64 = await caller(s)('export:qdpx', {})
  files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))
  xml = new TextDecoder().decode(files['project.qde'])
  project = parser.parse(xml).Project
}, 60_000)
afterAll(() => t.close())

/**
 * A selection's box, read as the standard says (PDF points from the bottom left of the page:
 * firstY < secondY, the top edge at height − secondY), is the smallest box of whole points
 * around the coding's rectangles on that page; a text coding's selection carries the page's
 * part of its quote as a Representation, an area's none.
 */
function expectBoxCovers(sel: Node, k: Coding, pageNo: number) {
  const page = t.s.documents.pages(k.documentId).find((p) => p.pageNo === pageNo)!
  const [firstX, firstY, secondX, secondY] = [sel.firstX, sel.firstY, sel.secondX, sel.secondY].map(Number) as [number, number, number, number]
  expect(firstX < secondX && firstY < secondY, `coding ${k.id} page ${pageNo}`).toBe(true)
  expect([firstX, firstY, secondX, secondY].every(Number.isInteger)).toBe(true)
  const rects = k.rects.filter((r) => r.page === pageNo)
  expect(rects.length).toBeGreaterThan(0)
  // In points, y upward from the bottom edge.
  const left = Math.min(...rects.map((r) => r.x)) * page.width
  const right = Math.max(...rects.map((r) => r.x + r.w)) * page.width
  const bottom = page.height - Math.max(...rects.map((r) => r.y + r.h)) * page.height
  const top = page.height - Math.min(...rects.map((r) => r.y)) * page.height
  const eps = 1e-6
  expect(firstX).toBeLessThanOrEqual(left + eps)
  expect(secondX).toBeGreaterThanOrEqual(right - eps)
  expect(firstY).toBeLessThanOrEqual(bottom + eps)
  expect(secondY).toBeGreaterThanOrEqual(top - eps)
  for (const gap of [left - firstX, secondX - right, bottom - firstY, secondY - top]) expect(gap).toBeLessThan(1)
  // Mirrored (the top-left reading) it would not cover them, unless the coding sits at mid-height.
  if (Math.abs(top + bottom - page.height) > 4) expect(page.height - secondY > bottom || page.height - firstY < top).toBe(true)
  if (k.kind === 'area') expect(sel.Representation).toBeUndefined()
  else {
    const text = t.s.documents.text(k.documentId).slice(Math.max(k.start, page.startOffset), Math.min(k.end, page.startOffset + page.text.length))
    expect(sel.Representation.PlainTextContent).toBe(text)
  }
}

describe('REFI-QDA project export', () => {
  it('writes a project.qde that Project-mrt2019.xsd accepts', async () => {
    expect(await validProject(xml)).toEqual({ valid: true, errors: [] })
    expect(project.name).toBe('small')
    expect(project.origin).toBe('Werkbank')
  })

  it('puts every PDF in the zip byte for byte, with the text Werkbank codes beside it', () => {
    const sources = list<Node>(project.Sources.PDFSource)
    expect(sources.map((p) => p.name).sort()).toEqual(t.s.documents.list().map((d) => d.title).sort())
    for (const p of sources) {
      const doc = t.s.documents.list().find((d) => d.title === p.name)!
      const pdf = files[`Sources/${p.path.replace('internal://', '')}`]!
      expect(createHash('sha256').update(pdf).digest('hex'), p.name).toBe(doc.sha256)
      const rep = p.Representation
      if (!doc.hasText) {
        expect(rep, p.name).toBeUndefined() // an image-only PDF has no text to represent
        continue
      }
      expect(new TextDecoder().decode(files[`Sources/${rep.plainTextPath.replace('internal://', '')}`]), p.name).toBe(t.s.documents.text(doc.id))
    }
  })

  it('writes each coding as one selection per page: its text there, its box in points from the bottom left, code, coder and memo', () => {
    const sources = list<Node>(project.Sources.PDFSource)
    const users = new Map(list<Node>(project.Users.User).map((u) => [u.guid, u.name]))
    const codes = new Map<string, string>()
    const walk = (nodes: Node[], parent: string) => nodes.forEach((c) => (codes.set(c.guid, parent + c.name), walk(list(c.Code), `${parent}${c.name}/`)))
    walk(list(project.CodeBook.Codes.Code), '')
    const notes = new Map(list<Node>(project.Notes.Note).map((n) => [n.guid, n.PlainTextContent]))
    const selections = sources.flatMap((p) => list<Node>(p.PDFSelection).map((sel) => ({ source: p.name as string, sel })))
    for (const k of codings) {
      const doc = t.s.documents.get(k.documentId)!
      // The selection on the coding's first page carries a Coding with the coding's own uuid.
      const own = selections.filter(({ sel }) => sel.Coding.guid === k.uuid)
      expect(own, `coding ${k.id}`).toHaveLength(1)
      const { sel, source } = own[0]!
      expect(source).toBe(doc.title)
      expect(Number(sel.page)).toBe(k.pageFrom - 1)
      expect(codes.get(sel.Coding.CodeRef.targetGUID)).toBe(t.s.codebook.get(k.codeId).path)
      expect(users.get(sel.Coding.creatingUser)).toBe(t.s.coders.list().find((c) => c.id === k.coderId)!.name)
      expect(sel.Coding.creationDateTime).toBe(new Date(k.createdAt.replace(' ', 'T')).toISOString())
      if (k.memo) expect(notes.get(sel.Coding.NoteRef.targetGUID)).toBe(k.memo)
      else expect(sel.Coding.NoteRef).toBeUndefined()
      expectBoxCovers(sel, k, k.pageFrom)
      if (k.kind === 'area') expect(sel.Representation).toBeUndefined()
    }
    // The text of all of a coding's selections, page after page, is its quote without the page break.
    const across = codings.find((k) => k.pageTo > k.pageFrom)!
    const acrossCode = [...codes].find(([, path]) => path === t.s.codebook.get(across.codeId).path)![0]
    const texts = selections
      .filter(({ source, sel }) => source === t.s.documents.get(across.documentId)!.title && sel.Coding.CodeRef.targetGUID === acrossCode)
      .filter(({ sel }) => Number(sel.page) >= across.pageFrom - 1 && Number(sel.page) <= across.pageTo - 1)
      .map(({ sel }) => sel.Representation?.PlainTextContent as string)
      .filter((text) => across.quote.includes(text))
    expect(texts).toHaveLength(across.pageTo - across.pageFrom + 1)
    expect(texts.join('\f')).toBe(across.quote)
    // Each page's piece has its own box, bottom-left, around the coding's rectangles there.
    const acrossSelections = selections.filter(({ source, sel }) => source === t.s.documents.get(across.documentId)!.title && sel.Coding.CodeRef.targetGUID === acrossCode && across.quote.includes(sel.Representation?.PlainTextContent))
    for (const { sel } of acrossSelections) expectBoxCovers(sel, across, Number(sel.page) + 1)
    // Selections: one per page of each coding.
    expect(selections).toHaveLength(codings.reduce((n, k) => n + (k.pageTo - k.pageFrom + 1), 0))
  })

  it('gives every element its own GUID, and every reference points at one', () => {
    const guids = [...xml.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]!)
    expect(new Set(guids).size).toBe(guids.length)
    const targets = [...xml.matchAll(/targetGUID="([^"]+)"/g)].map((m) => m[1]!)
    expect(targets.length).toBeGreaterThan(codings.length)
    expect(targets.filter((g) => !guids.includes(g))).toEqual([])
    const users = [...xml.matchAll(/creatingUser="([^"]+)"/g)].map((m) => m[1]!)
    expect(users.filter((g) => !guids.includes(g))).toEqual([])
  })

  it('writes memos on the study, a code and a document as notes their element refers to (a case has no place for one)', () => {
    const notes = new Map(list<Node>(project.Notes.Note).map((n) => [n.guid, n]))
    const users = new Map(list<Node>(project.Users.User).map((u) => [u.guid, u.name]))
    const noteOf = (ref: Node | Node[] | undefined) => list<Node>(ref).map((r) => notes.get(r.targetGUID)!).map((n) => [users.get(n.creatingUser), n.PlainTextContent])
    expect(noteOf(project.NoteRef)).toEqual([['Anna', 'Onderzoeksvraag: hoe werken school en bedrijf samen?']])
    const codeA = list<Node>(project.CodeBook.Codes.Code).find((c) => c.name === 'A')!
    expect(noteOf(codeA.NoteRef)).toEqual([['Anna', 'A is breed; "zie ook" A1 & A2.']])
    const d1 = list<Node>(project.Sources.PDFSource).find((p) => p.name === t.s.documents.get(t.doc.D1)!.title)!
    expect(noteOf(d1.NoteRef)).toEqual([['Bram', 'Verslag met\nveel tabellen.']])
    expect(xml).not.toContain('Fase 1, twijfel over 2.')
  })

  it('writes cases with their attributes as text variables and their documents', () => {
    const variables = new Map(list<Node>(project.Variables.Variable).map((v) => [v.guid, v]))
    expect([...variables.values()].map((v) => [v.name, v.typeOfVariable]).sort()).toEqual([['fase', 'Text'], ['sector', 'Text']])
    const sources = new Map(list<Node>(project.Sources.PDFSource).map((p) => [p.guid, p.name]))
    const cases = list<Node>(project.Cases.Case).map((c) => ({
      name: c.name,
      values: Object.fromEntries(list<Node>(c.VariableValue).map((v) => [variables.get(v.VariableRef.targetGUID)!.name, v.TextValue])),
      documents: list<Node>(c.SourceRef).map((r) => sources.get(r.targetGUID)).sort(),
    }))
    const title = (id: number) => t.s.documents.get(id)!.title
    expect(cases).toEqual([
      { name: 'Alpha', values: { fase: '1', sector: 'zorg' }, documents: [title(t.doc.D1), title(t.doc.D2)].sort() },
      { name: 'Beta', values: { fase: '2', sector: 'techniek' }, documents: [title(t.doc.D3), title(scanId)].sort() },
    ])
  })

  it('carries the codebook, which our REFI reader takes back whole', async () => {
    const entries = parseRefiCodebook(xml)
    expect(entries.map((e) => e.path)).toEqual(t.s.codebook.list().map((c) => c.path))
    const other = await tempStudy()
    expect(other.transfer.import('qdc', xml).created).toBe(t.s.codebook.list().length)
  })

  it('writes the same GUIDs when the study is exported again, and a valid project of an empty study', async () => {
    const again = new TextDecoder().decode(unzipSync(new Uint8Array(Buffer.from(await caller(t.s)('export:qdpx', {}), 'base64')))['project.qde'])
    const guids = (x: string) => [...x.matchAll(/guid="([^"]+)"/gi)].map((m) => m[1])
    expect(guids(again)).toEqual(guids(xml))
    const empty = await tempStudy('empty.werkbank')
    const emptyXml = new TextDecoder().decode(unzipSync(new Uint8Array(Buffer.from(await caller(empty)('export:qdpx', {}), 'base64')))['project.qde'])
    expect(await validProject(emptyXml)).toEqual({ valid: true, errors: [] })
  })
})
