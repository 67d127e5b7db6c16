import type Database from 'better-sqlite3'
import { findQuote, pageSpan, quoteWithContext, rectsForRange, type PageRect } from '../../../shared/anchoring'
import { WerkbankError } from '../../../shared/errors'
import { PAGE_SEPARATOR, type ItemBox } from '../../../shared/page-text'
import type { Coding } from '../../../shared/types'
import type { OcrMode, OcrNote, OcrProgress, OcrRunResult } from '../../../shared/ocr-types'

export type { OcrNote, OcrProgress, OcrRunResult } from '../../../shared/ocr-types'
import type { OcrPageResult } from '../ocr/ocr-worker'
import { OcrCancelled, type OcrPool } from '../ocr/ocr-pool'
import type { DocumentsRepo } from '../repos/documents.repo'
import type { CodingService } from './coding.service'
import type { History } from './history.service'

/** A page with fewer letters than this has no usable text layer (as the importer counts). */
export const MIN_LETTERS = 50
/** A page read with a lower mean confidence is reported as hardly readable (a photo, a bad scan). */
export const LOW_CONFIDENCE = 60
export const DEFAULT_OCR_DPI = 300
export const DEFAULT_OCR_LANGS = 'nld+eng'
export const OCR_ENGINE = 'tesseract.js@7.0.0/4.0.0_best_int'

export interface OcrOptions {
  langs?: string
  dpi?: number
  /** Pages to read (1-based); default: those without a usable text layer. */
  pages?: number[]
  /** Read every page, text layer or not (the CLI's `ocr` on a document already read). */
  all?: boolean
  onProgress?: (p: OcrProgress) => void
  signal?: AbortSignal
}

const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0

interface PageRow {
  id: number
  page_no: number
  start_offset: number
  text: string
  items: string
  text_source: 'pdf' | 'ocr'
}

/**
 * Reads scanned pages as text (OCR) and makes the result the pages' canonical text, keeping
 * every coding: codings on unchanged pages move with their page, text codings on re-read pages
 * are found again by quote and context, and those that cannot be become areas of their old
 * boxes. Applying a result is one undo step (pages, document counts and codings are tracked).
 */
export class OcrService {
  private readonly running = new Map<number, AbortController>()
  private readonly s

  constructor(
    private readonly db: Database.Database,
    private readonly documents: DocumentsRepo,
    private readonly codingService: CodingService,
    private readonly history: History,
    private readonly pool: () => OcrPool,
  ) {
    this.s = {
      pages: db.prepare('SELECT id, page_no, start_offset, text, items, text_source FROM pages WHERE document_id = ? ORDER BY page_no'),
      setPage: db.prepare(`
        UPDATE pages SET start_offset = @start, text = @text, items = @items, text_source = @source, ocr_confidence = @confidence,
               ocr_word_confidence = @words, ocr_engine = @engine WHERE id = @id`),
      setStart: db.prepare('UPDATE pages SET start_offset = ? WHERE id = ?'),
      setCounts: db.prepare('UPDATE documents SET char_count = ?, has_text = ? WHERE id = ?'),
      clearUnits: db.prepare('DELETE FROM text_units WHERE document_id = ?'),
      // CodingsRepo.update leaves the kind alone: a text coding becomes an area only here.
      toArea: db.prepare("UPDATE codings SET kind = 'area' WHERE id = ?"),
    }
    // Undoing or redoing OCR puts other page texts back: their units follow.
    history.onReplay((label, params) => {
      if (label !== 'ocr-apply' || typeof params.documentId !== 'number') return
      this.rederiveUnits(params.documentId)
      this.codingService.forget(params.documentId)
    })
  }

  /**
   * Pages without a usable text layer: no letters, or fewer than MIN_LETTERS (read only if the
   * page paints an image, decided in the worker). Pages already read by OCR are not candidates.
   */
  candidates(documentId: number): { pages: number[]; onlyIfImages: Set<number> } {
    const rows = this.s.pages.all(documentId) as PageRow[]
    const pages: number[] = []
    const onlyIfImages = new Set<number>()
    for (const r of rows) {
      if (r.text_source === 'ocr') continue
      const n = letters(r.text)
      if (n >= MIN_LETTERS) continue
      pages.push(r.page_no)
      if (n > 0) onlyIfImages.add(r.page_no)
    }
    return { pages, onlyIfImages }
  }

  /** When import reads pages without a text layer: 'auto' (the default), 'ask' (the page offers it) or 'off'. */
  mode: OcrMode = 'auto'
  private background: Promise<unknown> = Promise.resolve()

  /**
   * After an import: in 'auto' mode, reads the new documents' pages without a text layer in the
   * background, one document after another (the document can be opened and area-coded
   * meanwhile); `done` gets each result or error.
   */
  afterImport(documentIds: number[], onProgress: (p: OcrProgress) => void, done: (documentId: number, r: OcrRunResult | unknown) => void): void {
    if (this.mode !== 'auto') return
    for (const id of documentIds) {
      if (this.candidates(id).pages.length === 0) continue
      this.background = this.background.then(() => this.run(id, { onProgress }).then((r) => done(id, r), (e) => done(id, e)))
    }
  }

  isRunning(documentId: number): boolean {
    return this.running.has(documentId)
  }

  /** Stops a run: no more pages are read and nothing is applied. False when none was running. */
  cancel(documentId: number): boolean {
    const c = this.running.get(documentId)
    c?.abort()
    return !!c
  }

  async run(documentId: number, options: OcrOptions = {}): Promise<OcrRunResult> {
    const started = performance.now()
    if (!this.documents.get(documentId)) throw new WerkbankError('document-not-found', { documentId })
    if (this.running.has(documentId)) throw new WerkbankError('ocr-running', { documentId })
    const controller = new AbortController()
    options.signal?.addEventListener('abort', () => controller.abort(), { once: true })
    this.running.set(documentId, controller)
    try {
      const rows = this.s.pages.all(documentId) as PageRow[]
      let pages: number[]
      let onlyIfImages = new Set<number>()
      if (options.pages) pages = options.pages.filter((p) => p >= 1 && p <= rows.length)
      else if (options.all) pages = rows.map((r) => r.page_no)
      else ({ pages, onlyIfImages } = this.candidates(documentId))
      const empty: OcrRunResult = { documentId, pagesRead: [], pagesChanged: [], meanConfidence: 0, notes: [], reanchored: 0, becameAreas: [], seconds: 0 }
      if (pages.length === 0) return empty
      const bytes = this.documents.bytes(documentId)
      if (!bytes) throw new WerkbankError('document-not-found', { documentId })
      const dpi = options.dpi ?? DEFAULT_OCR_DPI
      const langs = options.langs ?? DEFAULT_OCR_LANGS
      let results: OcrPageResult[]
      try {
        results = await this.pool().read(new Uint8Array(bytes), pages, {
          dpi, langs, onlyIfImages, signal: controller.signal,
          onPage: (r, done, total) => options.onProgress?.({ documentId, page: r.pageNo, done, total }),
        })
      } catch (e) {
        if (e instanceof OcrCancelled) throw new WerkbankError('ocr-cancelled', { documentId })
        throw new WerkbankError('ocr-failed', { documentId, detail: String((e as Error)?.message ?? e) })
      }
      // The document may have gone while its pages were read.
      if (!this.documents.get(documentId)) throw new WerkbankError('document-not-found', { documentId })
      const applied = this.apply(documentId, results, `${OCR_ENGINE} ${langs} ${dpi}dpi`)
      return { ...applied, documentId, seconds: Math.round((performance.now() - started) / 10) / 100 }
    } finally {
      this.running.delete(documentId)
    }
  }

  /**
   * Makes OCR results the text of their pages, in one transaction and one undo step. A page's
   * text layer is replaced only when the OCR found more letters than it has; an earlier OCR
   * reading by any reading with text.
   */
  apply(documentId: number, results: OcrPageResult[], engine: string): Omit<OcrRunResult, 'seconds' | 'documentId'> {
    const notes: OcrNote[] = []
    const read = results.filter((r) => !r.skipped)
    for (const r of read) {
      if (r.dpi === 0) notes.push({ page: r.pageNo, code: 'ocr-page-too-large', params: { page: r.pageNo, width: Math.round(r.width), height: Math.round(r.height) } })
      else if (letters(r.text) === 0) notes.push({ page: r.pageNo, code: 'ocr-page-blank', params: { page: r.pageNo } })
      else if (r.meanConfidence < LOW_CONFIDENCE) notes.push({ page: r.pageNo, code: 'ocr-page-unreadable', params: { page: r.pageNo, confidence: Math.round(r.meanConfidence) } })
    }
    return this.history.record('ocr-apply', { documentId }, () => {
      const rows = this.s.pages.all(documentId) as PageRow[]
      const byPage = new Map(read.map((r) => [r.pageNo, r]))
      const changed = new Set<number>()
      for (const r of rows) {
        const res = byPage.get(r.page_no)
        if (!res || res.dpi === 0) continue
        // A text layer gives way only to more text; an earlier reading to any new one with text.
        const n = letters(res.text)
        if (r.text_source === 'ocr' ? n > 0 : n > letters(r.text)) changed.add(r.page_no)
      }
      const oldStarts = rows.map((r) => r.start_offset)
      const oldBoxes = rows.map((r) => JSON.parse(r.items) as ItemBox[])
      const newTexts = rows.map((r) => (changed.has(r.page_no) ? byPage.get(r.page_no)!.text : r.text))
      const newBoxes = rows.map((r, i) => (changed.has(r.page_no) ? byPage.get(r.page_no)!.boxes : oldBoxes[i]!))
      const newStarts: number[] = []
      let offset = 0
      for (const t of newTexts) {
        newStarts.push(offset)
        offset += t.length + PAGE_SEPARATOR.length
      }
      const newText = newTexts.join(PAGE_SEPARATOR)
      rows.forEach((r, i) => {
        const res = byPage.get(r.page_no)
        if (changed.has(r.page_no) && res) {
          this.s.setPage.run({
            id: r.id, start: newStarts[i], text: res.text, items: JSON.stringify(res.boxes), source: 'ocr',
            confidence: res.meanConfidence, words: JSON.stringify(res.confidences), engine,
          })
        } else if (newStarts[i] !== r.start_offset) {
          this.s.setStart.run(newStarts[i], r.id)
        }
      })
      const textPages = newTexts.filter((t) => letters(t) >= MIN_LETTERS).length
      this.s.setCounts.run(newText.length, textPages * 2 >= rows.length ? 1 : 0, documentId)
      this.rederiveUnits(documentId)

      // Codings: moved with their page, found again, or kept as areas of their old boxes.
      const pageOf = (o: number) => pageSpan(oldStarts, o, o + 1)[0]
      const rectsFor = (start: number, end: number): { pageFrom: number; pageTo: number; rects: PageRect[] } => {
        const [pageFrom, pageTo] = pageSpan(newStarts, start, end)
        const rects: PageRect[] = []
        for (let p = pageFrom; p <= pageTo; p++) rects.push(...rectsForRange(p, newBoxes[p - 1]!, start - newStarts[p - 1]!, end - newStarts[p - 1]!))
        return { pageFrom, pageTo, rects }
      }
      const areaQuote = (rects: PageRect[]) =>
        rects.map((r) => (newBoxes[r.page - 1] ?? [])
          .filter(([, , x, y, w, h]) => x + w / 2 >= r.x && x + w / 2 <= r.x + r.w && y + h / 2 >= r.y && y + h / 2 <= r.y + r.h)
          .map(([s, len]) => newTexts[r.page - 1]!.slice(s, s + len).trim()).join(' ')).join(' ')
      let reanchored = 0
      const becameAreas: { codingId: number; quote: string }[] = []
      for (const c of this.codingService.codings.forDocument(documentId)) {
        let next: Coding
        const touches = (() => {
          for (let p = c.pageFrom; p <= c.pageTo; p++) if (changed.has(p)) return true
          return false
        })()
        if (c.kind === 'area') {
          const page = c.pageFrom
          next = { ...c, start: newStarts[page - 1]!, end: newStarts[page - 1]!, quote: touches ? areaQuote(c.rects) : c.quote }
        } else if (!touches) {
          // Moves with its pages: the same characters, at their new offsets.
          const p = pageOf(c.start)
          const shift = newStarts[p - 1]! - oldStarts[p - 1]!
          const start = c.start + shift
          const end = c.end + shift
          next = { ...c, start, end, ...quoteWithContext(newText, start, end), ...rectsFor(start, end) }
        } else {
          const near = c.start - oldStarts[c.pageFrom - 1]! + newStarts[c.pageFrom - 1]!
          const hit = findQuote(newText, c.quote, { prefix: c.prefix, suffix: c.suffix, near })
          if (hit) {
            reanchored++
            next = { ...c, ...hit, ...quoteWithContext(newText, hit.start, hit.end), ...rectsFor(hit.start, hit.end) }
          } else {
            // Not placed: kept where it was drawn, as an area of its old boxes; nothing is lost.
            becameAreas.push({ codingId: c.id, quote: c.quote })
            const start = newStarts[c.pageFrom - 1]!
            next = { ...c, kind: 'area', start, end: start, quote: areaQuote(c.rects), prefix: '', suffix: '' }
          }
        }
        if (next.kind === 'area' && c.kind === 'text') this.s.toArea.run(c.id)
        if (JSON.stringify(next) !== JSON.stringify(c)) this.codingService.codings.update(next)
      }
      this.codingService.forget(documentId)
      const confidences = [...changed].map((p) => byPage.get(p)!)
      const chars = confidences.reduce((n, r) => n + r.text.length, 0)
      const mean = chars === 0 ? 0 : confidences.reduce((n, r) => n + r.meanConfidence * r.text.length, 0) / chars
      return {
        pagesRead: read.map((r) => r.pageNo),
        pagesChanged: [...changed].sort((a, b) => a - b),
        meanConfidence: Math.round(mean * 10) / 10,
        notes,
        reanchored,
        becameAreas,
      }
    })
  }

  private rederiveUnits(documentId: number): void {
    this.s.clearUnits.run(documentId)
    const pages = this.documents.pages(documentId)
    this.documents.units.insertForDocument(documentId, pages.map((p) => ({ start: p.startOffset, text: p.text, boxes: p.boxes })))
  }
}
