import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { WerkbankError } from '../../../shared/errors'
import { toAppError } from '../app-error'
import type { ImportOutcome, ImportProgress } from '../../../shared/types'
import { EXTRACTOR, ExtractError, type ExtractedDocument } from '../pdf/extract'
import type { ExtractPool } from '../pdf/extract-pool'
import type { DocumentPicture, DocumentsRepo } from '../repos/documents.repo'

/** Files above this size are refused (a 17-report study is ~10 MB in all). */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024

/**
 * A page with fewer letters than this has (almost) no text layer: a scan, or text drawn as
 * images with perhaps a footnote in real text. A document where most pages are like that
 * is imported with a warning that only area coding is possible.
 */
const MIN_LETTERS_ON_TEXT_PAGE = 50

export interface ImportOptions {
  caseId?: number | null
  /**
   * The document's title (a REFI-QDA source's name); else the file's name without its extension,
   * as ATLAS.ti, MAXQDA and NVivo name documents. Never the PDF's Title metadata (often junk:
   * "Microsoft Word - x.doc", "r.html"), which is kept as `pdfTitle` to offer on renaming.
   */
  title?: string
  maxBytes?: number
  onProgress?: (p: ImportProgress) => void
  /** The picture the PDF was made of (importBytes of a REFI-QDA PictureSource), stored with it. */
  picture?: DocumentPicture
}

/**
 * Imports PDFs: checks each file, extracts its text in the worker pool and stores the
 * document, its bytes and its pages in one transaction, so that a failure or a crash leaves
 * either the whole document or nothing. Files are independent: one bad file does not stop
 * the others.
 */
export class ImportService {
  constructor(
    private readonly db: Database.Database,
    private readonly documents: DocumentsRepo,
    private readonly pool: () => ExtractPool,
    /** Files in flight at once: one per extraction worker, plus one being read or stored. */
    private readonly lanes = 3,
  ) {}

  /**
   * Imports files, a few at a time: enough to keep every worker busy, few enough that memory
   * does not grow with the number of files. Outcomes come back in the order of `paths`.
   */
  async importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
    const total = paths.length
    const outcomes: ImportOutcome[] = new Array(total)
    let next = 0
    const lane = async () => {
      while (next < total) {
        const index = next++
        outcomes[index] = await this.importOne(paths[index]!, index, total, options)
      }
    }
    await Promise.all(Array.from({ length: Math.min(total, this.lanes) }, lane))
    return outcomes
  }

  /** Imports PDF bytes that came without a path (browser upload). */
  async importBytes(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportOutcome> {
    return this.store(fileName, bytes, 0, 1, options)
  }

  private async importOne(path: string, index: number, total: number, options: ImportOptions): Promise<ImportOutcome> {
    const file = basename(path)
    try {
      const info = await stat(path).catch(() => {
        throw new WerkbankError('file-not-found', { path })
      })
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
      if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes)
      const bytes = new Uint8Array(await readFile(path))
      return await this.store(file, bytes, index, total, options)
    } catch (e) {
      return failure(file, e)
    }
  }

  private async store(file: string, bytes: Uint8Array, index: number, total: number, options: ImportOptions): Promise<ImportOutcome> {
    try {
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
      if (bytes.byteLength === 0) throw new WerkbankError('file-empty', { file })
      if (bytes.byteLength > maxBytes) throw tooLarge(file, bytes.byteLength, maxBytes)
      if (!looksLikePdf(bytes)) throw new WerkbankError('file-not-pdf', { file })
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const known = this.documents.idBySha(sha256)
      if (known !== undefined) return { status: 'duplicate', file, documentId: known }

      let extracted: ExtractedDocument
      try {
        extracted = await this.pool().extract(bytes, (page, pages) =>
          options.onProgress?.({ file, index, total, page, pages }),
        )
      } catch (e) {
        if (e instanceof ExtractError) throw new WerkbankError(e.code, { file, detail: e.detail })
        throw e
      }
      if (extracted.pages.length === 0) throw new WerkbankError('pdf-corrupt', { file, detail: 'no pages' })

      const textPages = extracted.pages.filter((p) => (p.text.match(/\p{L}/gu)?.length ?? 0) >= MIN_LETTERS_ON_TEXT_PAGE)
      const hasText = textPages.length * 2 >= extracted.pages.length
      const result = this.db.transaction((): ImportOutcome => {
        // Checked again inside the transaction: the same file may come twice in one batch.
        const twin = this.documents.idBySha(sha256)
        if (twin !== undefined) return { status: 'duplicate', file, documentId: twin }
        const documentId = this.documents.insert({
          caseId: options.caseId ?? null,
          // Told apart from a document of the same name: " (2)", " (3)"…
          title: this.documents.freeTitle(options.title?.trim() || baseName(file)),
          pdfTitle: extracted.title,
          fileName: file,
          sha256,
          bytes,
          hasText,
          extractor: EXTRACTOR,
          pages: extracted.pages,
          ...(options.picture ? { picture: options.picture } : {}),
        })
        const doc = this.documents.get(documentId)!
        return {
          status: 'imported',
          file,
          documentId,
          pages: doc.pageCount,
          chars: doc.charCount,
          ...(hasText ? {} : { warning: 'no-text-layer' as const }),
        }
      })()
      return result
    } catch (e) {
      return failure(file, e)
    }
  }
}

/** A file's name without its extension ("rapport.v2.pdf" → "rapport.v2"); the name itself if that leaves nothing. */
export function baseName(file: string): string {
  const stem = file.replace(/\.[^.\s]{1,8}$/, '').trim()
  return stem === '' ? file : stem
}

function tooLarge(file: string, size: number, limit: number): WerkbankError {
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10
  return new WerkbankError('file-too-large', { file, sizeMb: mb(size), limitMb: mb(limit) })
}

/** A PDF starts with "%PDF-" within its first kilobyte (some writers put junk before it). */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1')
  return head.includes('%PDF-')
}

function failure(file: string, e: unknown): ImportOutcome {
  return { status: 'error', file, error: toAppError(e) }
}
