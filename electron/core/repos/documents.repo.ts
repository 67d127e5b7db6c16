import type Database from 'better-sqlite3'
import type { DocumentSummary, PageGeometry, PageInfo } from '../../../shared/types'
import { PAGE_SEPARATOR, type ItemBox } from '../../../shared/page-text'
import { TextUnitsRepo } from './text-units.repo'

interface DocRow {
  id: number
  case_id: number | null
  case_name: string | null
  title: string
  pdf_title: string | null
  file_name: string
  sha256: string
  byte_size: number
  page_count: number
  char_count: number
  has_text: number
  imported_at: string
  coding_count: number
}

export interface NewDocument {
  caseId: number | null
  title: string
  /** The PDF's Title metadata ('' when it has none), kept to offer on renaming. */
  pdfTitle: string
  fileName: string
  sha256: string
  bytes: Uint8Array
  hasText: boolean
  extractor: string
  pages: { text: string; width: number; height: number; boxes: ItemBox[]; geometry?: PageGeometry }[]
  /** The picture the PDF was made of (a REFI-QDA PictureSource), kept for the export. */
  picture?: DocumentPicture
}

/** A picture a document was made of: its bytes, kind and size in pixels as shown. */
export interface DocumentPicture {
  mediaType: 'image/jpeg' | 'image/png'
  width: number
  height: number
  bytes: Uint8Array
}

const SUMMARY = `
  SELECT d.id, d.case_id, c.name AS case_name, d.title, d.pdf_title, d.file_name, d.sha256, d.byte_size, d.page_count,
         d.char_count, d.has_text, d.imported_at,
         (SELECT count(*) FROM codings k WHERE k.document_id = d.id) AS coding_count
  FROM documents d LEFT JOIN cases c ON c.id = d.case_id`

/** SQL for documents, their PDF bytes and their pages. */
export class DocumentsRepo {
  private readonly s

  /** Sentences, paragraphs and pages, written with the pages they come from. */
  readonly units: TextUnitsRepo

  constructor(private readonly db: Database.Database) {
    this.units = new TextUnitsRepo(db)
    this.s = {
      list: db.prepare(`${SUMMARY} ORDER BY c.sort_order, c.name, d.id`),
      get: db.prepare(`${SUMMARY} WHERE d.id = ?`),
      bySha: db.prepare('SELECT id FROM documents WHERE sha256 = ?').pluck(),
      titles: db.prepare('SELECT title FROM documents').pluck(),
      insert: db.prepare(`
        INSERT INTO documents (case_id, title, pdf_title, file_name, sha256, byte_size, page_count, char_count, has_text, extractor, imported_at)
        VALUES (@caseId, @title, @pdfTitle, @fileName, @sha256, @byteSize, @pageCount, @charCount, @hasText, @extractor, @importedAt)`),
      insertFile: db.prepare('INSERT INTO document_files (document_id, bytes) VALUES (?, ?)'),
      insertPicture: db.prepare('INSERT INTO document_pictures (document_id, media_type, width, height, bytes) VALUES (?, ?, ?, ?, ?)'),
      picture: db.prepare('SELECT media_type AS mediaType, width, height, bytes FROM document_pictures WHERE document_id = ?'),
      insertPage: db.prepare(`
        INSERT INTO pages (document_id, page_no, start_offset, text, width, height, items, view_x, view_y, media_x, media_y, rotate)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      pageTexts: db.prepare('SELECT text FROM pages WHERE document_id = ? ORDER BY page_no').pluck(),
      pageStarts: db.prepare('SELECT start_offset FROM pages WHERE document_id = ? ORDER BY page_no').pluck(),
      pages: db.prepare(`SELECT ${PAGE_COLUMNS} FROM pages WHERE document_id = ? ORDER BY page_no`),
      page: db.prepare(`SELECT ${PAGE_COLUMNS} FROM pages WHERE document_id = ? AND page_no = ?`),
      bytes: db.prepare('SELECT bytes FROM document_files WHERE document_id = ?').pluck(),
      setCase: db.prepare('UPDATE documents SET case_id = ? WHERE id = ?'),
      setTitle: db.prepare('UPDATE documents SET title = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM documents WHERE id = ?'),
    }
  }

  list(): DocumentSummary[] {
    return (this.s.list.all() as DocRow[]).map(toSummary)
  }

  get(id: number): DocumentSummary | undefined {
    const row = this.s.get.get(id) as DocRow | undefined
    return row ? toSummary(row) : undefined
  }

  idBySha(sha256: string): number | undefined {
    return this.s.bySha.get(sha256) as number | undefined
  }

  /**
   * `title`, or `title (2)`, `title (3)`… : the first that no document of the study has yet
   * (compared without regard to case), so that two documents never silently share a name.
   */
  freeTitle(title: string): string {
    const taken = new Set((this.s.titles.all() as string[]).map((t) => t.toLocaleLowerCase()))
    if (!taken.has(title.toLocaleLowerCase())) return title
    for (let n = 2; ; n++) {
      const candidate = `${title} (${n})`
      if (!taken.has(candidate.toLocaleLowerCase())) return candidate
    }
  }

  /** Inserts a document with its bytes and pages; the caller wraps it in a transaction. */
  insert(doc: NewDocument): number {
    let offset = 0
    const starts = doc.pages.map((p) => {
      const start = offset
      offset += p.text.length + PAGE_SEPARATOR.length
      return start
    })
    const charCount = Math.max(0, offset - PAGE_SEPARATOR.length)
    const id = Number(
      this.s.insert.run({
        caseId: doc.caseId,
        title: doc.title,
        pdfTitle: doc.pdfTitle,
        fileName: doc.fileName,
        sha256: doc.sha256,
        byteSize: doc.bytes.byteLength,
        pageCount: doc.pages.length,
        charCount,
        hasText: doc.hasText ? 1 : 0,
        extractor: doc.extractor,
        importedAt: new Date().toISOString(),
      }).lastInsertRowid,
    )
    this.s.insertFile.run(id, Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength))
    const pic = doc.picture
    if (pic) this.s.insertPicture.run(id, pic.mediaType, pic.width, pic.height, Buffer.from(pic.bytes.buffer, pic.bytes.byteOffset, pic.bytes.byteLength))
    doc.pages.forEach((p, i) => {
      const g = p.geometry
      this.s.insertPage.run(id, i + 1, starts[i], p.text, p.width, p.height, JSON.stringify(p.boxes), g?.viewX ?? 0, g?.viewY ?? 0, g?.mediaX ?? 0, g?.mediaY ?? 0, g?.rotate ?? 0)
    })
    this.units.insertForDocument(id, doc.pages.map((p, i) => ({ start: starts[i]!, text: p.text, boxes: p.boxes })))
    return id
  }

  /** The document's canonical text: its pages joined with the page separator. */
  text(id: number): string {
    return (this.s.pageTexts.all(id) as string[]).join(PAGE_SEPARATOR)
  }

  pageStarts(id: number): number[] {
    return this.s.pageStarts.all(id) as number[]
  }

  pages(id: number): PageInfo[] {
    return (this.s.pages.all(id) as PageRow[]).map(toPage)
  }

  page(id: number, pageNo: number): PageInfo | undefined {
    const row = this.s.page.get(id, pageNo) as PageRow | undefined
    return row ? toPage(row) : undefined
  }

  bytes(id: number): Buffer | undefined {
    return this.s.bytes.get(id) as Buffer | undefined
  }

  /** The picture a document was made of, if it was. */
  picture(id: number): DocumentPicture | undefined {
    return this.s.picture.get(id) as DocumentPicture | undefined
  }

  setCase(id: number, caseId: number | null): void {
    this.s.setCase.run(caseId, id)
  }

  setTitle(id: number, title: string): void {
    this.s.setTitle.run(title, id)
  }

  remove(id: number): void {
    this.s.remove.run(id)
  }
}

const PAGE_COLUMNS = 'page_no, start_offset, text, width, height, items, view_x, view_y, media_x, media_y, rotate, text_source, ocr_confidence, ocr_word_confidence'

interface PageRow {
  page_no: number
  start_offset: number
  text: string
  width: number
  height: number
  items: string
  view_x: number
  view_y: number
  media_x: number
  media_y: number
  rotate: number
  text_source: 'pdf' | 'ocr'
  ocr_confidence: number | null
  ocr_word_confidence: string | null
}

function toPage(r: PageRow): PageInfo {
  return {
    pageNo: r.page_no,
    startOffset: r.start_offset,
    text: r.text,
    width: r.width,
    height: r.height,
    boxes: JSON.parse(r.items) as PageInfo['boxes'],
    geometry: { viewX: r.view_x, viewY: r.view_y, mediaX: r.media_x, mediaY: r.media_y, rotate: r.rotate },
    ...(r.text_source === 'ocr'
      ? { ocr: { confidence: r.ocr_confidence ?? 0, words: r.ocr_word_confidence ? (JSON.parse(r.ocr_word_confidence) as number[]) : [] } }
      : {}),
  }
}

function toSummary(r: DocRow): DocumentSummary {
  return {
    id: r.id,
    caseId: r.case_id,
    caseName: r.case_name,
    title: r.title,
    pdfTitle: r.pdf_title,
    fileName: r.file_name,
    sha256: r.sha256,
    byteSize: r.byte_size,
    pageCount: r.page_count,
    charCount: r.char_count,
    hasText: r.has_text === 1,
    importedAt: r.imported_at,
    codingCount: r.coding_count,
  }
}
