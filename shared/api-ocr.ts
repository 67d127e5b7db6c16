/** API operations of text recognition (OCR) of scanned pages. */
import { z } from 'zod'
import { op } from './api-op'
import type { OcrRunResult } from './ocr-types'

const id = z.number().int().positive()

export const ocrApi = {
  /** Pages of a document without a usable text layer (what `ocr:run` reads by default). */
  'ocr:candidates': op<{ pages: number[] }>()(z.object({ documentId: id })),
  /**
   * Reads pages as text and makes it their text, codings kept (one undo step). Progress comes as
   * `ocr:progress` events; `all` reads every page again (a new language or resolution).
   */
  'ocr:run': op<OcrRunResult>()(
    z.object({
      documentId: id,
      langs: z.string().regex(/^(nld|eng)(\+(nld|eng))?$/, 'nld, eng or nld+eng').optional(),
      dpi: z.number().int().min(100).max(600).optional(),
      pages: z.array(id).max(10_000).optional(),
      all: z.boolean().optional(),
    }),
  ),
  /** Stops a run: the pages read so far are dropped, the text stays as it was. */
  'ocr:cancel': op<{ cancelled: boolean }>()(z.object({ documentId: id })),
} as const
