-- Sentences, paragraphs and pages of each document (shared/text-units.ts), derived from the page
-- text and item boxes once, so that "the sentence / paragraph / page around offset X" is one
-- lookup for search, auto-coding, suggestions and keyboard coding. Offsets into the document's
-- canonical text, as codings have them. kind: 1 sentence, 2 paragraph, 3 page.
-- Documents imported before get their units when the study is next opened (TextUnitsRepo.fillMissing):
-- deriving them needs the layout rules in TypeScript, which SQL cannot run.
CREATE TABLE text_units (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind         INTEGER NOT NULL CHECK (kind IN (1, 2, 3)),
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  PRIMARY KEY (document_id, kind, start_offset)
) WITHOUT ROWID;
