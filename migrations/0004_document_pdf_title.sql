-- A document is named after its file (as ATLAS.ti, MAXQDA and NVivo name it), not after the
-- PDF's Title metadata, which real files fill with junk ("Microsoft Word - x.doc", "r.html").
-- The metadata title is kept here, to offer when the researcher renames the document.
-- NULL: not known (documents imported before this column; their titles stay as they are).
ALTER TABLE documents ADD COLUMN pdf_title TEXT;

-- The undo trigger of 0002 records every column of documents: it is made again with this one.
DROP TRIGGER documents_undo_update;
CREATE TRIGGER documents_undo_update AFTER UPDATE ON documents WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'documents', 'update', old.id, json_object('id', old.id, 'case_id', old.case_id, 'title', old.title, 'pdf_title', old.pdf_title, 'file_name', old.file_name, 'sha256', old.sha256, 'byte_size', old.byte_size, 'page_count', old.page_count, 'char_count', old.char_count, 'has_text', old.has_text, 'extractor', old.extractor, 'imported_at', old.imported_at), json_object('id', new.id, 'case_id', new.case_id, 'title', new.title, 'pdf_title', new.pdf_title, 'file_name', new.file_name, 'sha256', new.sha256, 'byte_size', new.byte_size, 'page_count', new.page_count, 'char_count', new.char_count, 'has_text', new.has_text, 'extractor', new.extractor, 'imported_at', new.imported_at));
END;
