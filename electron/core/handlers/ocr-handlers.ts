import type { ocrApi } from '../../../shared/api-ocr'
import { WerkbankError } from '../../../shared/errors'
import type { StudySession } from '../study-session'
import type { Emit, HandlersOf } from './handlers'

/** Handlers of text recognition (OCR): progress goes out as `ocr:progress` events. */
export function createOcrHandlers(s: StudySession, emit: Emit): HandlersOf<typeof ocrApi> {
  const known = (documentId: number) => {
    if (!s.documents.get(documentId)) throw new WerkbankError('document-not-found', { documentId })
  }
  return {
    'ocr:candidates': ({ documentId }) => {
      known(documentId)
      return { pages: s.ocr.candidates(documentId).pages }
    },
    'ocr:run': ({ documentId, langs, dpi, pages, all }) =>
      s.ocr.run(documentId, {
        ...(langs ? { langs } : {}), ...(dpi ? { dpi } : {}), ...(pages ? { pages } : {}), ...(all ? { all } : {}),
        onProgress: (p) => emit('ocr:progress', p),
      }),
    'ocr:cancel': ({ documentId }) => ({ cancelled: s.ocr.cancel(documentId) }),
  }
}
