-- OCR (issue 13): a page's text may come from reading its image. text_source says which:
-- 'pdf' (the PDF's text layer, every page before this) or 'ocr'; for OCR'd pages the mean word
-- confidence (0-100, weighted by word length), each box's word confidence (JSON, in the order of
-- `items`) and what read it (engine, languages, dpi).
ALTER TABLE pages ADD COLUMN text_source TEXT NOT NULL DEFAULT 'pdf' CHECK (text_source IN ('pdf', 'ocr'));
ALTER TABLE pages ADD COLUMN ocr_confidence REAL;
ALTER TABLE pages ADD COLUMN ocr_word_confidence TEXT;
ALTER TABLE pages ADD COLUMN ocr_engine TEXT;

-- Page text now changes after import (OCR): keep the full-text index with it.
CREATE TRIGGER pages_fts_update AFTER UPDATE OF text ON pages BEGIN
  INSERT INTO page_fts(page_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO page_fts(rowid, text) VALUES (new.id, new.text);
END;

-- Applying OCR (new page text, the codings re-anchored) is one undo step: updates of pages are
-- recorded, as for documents; importing and deleting pages stay outside undo.
CREATE TRIGGER pages_undo_update AFTER UPDATE ON pages WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'pages', 'update', old.id,
    json_object('id', old.id, 'document_id', old.document_id, 'page_no', old.page_no, 'start_offset', old.start_offset, 'text', old.text, 'width', old.width, 'height', old.height, 'items', old.items, 'view_x', old.view_x, 'view_y', old.view_y, 'media_x', old.media_x, 'media_y', old.media_y, 'rotate', old.rotate, 'text_source', old.text_source, 'ocr_confidence', old.ocr_confidence, 'ocr_word_confidence', old.ocr_word_confidence, 'ocr_engine', old.ocr_engine),
    json_object('id', new.id, 'document_id', new.document_id, 'page_no', new.page_no, 'start_offset', new.start_offset, 'text', new.text, 'width', new.width, 'height', new.height, 'items', new.items, 'view_x', new.view_x, 'view_y', new.view_y, 'media_x', new.media_x, 'media_y', new.media_y, 'rotate', new.rotate, 'text_source', new.text_source, 'ocr_confidence', new.ocr_confidence, 'ocr_word_confidence', new.ocr_word_confidence, 'ocr_engine', new.ocr_engine));
END;
