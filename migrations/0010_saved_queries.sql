-- Searches saved in the study (issue 11: a search is a reportable method step): the query as
-- typed, its options (stemming, filters, unit), and the hits of its last run, so a re-run can
-- mark what is new since then.
CREATE TABLE saved_queries (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  query       TEXT NOT NULL,
  options     TEXT NOT NULL DEFAULT '{}',   -- JSON: stemming, documentIds, caseIds, attributes, unit, extend
  created_at  TEXT NOT NULL,
  last_run_at TEXT,
  last_hits   TEXT NOT NULL DEFAULT '[]'    -- JSON: ["documentId:start:end", ...]
);
