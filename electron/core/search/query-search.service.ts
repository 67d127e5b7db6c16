/**
 * Search and auto-coding with the query language (shared/query/query.ts): the hits of a query
 * over the documents in scope, each widened to the unit the researcher chooses (the hit ± n
 * words, its sentence or paragraph ± n, its page), and applied as codings of one code by one
 * coder in one undo step. Saved queries keep their last hits, so a re-run marks what is new.
 */
import type Database from 'better-sqlite3'
import type { AnalysisFilter } from '../../../shared/analysis-types'
import { WerkbankError } from '../../../shared/errors'
import { QuerySyntaxError, parseQuery, type QueryNode } from '../../../shared/query/query'
import { pageAt } from '../../../shared/anchoring'
import { DOC_IN_SCOPE, scopeParams } from '../analysis/analysis-sql'
import type { DocumentsRepo } from '../repos/documents.repo'
import type { CodingService } from '../services/coding.service'
import type { History } from '../services/history.service'
import type { AutocodeResult, QueryHit, QuerySearchResult, SavedQuery, SearchUnit, Stemming } from '../../../shared/query/search-types'
import { QueryEngine, joined, type Span } from './query-engine'

export interface QuerySearchArgs {
  query: string
  stemming?: Stemming
  documentIds?: number[]
  caseIds?: number[]
  attributes?: AnalysisFilter['attributes']
  /** Leave out hits (after widening) that a coding of this code already overlaps (by this coder, if given). */
  notCodedWith?: { codeId: number; coderId?: number }
  /** What a hit becomes: the words found (± `extend` words), or its sentence, paragraph or page (± `extend` units). */
  unit?: SearchUnit
  extend?: number
  /** Hits to show (the counts are of all). */
  limit?: number
}

export interface AutocodeArgs extends QuerySearchArgs {
  codeId: number
  coderId: number
  /** Hits the researcher unticked ("documentId:start:end" of the widened hit). */
  exclude?: string[]
}

const CONTEXT = 60
const DEFAULT_LIMIT = 2000

/** The same words in another order of keys: a hit's key in lists and saved queries. */
export const hitKey = (documentId: number, start: number, end: number) => `${documentId}:${start}:${end}`

export class QuerySearchService {
  private readonly engine = new QueryEngine()
  private readonly s

  constructor(
    private readonly db: Database.Database,
    private readonly documents: DocumentsRepo,
    private readonly codings: CodingService,
    private readonly history: History,
  ) {
    this.s = {
      scope: db.prepare(`
        SELECT d.id, d.title,
               -- What names this text: the file, and what OCR last made of it (length, confidence).
               d.id || ':' || d.sha256 || ':' || d.char_count || ':' || (SELECT total(ocr_confidence) FROM pages p WHERE p.document_id = d.id) AS key
        FROM documents d LEFT JOIN cases c ON c.id = d.case_id
        WHERE ${DOC_IN_SCOPE} ORDER BY c.sort_order, c.name, d.id`),
      coded: db.prepare(`
        SELECT start_offset AS start, end_offset AS end FROM codings
        WHERE document_id = ? AND code_id = ? AND (? IS NULL OR coder_id = ?) AND kind = 'text' ORDER BY start_offset`),
      codeExists: db.prepare('SELECT 1 FROM codes WHERE id = ?').pluck(),
      saved: db.prepare('SELECT id, name, query, options, created_at AS createdAt, last_run_at AS lastRunAt, last_hits AS lastHits FROM saved_queries ORDER BY name, id'),
      savedOne: db.prepare('SELECT id, name, query, options, last_hits AS lastHits FROM saved_queries WHERE id = ?'),
      insertSaved: db.prepare("INSERT INTO saved_queries (name, query, options, created_at) VALUES (?, ?, ?, ?)"),
      deleteSaved: db.prepare('DELETE FROM saved_queries WHERE id = ?'),
      markRun: db.prepare('UPDATE saved_queries SET last_run_at = ?, last_hits = ? WHERE id = ?'),
    }
  }

  /** Reads a query, turning a syntax error into a translated one that says where. */
  static parse(query: string): QueryNode {
    try {
      return parseQuery(query)
    } catch (e) {
      if (e instanceof QuerySyntaxError) throw new WerkbankError(`query-${e.reason}`, { at: e.at, column: e.at + 1 })
      throw e
    }
  }

  /** Every hit of the query in the documents in scope, widened to the unit asked for. */
  search(args: QuerySearchArgs): QuerySearchResult {
    const spans = this.spans(args)
    const limit = args.limit ?? DEFAULT_LIMIT
    const hits: QueryHit[] = []
    const documents: QuerySearchResult['documents'] = []
    let total = 0
    for (const d of spans) {
      total += d.spans.length
      documents.push({ documentId: d.id, title: d.title, hits: d.spans.length })
      if (hits.length >= limit) continue
      const text = this.documents.text(d.id)
      const starts = this.documents.pageStarts(d.id)
      for (const [start, end] of d.spans) {
        if (hits.length >= limit) break
        hits.push({
          documentId: d.id, start, end, page: pageAt(starts, start),
          before: text.slice(Math.max(0, start - CONTEXT), start), text: text.slice(start, end), after: text.slice(end, end + CONTEXT),
        })
      }
    }
    return { hits, documents, total, truncated: total > hits.length }
  }

  /** What auto-coding would do: hits, new codings after joining, and hits that join existing ones. */
  preview(args: AutocodeArgs): AutocodeResult {
    return this.plan(args, false)
  }

  /** Codes every hit (but the excluded) with the code, as the coder, in one undo step. */
  apply(args: AutocodeArgs): AutocodeResult {
    return this.plan(args, true)
  }

  private plan(args: AutocodeArgs, write: boolean): AutocodeResult {
    if (this.s.codeExists.get(args.codeId) === undefined) throw new WerkbankError('code-not-found', { codeId: args.codeId })
    const excluded = new Set(args.exclude ?? [])
    const perDoc = this.spans(args).map((d) => ({ ...d, spans: d.spans.filter(([s, e]) => !excluded.has(hitKey(d.id, s, e))) }))
    const result: AutocodeResult = { hits: 0, codings: 0, merged: 0, codingIds: [] }
    const work = () => {
      for (const d of perDoc) {
        // The coder's codings of this code: a hit that overlaps or touches one extends it.
        const mine = this.s.coded.all(d.id, args.codeId, args.coderId, args.coderId) as { start: number; end: number }[]
        for (const [start, end] of d.spans) {
          result.hits++
          const joins = mine.some((c) => c.start <= end && start <= c.end)
          if (joins) result.merged++
          else result.codings++
          if (write) {
            const k = this.codings.create({
              documentId: d.id, codeId: args.codeId, coderId: args.coderId, start, end,
              origin: 'autocode', originDetail: describe(args),
            })
            result.codingIds.push(k.id)
          }
        }
      }
    }
    if (write) this.history.record('autocode', { hits: perDoc.reduce((n, d) => n + d.spans.length, 0) }, work)
    else work()
    result.codingIds = [...new Set(result.codingIds)]
    return result
  }

  /** The widened, joined hit spans per document in scope, in document order. */
  private spans(args: QuerySearchArgs): { id: number; title: string; spans: Span[] }[] {
    const tree = QuerySearchService.parse(args.query)
    const filter: AnalysisFilter = {
      ...(args.documentIds ? { documentIds: args.documentIds } : {}),
      ...(args.caseIds ? { caseIds: args.caseIds } : {}),
      ...(args.attributes ? { attributes: args.attributes } : {}),
    }
    const docs = this.s.scope.all(scopeParams([], filter)) as { id: number; title: string; key: string }[]
    if (args.documentIds) for (const id of args.documentIds) if (!docs.some((d) => d.id === id) && !this.documents.get(id)) throw new WerkbankError('document-not-found', { documentId: id })
    const unit = args.unit ?? 'hit'
    const extend = Math.max(0, Math.trunc(args.extend ?? 0))
    const out: { id: number; title: string; spans: Span[] }[] = []
    for (const d of docs) {
      const units = this.documents.units
      const doc = {
        id: d.id,
        key: d.key,
        text: () => this.documents.text(d.id),
        units: (kind: 'sentence' | 'paragraph') => units.all(d.id, kind),
      }
      const found = this.engine.evaluate(tree, doc, { stemming: args.stemming ?? 'none' })
      if (found.length === 0) continue
      // The document's units of the kind asked for, read once for all its hits.
      const around = unit === 'hit' ? null : units.all(d.id, unit)
      let spans = joinTouching(found.map((h) => (around ? widenToUnits(around, h, extend) : this.widenByWords(d.key, h, extend))))
      if (args.notCodedWith) {
        const coded = this.s.coded.all(d.id, args.notCodedWith.codeId, args.notCodedWith.coderId ?? null, args.notCodedWith.coderId ?? null) as { start: number; end: number }[]
        spans = spans.filter(([s, e]) => !coded.some((c) => c.start < e && s < c.end))
      }
      if (spans.length > 0) out.push({ id: d.id, title: d.title, spans })
    }
    return out
  }

  /** A hit widened by `n` words on each side. */
  private widenByWords(key: string, hit: Span, n: number): Span {
    return n === 0 ? hit : this.engine.wordsAround(key, hit, n)
  }

  // -------------------------------------------------------------------------------------------
  // Saved queries

  listSaved(): SavedQuery[] {
    return (this.s.saved.all() as { id: number; name: string; query: string; options: string; createdAt: string; lastRunAt: string | null; lastHits: string }[])
      .map((r) => ({ ...r, options: JSON.parse(r.options) as SavedOptions, lastHits: (JSON.parse(r.lastHits) as string[]).length }))
  }

  save(name: string, query: string, options: SavedOptions): number {
    QuerySearchService.parse(query)
    return Number(this.s.insertSaved.run(name.trim(), query, JSON.stringify(options), new Date().toISOString()).lastInsertRowid)
  }

  deleteSaved(id: number): void {
    if (this.s.deleteSaved.run(id).changes === 0) throw new WerkbankError('query-not-found', { queryId: id })
  }

  /** Runs a saved query, marks the hits that are new since its last run, and remembers these. */
  runSaved(id: number, limit?: number): QuerySearchResult {
    const row = this.s.savedOne.get(id) as { id: number; query: string; options: string; lastHits: string } | undefined
    if (!row) throw new WerkbankError('query-not-found', { queryId: id })
    const before = new Set(JSON.parse(row.lastHits) as string[])
    const firstRun = before.size === 0 && (this.s.saved.all() as { id: number; lastRunAt: string | null }[]).find((r) => r.id === id)?.lastRunAt === null
    const args = { ...(JSON.parse(row.options) as SavedOptions), query: row.query, limit: Number.MAX_SAFE_INTEGER }
    const all = this.search(args)
    const keys = all.hits.map((h) => hitKey(h.documentId, h.start, h.end))
    this.s.markRun.run(new Date().toISOString(), JSON.stringify(keys), id)
    const hits = all.hits.map((h, i) => ({ ...h, isNew: !firstRun && !before.has(keys[i]!) }))
    const shown = hits.slice(0, limit ?? DEFAULT_LIMIT)
    return { ...all, hits: shown, truncated: all.total > shown.length }
  }
}

/** What a saved query keeps beside its text. */
export type SavedOptions = Omit<QuerySearchArgs, 'query' | 'limit'>

/** The auto-coding's record in a coding's provenance: the query and how hits were widened. */
function describe(args: QuerySearchArgs): string {
  const unit = args.unit ?? 'hit'
  const extend = args.extend ? ` ±${args.extend}` : ''
  const stem = args.stemming && args.stemming !== 'none' ? ` stemming:${args.stemming}` : ''
  return `${args.query} [${unit}${extend}${stem}]`
}

/**
 * A hit widened to the units (sentences, paragraphs or pages, in order) it overlaps, ± n units;
 * a hit that lies in no unit (white space between them) stays as it is.
 */
function widenToUnits(all: readonly { start: number; end: number }[], [s, e]: Span, n: number): Span {
  // The first unit that ends after the hit starts, and the last that starts before it ends.
  let lo = 0
  let hi = all.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (all[mid]!.end <= s) lo = mid + 1
    else hi = mid
  }
  let last = lo - 1
  while (last + 1 < all.length && all[last + 1]!.start < e) last++
  if (last < lo) return [s, e]
  const from = all[Math.max(0, lo - n)]!
  const to = all[Math.min(all.length - 1, last + n)]!
  return [Math.min(from.start, s), Math.max(to.end, e)]
}

/** Sorted; spans that overlap or touch joined into one (they would become one coding). */
function joinTouching(spans: Span[]): Span[] {
  const out: Span[] = []
  for (const s of joined(spans)) {
    const last = out[out.length - 1]
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1])
    else out.push([s[0], s[1]])
  }
  return out
}
