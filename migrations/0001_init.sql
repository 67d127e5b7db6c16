-- Werkbank study file, version 1.
-- Offsets (start_offset, end_offset) are UTF-16 code-unit indexes into a document's canonical
-- text: its pages' text joined with a form feed (see shared/page-text.ts).

CREATE TABLE study_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE cases (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE case_attributes (
  id      INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  name    TEXT NOT NULL COLLATE NOCASE,
  value   TEXT NOT NULL,
  UNIQUE (case_id, name)
);

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER REFERENCES cases(id),
  title       TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL UNIQUE,
  byte_size   INTEGER NOT NULL,
  page_count  INTEGER NOT NULL,
  char_count  INTEGER NOT NULL,
  has_text    INTEGER NOT NULL,
  extractor   TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE INDEX documents_case ON documents(case_id);

-- The PDF bytes live apart so that listing documents never reads them.
CREATE TABLE document_files (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  bytes       BLOB NOT NULL
);

CREATE TABLE pages (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no      INTEGER NOT NULL,           -- 1-based
  start_offset INTEGER NOT NULL,           -- where this page's text starts in the document text
  text         TEXT NOT NULL,
  width        REAL NOT NULL,              -- PDF points, rotation applied
  height       REAL NOT NULL,
  items        TEXT NOT NULL,              -- JSON: [[start, length, x, y, w, h], ...], boxes 0..1, top-left origin
  UNIQUE (document_id, page_no)
);

CREATE VIRTUAL TABLE page_fts USING fts5(
  text,
  content = 'pages',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
  INSERT INTO page_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
  INSERT INTO page_fts(page_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE codes (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,       -- stable across copies of a study (team merge)
  parent_id    INTEGER REFERENCES codes(id),
  name         TEXT NOT NULL,
  colour       TEXT NOT NULL,
  definition   TEXT NOT NULL DEFAULT '',
  inclusion    TEXT NOT NULL DEFAULT '',
  exclusion    TEXT NOT NULL DEFAULT '',
  example      TEXT NOT NULL DEFAULT '',
  sort_order   INTEGER NOT NULL DEFAULT 0,
  template_key TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX codes_sibling_name ON codes(ifnull(parent_id, 0), name COLLATE NOCASE);
CREATE INDEX codes_parent ON codes(parent_id);

CREATE TABLE coders (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE codings (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  code_id      INTEGER NOT NULL REFERENCES codes(id),
  coder_id     INTEGER NOT NULL REFERENCES coders(id),
  kind         TEXT NOT NULL CHECK (kind IN ('text', 'area')),
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  quote        TEXT NOT NULL,
  prefix       TEXT NOT NULL DEFAULT '',   -- text just before and after the quote, so the
  suffix       TEXT NOT NULL DEFAULT '',   -- coding can be found again if extraction changes
  page_from    INTEGER NOT NULL,
  page_to      INTEGER NOT NULL,
  rects        TEXT NOT NULL DEFAULT '[]', -- JSON: [{page, x, y, w, h}], 0..1, top-left origin
  memo         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (start_offset <= end_offset),
  CHECK (kind = 'area' OR start_offset < end_offset)
);
CREATE INDEX codings_document_start ON codings(document_id, start_offset);
CREATE INDEX codings_code ON codings(code_id);
CREATE INDEX codings_coder ON codings(coder_id);

CREATE TABLE memos (
  id          INTEGER PRIMARY KEY,
  target_type TEXT NOT NULL CHECK (target_type IN ('study', 'case', 'document', 'code')),
  target_id   INTEGER,
  coder_id    INTEGER REFERENCES coders(id),
  title       TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX memos_target ON memos(target_type, target_id);
CREATE INDEX memos_coder ON memos(coder_id);

-- Undo and redo survive closing the study: triggers write every change of the tracked tables,
-- as JSON rows, into undo_changes under the action that undo_state.recording names.
CREATE TABLE undo_actions (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL,
  params     TEXT NOT NULL DEFAULT '{}',
  undone     INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE undo_changes (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES undo_actions(id) ON DELETE CASCADE,
  tbl       TEXT NOT NULL,
  op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  row_id    INTEGER NOT NULL,
  before    TEXT,
  after     TEXT
);
CREATE INDEX undo_changes_action ON undo_changes(action_id);
CREATE TABLE undo_state (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  recording INTEGER
);
INSERT INTO undo_state (id, recording) VALUES (1, NULL);

-- Undo triggers (one set per tracked table; columns as in electron/core/db/tracked-tables.ts).
CREATE TRIGGER cases_undo_insert AFTER INSERT ON cases WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'cases', 'insert', new.id, NULL, json_object('id', new.id, 'name', new.name, 'sort_order', new.sort_order, 'created_at', new.created_at));
END;
CREATE TRIGGER cases_undo_update AFTER UPDATE ON cases WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'cases', 'update', old.id, json_object('id', old.id, 'name', old.name, 'sort_order', old.sort_order, 'created_at', old.created_at), json_object('id', new.id, 'name', new.name, 'sort_order', new.sort_order, 'created_at', new.created_at));
END;
CREATE TRIGGER cases_undo_delete AFTER DELETE ON cases WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'cases', 'delete', old.id, json_object('id', old.id, 'name', old.name, 'sort_order', old.sort_order, 'created_at', old.created_at), NULL);
END;
CREATE TRIGGER case_attributes_undo_insert AFTER INSERT ON case_attributes WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'case_attributes', 'insert', new.id, NULL, json_object('id', new.id, 'case_id', new.case_id, 'name', new.name, 'value', new.value));
END;
CREATE TRIGGER case_attributes_undo_update AFTER UPDATE ON case_attributes WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'case_attributes', 'update', old.id, json_object('id', old.id, 'case_id', old.case_id, 'name', old.name, 'value', old.value), json_object('id', new.id, 'case_id', new.case_id, 'name', new.name, 'value', new.value));
END;
CREATE TRIGGER case_attributes_undo_delete AFTER DELETE ON case_attributes WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'case_attributes', 'delete', old.id, json_object('id', old.id, 'case_id', old.case_id, 'name', old.name, 'value', old.value), NULL);
END;
CREATE TRIGGER codes_undo_insert AFTER INSERT ON codes WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codes', 'insert', new.id, NULL, json_object('id', new.id, 'uuid', new.uuid, 'parent_id', new.parent_id, 'name', new.name, 'colour', new.colour, 'definition', new.definition, 'inclusion', new.inclusion, 'exclusion', new.exclusion, 'example', new.example, 'sort_order', new.sort_order, 'template_key', new.template_key, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER codes_undo_update AFTER UPDATE ON codes WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codes', 'update', old.id, json_object('id', old.id, 'uuid', old.uuid, 'parent_id', old.parent_id, 'name', old.name, 'colour', old.colour, 'definition', old.definition, 'inclusion', old.inclusion, 'exclusion', old.exclusion, 'example', old.example, 'sort_order', old.sort_order, 'template_key', old.template_key, 'created_at', old.created_at, 'updated_at', old.updated_at), json_object('id', new.id, 'uuid', new.uuid, 'parent_id', new.parent_id, 'name', new.name, 'colour', new.colour, 'definition', new.definition, 'inclusion', new.inclusion, 'exclusion', new.exclusion, 'example', new.example, 'sort_order', new.sort_order, 'template_key', new.template_key, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER codes_undo_delete AFTER DELETE ON codes WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codes', 'delete', old.id, json_object('id', old.id, 'uuid', old.uuid, 'parent_id', old.parent_id, 'name', old.name, 'colour', old.colour, 'definition', old.definition, 'inclusion', old.inclusion, 'exclusion', old.exclusion, 'example', old.example, 'sort_order', old.sort_order, 'template_key', old.template_key, 'created_at', old.created_at, 'updated_at', old.updated_at), NULL);
END;
CREATE TRIGGER coders_undo_insert AFTER INSERT ON coders WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'coders', 'insert', new.id, NULL, json_object('id', new.id, 'name', new.name, 'created_at', new.created_at));
END;
CREATE TRIGGER coders_undo_update AFTER UPDATE ON coders WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'coders', 'update', old.id, json_object('id', old.id, 'name', old.name, 'created_at', old.created_at), json_object('id', new.id, 'name', new.name, 'created_at', new.created_at));
END;
CREATE TRIGGER coders_undo_delete AFTER DELETE ON coders WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'coders', 'delete', old.id, json_object('id', old.id, 'name', old.name, 'created_at', old.created_at), NULL);
END;
CREATE TRIGGER codings_undo_insert AFTER INSERT ON codings WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codings', 'insert', new.id, NULL, json_object('id', new.id, 'uuid', new.uuid, 'document_id', new.document_id, 'code_id', new.code_id, 'coder_id', new.coder_id, 'kind', new.kind, 'start_offset', new.start_offset, 'end_offset', new.end_offset, 'quote', new.quote, 'prefix', new.prefix, 'suffix', new.suffix, 'page_from', new.page_from, 'page_to', new.page_to, 'rects', new.rects, 'memo', new.memo, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER codings_undo_update AFTER UPDATE ON codings WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codings', 'update', old.id, json_object('id', old.id, 'uuid', old.uuid, 'document_id', old.document_id, 'code_id', old.code_id, 'coder_id', old.coder_id, 'kind', old.kind, 'start_offset', old.start_offset, 'end_offset', old.end_offset, 'quote', old.quote, 'prefix', old.prefix, 'suffix', old.suffix, 'page_from', old.page_from, 'page_to', old.page_to, 'rects', old.rects, 'memo', old.memo, 'created_at', old.created_at, 'updated_at', old.updated_at), json_object('id', new.id, 'uuid', new.uuid, 'document_id', new.document_id, 'code_id', new.code_id, 'coder_id', new.coder_id, 'kind', new.kind, 'start_offset', new.start_offset, 'end_offset', new.end_offset, 'quote', new.quote, 'prefix', new.prefix, 'suffix', new.suffix, 'page_from', new.page_from, 'page_to', new.page_to, 'rects', new.rects, 'memo', new.memo, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER codings_undo_delete AFTER DELETE ON codings WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'codings', 'delete', old.id, json_object('id', old.id, 'uuid', old.uuid, 'document_id', old.document_id, 'code_id', old.code_id, 'coder_id', old.coder_id, 'kind', old.kind, 'start_offset', old.start_offset, 'end_offset', old.end_offset, 'quote', old.quote, 'prefix', old.prefix, 'suffix', old.suffix, 'page_from', old.page_from, 'page_to', old.page_to, 'rects', old.rects, 'memo', old.memo, 'created_at', old.created_at, 'updated_at', old.updated_at), NULL);
END;
CREATE TRIGGER memos_undo_insert AFTER INSERT ON memos WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'memos', 'insert', new.id, NULL, json_object('id', new.id, 'target_type', new.target_type, 'target_id', new.target_id, 'coder_id', new.coder_id, 'title', new.title, 'body', new.body, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER memos_undo_update AFTER UPDATE ON memos WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'memos', 'update', old.id, json_object('id', old.id, 'target_type', old.target_type, 'target_id', old.target_id, 'coder_id', old.coder_id, 'title', old.title, 'body', old.body, 'created_at', old.created_at, 'updated_at', old.updated_at), json_object('id', new.id, 'target_type', new.target_type, 'target_id', new.target_id, 'coder_id', new.coder_id, 'title', new.title, 'body', new.body, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER memos_undo_delete AFTER DELETE ON memos WHEN (SELECT recording FROM undo_state WHERE id = 1) IS NOT NULL BEGIN
  INSERT INTO undo_changes (action_id, tbl, op, row_id, before, after)
  VALUES ((SELECT recording FROM undo_state WHERE id = 1), 'memos', 'delete', old.id, json_object('id', old.id, 'target_type', old.target_type, 'target_id', old.target_id, 'coder_id', old.coder_id, 'title', old.title, 'body', old.body, 'created_at', old.created_at, 'updated_at', old.updated_at), NULL);
END;
