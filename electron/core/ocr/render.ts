import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { PDFJS_OPTIONS } from '../pdf/extract'

/** Pixels a page may have when rendered for OCR (A3 at 300 dpi is 35 M); larger pages get fewer dpi. */
export const MAX_PAGE_PIXELS = 40_000_000
/** Below this a page's text is too small to read: such a page is not read at all. */
export const MIN_DPI = 50

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
let pdfjs: Promise<PdfJs> | undefined

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then(() => import('pdfjs-dist/legacy/build/pdf.mjs'))
  return pdfjs
}

/** A PDF opened for rendering; `close` frees it. */
export interface OpenPdf {
  doc: PdfDoc
  close(): Promise<void>
}

export async function openPdf(data: Uint8Array): Promise<OpenPdf> {
  const lib = await loadPdfJs()
  const task = lib.getDocument({
    ...PDFJS_OPTIONS,
    // Rendering draws glyphs: the standard fonts must be there (the text pass needs no fonts).
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsDir, 'cmaps') + '/',
    cMapPacked: true,
    verbosity: 0,
    data: new Uint8Array(data),
  })
  const doc = await task.promise
  return { doc, close: () => task.destroy().catch(() => undefined) }
}

/** A page rendered for OCR: an 8-bit grey PNM image (leptonica reads it without decoding work). */
export interface RenderedPage {
  image: Uint8Array
  /** Pixels per PDF point (dpi / 72). */
  scale: number
  dpi: number
  /** The page's size in points as shown (rotation applied), as the importer stores it. */
  width: number
  height: number
}

/**
 * Renders page `pageNo` at `dpi` on white, as grey. A page too large for `MAX_PAGE_PIXELS` at
 * that resolution is rendered at the resolution that fits; null when that is below `MIN_DPI`.
 */
export async function renderPage(pdf: OpenPdf, pageNo: number, dpi: number): Promise<RenderedPage | null> {
  const page = await pdf.doc.getPage(pageNo)
  try {
    const unit = page.getViewport({ scale: 1 })
    const fit = Math.sqrt(MAX_PAGE_PIXELS / Math.max(1, unit.width * unit.height)) * 72
    const used = Math.min(dpi, Math.floor(fit))
    if (used < MIN_DPI) return null
    const scale = used / 72
    const viewport = page.getViewport({ scale })
    const w = Math.max(1, Math.round(viewport.width))
    const h = Math.max(1, Math.round(viewport.height))
    const canvas = createCanvas(w, h)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, w, h)
    await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise
    const rgba = ctx.getImageData(0, 0, w, h).data
    const head = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`)
    const image = new Uint8Array(head.length + w * h)
    image.set(head)
    // Luma (BT.601) in integers; one pass over the pixels.
    for (let i = 0, j = head.length; i < rgba.length; i += 4, j++) {
      image[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8
    }
    return { image, scale, dpi: used, width: unit.width, height: unit.height }
  } finally {
    page.cleanup()
  }
}

/** Whether the page paints an image (a scan, text drawn as pictures): only such a page is worth reading. */
export async function pageHasImages(pdf: OpenPdf, pageNo: number): Promise<boolean> {
  const lib = await loadPdfJs()
  const page = await pdf.doc.getPage(pageNo)
  try {
    const ops = await page.getOperatorList()
    const o = lib.OPS
    const painting = new Set<number>([
      o.paintImageXObject, o.paintInlineImageXObject, o.paintImageMaskXObject, o.paintImageXObjectRepeat,
      o.paintInlineImageXObjectGroup, o.paintImageMaskXObjectGroup, o.paintImageMaskXObjectRepeat, o.paintSolidColorImageMask,
    ].filter((n): n is number => typeof n === 'number'))
    return ops.fnArray.some((fn) => painting.has(fn))
  } finally {
    page.cleanup()
  }
}
