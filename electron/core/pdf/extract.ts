import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { buildPageText, type ItemBox, type TextItemLike } from '../../../shared/page-text'
import type { PageGeometry } from '../../../shared/types'

/** Options for pdf.js that both the importer and the viewer use (security and speed). */
export const PDFJS_OPTIONS = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  stopAtErrors: false,
} as const

/** Identifies how page text was made, stored with each document. */
export const EXTRACTOR = 'pdfjs-dist@5.6.205/page-text@1'

export interface ExtractedPage {
  text: string
  width: number
  height: number
  boxes: ItemBox[]
  /** Where the page lies in the PDF (view and media box origins, /Rotate), for REFI-QDA boxes. */
  geometry: PageGeometry
}

export interface ExtractedDocument {
  title: string
  pages: ExtractedPage[]
}

export type ExtractFailure = 'pdf-encrypted' | 'pdf-corrupt'

export class ExtractError extends Error {
  constructor(
    readonly code: ExtractFailure,
    readonly detail: string,
  ) {
    super(detail)
  }
}

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/** In Node, pdf.js reads the standard fonts and CMaps from these folders (trailing slash needed). */
const NODE_RESOURCES = {
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
  cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  cMapPacked: true,
  verbosity: 0, // errors only: a damaged font is reported through the result, not the console
} as const

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjs: Promise<PdfJs> | undefined

function loadPdfJs(): Promise<PdfJs> {
  // The legacy build is the one pdf.js supports in Node. Its worker code is imported here too
  // (it registers globalThis.pdfjsWorker), so the first document does not pay for loading it.
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then(() => import('pdfjs-dist/legacy/build/pdf.mjs'))
  return pdfjs
}

/** Loads pdf.js ahead of the first document (an extraction worker calls it when it starts). */
export function warmUp(): Promise<void> {
  return loadPdfJs().then(() => undefined)
}

/**
 * Extracts the canonical text and item geometry of every page of a PDF. `onPage` is called
 * after each page, for progress.
 */
export async function extractPdf(
  data: Uint8Array,
  onPage?: (done: number, total: number) => void,
): Promise<ExtractedDocument> {
  const lib = await loadPdfJs()
  // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const task = lib.getDocument({ ...PDFJS_OPTIONS, ...NODE_RESOURCES, data: new Uint8Array(data) })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (e) {
    await task.destroy().catch(() => undefined)
    throw toExtractError(e)
  }
  try {
    const pages: ExtractedPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      const items = content.items.filter((i) => 'str' in i) as TextItemLike[]
      const built = buildPageText(items, {
        width: viewport.width,
        height: viewport.height,
        viewportTransform: viewport.transform,
      })
      const [viewX = 0, viewY = 0] = page.view
      const geometry = { viewX, viewY, mediaX: viewX, mediaY: viewY, rotate: page.rotate }
      pages.push({ text: built.text, width: viewport.width, height: viewport.height, boxes: built.boxes, geometry })
      page.cleanup()
      onPage?.(n, doc.numPages)
    }
    await placeMediaBoxes(data, pages)
    const meta = await doc.getMetadata().catch(() => null)
    const info = (meta?.info ?? {}) as { Title?: unknown }
    const title = typeof info.Title === 'string' ? info.Title.trim() : ''
    return { title, pages }
  } catch (e) {
    throw toExtractError(e)
  } finally {
    await task.destroy().catch(() => undefined)
  }
}

/**
 * The media box's origin of each page. pdf.js tells only its view (the crop box within the media
 * box): where the view starts at 0,0, the media box does too (it holds the view, and one reaching
 * below 0,0 with a crop box at 0,0 is not seen in practice), so only a PDF with a page whose view
 * starts elsewhere is read again, with pdf-lib, for its media boxes (/MediaBox, inherited) — a
 * cost paid by those few files only. Should pdf-lib fail on it, the view stands for the media
 * box, which is right for an offset media box without a crop box.
 */
async function placeMediaBoxes(data: Uint8Array, pages: ExtractedPage[]): Promise<void> {
  if (pages.every((p) => p.geometry.viewX === 0 && p.geometry.viewY === 0)) return
  try {
    const { PDFDocument } = await import('pdf-lib')
    const doc = await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false })
    const media = doc.getPages().map((p) => p.getMediaBox())
    if (media.length !== pages.length) return
    pages.forEach((p, i) => {
      const m = media[i]!
      // The media box's lower-left corner (a box may be written with its corners swapped).
      p.geometry.mediaX = Math.min(m.x, m.x + m.width)
      p.geometry.mediaY = Math.min(m.y, m.y + m.height)
    })
  } catch {
    // Keep the view as the media box.
  }
}

function toExtractError(e: unknown): ExtractError {
  if (e instanceof ExtractError) return e
  const name = (e as { name?: string })?.name ?? ''
  const message = (e as { message?: string })?.message ?? String(e)
  if (name === 'PasswordException') return new ExtractError('pdf-encrypted', message)
  return new ExtractError('pdf-corrupt', message)
}
