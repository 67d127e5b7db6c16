/**
 * Suggestions ("find more like this", issue 11 item 4): the units of the chosen documents ranked
 * for one code by the scorer (in a worker), learning from the coder's own codings and rejections;
 * accepting one makes it an ordinary coding of that coder with origin 'suggestion'.
 */
import type Database from 'better-sqlite3'
import { WerkbankError } from '../../../shared/errors'
import type { SuggestEvalReport, Suggestion, SuggestionList } from '../../../shared/suggestion-types'
import type { Code, Coding } from '../../../shared/types'
import type { StudySession } from '../study-session'
import { SuggestionCorpus, unitsCovered, type Span, type Unit } from './corpus'
import { evaluateSuggestions, type EvalOptions } from './evaluate'
import type { CodeProfile, Feedback } from './scorer'
import { detectLanguage, type Language } from './terms'

/** The coder's segments of a code needed before it gets suggestions. */
export const MIN_SEGMENTS = 3
export const DEFAULT_LIMIT = 20

/** Ranks units for a code: the worker in the app, the scorer itself in tests. */
export interface RankBackend {
  readonly method: string
  /** Units scoring below it are not offered, beyond the first `minimum` (see SuggestionScorer). */
  readonly threshold: number
  readonly minimum: number
  rank(code: CodeProfile, units: readonly Unit[], feedback: Feedback): Promise<Float64Array> | Float64Array
}

export function codeProfile(code: Code, lang: Language): CodeProfile {
  return {
    id: code.id, name: code.name, definition: code.definition, inclusion: code.inclusion,
    example: code.example, exclusion: code.exclusion, lang,
  }
}

interface CodingSpan extends Span {
  documentId: number
  codeId: number
}

export interface SuggestionTarget {
  codeId: number
  coderId: number
  documentId: number
  start: number
  end: number
}

export class SuggestionService {
  private readonly corpus: SuggestionCorpus
  private readonly s

  constructor(private readonly session: StudySession, private readonly backend: RankBackend) {
    this.corpus = new SuggestionCorpus(session)
    const db: Database.Database = session.study.db
    this.s = {
      codings: db.prepare(`
        SELECT document_id AS documentId, code_id AS codeId, start_offset AS start, end_offset AS end FROM codings
        WHERE coder_id = ? AND kind = 'text' AND end_offset > start_offset ORDER BY document_id, start_offset`),
      rejected: db.prepare(`
        SELECT document_id AS documentId, start_offset AS start, end_offset AS end FROM rejected_suggestions
        WHERE code_id = ? AND coder_id = ? ORDER BY document_id, start_offset`),
      reject: db.prepare(`
        INSERT OR IGNORE INTO rejected_suggestions (code_id, coder_id, document_id, start_offset, end_offset) VALUES (?, ?, ?, ?, ?)`),
    }
  }

  get method(): string {
    return this.backend.method
  }

  /**
   * The best `limit` units for the code in the chosen documents (default: all), for the coder:
   * units the coder has already coded with it, or rejected for it, are not offered. The model
   * learns from the coder's codings in every document the coder has coded anything in.
   */
  async list(args: { codeId: number; coderId: number; documentIds?: number[]; limit?: number }): Promise<SuggestionList> {
    const code = this.session.codebook.get(args.codeId)
    const coder = this.session.coders.get(args.coderId)
    if (!coder) throw new WerkbankError('coder-not-found', { coderId: args.coderId })
    const docs = this.documents(args.documentIds)
    const rows = this.s.codings.all(coder.id) as CodingSpan[]
    const own = rows.filter((r) => r.codeId === code.id)
    if (own.length < MIN_SEGMENTS) {
      throw new WerkbankError('suggestion-too-few-segments', { code: code.path, coder: coder.name, count: own.length, needed: MIN_SEGMENTS })
    }
    const { feedback, coded, rejected } = this.knowledge(code.id, coder.id, rows)
    const candidates = docs.flatMap((d) => this.corpus.units(d)).filter((u) => !coded.has(u) && !rejected.has(u.key))
    const ranked = await this.rankUnits(code, candidates, feedback)
    // The method abstains below its threshold, but always offers its best few.
    const offered = ranked.filter((r, i) => i < this.backend.minimum || r.score >= this.backend.threshold)
    return { method: this.backend.method, segments: own.length, items: offered.slice(0, args.limit ?? DEFAULT_LIMIT) }
  }

  /** Scores every unit of the chosen documents for the code, best first (the agreement view uses the units over a threshold). */
  async rankAll(codeId: number, coderId: number, documentIds?: number[]): Promise<Suggestion[]> {
    const code = this.session.codebook.get(codeId)
    const rows = this.s.codings.all(coderId) as CodingSpan[]
    const { feedback } = this.knowledge(codeId, coderId, rows)
    const units = this.documents(documentIds).flatMap((d) => this.corpus.units(d))
    return this.rankUnits(code, units, feedback)
  }

  /** suggest-eval's simulated coder, with this service's method; reads only. */
  evaluate(opts: EvalOptions): Promise<SuggestEvalReport> {
    return evaluateSuggestions(this.session, this.backend, opts)
  }

  /** Accepts a suggestion: a coding of the coder with origin 'suggestion' and the method as detail (one undo step). */
  accept(t: SuggestionTarget): Coding {
    return this.session.codings.create({
      documentId: t.documentId, codeId: t.codeId, coderId: t.coderId, start: t.start, end: t.end,
      origin: 'suggestion', originDetail: this.backend.method,
    })
  }

  /** Rejects a suggestion: remembered in the study, never offered again to that coder for that code. */
  reject(t: SuggestionTarget): void {
    this.session.codebook.get(t.codeId)
    if (!this.session.coders.get(t.coderId)) throw new WerkbankError('coder-not-found', { coderId: t.coderId })
    const text = this.session.documents.text(t.documentId)
    if (t.start >= t.end || t.end > text.length) {
      throw new WerkbankError('coding-range-invalid', { start: t.start, end: t.end, length: text.length })
    }
    this.s.reject.run(t.codeId, t.coderId, t.documentId, t.start, t.end)
  }

  private documents(ids?: number[]): number[] {
    const all = this.session.documents.list().map((d) => d.id)
    if (!ids) return all
    for (const id of ids) if (!all.includes(id)) throw new WerkbankError('document-not-found', { documentId: id })
    return ids
  }

  /**
   * What the coder's work says about the code: units of its segments (positive), units rejected
   * for it and units of the coder's other codes (negative), the other units of documents the coder
   * has coded in (background: read and left uncoded, or not yet read).
   */
  private knowledge(codeId: number, coderId: number, rows: CodingSpan[], leaveOut?: ReadonlySet<number>) {
    const byDoc = new Map<number, CodingSpan[]>()
    for (const r of rows) (byDoc.get(r.documentId) ?? byDoc.set(r.documentId, []).get(r.documentId)!).push(r)
    const rejectedRows = this.s.rejected.all(codeId, coderId) as CodingSpan[]
    const rejected = new Set(rejectedRows.map((r) => `${r.documentId}:${r.start}:${r.end}`))
    const positive: Unit[] = []
    const negative: Unit[] = []
    const background: Unit[] = []
    const coded = new Set<Unit>()
    const known = new Set(this.session.documents.list().map((d) => d.id).filter((id) => !leaveOut?.has(id)))
    for (const [doc, spans] of byDoc) {
      if (!known.has(doc)) continue
      const units = this.corpus.units(doc)
      const mine = unitsCovered(units, spans.filter((r) => r.codeId === codeId))
      const others = unitsCovered(units, spans.filter((r) => r.codeId !== codeId))
      for (const u of units) {
        if (mine.has(u)) {
          positive.push(u)
          coded.add(u)
        } else if (others.has(u)) negative.push(u)
        else if (!rejected.has(u.key)) background.push(u)
      }
      // A unit the coder coded only in part is not offered again either.
      for (const u of units) if (!coded.has(u) && spans.some((r) => r.codeId === codeId && r.start < u.end && r.end > u.start)) coded.add(u)
    }
    for (const r of rejectedRows) {
      if (!known.has(r.documentId)) continue
      const u = this.corpus.units(r.documentId).find((x) => x.start === r.start && x.end === r.end)
      if (u) negative.push(u)
    }
    const feedback: Feedback = { positive, negative, background }
    return { feedback, coded, rejected }
  }

  /**
   * The method as a coder of its own, for the agreement view: it learns from the teacher's codings
   * and codes each of the teacher's documents without having seen that document's codings
   * (k-fold by document, k = min(5, documents), folds by document id modulo k). A unit the
   * method scores at or above its threshold becomes a segment; neighbouring such units (at most one
   * character apart) join into one. Codes with fewer than MIN_SEGMENTS segments in a fold's
   * training documents get nothing in that fold. Nothing is written.
   */
  async asCoder(teacherId: number, documentIds?: number[], codeIds?: number[]): Promise<CodingSpan[]> {
    const rows = this.s.codings.all(teacherId) as CodingSpan[]
    const wantedDocs = documentIds ? new Set(documentIds) : null
    const docs = [...new Set(rows.map((r) => r.documentId))].filter((d) => !wantedDocs || wantedDocs.has(d)).sort((a, b) => a - b)
    const wantedCodes = codeIds ? new Set(codeIds) : null
    const codes = [...new Set(rows.map((r) => r.codeId))].filter((c) => !wantedCodes || wantedCodes.has(c))
    const k = Math.min(5, docs.length)
    const out: CodingSpan[] = []
    for (const codeId of codes) {
      const code = this.session.codebook.get(codeId)
      for (let f = 0; f < k; f++) {
        const fold = new Set(docs.filter((_, i) => i % k === f))
        const { feedback } = this.knowledge(codeId, teacherId, rows, fold)
        if (feedback.positive.length < MIN_SEGMENTS) continue
        const units = [...fold].flatMap((d) => this.corpus.units(d))
        const ranked = (await this.rankUnits(code, units, feedback)).filter((r) => r.score >= this.backend.threshold)
        ranked.sort((a, b) => a.documentId - b.documentId || a.start - b.start)
        for (const r of ranked) {
          const last = out[out.length - 1]
          if (last && last.codeId === codeId && last.documentId === r.documentId && r.start - last.end <= 1) last.end = r.end
          else out.push({ documentId: r.documentId, codeId, start: r.start, end: r.end })
        }
      }
    }
    return out
  }

  private async rankUnits(code: Code, units: Unit[], feedback: Feedback): Promise<Suggestion[]> {
    if (units.length === 0) return []
    const lang = detectLanguage([code.name, code.definition, code.inclusion, code.example].join(' '))
    const scores = await this.backend.rank(codeProfile(code, lang), units, feedback)
    const order = units.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b)
    return order.map((i) => {
      const u = units[i]!
      return { codeId: code.id, documentId: u.documentId, page: u.page, start: u.start, end: u.end, score: scores[i]!, text: u.text }
    })
  }
}
