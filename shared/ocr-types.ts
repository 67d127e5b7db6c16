import type { ErrorCode } from './errors'

/** Progress of reading one document's pages (OCR), after each page. */
export interface OcrProgress {
  documentId: number
  page: number
  done: number
  total: number
}

/** What reading a page gave that the researcher should know (translated like errors). */
export interface OcrNote {
  page: number
  code: Extract<ErrorCode, 'ocr-page-blank' | 'ocr-page-too-large' | 'ocr-page-unreadable'>
  params: Record<string, string | number>
}

export interface OcrRunResult {
  documentId: number
  /** Pages read, and of those the ones whose text was replaced. */
  pagesRead: number[]
  pagesChanged: number[]
  /** Mean word confidence over the changed pages (0–100). */
  meanConfidence: number
  notes: OcrNote[]
  /** Text codings found again in the new text, and those that became areas of their old boxes. */
  reanchored: number
  becameAreas: { codingId: number; quote: string }[]
  seconds: number
}

/** When import reads pages without a text layer: at once, after asking, or never. */
export type OcrMode = 'auto' | 'ask' | 'off'
