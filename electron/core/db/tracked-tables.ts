/**
 * The tables whose changes undo and redo replay, with their columns. Migration 0001's triggers
 * write these columns as JSON; a test checks this list against the schema so that a column
 * added later cannot silently escape undo.
 */
export const TRACKED_TABLES = {
  cases: ['id', 'name', 'sort_order', 'created_at'],
  case_attributes: ['id', 'case_id', 'name', 'value'],
  codes: [
    'id', 'uuid', 'parent_id', 'name', 'colour', 'definition', 'inclusion', 'exclusion',
    'example', 'sort_order', 'template_key', 'created_at', 'updated_at',
  ],
  coders: ['id', 'name', 'created_at'],
  codings: [
    'id', 'uuid', 'document_id', 'code_id', 'coder_id', 'kind', 'start_offset', 'end_offset',
    'quote', 'prefix', 'suffix', 'page_from', 'page_to', 'rects', 'memo', 'origin', 'origin_detail', 'created_at', 'updated_at',
  ],
  memos: ['id', 'target_type', 'target_id', 'coder_id', 'title', 'body', 'created_at', 'updated_at'],
  // Since migration 0002: assigning a document to a case, or renaming it, can be undone. Only
  // updates are recorded; importing and deleting documents stay outside undo. pdf_title: 0004.
  documents: [
    'id', 'case_id', 'title', 'pdf_title', 'file_name', 'sha256', 'byte_size', 'page_count', 'char_count',
    'has_text', 'extractor', 'imported_at',
  ],
  // Since migration 0011: applying OCR to pages can be undone (updates only, as documents).
  pages: [
    'id', 'document_id', 'page_no', 'start_offset', 'text', 'width', 'height', 'items', 'view_x', 'view_y',
    'media_x', 'media_y', 'rotate', 'text_source', 'ocr_confidence', 'ocr_word_confidence', 'ocr_engine',
  ],
} as const satisfies Record<string, readonly string[]>

export type TrackedTable = keyof typeof TRACKED_TABLES
