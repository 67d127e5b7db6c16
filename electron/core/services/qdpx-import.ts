/**
 * A REFI-QDA project (.qdpx) into the study: its PDFs with their codings, its codebook, its
 * coders, and its cases with their attributes — what qdpx-export.ts writes, and what ATLAS.ti,
 * MAXQDA or NVivo write for PDF sources.
 *
 * - Each PDFSource whose file is in the zip is imported like any PDF (the same one twice is the
 *   study's existing document). Sources of other kinds (text, pictures, audio, video) and PDFs
 *   whose file is missing are listed as skipped, with the reason.
 * - A PDFSelection carries a page (from 0), a box in points from the top left and, mostly, its
 *   text. It becomes a text coding where that text is found on its page (spaces and line
 *   breaks compared loosely, as programs extract text differently), else an area coding of the
 *   box. Pieces of one coding on consecutive pages (the export writes one per page) join again.
 * - A Coding's creatingUser is the coder (by the Users' names); its NoteRef, the memo.
 *
 * The codebook, cases and codings come in as one undo step after the documents are imported
 * (documents are never an undo step, as with any import).
 */
import { WerkbankError } from '../../../shared/errors'
import type { QdpxImportResult } from '../../../shared/types'
import { PAGE_SEPARATOR } from '../../../shared/page-text'
import { projectXmlOfQdpx, sourceFilesOfQdpx } from '../../../shared/qdpx'
import { alignByLetters, drawn, textToPdf } from '../pdf/text-to-pdf'
import type { CaseService } from './case.service'
import type { CodebookService } from './codebook.service'
import type { CodingService } from './coding.service'
import type { DocumentService } from './document.service'
import type { MemoService } from './memo.service'
import type { History } from './history.service'
import { DEFAULT_MAX_BYTES, type ImportService } from './import.service'
import { child, codesIn, parseRefiXml, type RefiCodeEntry } from './refi-codebook'
import type { DocumentsRepo } from '../repos/documents.repo'

/** The coder for codings whose creator the project does not name. */
export const UNKNOWN_CODER = 'REFI-QDA import'

type Node = Record<string, unknown>
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : [])
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof (v as Node | undefined)?.['#text'] === 'string' ? ((v as Node)['#text'] as string) : '')
const guidKey = (g: unknown) => String(g ?? '').toLowerCase().replace(/[{}]/g, '')
const num = (v: unknown) => Number(v)

interface Piece {
  documentId: number
  codeGuid: string
  coder: string
  memo: string
  page: number // 1-based
  box: [number, number, number, number]
  text: string
}

/** What reading a project found, for placing its codebook, cases, codings and memos. */
interface ReadProject {
  project: unknown
  codes: RefiCodeEntry[]
  /** Source GUID → the document it became. */
  documentOf: Map<string, number>
  pdfs: Node[]
  texts: Node[]
  /** Text source GUID → where its positions fall in the document's canonical text. */
  textPlaces: Map<string, (start: number, end: number) => [number, number] | null>
  /** User GUID → name. */
  users: Map<string, string>
  memoOf: (k: Node, sel: Node) => string
  /** Note GUID → its text and writer. */
  notes: Map<string, { text: string; user: string }>
}

export class QdpxImport {
  constructor(
    private readonly deps: {
      importer: ImportService
      documents: DocumentsRepo
      documentService: DocumentService
      codebook: CodebookService
      cases: CaseService
      codings: CodingService
      history: History
      ensureCoder: (name: string) => { id: number }
      /** Takes back a document this import added (no codings, no history): a failed import. */
      discardDocument: (id: number) => void
      memos: MemoService
    },
  ) {}

  /** Reads the project; a file that is none is refused as project-import-invalid, with why. */
  async import(bytes: Uint8Array): Promise<QdpxImportResult> {
    try {
      return await this.read(bytes)
    } catch (e) {
      // The REFI readers speak of a codebook file; here the file is a project.
      if (e instanceof WerkbankError && e.code === 'codebook-import-invalid') throw new WerkbankError('project-import-invalid', e.params)
      throw e
    }
  }

  private async read(bytes: Uint8Array): Promise<QdpxImportResult> {
    const doc = parseRefiXml(projectXmlOfQdpx(bytes))
    if (doc.root !== 'Project') throw new WerkbankError('codebook-import-invalid', { detail: 'a .qdpx holds a <Project>, this one a <CodeBook>' })
    const project = doc.element
    const codes = codesIn(doc)
    const users = new Map(list(child(child(project, 'Users'), 'User')).map((u) => [guidKey(u['@guid']), String(u['@name'] ?? '').trim()]))
    const notes = new Map(list(child(child(project, 'Notes'), 'Note')).map((n) => [
      guidKey(n['@guid']),
      { text: text(n.PlainTextContent).trim(), user: users.get(guidKey(n['@creatingUser'])) ?? '' },
    ]))
    const sources = child(project, 'Sources')
    const result: QdpxImportResult = { documents: { imported: 0, existing: 0 }, codes: 0, cases: 0, codings: { text: 0, area: 0, notPlaced: 0 }, memos: 0, skipped: [] }

    // Pictures, audio and video are named, not read.
    for (const kind of ['PictureSource', 'AudioSource', 'VideoSource']) {
      for (const s of list(child(sources, kind))) result.skipped.push({ name: String(s['@name'] ?? kind), reason: 'not-supported' })
    }

    // 1. The documents, each imported like any PDF (outside the undo step): PDF sources as they
    //    are, text sources laid out as PDF pages first.
    const pdfs = list(child(sources, 'PDFSource'))
    const texts = list(child(sources, 'TextSource'))
    // Every coding must name a code the project defines: checked before anything is imported.
    const defined = new Set(codes.map((c) => c.guid))
    const allCodings = [
      ...pdfs.flatMap((s) => list(s.PDFSelection).flatMap((sel) => list(sel.Coding))),
      ...texts.flatMap((s) => list(s.PlainTextSelection).flatMap((sel) => list(sel.Coding))),
    ]
    const dangling = allCodings.map((k) => guidKey(child(k.CodeRef, '@targetGUID'))).find((g) => !defined.has(g))
    if (dangling !== undefined) throw new WerkbankError('codebook-import-invalid', { detail: `a coding refers to code ${dangling}, which the project does not define` })

    const internal = (path: unknown) => /^internal:\/\/([^/\\]+)$/.exec(String(path ?? ''))?.[1]
    const wanted = [...pdfs.map((s) => internal(s['@path'])), ...texts.map((s) => internal(s['@plainTextPath']))]
    const files = sourceFilesOfQdpx(bytes, new Set(wanted.filter((f): f is string => f !== undefined)), DEFAULT_MAX_BYTES)
    const documentOf = new Map<string, number>() // source GUID → document
    const added: number[] = [] // documents this import brought in
    const take = async (s: Node, pdf: Uint8Array): Promise<number | undefined> => {
      const name = String(s['@name'] ?? 'PDF')
      const outcome = await this.deps.importer.importBytes(name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`, pdf, { title: name.replace(/\.pdf$/i, '') })
      if (outcome.status === 'error') {
        result.skipped.push({ name, reason: 'import-failed', detail: outcome.error.code })
        return undefined
      }
      documentOf.set(guidKey(s['@guid']), outcome.documentId)
      if (outcome.status === 'imported') {
        result.documents.imported++
        added.push(outcome.documentId)
      } else result.documents.existing++
      return outcome.documentId
    }
    for (const s of pdfs) {
      const data = files.get(internal(s['@path']) ?? '')
      if (data) await take(s, data)
      else result.skipped.push({ name: String(s['@name'] ?? 'PDF'), reason: 'file-missing' })
    }
    // A text source's codings count its characters (UTF-16, as NVivo writes them; the byte-order
    // mark not counted): they are carried to the laid-out pages by their letters.
    const textPlaces = new Map<string, (start: number, end: number) => [number, number] | null>()
    for (const s of texts) {
      const name = String(s['@name'] ?? 'text')
      const inline = child(s, 'PlainTextContent')
      const data = files.get(internal(s['@plainTextPath']) ?? '')
      const content = inline !== undefined ? text(inline) : data ? new TextDecoder('utf-8').decode(data) : undefined
      if (content === undefined) {
        result.skipped.push({ name, reason: 'file-missing' })
        continue
      }
      const documentId = await take(s, await textToPdf(content, name))
      if (documentId === undefined) continue
      const align = alignByLetters(content, this.deps.documents.text(documentId), drawn)
      if (align) textPlaces.set(guidKey(s['@guid']), align)
      else result.skipped.push({ name, reason: 'codings-not-placed' })
    }

    // 2. Codebook, cases and codings: one undo step.
    /** The notes a Coding or its selection refers to, as one memo. */
    const memoOf = (k: Node, sel: Node) =>
      list(k.NoteRef).concat(list(sel.NoteRef)).map((r) => notes.get(guidKey(r['@targetGUID']))?.text ?? '').filter(Boolean).join('\n\n')
    try {
      return this.place({ project, codes, documentOf, pdfs, texts, textPlaces, users, memoOf, notes }, result)
    } catch (e) {
      // The undo step rolled back; the documents it was for go too, so a failed import leaves
      // the study as it was. (They have no codings and no history yet.)
      for (const id of added) this.deps.discardDocument(id)
      throw e
    }
  }

  /** Codebook, cases and codings of the project: one undo step. */
  private place(read: ReadProject, result: QdpxImportResult): QdpxImportResult {
    const { project, codes, documentOf, pdfs, texts, textPlaces, users, memoOf, notes } = read
    const { codebook, cases, codings, history } = this.deps
    return history.record('qdpx-import', { documents: documentOf.size }, () => {
      /**
       * Notes the project hangs on the study, a code or a document, as memos of their writers.
       * A coder's memo already there keeps its text; a note it does not hold yet is added below.
       */
      const addMemos = (targetType: 'study' | 'code' | 'document', targetId: number | null, refs: string[]) => {
        for (const guid of refs) {
          const n = notes.get(guid)
          if (!n || n.text === '') continue
          const coderId = this.deps.ensureCoder(n.user || UNKNOWN_CODER).id
          const mine = this.deps.memos.list(targetType, targetId).find((m) => m.coderId === coderId)?.body ?? ''
          if (mine.includes(n.text)) continue
          this.deps.memos.save(targetType, targetId, coderId, mine === '' ? n.text : `${mine}\n\n${n.text}`)
          result.memos++
        }
      }
      const codeOf = new Map<string, number>()
      for (const e of codes) {
        const { guid, path, notes: codeNotes, ...fields } = e
        const existing = codebook.findPath(path)
        const id = existing ?? codebook.ensurePath(path, fields).id
        if (existing === undefined) result.codes++
        codeOf.set(guid, id)
        addMemos('code', id, codeNotes)
      }
      addMemos('study', null, list(child(project, 'NoteRef')).map((r) => guidKey(r['@targetGUID'])))
      for (const s of [...pdfs, ...texts]) {
        const documentId = documentOf.get(guidKey(s['@guid']))
        if (documentId !== undefined) addMemos('document', documentId, list(s.NoteRef).map((r) => guidKey(r['@targetGUID'])))
      }

      for (const c of list(child(child(project, 'Cases'), 'Case'))) {
        const name = String(c['@name'] ?? '').trim()
        const refs = list(c.SourceRef).map((r) => documentOf.get(guidKey(r['@targetGUID']))).filter((d): d is number => d !== undefined)
        if (name === '') continue
        const before = cases.list().length
        const kase = cases.ensure(name)
        if (cases.list().length > before) result.cases++
        for (const v of list(c.VariableValue)) {
          const variable = variableName(project, guidKey(child(v.VariableRef, '@targetGUID')))
          const value = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'].map((k) => text(v[k])).find((x) => x !== '')
          if (variable && value !== undefined) cases.setAttribute(kase.id, variable, value)
        }
        // A document already in a case keeps it: the study's own grouping wins.
        for (const d of refs) if (this.deps.documents.get(d)?.caseId === null) this.deps.documentService.assignCase(d, kase.id)
      }

      const pieces: Piece[] = []
      for (const s of pdfs) {
        const documentId = documentOf.get(guidKey(s['@guid']))
        if (documentId === undefined) continue
        for (const sel of list(s.PDFSelection)) {
          for (const k of list(sel.Coding)) {
            const codeGuid = guidKey(child(k.CodeRef, '@targetGUID'))
            const memo = memoOf(k, sel)
            pieces.push({
              documentId,
              codeGuid,
              coder: users.get(guidKey(k['@creatingUser'] ?? sel['@creatingUser'])) || UNKNOWN_CODER,
              memo,
              page: num(sel['@page']) + 1,
              box: [num(sel['@firstX']), num(sel['@firstY']), num(sel['@secondX']), num(sel['@secondY'])],
              text: text(child(sel.Representation, 'PlainTextContent')),
            })
          }
        }
      }
      for (const s of texts) {
        const documentId = documentOf.get(guidKey(s['@guid']))
        const place = textPlaces.get(guidKey(s['@guid']))
        if (documentId === undefined || place === undefined) continue
        for (const sel of list(s.PlainTextSelection)) {
          const range = place(num(sel['@startPosition']), num(sel['@endPosition']))
          for (const k of list(sel.Coding)) {
            const codeId = codeOf.get(guidKey(child(k.CodeRef, '@targetGUID')))! // checked before the import
            if (range === null) {
              result.codings.notPlaced++ // only white space, characters the pages cannot show, or no range
              continue
            }
            const memo = memoOf(k, sel)
            const coderId = this.deps.ensureCoder(users.get(guidKey(k['@creatingUser'] ?? sel['@creatingUser'])) || UNKNOWN_CODER).id
            codings.create({ documentId, codeId, coderId, start: range[0], end: range[1], ...(memo ? { memo } : {}) })
            result.codings.text++
          }
        }
      }

      // Each document's pages are read once, not per coding.
      const pagesOf = new Map<number, ReturnType<DocumentsRepo['pages']>>()
      for (const p of pieces) {
        const codeId = codeOf.get(p.codeGuid)! // checked before the import
        const coderId = this.deps.ensureCoder(p.coder).id
        let pages = pagesOf.get(p.documentId)
        if (!pages) pagesOf.set(p.documentId, (pages = this.deps.documents.pages(p.documentId)))
        const page = pages.find((x) => x.pageNo === p.page)
        if (!page) {
          result.codings.notPlaced++ // a page the PDF does not have
          continue
        }
        const found = p.text.trim() === '' ? null : findOnPage(page.text, p.text)
        if (found) {
          // A piece that ends its page takes the page break, so the next page's piece of the
          // same coding touches it and the two join (same code and coder: one coding).
          const endsPage = found[1] === page.text.length && page.pageNo < pages.length
          codings.create({
            documentId: p.documentId, codeId, coderId,
            start: page.startOffset + found[0],
            end: page.startOffset + found[1] + (endsPage ? PAGE_SEPARATOR.length : 0),
            ...(p.memo ? { memo: p.memo } : {}),
          })
          result.codings.text++
        } else {
          const [x0, y0, x1, y1] = p.box
          const clamp = (v: number) => Math.min(1, Math.max(0, v))
          const x = clamp(Math.min(x0, x1) / page.width)
          const y = clamp(Math.min(y0, y1) / page.height)
          // Within the page: a box reaching past an edge is cut there.
          const rect = { x, y, w: Math.min(1 - x, clamp(Math.abs(x1 - x0) / page.width)), h: Math.min(1 - y, clamp(Math.abs(y1 - y0) / page.height)) }
          if (![rect.x, rect.y, rect.w, rect.h].every(Number.isFinite) || rect.w <= 0 || rect.h <= 0) {
            result.codings.notPlaced++ // no text found and no usable box
            continue
          }
          // The same area again (a project imported twice) is not added twice: text codings
          // join by themselves, areas are compared to within the 2 points whole-point boxes may add.
          const near = (a: number, b: number, size: number) => Math.abs(a - b) * size <= 2
          const same = codings.list({ documentId: p.documentId, codeIds: [codeId], coderIds: [coderId] }).some((k) => {
            const r = k.kind === 'area' ? k.rects[0] : undefined
            return r !== undefined && r.page === p.page && near(r.x, rect.x, page.width) && near(r.y, rect.y, page.height) && near(r.w, rect.w, page.width) && near(r.h, rect.h, page.height)
          })
          if (same) continue
          codings.createArea({ documentId: p.documentId, codeId, coderId, page: p.page, rect, ...(p.memo ? { memo: p.memo } : {}) })
          result.codings.area++
        }
      }
      return result
    })
  }
}

/** A variable's name by its GUID. */
function variableName(project: unknown, guid: string): string | undefined {
  const v = list(child(child(project, 'Variables'), 'Variable')).find((x) => guidKey(x['@guid']) === guid)
  const name = String(v?.['@name'] ?? '').trim()
  return name === '' ? undefined : name
}

/**
 * Where `wanted` stands in `page` (start, end in the page text), comparing white space loosely:
 * a line break for a space, none where another program ran words together; null when it is not
 * there. White space at either end of `wanted` is matched too, as far as the page has it, so
 * that a selection that starts with a space starts there. Of several places, the first that
 * starts a word (not "art" inside "Start"), else the first. Linear: both texts are compared
 * without their white space, by index, with a map back to the page.
 */
export function findOnPage(page: string, wanted: string): [number, number] | null {
  const bare = wanted.replace(/\s+/g, '')
  if (bare === '') return null
  let squeezed = ''
  const at: number[] = [] // page offset of each character of `squeezed`
  for (let i = 0; i < page.length; i++) {
    if (/\s/.test(page[i]!)) continue
    squeezed += page[i]
    at.push(i)
  }
  const startsWord = (k: number) => k === 0 || !/[\p{L}\p{N}]/u.test(page[at[k]! - 1] ?? ' ') || !/[\p{L}\p{N}]/u.test(bare[0]!)
  let k = squeezed.indexOf(bare)
  const first = k
  while (k >= 0 && !startsWord(k)) k = squeezed.indexOf(bare, k + 1)
  if (k < 0) k = first
  if (k < 0) return null
  let start = at[k]!
  let end = at[k + bare.length - 1]! + 1
  const lead = wanted.length - wanted.trimStart().length
  const trail = wanted.length - wanted.trimEnd().length
  for (let i = 0; i < lead && start > 0 && /\s/.test(page[start - 1]!); i++) start--
  for (let i = 0; i < trail && end < page.length && /\s/.test(page[end]!); i++) end++
  return [start, end]
}
