/** Domain types shared by the core, the UI and the CLI. Offsets are UTF-16 indexes into a
 * document's canonical text (see page-text.ts). */
import type { PageRect } from './anchoring'

export interface StudyInfo {
  path: string
  version: number
  documents: number
  codes: number
  codings: number
  coders: number
}

export interface Case {
  id: number
  name: string
  sortOrder: number
  attributes: Record<string, string>
  documentCount: number
}

export interface DocumentSummary {
  id: number
  caseId: number | null
  caseName: string | null
  /** The file's name without its extension (or the REFI-QDA source's name), unless renamed. */
  title: string
  /** The PDF's Title metadata: '' when it has none, null when not known (imported before it was kept). */
  pdfTitle: string | null
  fileName: string
  sha256: string
  byteSize: number
  pageCount: number
  charCount: number
  hasText: boolean
  importedAt: string
  codingCount: number
}

export interface PageInfo {
  pageNo: number
  startOffset: number
  text: string
  width: number
  height: number
  /** [start, length, x, y, w, h] per text item, boxes 0..1 from the top left. */
  boxes: [number, number, number, number, number, number][]
  /** Where the page lies in its PDF (absent: all 0, as for pages imported before it was kept). */
  geometry?: PageGeometry
  /** Set when the page's text was read from its image (OCR): mean and per-box word confidence, 0–100. */
  ocr?: { confidence: number; words: number[] }
}

/**
 * Where a page's viewport (width × height above) lies in its PDF, for boxes in PDF points from
 * the bottom left of the media box (REFI-QDA): pdf.js's view (the crop box within the media box)
 * starts at viewX, viewY in user space, the media box at mediaX, mediaY, and /Rotate turns the
 * page clockwise by `rotate` degrees (0, 90, 180 or 270).
 */
export interface PageGeometry {
  viewX: number
  viewY: number
  mediaX: number
  mediaY: number
  rotate: number
}

export interface Code {
  id: number
  uuid: string
  parentId: number | null
  name: string
  path: string
  colour: string
  definition: string
  inclusion: string
  exclusion: string
  example: string
  sortOrder: number
  templateKey: string | null
  codingCount: number
}

export interface Coder {
  id: number
  name: string
}

export type CodingKind = 'text' | 'area'

/**
 * How a coding was made (migration 0008): a selection on the page, an area, the keyboard, the
 * command line, auto-coding, an accepted suggestion, a REFI-QDA import, a team merge, a settled
 * disagreement; `unrecorded` for codings made before this was kept.
 */
export const CODING_ORIGINS = ['unrecorded', 'selection', 'area', 'keyboard', 'cli', 'autocode', 'suggestion', 'import', 'merge', 'consensus'] as const
export type CodingOrigin = (typeof CODING_ORIGINS)[number]

export interface Coding {
  id: number
  uuid: string
  documentId: number
  codeId: number
  coderId: number
  kind: CodingKind
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
  pageFrom: number
  pageTo: number
  rects: PageRect[]
  memo: string
  /** How it was made; `originDetail` says with what (the query, the method, the file). */
  origin: CodingOrigin
  originDetail: string
  createdAt: string
  updatedAt: string
}

/** A coding with the names a reader needs: for lists, retrieval and export. */
export interface CodingRow extends Coding {
  caseName: string | null
  documentTitle: string
  codePath: string
  coderName: string
}

export type ImportOutcome =
  | { status: 'imported'; file: string; documentId: number; pages: number; chars: number; warning?: 'no-text-layer' }
  | { status: 'duplicate'; file: string; documentId: number }
  | { status: 'error'; file: string; error: import('./errors').AppError }

export interface ImportProgress {
  file: string
  index: number
  total: number
  page: number
  pages: number
}

export interface SearchHit {
  documentId: number
  documentTitle: string
  page: number
  start: number
  end: number
  snippet: string
}

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  undoLabel: string | null
  redoLabel: string | null
  /** The labels' parameters, where a label names someone (a lead's edit: `by` and `owner`). */
  undoParams?: Record<string, string | number>
  redoParams?: Record<string, string | number>
}

/** What a project import did. */
export interface QdpxImportResult {
  documents: { imported: number; existing: number }
  codes: number
  cases: number
  /** notPlaced: codings whose page, box or text range could not be used. */
  codings: { text: number; area: number; notPlaced: number }
  /** Memos written or extended from the project's notes on the study, codes and documents. */
  memos: number
  /** Sources not imported: their name and why. */
  skipped: { name: string; reason: 'not-supported' | 'file-missing' | 'import-failed' | 'codings-not-placed'; detail?: string }[]
  /**
   * Where the project's PDF selection boxes count y from, as the import found by reading them
   * against the pages: the standard's bottom left, or the top left (older Werkbank exports).
   * Absent when the project has no PDF selections on imported documents.
   */
  pdfBoxes?: 'bottom-left' | 'top-left'
}

/** What a memo is about: the study as a whole, a case, a document or a code. */
export type MemoTarget = 'study' | 'case' | 'document' | 'code'

/** A coder's memo on one target (one per coder and target). */
export interface Memo {
  id: number
  targetType: MemoTarget
  /** The case, document or code; null for the study. */
  targetId: number | null
  coderId: number | null
  coderName: string | null
  body: string
  createdAt: string
  updatedAt: string
}
