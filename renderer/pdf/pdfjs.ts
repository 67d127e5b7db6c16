/**
 * pdf.js in the browser: the normal build, its worker from our own origin, and its run-time
 * resources (standard fonts, CMaps, decoders) from pdfjs/ beside the page (copied there by
 * vite.config.ts). Never evaluates code from a PDF.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

GlobalWorkerOptions.workerSrc = workerUrl

function resource(folder: string): string {
  return new URL(`pdfjs/${folder}/`, document.baseURI).href
}

export interface OpenedPdf {
  doc: PDFDocumentProxy
  destroy(): Promise<void>
}

export async function openPdf(data: Uint8Array): Promise<OpenedPdf> {
  const task = getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    standardFontDataUrl: resource('standard_fonts'),
    cMapUrl: resource('cmaps'),
    cMapPacked: true,
    wasmUrl: resource('wasm'),
    iccUrl: resource('iccs'),
  })
  const doc = await task.promise
  return { doc, destroy: () => task.destroy() }
}
