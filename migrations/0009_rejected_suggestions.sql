-- Suggestions a coder rejected (issue 11 item 4): the unit (document, start, end) for the code,
-- by that coder. A rejected unit is never suggested again to that coder for that code, and the
-- suggestion method learns from it as a negative example. Not part of undo: a rejection is a
-- judgement about a suggestion, not a change to the coding.
CREATE TABLE rejected_suggestions (
  code_id      INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  coder_id     INTEGER NOT NULL REFERENCES coders(id) ON DELETE CASCADE,
  rejected_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (code_id, coder_id, document_id, start_offset, end_offset)
) WITHOUT ROWID;
CREATE INDEX rejected_suggestions_document ON rejected_suggestions (document_id);
CREATE INDEX rejected_suggestions_coder ON rejected_suggestions (coder_id);
