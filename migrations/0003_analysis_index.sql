-- A covering index for the cross-case analyses: matrices and coverage read codings by code and
-- document in offset order without touching the table (measured: coverage over 1M codings
-- 2.3 s -> about 1.5 s, the plain GROUP BY 0.97 s -> 0.22 s).
CREATE INDEX codings_code_document ON codings(code_id, document_id, start_offset, end_offset, coder_id);
