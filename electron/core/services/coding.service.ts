import type Database from 'better-sqlite3'
import { pageSpan, quoteWithContext, rectsForRange, type PageRect } from '../../../shared/anchoring'
import { WerkbankError } from '../../../shared/errors'
import type { Coding, CodingOrigin, CodingRow, PageInfo } from '../../../shared/types'
import type { CodesRepo } from '../repos/codes.repo'
import type { CodersRepo } from '../repos/coders.repo'
import { CodingsRepo, type CodingFilter } from '../repos/codings.repo'
import type { DocumentsRepo } from '../repos/documents.repo'
import type { History } from './history.service'
import { checkOwnership, leadLabel, type Actor, type Ownership } from './ownership'

export interface NewTextCoding {
  documentId: number
  codeId: number
  coderId: number
  start: number
  end: number
  memo?: string
  /** How it was made (default: a selection on the page) and with what. */
  origin?: CodingOrigin
  originDetail?: string
}

export interface NewAreaCoding {
  documentId: number
  codeId: number
  coderId: number
  page: number
  rect: { x: number; y: number; w: number; h: number }
  memo?: string
  origin?: CodingOrigin
  originDetail?: string
}

export interface CodingChange {
  codeId?: number
  start?: number
  end?: number
  memo?: string
}

interface DocText {
  text: string
  pages: PageInfo[]
  starts: number[]
}

/**
 * Codings: passages of a document's canonical text (or areas of a page) tagged with a code by
 * a coder. The quote is always cut from the canonical text. A coder applying the same code to
 * an overlapping or touching passage gets one, longer coding (as in MAXQDA).
 */
export class CodingService {
  readonly codings: CodingsRepo
  // A document's text never changes after import, so it is read once per session.
  private readonly texts = new Map<number, DocText>()

  constructor(
    db: Database.Database,
    private readonly documents: DocumentsRepo,
    private readonly codes: CodesRepo,
    private readonly coders: CodersRepo,
    private readonly history: History,
  ) {
    this.codings = new CodingsRepo(db)
  }

  list(filter: CodingFilter = {}): CodingRow[] {
    const paths = new Map(this.codes.list().map((c) => [c.id, c.path]))
    return this.codings.list(filter).map((c) => ({ ...c, codePath: paths.get(c.codeId) ?? '' }))
  }

  get(id: number): Coding {
    const coding = this.codings.get(id)
    if (!coding) throw new WerkbankError('coding-not-found', { codingId: id })
    return coding
  }

  create(input: NewTextCoding): Coding {
    return this.history.record('coding-create', { codeId: input.codeId }, () => {
      this.checkRefs(input.documentId, input.codeId, input.coderId)
      const doc = this.docText(input.documentId)
      this.checkRange(doc, input.start, input.end)
      const id = this.codings.insert({
        documentId: input.documentId,
        codeId: input.codeId,
        coderId: input.coderId,
        kind: 'text',
        memo: input.memo ?? '',
        origin: input.origin ?? 'selection',
        originDetail: input.originDetail ?? '',
        ...this.anchor(doc, input.start, input.end),
      })
      return this.get(this.coalesce(id))
    })
  }

  /** Finds `quote` in the document and codes it; the quote must occur exactly once. */
  createByQuote(input: Omit<NewTextCoding, 'start' | 'end'> & { quote: string }): Coding {
    this.checkRefs(input.documentId, input.codeId, input.coderId)
    const { text } = this.docText(input.documentId)
    const hits: number[] = []
    for (let i = text.indexOf(input.quote); i !== -1 && input.quote !== ''; i = text.indexOf(input.quote, i + 1)) hits.push(i)
    const short = input.quote.length > 60 ? input.quote.slice(0, 57) + '…' : input.quote
    if (hits.length === 0) throw new WerkbankError('coding-quote-not-found', { quote: short, documentId: input.documentId })
    if (hits.length > 1) throw new WerkbankError('coding-quote-ambiguous', { quote: short, documentId: input.documentId, count: hits.length })
    return this.create({ origin: 'cli', ...input, start: hits[0]!, end: hits[0]! + input.quote.length })
  }

  createArea(input: NewAreaCoding): Coding {
    return this.history.record('coding-create', { codeId: input.codeId }, () => {
      this.checkRefs(input.documentId, input.codeId, input.coderId)
      const doc = this.docText(input.documentId)
      const page = doc.pages[input.page - 1]
      if (!page) throw new WerkbankError('page-not-found', { documentId: input.documentId, page: input.page })
      const r = input.rect
      // The text inside the area (items whose centre lies in it) serves as its quote.
      const inside = page.boxes.filter(([, , x, y, w, h]) => {
        const cx = x + w / 2
        const cy = y + h / 2
        return cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h
      })
      const quote = inside.map(([s, len]) => page.text.slice(s, s + len)).join(' ')
      const id = this.codings.insert({
        documentId: input.documentId,
        codeId: input.codeId,
        coderId: input.coderId,
        kind: 'area',
        start: page.startOffset,
        end: page.startOffset,
        quote,
        prefix: '',
        suffix: '',
        pageFrom: input.page,
        pageTo: input.page,
        rects: [{ page: input.page, ...r }],
        memo: input.memo ?? '',
        origin: input.origin ?? 'area',
        originDetail: input.originDetail ?? '',
      })
      return this.get(id)
    })
  }

  /**
   * Recode, resize or re-memo a coding. Only its coder may, unless `by` acts as lead (then the
   * undo step says so and names both) or is the system.
   */
  update(id: number, change: CodingChange, by: Actor): Coding {
    const [label, params] = leadLabel('coding-update', { codingId: id }, this.owned(id, by))
    return this.history.record(label, params, () => {
      const coding = this.get(id)
      if (change.codeId !== undefined && !this.codes.exists(change.codeId)) {
        throw new WerkbankError('code-not-found', { codeId: change.codeId })
      }
      let next: Coding = { ...coding, codeId: change.codeId ?? coding.codeId, memo: change.memo ?? coding.memo }
      if (coding.kind === 'text' && (change.start !== undefined || change.end !== undefined)) {
        const doc = this.docText(coding.documentId)
        const start = change.start ?? coding.start
        const end = change.end ?? coding.end
        this.checkRange(doc, start, end)
        next = { ...next, ...this.anchor(doc, start, end) }
      }
      this.codings.update(next)
      return this.get(this.coalesce(id))
    })
  }

  /** Deletes a coding: only its coder, a lead or the system may (see {@link update}). */
  remove(id: number, by: Actor): void {
    const [label, params] = leadLabel('coding-delete', { codingId: id }, this.owned(id, by))
    this.history.record(label, params, () => {
      this.codings.remove(id)
    })
  }

  /** Whether `by` may change coding `id`, and how (throws when not, or when there is no such coding). */
  private owned(id: number, by: Actor): Ownership {
    const coding = this.get(id)
    return checkOwnership(by, coding.coderId, (c) => this.coders.get(c)?.name, 'coding', { codingId: id })
  }

  /**
   * Joins a text coding with the codings of the same code and coder that it overlaps or
   * touches; returns the id of the coding that remains. Memos are kept, joined.
   */
  coalesce(id: number): number {
    const coding = this.get(id)
    if (coding.kind !== 'text') return id
    const group = this.codings.mergeable(coding.documentId, coding.codeId, coding.coderId, coding.start, coding.end)
    if (group.length <= 1) return id
    const keep = group.reduce((a, b) => (a.id < b.id ? a : b))
    const start = Math.min(...group.map((c) => c.start))
    const end = Math.max(...group.map((c) => c.end))
    const memo = [...new Set(group.map((c) => c.memo).filter((m) => m !== ''))].join('\n\n')
    const doc = this.docText(coding.documentId)
    for (const c of group) if (c.id !== keep.id) this.codings.remove(c.id)
    this.codings.update({ ...keep, memo, ...this.anchor(doc, start, end) })
    // The longer coding may now reach further neighbours.
    return this.coalesce(keep.id)
  }

  /** Forgets cached text of a deleted document. */
  forget(documentId: number): void {
    this.texts.delete(documentId)
  }

  private checkRefs(documentId: number, codeId: number, coderId: number): void {
    if (!this.documents.get(documentId)) throw new WerkbankError('document-not-found', { documentId })
    if (!this.codes.exists(codeId)) throw new WerkbankError('code-not-found', { codeId })
    if (!this.coders.get(coderId)) throw new WerkbankError('coder-not-found', { coderId })
  }

  private checkRange(doc: DocText, start: number, end: number): void {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start >= end) {
      throw new WerkbankError('coding-range-invalid', { start, end, length: doc.text.length })
    }
  }

  private anchor(doc: DocText, start: number, end: number) {
    const [pageFrom, pageTo] = pageSpan(doc.starts, start, end)
    const rects: PageRect[] = []
    for (let p = pageFrom; p <= pageTo; p++) {
      const page = doc.pages[p - 1]!
      rects.push(...rectsForRange(p, page.boxes, start - page.startOffset, end - page.startOffset))
    }
    return { ...quoteWithContext(doc.text, start, end), pageFrom, pageTo, rects, start, end }
  }

  docText(documentId: number): DocText {
    let doc = this.texts.get(documentId)
    if (!doc) {
      const pages = this.documents.pages(documentId)
      if (pages.length === 0 && !this.documents.get(documentId)) throw new WerkbankError('document-not-found', { documentId })
      doc = { text: this.documents.text(documentId), pages, starts: pages.map((p) => p.startOffset) }
      this.texts.set(documentId, doc)
    }
    return doc
  }
}
