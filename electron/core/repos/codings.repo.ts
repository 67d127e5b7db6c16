import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { PageRect } from '../../../shared/anchoring'
import type { Coding, CodingKind, CodingOrigin, CodingRow } from '../../../shared/types'

interface Row {
  id: number
  uuid: string
  document_id: number
  code_id: number
  coder_id: number
  kind: CodingKind
  start_offset: number
  end_offset: number
  quote: string
  prefix: string
  suffix: string
  page_from: number
  page_to: number
  rects: string
  memo: string
  origin: CodingOrigin
  origin_detail: string
  created_at: string
  updated_at: string
}

interface FullRow extends Row {
  case_name: string | null
  document_title: string
  coder_name: string
}

export interface NewCodingRow {
  documentId: number
  codeId: number
  coderId: number
  kind: CodingKind
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
  pageFrom: number
  pageTo: number
  rects: PageRect[]
  memo: string
  uuid?: string
  origin: CodingOrigin
  originDetail?: string
}

export interface CodingFilter {
  documentId?: number
  /** Only in these documents (the documents of a matrix cell). */
  documentIds?: number[]
  codeIds?: number[]
  coderIds?: number[]
}

/** SQL for codings. */
export class CodingsRepo {
  private readonly s

  constructor(private readonly db: Database.Database) {
    this.s = {
      get: db.prepare('SELECT * FROM codings WHERE id = ?'),
      insert: db.prepare(`
        INSERT INTO codings (uuid, document_id, code_id, coder_id, kind, start_offset, end_offset, quote,
                             prefix, suffix, page_from, page_to, rects, memo, origin, origin_detail, created_at, updated_at)
        VALUES (@uuid, @documentId, @codeId, @coderId, @kind, @start, @end, @quote, @prefix, @suffix,
                @pageFrom, @pageTo, @rects, @memo, @origin, @originDetail, @now, @now)`),
      update: db.prepare(`
        UPDATE codings SET code_id = @codeId, start_offset = @start, end_offset = @end, quote = @quote,
               prefix = @prefix, suffix = @suffix, page_from = @pageFrom, page_to = @pageTo, rects = @rects,
               memo = @memo, updated_at = @now
        WHERE id = @id`),
      remove: db.prepare('DELETE FROM codings WHERE id = ?'),
      // Overlapping or touching text codings of the same code and coder: these merge.
      mergeable: db.prepare(`
        SELECT * FROM codings
        WHERE document_id = ? AND code_id = ? AND coder_id = ? AND kind = 'text'
          AND start_offset <= ? AND end_offset >= ?
        ORDER BY start_offset`),
      countForCodes: db.prepare(
        'SELECT count(*) FROM codings WHERE code_id IN (SELECT value FROM json_each(?))',
      ).pluck(),
      idsForCodes: db.prepare('SELECT id FROM codings WHERE code_id IN (SELECT value FROM json_each(?)) ORDER BY id').pluck(),
      forDocument: db.prepare('SELECT * FROM codings WHERE document_id = ? ORDER BY start_offset, id'),
      moveCode: db.prepare('UPDATE codings SET code_id = ?, updated_at = ? WHERE id = ?'),
      countForDocument: db.prepare('SELECT count(*) FROM codings WHERE document_id = ?').pluck(),
      removeForDocument: db.prepare('DELETE FROM codings WHERE document_id = ?'),
      // Filters are bound as JSON arrays, so the SQL text never depends on the input.
      list: db.prepare(
        `SELECT k.*, c.name AS case_name, d.title AS document_title, r.name AS coder_name
         FROM codings k
         JOIN documents d ON d.id = k.document_id
         LEFT JOIN cases c ON c.id = d.case_id
         JOIN coders r ON r.id = k.coder_id
         WHERE (@doc IS NULL OR k.document_id = @doc)
           AND (@docs IS NULL OR k.document_id IN (SELECT value FROM json_each(@docs)))
           AND (@codes IS NULL OR k.code_id IN (SELECT value FROM json_each(@codes)))
           AND (@coders IS NULL OR k.coder_id IN (SELECT value FROM json_each(@coders)))
         ORDER BY c.sort_order, c.name, d.id, k.start_offset, k.id`,
      ),
    }
  }

  get(id: number): Coding | undefined {
    const row = this.s.get.get(id) as Row | undefined
    return row ? toCoding(row) : undefined
  }

  insert(c: NewCodingRow): number {
    const info = this.s.insert.run({ ...c, uuid: c.uuid ?? randomUUID(), rects: JSON.stringify(c.rects), originDetail: c.originDetail ?? '', now: new Date().toISOString() })
    return Number(info.lastInsertRowid)
  }

  update(c: Coding): void {
    this.s.update.run({ ...c, rects: JSON.stringify(c.rects), now: new Date().toISOString() })
  }

  remove(id: number): void {
    this.s.remove.run(id)
  }

  mergeable(documentId: number, codeId: number, coderId: number, start: number, end: number): Coding[] {
    return (this.s.mergeable.all(documentId, codeId, coderId, end, start) as Row[]).map(toCoding)
  }

  countForCodes(codeIds: number[]): number {
    return this.s.countForCodes.get(JSON.stringify(codeIds)) as number
  }

  idsForCodes(codeIds: number[]): number[] {
    return this.s.idsForCodes.all(JSON.stringify(codeIds)) as number[]
  }

  forDocument(documentId: number): Coding[] {
    return (this.s.forDocument.all(documentId) as Row[]).map(toCoding)
  }

  setCode(id: number, codeId: number): void {
    this.s.moveCode.run(codeId, new Date().toISOString(), id)
  }

  countForDocument(documentId: number): number {
    return this.s.countForDocument.get(documentId) as number
  }

  removeForDocument(documentId: number): void {
    this.s.removeForDocument.run(documentId)
  }

  /** Codings with the names of their case, document and coder; code paths are added by the caller. */
  list(filter: CodingFilter = {}): Omit<CodingRow, 'codePath'>[] {
    const rows = this.s.list
      .all({
        doc: filter.documentId ?? null,
        docs: filter.documentIds ? JSON.stringify(filter.documentIds) : null,
        codes: filter.codeIds ? JSON.stringify(filter.codeIds) : null,
        coders: filter.coderIds ? JSON.stringify(filter.coderIds) : null,
      }) as FullRow[]
    return rows.map((r) => ({
      ...toCoding(r),
      caseName: r.case_name,
      documentTitle: r.document_title,
      coderName: r.coder_name,
    }))
  }
}

function toCoding(r: Row): Coding {
  return {
    id: r.id,
    uuid: r.uuid,
    documentId: r.document_id,
    codeId: r.code_id,
    coderId: r.coder_id,
    kind: r.kind,
    start: r.start_offset,
    end: r.end_offset,
    quote: r.quote,
    prefix: r.prefix,
    suffix: r.suffix,
    pageFrom: r.page_from,
    pageTo: r.page_to,
    rects: JSON.parse(r.rects) as PageRect[],
    memo: r.memo,
    origin: r.origin,
    originDetail: r.origin_detail,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}
