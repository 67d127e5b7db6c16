/**
 * SQL of the cross-case analyses. Every count is made by SQLite (GROUP BY, window functions);
 * TypeScript only places the aggregated numbers in a table. Filters are bound as JSON arrays,
 * so the SQL text depends on the shape of the question (what the columns are, roll-up), never
 * on the input; the few shapes are prepared once per connection, on first use.
 */
import type Database from 'better-sqlite3'
import type { AnalysisFilter } from '../../../shared/analysis-types'

/** What a matrix column groups by. */
export type ColumnKind = 'cases' | 'documents' | 'coders' | 'attribute'

/** The parameters every analysis statement binds. */
export interface ScopeParams {
  /** JSON array of the row codes' ids. */
  rows: string
  /** The attribute whose values are the columns, for `attribute` columns. */
  attr: string | null
  docs: string | null
  cases: string | null
  attrs: string | null
  coders: string | null
}

export function scopeParams(rows: number[], filter: AnalysisFilter, attr: string | null = null): ScopeParams {
  const json = (v: unknown[] | undefined) => (v === undefined ? null : JSON.stringify(v))
  return {
    rows: JSON.stringify(rows),
    attr,
    docs: json(filter.documentIds),
    cases: json(filter.caseIds),
    attrs: json(filter.attributes),
    coders: json(filter.coderIds),
  }
}

/** Case `alias` passes the case filter: one of @cases, and every @attrs condition holds. */
function casePasses(caseId: string): string {
  return `(@cases IS NULL OR ${caseId} IN (SELECT value FROM json_each(@cases)))
    AND (@attrs IS NULL OR NOT EXISTS (
      SELECT 1 FROM json_each(@attrs) f
      WHERE NOT EXISTS (
        SELECT 1 FROM case_attributes a
        WHERE a.case_id = ${caseId} AND a.name = f.value ->> 'name'
          AND a.value IN (SELECT value FROM json_each(f.value, '$.values')))))`
}

/** Document `d` is in scope: one of @docs, and its case passes the case filter. */
export const DOC_IN_SCOPE = `(@docs IS NULL OR d.id IN (SELECT value FROM json_each(@docs))) AND ${casePasses('d.case_id')}`
export const CASE_IN_SCOPE = casePasses('c.id')
export const CODER_IN_SCOPE = (coderId: string) => `(@coders IS NULL OR ${coderId} IN (SELECT value FROM json_each(@coders)))`

const COLUMN_OF_DOCUMENT: Record<ColumnKind, string> = {
  cases: 'd.case_id',
  documents: 'd.id',
  coders: 'NULL',
  attribute: '(SELECT a.value FROM case_attributes a WHERE a.case_id = d.case_id AND a.name = @attr)',
}

/**
 * The common head of every analysis query:
 * - `row_code(r, code)`: which codes' codings each row counts (itself; with roll-up also every
 *   descendant, found by a recursive walk down the tree);
 * - `scope(d, c, len)`: the documents in scope with their column and length;
 * - `hits(r, c, d, s, e, w, i)`: one line per coding and row it counts in (row, column,
 *   document, start, end, coder, coding id), within the filter.
 */
export function head(kind: ColumnKind, rollup: boolean): string {
  const rowCode = rollup
    ? `row_code(r, code) AS (
         SELECT value, value FROM json_each(@rows)
         UNION ALL SELECT rc.r, c.id FROM codes c JOIN row_code rc ON c.parent_id = rc.code)`
    : 'row_code(r, code) AS (SELECT value, value FROM json_each(@rows))'
  // Without roll-up the row is the coding's own code: a plain IN keeps the scan as cheap as a
  // bare GROUP BY over codings.
  const hits = rollup
    ? `SELECT rc.r, ${kind === 'coders' ? 'k.coder_id' : 'sc.c'}, k.document_id, k.start_offset, k.end_offset, k.coder_id, k.id
       FROM codings k JOIN scope sc ON sc.d = k.document_id JOIN row_code rc ON rc.code = k.code_id
       WHERE ${CODER_IN_SCOPE('k.coder_id')}`
    : `SELECT k.code_id, ${kind === 'coders' ? 'k.coder_id' : 'sc.c'}, k.document_id, k.start_offset, k.end_offset, k.coder_id, k.id
       FROM codings k JOIN scope sc ON sc.d = k.document_id
       WHERE k.code_id IN (SELECT value FROM json_each(@rows)) AND ${CODER_IN_SCOPE('k.coder_id')}`
  return `WITH RECURSIVE
    ${rowCode},
    scope(d, c, len) AS MATERIALIZED (
      SELECT d.id, ${COLUMN_OF_DOCUMENT[kind]}, d.char_count FROM documents d WHERE ${DOC_IN_SCOPE}),
    hits(r, c, d, s, e, w, i) AS (${hits})`
}

/** What each level of a coverage answer groups by: cell, row, column, everything. */
const LEVEL_GROUP = ['r, c', 'r', 'c', null] as const
const LEVEL_COLUMNS = ['r, c', 'r, NULL AS c', 'NULL AS r, c', 'NULL AS r, NULL AS c'] as const

/**
 * Length of the union of intervals (s, e) per partition, summed per level's group: ordered by
 * start within each partition, an interval adds only what reaches beyond the largest end before
 * it (the running maximum of e over the preceding rows), so overlapping intervals count once.
 */
function unionLength(from: string, partition: string, level: 0 | 1 | 2 | 3): string {
  const group = LEVEL_GROUP[level]
  return `SELECT ${level} AS lvl, ${LEVEL_COLUMNS[level]}, ifnull(sum(e - max(s, ifnull(pe, s))), 0) AS n FROM (
      SELECT ${group ? `${group}, ` : ''}s, e,
        max(e) OVER (PARTITION BY ${partition} ORDER BY s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pe
      FROM ${from})
    WHERE e > ifnull(pe, s)${group ? ` GROUP BY ${group}` : ''}`
}

/** Codings per row and column. */
export function segmentsSql(kind: ColumnKind, rollup: boolean): string {
  return `${head(kind, rollup)}
    SELECT r, c, count(*) AS n FROM hits GROUP BY r, c`
}

/** Distinct documents per cell (level 0), row (1), column (2) and overall (3). */
export function documentsSql(kind: ColumnKind, rollup: boolean): string {
  return `${head(kind, rollup)},
    rcd AS MATERIALIZED (SELECT DISTINCT r, c, d FROM hits)
    SELECT 0 AS lvl, r, c, count(*) AS n FROM rcd GROUP BY r, c
    UNION ALL SELECT 1, r, NULL, count(DISTINCT d) FROM rcd GROUP BY r
    UNION ALL SELECT 2, NULL, c, count(DISTINCT d) FROM rcd GROUP BY c
    UNION ALL SELECT 3, NULL, NULL, count(DISTINCT d) FROM rcd`
}

/**
 * Area codings (start = end: a rectangle on a page, no extent in the text) per cell (level 0),
 * row (1), column (2) and overall (3), each coding once per level: coverage cannot show them,
 * so the coverage matrix counts them beside it.
 */
export function areasSql(kind: ColumnKind, rollup: boolean): string {
  return `${head(kind, rollup)},
    areas AS MATERIALIZED (SELECT r, c, i FROM hits WHERE e = s)
    SELECT 0 AS lvl, r, c, count(*) AS n FROM areas GROUP BY r, c
    UNION ALL SELECT 1, r, NULL, count(DISTINCT i) FROM areas GROUP BY r
    UNION ALL SELECT 2, NULL, c, count(DISTINCT i) FROM areas GROUP BY c
    UNION ALL SELECT 3, NULL, NULL, count(DISTINCT i) FROM areas`
}

/**
 * Covered characters per cell (level 0) and column (2); for coder columns also per row (1)
 * and overall (3), because coders share documents. (Otherwise each document lies in one
 * column, so a row's covered characters are the sum of its cells, and the overall figure the
 * sum of the columns'.) Area codings (start = end) add nothing and are left out.
 *
 * One window pass over the codings finds the runs of covered characters of each code, document
 * (and coder, for coder columns): ordered by start, a coding opens a run when it starts beyond
 * the largest end before it (`pe`), and only those rows are kept — far fewer than the codings
 * where codings overlap. A run ends where the next run's `pe` says the covered text stopped,
 * the last one at the largest end of all. Every level is then a union of runs rather than of
 * codings: a cell adds up its code's runs (with roll-up, the union of the runs of the codes it
 * gathers), a column takes the union of the runs of all codes. The window over the codings is
 * the one expensive step (test/bench/matrix.bench.ts), so it runs once, without roll-up's
 * duplicates, over the covering index codings_code_document in its own order (no sort), with
 * as few columns as it can carry.
 */
export function coverageSql(kind: ColumnKind, rollup: boolean): string {
  const coders = kind === 'coders'
  // g only where it varies (the coder, for coder columns): SQLite then sees the index order.
  const g = coders ? 'k.coder_id' : 'NULL'
  const codePart = coders ? 'code, d, g' : 'code, d'
  const rowPart = coders ? 'r, c, d' : 'r, d'
  const rowRuns = rollup
    ? '(SELECT rc.r, u.c, u.d, u.s, u.e FROM runs u JOIN row_code rc ON rc.code = u.code)'
    : '(SELECT code AS r, c, d, s, e FROM runs)'
  const levels = [
    rollup ? unionLength(rowRuns, rowPart, 0) : 'SELECT 0 AS lvl, code AS r, c, sum(e - s) AS n FROM runs GROUP BY code, c',
    unionLength('runs', 'c, d', 2),
  ]
  if (coders) levels.push(unionLength(rowRuns, 'r, d', 1), unionLength('runs', 'd', 3))
  return `${head(kind, rollup)},
    src AS NOT MATERIALIZED (
      SELECT k.code_id AS code, ${g} AS g, k.document_id AS d, k.start_offset AS s, k.end_offset AS e
      FROM codings k
      WHERE k.code_id IN (SELECT code FROM row_code) AND k.document_id IN (SELECT d FROM scope)
        AND ${CODER_IN_SCOPE('k.coder_id')} AND k.end_offset > k.start_offset),
    starts AS MATERIALIZED (
      SELECT code, g, d, s, pe FROM (
        SELECT code, g, d, s, max(e) OVER (PARTITION BY ${codePart} ORDER BY s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pe
        FROM src)
      WHERE pe IS NULL OR s > pe),
    ends AS MATERIALIZED (SELECT code, g, d, max(e) AS e FROM src GROUP BY ${codePart}),
    runs AS MATERIALIZED (
      SELECT x.code, ${coders ? 'x.g' : 'sc.c'} AS c, x.d, x.s, ifnull(x.e, en.e) AS e
      FROM (SELECT code, g, d, s, lead(pe) OVER (PARTITION BY ${codePart} ORDER BY s) AS e FROM starts) x
      JOIN ends en ON en.code = x.code AND en.g IS x.g AND en.d = x.d JOIN scope sc ON sc.d = x.d)
    ${levels.join('\n    UNION ALL ')}`
}

/**
 * Overlap co-occurrence of each pair of rows (x ≠ y), within one coder's work: two codings
 * co-occur when they are distinct text codings by the same coder that overlap in a document.
 * (Codings by two coders that overlap with different codes are a disagreement, not
 * co-occurrence; with several coders in scope the cell is the sum over coders.) A coder's part
 * counts segments, not pairs: of x's codings that overlap one of y's and of y's that overlap
 * one of x's, the smaller number, so that a long passage holding three short ones counts once
 * and a cell never exceeds either code's count of segments.
 *
 * Each overlapping pair is found once, from the coding that starts first (the lower id on a
 * tie), by a range search on codings_document_start; with roll-up a coding counts for every row
 * that gathers its code, and a pair whose codings both fall in one row adds nothing there.
 */
export function overlapPairsSql(rollup: boolean): string {
  return `${head('cases', rollup)},
    codes_in_rows AS MATERIALIZED (SELECT DISTINCT code FROM row_code),
    a AS (
      SELECT k.id, k.document_id AS d, k.code_id AS code, k.coder_id AS coder, k.start_offset AS s, k.end_offset AS e
      FROM codings k JOIN scope sc ON sc.d = k.document_id
      WHERE k.end_offset > k.start_offset AND k.code_id IN (SELECT code FROM codes_in_rows)
        AND ${CODER_IN_SCOPE('k.coder_id')}),
    pairs AS MATERIALIZED (
      SELECT a.coder AS w, a.id AS ai, a.code AS ac, b.id AS bi, b.code_id AS bc
      FROM a JOIN codings b INDEXED BY codings_document_start
        ON b.document_id = a.d AND b.start_offset >= a.s AND b.start_offset < a.e
      WHERE (b.start_offset > a.s OR b.id > a.id) AND b.end_offset > b.start_offset
        AND b.coder_id = a.coder AND b.code_id IN (SELECT code FROM codes_in_rows)),
    members(w, x, y, k) AS (
      SELECT w, ra.r, rb.r, ai FROM pairs JOIN row_code ra ON ra.code = ac JOIN row_code rb ON rb.code = bc
      UNION
      SELECT w, rb.r, ra.r, bi FROM pairs JOIN row_code ra ON ra.code = ac JOIN row_code rb ON rb.code = bc),
    one_sided AS MATERIALIZED (SELECT w, x, y, count(*) AS n FROM members WHERE x <> y GROUP BY w, x, y)
    SELECT p.x, p.y, sum(min(p.n, q.n)) AS n
    FROM one_sided p JOIN one_sided q ON q.w = p.w AND q.x = p.y AND q.y = p.x
    GROUP BY p.x, p.y`
}

/** Text codings per row: the diagonal of overlap co-occurrence. */
export function textCodingsSql(rollup: boolean): string {
  return `${head('cases', rollup)}
    SELECT r AS x, r AS y, count(*) AS n FROM hits WHERE e > s GROUP BY r`
}

/**
 * Documents (or cases) where both rows occur in one coder's work, summed over the coders in
 * scope; the diagonal counts the documents (cases) of each row the same way.
 */
export function sharedUnitsSql(unit: 'document' | 'case', rollup: boolean): string {
  const u = unit === 'document' ? 'd' : 'c'
  return `${head('cases', rollup)},
    ru AS MATERIALIZED (SELECT DISTINCT r, w, ${u} AS u FROM hits WHERE ${u} IS NOT NULL)
    SELECT a.r AS x, b.r AS y, count(*) AS n FROM ru a JOIN ru b ON b.u = a.u AND b.w = a.w GROUP BY a.r, b.r`
}

/**
 * For the saturation curve: each document with codings, in the order it was first coded (its
 * earliest coding, the lower id on a tie), and its codings; then the rows (codes) and
 * code × case cells found in each document. Which of those are new is decided in that order.
 */
export function saturationDocumentsSql(rollup: boolean): string {
  return `${head('cases', rollup)}
    SELECT k.document_id AS d, min(k.created_at) AS first, min(k.id) AS firstId, count(*) AS n
    FROM codings k
    WHERE k.document_id IN (SELECT d FROM scope) AND k.code_id IN (SELECT code FROM row_code) AND ${CODER_IN_SCOPE('k.coder_id')}
    GROUP BY k.document_id`
}

export function saturationCellsSql(rollup: boolean): string {
  return `${head('cases', rollup)}
    SELECT DISTINCT d, r, c FROM hits`
}

/** The documents in scope, in the order documents are listed (by case, then id). */
export const SCOPE_DOCUMENTS_SQL = `
  SELECT d.id, d.case_id AS caseId, d.title, d.char_count AS chars,
         (SELECT a.value FROM case_attributes a WHERE a.case_id = d.case_id AND a.name = @attr) AS attr
  FROM documents d LEFT JOIN cases c ON c.id = d.case_id
  WHERE ${DOC_IN_SCOPE}
  ORDER BY c.sort_order, c.name, d.id`

/** The cases that pass the case filter, in their order. */
export const SCOPE_CASES_SQL = `
  SELECT c.id, c.name, (SELECT a.value FROM case_attributes a WHERE a.case_id = c.id AND a.name = @attr) AS attr
  FROM cases c WHERE ${CASE_IN_SCOPE} ORDER BY c.sort_order, c.name`

/** Prepared statements by SQL text: the shapes are few, each is prepared once. */
export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>()
  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let st = this.cache.get(sql)
    if (!st) {
      st = this.db.prepare(sql)
      this.cache.set(sql, st)
    }
    return st
  }
}

/**
 * SQLite sorts in memory up to the page cache's size and spills to temporary files beyond it.
 * A matrix over a million codings sorts tens of megabytes, so the cache is raised for the
 * duration of the query (a GROUP BY over 1M codings: 0.97 → 0.77 s in test/bench/matrix.bench.ts)
 * and put back afterwards, when SQLite also releases the pages above the old size. Small
 * studies never fill it.
 */
export function withSortMemory<T>(db: Database.Database, work: () => T, kib = 256 * 1024): T {
  const before = db.pragma('cache_size', { simple: true }) as number
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const beforeKib = before < 0 ? -before : (before * pageSize) / 1024
  if (beforeKib >= kib) return work()
  db.pragma(`cache_size = ${-kib}`)
  try {
    return work()
  } finally {
    db.pragma(`cache_size = ${before}`)
  }
}
