/**
 * The PDF bytes of the document being opened, fetched while its pages' text is still on its
 * way (both are needed before the first page can be drawn). One at a time: taking them hands
 * them to pdf.js, which moves them to its worker.
 */
import { fetchPdf } from '../api/client'

let pending: { documentId: number; bytes: Promise<Uint8Array> } | null = null

export function prefetchPdf(documentId: number): void {
  if (pending?.documentId === documentId) return
  const bytes = fetchPdf(documentId)
  bytes.catch(() => undefined) // reported by whoever takes it
  pending = { documentId, bytes }
}

/** The prefetched bytes of a document, or a fresh fetch. */
export function takePdf(documentId: number): Promise<Uint8Array> {
  if (pending?.documentId === documentId) {
    const { bytes } = pending
    pending = null
    return bytes
  }
  return fetchPdf(documentId)
}
