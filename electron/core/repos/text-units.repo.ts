import type Database from 'better-sqlite3'
import type { ItemBox } from '../../../shared/page-text'
import { pageUnits, type Span } from '../../../shared/text-units'

/** The kinds of text unit, as stored (migration 0007). */
export const UNIT_KIND = { sentence: 1, paragraph: 2, page: 3 } as const
export type UnitKind = keyof typeof UNIT_KIND

/** A page as its units are derived from it: where it starts in the document, its text and boxes. */
export interface UnitPage {
  start: number
  text: string
  boxes: readonly ItemBox[]
}

/**
 * Sentences, paragraphs and pages of each document as offsets into its canonical text (see
 * shared/text-units.ts for how they are found). Written with the document's pages, in the same
 * transaction; read as "the unit around offset X" and "the units in a range".
 */
export class TextUnitsRepo {
  private readonly s

  constructor(private readonly db: Database.Database) {
    this.s = {
      insert: db.prepare('INSERT OR REPLACE INTO text_units (document_id, kind, start_offset, end_offset) VALUES (?, ?, ?, ?)'),
      around: db.prepare(`
        SELECT start_offset AS start, end_offset AS end FROM text_units
        WHERE document_id = ? AND kind = ? AND start_offset <= ? ORDER BY start_offset DESC LIMIT 1`),
      inRange: db.prepare(`
        SELECT start_offset AS start, end_offset AS end FROM text_units
        WHERE document_id = @doc AND kind = @kind AND start_offset < @end AND end_offset > @start
          AND start_offset >= ifnull((SELECT max(start_offset) FROM text_units WHERE document_id = @doc AND kind = @kind AND start_offset <= @start), 0)
        ORDER BY start_offset`),
      all: db.prepare('SELECT start_offset AS start, end_offset AS end FROM text_units WHERE document_id = ? AND kind = ? ORDER BY start_offset'),
      missing: db.prepare(`
        SELECT d.id FROM documents d
        WHERE NOT EXISTS (SELECT 1 FROM text_units u WHERE u.document_id = d.id AND u.kind = 3)`).pluck(),
      pages: db.prepare('SELECT start_offset AS start, text, items FROM pages WHERE document_id = ? ORDER BY page_no'),
    }
  }

  /** Derives and stores the units of a document's pages; the caller holds the transaction. */
  insertForDocument(documentId: number, pages: readonly UnitPage[]): void {
    for (const p of pages) {
      const units = pageUnits(p.text, p.boxes)
      const put = (kind: number, spans: Span[]) => {
        for (const [s, e] of spans) this.s.insert.run(documentId, kind, p.start + s, p.start + e)
      }
      put(UNIT_KIND.sentence, units.sentences)
      put(UNIT_KIND.paragraph, units.paragraphs)
      // Every page, empty ones too: a document whose pages are all there has been done.
      this.s.insert.run(documentId, UNIT_KIND.page, p.start, p.start + p.text.length)
    }
  }

  /**
   * Gives documents imported before text units existed their units (on opening a study: the
   * layout rules are TypeScript, which a SQL migration cannot run). One transaction.
   */
  fillMissing(): number {
    if (this.db.readonly) return 0
    const ids = this.s.missing.all() as number[]
    if (ids.length === 0) return 0
    this.db.transaction(() => {
      for (const id of ids) {
        const pages = (this.s.pages.all(id) as { start: number; text: string; items: string }[]).map((p) => ({
          start: p.start, text: p.text, boxes: JSON.parse(p.items) as ItemBox[],
        }))
        this.insertForDocument(id, pages)
      }
    })()
    return ids.length
  }

  /** The unit of this kind that holds `offset`, or null (between units: white space, a page break). */
  around(documentId: number, kind: UnitKind, offset: number): { start: number; end: number } | null {
    const u = this.s.around.get(documentId, UNIT_KIND[kind], offset) as { start: number; end: number } | undefined
    return u && offset < u.end ? u : null
  }

  /** The units of this kind that overlap [start, end), in order. */
  inRange(documentId: number, kind: UnitKind, start: number, end: number): { start: number; end: number }[] {
    return this.s.inRange.all({ doc: documentId, kind: UNIT_KIND[kind], start, end }) as { start: number; end: number }[]
  }

  /** Every unit of this kind in a document, in order. */
  all(documentId: number, kind: UnitKind): { start: number; end: number }[] {
    return this.s.all.all(documentId, UNIT_KIND[kind]) as { start: number; end: number }[]
  }
}
