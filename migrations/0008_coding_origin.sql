-- How each coding was made, and by what (issue 11: provenance): a selection on the page, an area,
-- the keyboard, the command line, auto-coding (origin_detail: the query), an accepted suggestion
-- (origin_detail: the method and its version), a REFI-QDA import (the file), a team merge (the
-- copy's file), a settled disagreement (consensus). Codings made before this was recorded are
-- 'unrecorded': guessing would put a false fact in a researcher's audit trail.
ALTER TABLE codings ADD COLUMN origin TEXT NOT NULL DEFAULT 'unrecorded'
  CHECK (origin IN ('unrecorded', 'selection', 'area', 'keyboard', 'cli', 'autocode', 'suggestion', 'import', 'merge', 'consensus'));
ALTER TABLE codings ADD COLUMN origin_detail TEXT NOT NULL DEFAULT '';

-- The undo triggers of 0001 record every column of codings: made again with these two.
DROP TRIGGER codings_undo_insert;
DROP TRIGGER codings_undo_update;
DROP TRIGGER codings_undo_delete;
CREATE TRIGGER codings_undo_insert AFTER INSERT ON codings WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codings', 'insert', new.id, NULL, json_object('id', new.id, 'uuid', new.uuid, 'document_id', new.document_id, 'code_id', new.code_id, 'coder_id', new.coder_id, 'kind', new.kind, 'start_offset', new.start_offset, 'end_offset', new.end_offset, 'quote', new.quote, 'prefix', new.prefix, 'suffix', new.suffix, 'page_from', new.page_from, 'page_to', new.page_to, 'rects', new.rects, 'memo', new.memo, 'origin', new.origin, 'origin_detail', new.origin_detail, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER codings_undo_update AFTER UPDATE ON codings WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codings', 'update', old.id, json_object('id', old.id, 'uuid', old.uuid, 'document_id', old.document_id, 'code_id', old.code_id, 'coder_id', old.coder_id, 'kind', old.kind, 'start_offset', old.start_offset, 'end_offset', old.end_offset, 'quote', old.quote, 'prefix', old.prefix, 'suffix', old.suffix, 'page_from', old.page_from, 'page_to', old.page_to, 'rects', old.rects, 'memo', old.memo, 'origin', old.origin, 'origin_detail', old.origin_detail, 'created_at', old.created_at, 'updated_at', old.updated_at), json_object('id', new.id, 'uuid', new.uuid, 'document_id', new.document_id, 'code_id', new.code_id, 'coder_id', new.coder_id, 'kind', new.kind, 'start_offset', new.start_offset, 'end_offset', new.end_offset, 'quote', new.quote, 'prefix', new.prefix, 'suffix', new.suffix, 'page_from', new.page_from, 'page_to', new.page_to, 'rects', new.rects, 'memo', new.memo, 'origin', new.origin, 'origin_detail', new.origin_detail, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER codings_undo_delete AFTER DELETE ON codings WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codings', 'delete', old.id, json_object('id', old.id, 'uuid', old.uuid, 'document_id', old.document_id, 'code_id', old.code_id, 'coder_id', old.coder_id, 'kind', old.kind, 'start_offset', old.start_offset, 'end_offset', old.end_offset, 'quote', old.quote, 'prefix', old.prefix, 'suffix', old.suffix, 'page_from', old.page_from, 'page_to', old.page_to, 'rects', old.rects, 'memo', old.memo, 'origin', old.origin, 'origin_detail', old.origin_detail, 'created_at', old.created_at, 'updated_at', old.updated_at), NULL);
END;
