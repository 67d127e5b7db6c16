/**
 * A REFI-QDA project (.qdpx) into the study: its PDFs with their codings, its codebook, its
 * coders, and its cases with their attributes — what qdpx-export.ts writes, and what ATLAS.ti,
 * MAXQDA or NVivo write for PDF sources.
 *
 * - Each PDFSource whose file is in the zip is imported like any PDF (the same one twice is the
 *   study's existing document); a TextSource's text (its file, or its PlainTextContent) is laid
 *   out as PDF pages first; a PictureSource (JPEG, PNG) becomes a one-page PDF of the picture,
 *   turned as its EXIF orientation says (pdf/picture-to-pdf.ts), its PictureSelections (pixels
 *   from the top left of the turned picture, 10.4) areas of that page, and the picture is kept
 *   with the document for the export. A file is found by `internal://NAME`, a bare name or a
 *   relative path (qdpx-sources.ts); one outside the archive (`relative://`, `absolute://`) or
 *   missing is named in the report, as are sources of other kinds (audio, video) and pictures
 *   of other formats.
 * - A PDFSelection carries a page (from 0), a box in points and, from some programs, its text
 *   (a Representation; ATLAS.ti 9 gives none but names it after its first ~64 characters). The
 *   standard counts the box from the bottom left; older Werkbank exports counted from the top
 *   left. Which one a project uses is found by reading its boxes both ways against the pages
 *   (refi-pdf-boxes.ts) and reported. A box that covers the text it names becomes a text coding
 *   (the characters it covers, in text flow); only where no text fits does it become an area
 *   coding of the box. Pieces of one quotation on consecutive pages (one selection per page,
 *   as ATLAS.ti and the export write them) join into one coding.
 * - A Coding's creatingUser is the coder (by the Users' names); its NoteRef, the memo.
 *
 * The codebook, cases and codings come in as one undo step after the documents are imported
 * (documents are never an undo step, as with any import).
 */
import { WerkbankError } from '../../../shared/errors'
import type { PageInfo, QdpxImportResult } from '../../../shared/types'
import { normaliseItemText, PAGE_SEPARATOR } from '../../../shared/page-text'
import { projectXmlOfQdpx } from '../../../shared/qdpx'
import { pictureToPdf } from '../pdf/picture-to-pdf'
import { alignByLetters, drawn, textToPdf } from '../pdf/text-to-pdf'
import type { CaseService } from './case.service'
import type { CodebookService } from './codebook.service'
import type { CodingService } from './coding.service'
import type { DocumentService } from './document.service'
import type { MemoService } from './memo.service'
import type { History } from './history.service'
import { baseName, DEFAULT_MAX_BYTES, type ImportOptions, type ImportService } from './import.service'
import { archiveFiles, sourceFile, type SourceFile } from './qdpx-sources'
import { child, codesIn, parseRefiXml, type RefiCodeEntry } from './refi-codebook'
import { boxToRect, placeSelection, type Box, type BoxConvention, type Frac, type SelectionText } from './refi-pdf-boxes'

/** What every coding brought in by a project import records as its origin. */
const IMPORTED = { origin: 'import', originDetail: 'REFI-QDA' } as const
import type { DocumentsRepo } from '../repos/documents.repo'

export { findOnPage } from './refi-pdf-boxes'

/** The coder for codings whose creator the project does not name. */
export const UNKNOWN_CODER = 'REFI-QDA import'

type Node = Record<string, unknown>
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : [])
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof (v as Node | undefined)?.['#text'] === 'string' ? ((v as Node)['#text'] as string) : '')
const guidKey = (g: unknown) => String(g ?? '').toLowerCase().replace(/[{}]/g, '')
const num = (v: unknown) => Number(v)

/** What reading a project found, for placing its codebook, cases, codings and memos. */
interface ReadProject {
  project: unknown
  codes: RefiCodeEntry[]
  /** Source GUID → the document it became. */
  documentOf: Map<string, number>
  pdfs: Node[]
  texts: Node[]
  pictures: Node[]
  /** Picture source GUID → its size in pixels as shown, in which its selections count. */
  pictureSizes: Map<string, { width: number; height: number }>
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

    // Audio and video are named, not read.
    for (const kind of ['AudioSource', 'VideoSource']) {
      for (const s of list(child(sources, kind))) result.skipped.push({ name: String(s['@name'] ?? kind), reason: 'not-supported' })
    }

    // 1. The documents, each imported like any PDF (outside the undo step): PDF sources as they
    //    are, text sources laid out as PDF pages first.
    const pdfs = list(child(sources, 'PDFSource'))
    const texts = list(child(sources, 'TextSource'))
    const pictures = list(child(sources, 'PictureSource'))
    // Every coding must name a code the project defines: checked before anything is imported.
    const defined = new Set(codes.map((c) => c.guid))
    const allCodings = [
      ...pdfs.flatMap((s) => list(s.PDFSelection).flatMap((sel) => list(sel.Coding))),
      ...texts.flatMap((s) => list(s.PlainTextSelection).flatMap((sel) => list(sel.Coding))),
      ...pictures.flatMap((s) => [...list(s.Coding), ...list(s.PictureSelection).flatMap((sel) => list(sel.Coding))]),
    ]
    const dangling = allCodings.map((k) => guidKey(child(k.CodeRef, '@targetGUID'))).find((g) => !defined.has(g))
    if (dangling !== undefined) throw new WerkbankError('codebook-import-invalid', { detail: `a coding refers to code ${dangling}, which the project does not define` })

    // Where each source's file is: in the archive (internal://, a bare name, a relative path) or
    // outside it (relative://, absolute://), which an import cannot reach.
    const where = new Map<Node, SourceFile | undefined>([
      ...pdfs.map((s) => [s, sourceFile(s['@path'])] as const),
      ...texts.map((s) => [s, sourceFile(s['@plainTextPath'])] as const),
      ...pictures.map((s) => [s, sourceFile(s['@path'])] as const),
    ])
    const keys = new Set([...where.values()].flatMap((w) => (w && 'inside' in w ? [w.inside] : [])))
    const files = archiveFiles(bytes, keys, DEFAULT_MAX_BYTES)
    const fileOf = (s: Node) => {
      const w = where.get(s)
      return w && 'inside' in w ? files.get(w.inside) : undefined
    }
    /** Why a source's file is not there: outside the archive, or missing from it. */
    const missing = (s: Node, fallback: string) => {
      const w = where.get(s)
      const name = String(s['@name'] ?? fallback)
      result.skipped.push(w && 'outside' in w ? { name, reason: 'file-missing', detail: `outside the archive: ${w.outside}` } : { name, reason: 'file-missing', ...(w ? { detail: String(s['@path'] ?? s['@plainTextPath']) } : {}) })
    }
    const documentOf = new Map<string, number>() // source GUID → document
    const added: number[] = [] // documents this import brought in
    const take = async (s: Node, pdf: Uint8Array, picture?: ImportOptions['picture']): Promise<number | undefined> => {
      const name = String(s['@name'] ?? 'PDF')
      // A picture keeps its own file name ("cornflakes.jpg"), its title without the extension.
      const file = picture || name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`
      const outcome = await this.deps.importer.importBytes(file, pdf, { title: picture ? baseName(name) : name.replace(/\.pdf$/i, ''), ...(picture ? { picture } : {}) })
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
      const data = fileOf(s)
      if (data) await take(s, data)
      else missing(s, 'PDF')
    }
    // A text source's codings count its characters (UTF-16, as NVivo writes them; the byte-order
    // mark not counted): they are carried to the laid-out pages by their letters.
    const textPlaces = new Map<string, (start: number, end: number) => [number, number] | null>()
    for (const s of texts) {
      const name = String(s['@name'] ?? 'text')
      // The text itself in the project (PlainTextContent), or a file in the archive.
      const inline = child(s, 'PlainTextContent')
      const data = inline === undefined ? fileOf(s) : undefined
      const content = inline !== undefined ? text(inline) : data ? new TextDecoder('utf-8').decode(data) : undefined
      if (content === undefined) {
        missing(s, 'text')
        continue
      }
      const documentId = await take(s, await textToPdf(content, name))
      if (documentId === undefined) continue
      const align = alignByLetters(content, this.deps.documents.text(documentId), drawn)
      if (align) textPlaces.set(guidKey(s['@guid']), align)
      // Only a source with codings has codings to lose.
      else if (list(s.PlainTextSelection).some((sel) => list(sel.Coding).length > 0)) result.skipped.push({ name, reason: 'codings-not-placed' })
    }

    // A picture (JPEG, PNG) as a one-page PDF of it, turned upright; another format is named.
    const pictureSizes = new Map<string, { width: number; height: number }>()
    for (const s of pictures) {
      const data = fileOf(s)
      if (!data) {
        missing(s, 'picture')
        continue
      }
      const made = await pictureToPdf(data).catch(() => undefined)
      if (!made) {
        result.skipped.push({ name: String(s['@name'] ?? 'picture'), reason: 'not-supported', detail: 'not a JPEG or PNG picture Werkbank can read' })
        continue
      }
      const documentId = await take(s, made.pdf, { mediaType: made.mediaType, width: made.width, height: made.height, bytes: data })
      if (documentId !== undefined) pictureSizes.set(guidKey(s['@guid']), { width: made.width, height: made.height })
    }

    // Every coding that cannot come in is counted: those of sources not imported (a missing
    // file, a kind Werkbank does not code) and of a text whose codings could not be placed.
    for (const kind of ['PDFSource', 'TextSource', 'PictureSource', 'AudioSource', 'VideoSource']) {
      for (const s of list(child(sources, kind))) {
        const guid = guidKey(s['@guid'])
        if (!documentOf.has(guid) || (kind === 'TextSource' && !textPlaces.has(guid))) result.codings.notPlaced += codingsOf(s)
      }
    }

    // 2. Codebook, cases and codings: one undo step.
    /** The notes a Coding or its selection refers to, as one memo. */
    const memoOf = (k: Node, sel: Node) =>
      list(k.NoteRef).concat(list(sel.NoteRef)).map((r) => notes.get(guidKey(r['@targetGUID']))?.text ?? '').filter(Boolean).join('\n\n')
    try {
      return this.place({ project, codes, documentOf, pdfs, texts, pictures, pictureSizes, textPlaces, users, memoOf, notes }, result)
    } catch (e) {
      // The undo step rolled back; the documents it was for go too, so a failed import leaves
      // the study as it was. (They have no codings and no history yet.)
      for (const id of added) this.deps.discardDocument(id)
      throw e
    }
  }

  /** Codebook, cases and codings of the project: one undo step. */
  private place(read: ReadProject, result: QdpxImportResult): QdpxImportResult {
    const { project, codes, documentOf, pdfs, texts, pictures, textPlaces, users, memoOf, notes } = read
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
      for (const s of [...pdfs, ...texts, ...pictures]) {
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
            codings.create({ ...IMPORTED, documentId, codeId, coderId, start: range[0], end: range[1], ...(memo ? { memo } : {}) })
            result.codings.text++
          }
        }
      }

      this.placePdfSelections(read, codeOf, result)
      this.placePictureSelections(read, codeOf, result)
      return result
    })
  }

  /**
   * The PDF selections as codings (inside the undo step). First the project's convention: the
   * boxes are read both ways against their pages, and the one under which more of them cover the
   * text they name (a Representation's text, or the name) wins; the standard's bottom-left on a
   * tie. Then each selection: a text coding where it names its text and the box covers it, or
   * where it names nothing and the box covers text; an area otherwise. In a project that gives
   * its text selections a Representation (Werkbank, ATLAS.ti 8), one without is an area. Pieces
   * of one quotation on consecutive pages (ATLAS.ti writes one selection per page, all named
   * after the quotation's start) join into one coding.
   */
  private placePdfSelections(read: ReadProject, codeOf: Map<string, number>, result: QdpxImportResult): void {
    const { project, pdfs, documentOf, users, memoOf } = read
    const { codings } = this.deps
    const selections: Selection[] = []
    for (const s of pdfs) {
      const documentId = documentOf.get(guidKey(s['@guid']))
      if (documentId === undefined) continue
      for (const sel of list(s.PDFSelection)) {
        const coded = list(sel.Coding).map((k) => ({
          codeId: codeOf.get(guidKey(child(k.CodeRef, '@targetGUID')))!, // checked before the import
          coder: users.get(guidKey(k['@creatingUser'] ?? sel['@creatingUser'])) || UNKNOWN_CODER,
          memo: memoOf(k, sel),
        }))
        if (coded.length === 0) continue
        selections.push({
          documentId,
          page: num(sel['@page']) + 1,
          box: [num(sel['@firstX']), num(sel['@firstY']), num(sel['@secondX']), num(sel['@secondY'])],
          name: String(sel['@name'] ?? '').replace(/\s+/g, ' ').trim(),
          representation: text(child(sel.Representation, 'PlainTextContent')),
          codings: coded,
        })
      }
    }
    if (selections.length === 0) return

    const pagesOf = new Map<number, ReturnType<DocumentsRepo['pages']>>()
    const pages = (documentId: number) => {
      let p = pagesOf.get(documentId)
      if (!p) pagesOf.set(documentId, (p = this.deps.documents.pages(documentId)))
      return p
    }
    const pageOf = (x: Selection) => pages(x.documentId).find((p) => p.pageNo === x.page)
    const withRepresentation = selections.some((x) => x.representation.trim() !== '')
    const werkbank = /^werkbank\b/i.test(String(child(project, '@origin') ?? ''))
    /** What a selection says its text is; 'area' for one that is an area by the project's habit. */
    const said = (x: Selection): SelectionText | 'area' | null =>
      x.representation.trim() !== '' ? { text: x.representation, from: 'representation' }
        : withRepresentation || werkbank ? 'area'
          : x.name !== '' ? { text: x.name, from: 'name' }
            : null
    const placeAs = (x: Selection, convention: BoxConvention) => {
      const page = pageOf(x)
      const s = said(x)
      if (!page || s === 'area') return undefined
      return placeSelection(page, x.box, convention, s)
    }

    const fitting = (convention: BoxConvention) => selections.filter((x) => placeAs(x, convention)?.fits).length
    const convention: BoxConvention = fitting('top-left') > fitting('bottom-left') ? 'top-left' : 'bottom-left'
    result.pdfBoxes = convention

    // Each selection where it falls; then the pieces of a quotation joined, page after page.
    const placed = selections.map((x) => ({ x, page: pageOf(x), at: placeAs(x, convention) }))
    const startsWithName = (x: Selection) => {
      const name = bare(x.name.replace(/(…|\.\.\.)$/, ''))
      const own = bare(x.representation)
      const k = Math.min(16, name.length, own.length)
      return k > 0 && own.slice(0, k) === name.slice(0, k)
    }
    /** A piece that goes on from the page before: its own text is not where its name starts. */
    const continues = (p: (typeof placed)[number]) =>
      p.x.name !== '' && (p.x.representation.trim() !== '' ? !startsWithName(p.x) : p.at !== undefined && !p.at.fits && p.at.flow !== null)
    const key = (x: Selection) => `${x.documentId}\u0000${x.name}\u0000${x.codings.map((k) => `${k.codeId}/${k.coder}`).sort().join(',')}`
    const chains: (typeof placed)[] = []
    const open = new Map<string, (typeof placed)>()
    for (const p of [...placed].sort((a, b) => a.x.page - b.x.page)) {
      const chain = open.get(key(p.x))
      if (chain && chain[chain.length - 1]!.x.page === p.x.page - 1 && continues(p)) {
        chain.push(p)
        continue
      }
      const fresh = [p]
      chains.push(fresh)
      if (p.x.name !== '') open.set(key(p.x), fresh)
    }

    /** The text a piece covers: its range, or for a piece that goes on, what its box covers. */
    const range = (p: (typeof placed)[number], i: number) => (i > 0 && !p.at?.fits ? p.at?.flow : p.at?.range) ?? null
    for (const chain of chains) {
      const ranges = chain.map(range)
      if (chain.length > 1 && ranges.every((r) => r !== null)) {
        const first = chain[0]!
        const last = chain[chain.length - 1]!
        const start = first.page!.startOffset + ranges[0]![0]
        const end = last.page!.startOffset + ranges[ranges.length - 1]![1]
        for (const k of first.x.codings) {
          const coderId = this.deps.ensureCoder(k.coder).id
          codings.create({ ...IMPORTED, documentId: first.x.documentId, codeId: k.codeId, coderId, start, end, ...(k.memo ? { memo: k.memo } : {}) })
          result.codings.text++
        }
        continue
      }
      // Not all text: each piece on its own, a piece that went on from a quotation not found
      // being an area too.
      for (const p of chain) this.placePiece(p.x, p.page, p.at?.range ?? null, p.at?.rect ?? (p.page ? boxToRect(p.x.box, p.page, convention) : undefined), result)
    }
  }

  /**
   * A picture's selections as areas of its page: pixels from the top left of the picture as
   * shown (EXIF orientation applied), as fractions of its size; a Coding on the picture itself
   * is an area of the whole picture.
   */
  private placePictureSelections(read: ReadProject, codeOf: Map<string, number>, result: QdpxImportResult): void {
    const { pictures, pictureSizes, documentOf, users, memoOf } = read
    for (const s of pictures) {
      const guid = guidKey(s['@guid'])
      const documentId = documentOf.get(guid)
      const size = pictureSizes.get(guid)
      if (documentId === undefined || size === undefined) continue
      const page = this.deps.documents.page(documentId, 1)
      const coded = (codings: Node[], sel: Node) => codings.map((k) => ({
        codeId: codeOf.get(guidKey(child(k.CodeRef, '@targetGUID')))!, // checked before the import
        coder: users.get(guidKey(k['@creatingUser'] ?? sel['@creatingUser'])) || UNKNOWN_CODER,
        memo: memoOf(k, sel),
      }))
      const area = (sel: Node, codings: ReturnType<typeof coded>, rect: Frac) =>
        this.placePiece({ documentId, page: 1, box: [0, 0, 0, 0], name: String(sel['@name'] ?? ''), representation: '', codings }, page, null, rect, result)
      const whole = coded(list(s.Coding), {})
      if (whole.length > 0) area(s, whole, { x: 0, y: 0, w: 1, h: 1 })
      for (const sel of list(s.PictureSelection)) {
        const codings = coded(list(sel.Coding), sel)
        if (codings.length === 0) continue
        const [x0, y0, x1, y1] = [sel['@firstX'], sel['@firstY'], sel['@secondX'], sel['@secondY']].map(num) as [number, number, number, number]
        area(sel, codings, {
          x: Math.min(x0, x1) / size.width,
          y: Math.min(y0, y1) / size.height,
          w: Math.abs(x1 - x0) / size.width,
          h: Math.abs(y1 - y0) / size.height,
        })
      }
    }
  }

  /** One selection as a text coding of its range, else as an area of its box. */
  private placePiece(x: Selection, page: PageInfo | undefined, found: [number, number] | null, box: Frac | undefined, result: QdpxImportResult): void {
    const { codings } = this.deps
    for (const k of x.codings) {
      const coderId = this.deps.ensureCoder(k.coder).id
      const memo = k.memo ? { memo: k.memo } : {}
      if (!page || !box) {
        result.codings.notPlaced++ // a page the PDF does not have
        continue
      }
      if (found) {
        // A piece that ends its page takes the page break, so the next page's piece of the
        // same coding touches it and the two join (same code and coder: one coding).
        const endsPage = found[1] === page.text.length && page.pageNo < this.deps.documents.get(x.documentId)!.pageCount
        codings.create({ ...IMPORTED,
          documentId: x.documentId, codeId: k.codeId, coderId,
          start: page.startOffset + found[0],
          end: page.startOffset + found[1] + (endsPage ? PAGE_SEPARATOR.length : 0),
          ...memo,
        })
        result.codings.text++
        continue
      }
      const clamp = (v: number) => Math.min(1, Math.max(0, v))
      const rx = clamp(box.x)
      const ry = clamp(box.y)
      // Within the page: a box reaching past an edge is cut there.
      const rect = { x: rx, y: ry, w: Math.min(1 - rx, clamp(box.w)), h: Math.min(1 - ry, clamp(box.h)) }
      if (![rect.x, rect.y, rect.w, rect.h].every(Number.isFinite) || rect.w <= 0 || rect.h <= 0) {
        result.codings.notPlaced++ // no text and no usable box
        continue
      }
      // The same area again (a project imported twice) is not added twice: text codings
      // join by themselves, areas are compared to within the 2 points whole-point boxes may add.
      const near = (a: number, b: number, size: number) => Math.abs(a - b) * size <= 2
      const same = codings.list({ documentId: x.documentId, codeIds: [k.codeId], coderIds: [coderId] }).some((c) => {
        const r = c.kind === 'area' ? c.rects[0] : undefined
        return r !== undefined && r.page === x.page && near(r.x, rect.x, page.width) && near(r.y, rect.y, page.height) && near(r.w, rect.w, page.width) && near(r.h, rect.h, page.height)
      })
      if (same) continue
      codings.createArea({ ...IMPORTED, documentId: x.documentId, codeId: k.codeId, coderId, page: x.page, rect, ...memo })
      result.codings.area++
    }
  }
}

/** A PDFSelection as read. */
interface Selection {
  documentId: number
  page: number // 1-based
  box: Box
  /** White space collapsed. */
  name: string
  representation: string
  codings: { codeId: number; coder: string; memo: string }[]
}

/** An element that may occur once or more, as a list (the parser makes lists of some only). */
const many = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : typeof v === 'object' && v !== null ? [v as Node] : [])

/**
 * The codings of a source, wherever they hang: on the source, its selections, its text
 * representation's or a transcript's selections.
 */
function codingsOf(node: Node): number {
  let n = 0
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@')) continue
    if (key === 'Coding') n += many(value).length
    else for (const x of many(value)) n += codingsOf(x)
  }
  return n
}

/** A text without its white space, spelled as page text is. */
function bare(text: string): string {
  return normaliseItemText(text).replace(/\s+/g, '')
}

/** A variable's name by its GUID. */
function variableName(project: unknown, guid: string): string | undefined {
  const v = list(child(child(project, 'Variables'), 'Variable')).find((x) => guidKey(x['@guid']) === guid)
  const name = String(v?.['@name'] ?? '').trim()
  return name === '' ? undefined : name
}
