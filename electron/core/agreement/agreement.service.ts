import type Database from 'better-sqlite3'
import { pageAt } from '../../../shared/anchoring'
import type {
  AgreementLevel, AgreementReport, Disagreement, DisagreementSegment, JudgementReport, SettleResult,
} from '../../../shared/agreement-types'
import { WerkbankError } from '../../../shared/errors'
import { alphaBootstrap, krippendorffAlpha, percentAgreement, type Level } from '../../../shared/stats'
import type { Coder } from '../../../shared/types'
import type { StudySession } from '../study-session'
import { coverageDepths, sameSegment, sortSpans, unionOf, type Span } from './intervals'
import { CONFIDENCE, measure, type MeasureInput } from './measures'
import { reliabilityError } from './stats-errors'

/** Default minimum overlap of two segments at segment level, in percent of their union (MAXQDA's default). */
export const DEFAULT_OVERLAP = 90
/** The coder that settled disagreements are written to, unless another is named. */
export const DEFAULT_CONSENSUS = 'Consensus'
/** The case attribute prefix of judgements: `fase:Anna` holds Anna's phase for the case. */
export const DEFAULT_JUDGEMENT_ATTRIBUTE = 'fase'
export const DEFAULT_SAMPLES = 1000
export const DEFAULT_SEED = 1

export interface Selection {
  coders: string[]
  codeIds?: number[]
  documentIds?: number[]
}

export interface CodingRef {
  id: number
  document_id: number
  code_id: number
  coder_id: number
  kind: 'text' | 'area'
  start_offset: number
  end_offset: number
}

/**
 * A coder that is not in the study: the suggestion method as a coder of its own (a negative id,
 * its codings given, never written). See SuggestionService.asCoder.
 */
export interface PseudoCoder {
  coder: Coder
  rows: CodingRef[]
}

interface Segment extends Span {
  id: number
  coder: number
}

interface Gathered {
  coders: Coder[]
  input: MeasureInput
  skipped: { id: number; title: string }[]
  /** cells[code][document][coder]: text segments with their coding ids. */
  segments: Segment[][][][]
}

/**
 * Intercoder agreement on one study: the measures, the list of disagreements for review, and
 * settling a disagreement into a consensus coder. Reads codings in one query per call; the
 * arithmetic is in measures.ts.
 */
export class AgreementService {
  private readonly s

  constructor(private readonly session: StudySession) {
    const db: Database.Database = session.study.db
    this.s = {
      codings: db.prepare(`
        SELECT id, document_id, code_id, coder_id, kind, start_offset, end_offset FROM codings
        WHERE coder_id IN (SELECT value FROM json_each(?))`),
      quotes: db.prepare('SELECT id, quote FROM codings WHERE id IN (SELECT value FROM json_each(?))'),
      consensusIn: db.prepare(`
        SELECT id, start_offset AS start, end_offset AS end, quote FROM codings
        WHERE coder_id = ? AND document_id = ? AND code_id = ? AND kind = 'text' AND start_offset < ? AND end_offset > ?
        ORDER BY start_offset, id`),
    }
  }

  /** The named coders, each once; refuses unknown names and fewer than two coders. */
  resolveCoders(names: readonly string[], pseudo: readonly PseudoCoder[] = []): Coder[] {
    const coders: Coder[] = []
    for (const name of names) {
      const coder = pseudo.find((p) => p.coder.name === name.trim())?.coder ?? this.session.coders.byName(name.trim())
      if (!coder) throw new WerkbankError('agreement-coder-unknown', { name: name.trim() })
      if (!coders.some((c) => c.id === coder.id)) coders.push(coder)
    }
    if (coders.length < 2) throw new WerkbankError('agreement-too-few-coders', { count: coders.length })
    return coders
  }

  /**
   * The codings of the chosen coders, grouped by code, document and coder. Without named
   * documents, only those every coder has coded something in are compared: a document one
   * coder has not touched is not yet coded, rather than coded with nothing. Without named
   * codes, the codes the coders used in those documents, in codebook order.
   */
  private gather(selection: Selection, pseudo: readonly PseudoCoder[] = []): Gathered {
    const coders = this.resolveCoders(selection.coders, pseudo)
    const coderIndex = new Map(coders.map((c, i) => [c.id, i]))
    const rows = this.s.codings.all(JSON.stringify(coders.map((c) => c.id))) as CodingRef[]
    for (const p of pseudo) if (coderIndex.has(p.coder.id)) rows.push(...p.rows)

    const allDocs = this.session.documents.list()
    let docs: typeof allDocs
    if (selection.documentIds) {
      const wanted = new Set(selection.documentIds)
      for (const id of wanted) if (!allDocs.some((d) => d.id === id)) throw new WerkbankError('document-not-found', { documentId: id })
      docs = allDocs.filter((d) => wanted.has(d.id))
    } else {
      const touched = new Map<number, Set<number>>()
      for (const r of rows) {
        let set = touched.get(r.document_id)
        if (!set) touched.set(r.document_id, (set = new Set()))
        set.add(r.coder_id)
      }
      docs = allDocs.filter((d) => (touched.get(d.id)?.size ?? 0) === coders.length)
      if (docs.length === 0) throw new WerkbankError('agreement-no-common-documents', { coders: coders.map((c) => c.name).join(', ') })
    }
    const docIndex = new Map(docs.map((d, i) => [d.id, i]))
    const skipped = selection.documentIds ? [] : allDocs.filter((d) => !docIndex.has(d.id)).map((d) => ({ id: d.id, title: d.title }))

    const codebook = this.session.codebook.list()
    let codes: typeof codebook
    if (selection.codeIds) {
      const wanted = new Set(selection.codeIds)
      for (const id of wanted) if (!codebook.some((c) => c.id === id)) throw new WerkbankError('code-not-found', { codeId: id })
      codes = codebook.filter((c) => wanted.has(c.id))
    } else {
      const used = new Set(rows.filter((r) => docIndex.has(r.document_id)).map((r) => r.code_id))
      codes = codebook.filter((c) => used.has(c.id))
    }
    const codeIndex = new Map(codes.map((c, i) => [c.id, i]))

    const m = coders.length
    const segments: Segment[][][][] = codes.map(() => docs.map(() => coders.map(() => [])))
    const cells = codes.map(() => docs.map(() => ({ segments: [] as Span[][], applied: new Array<boolean>(m).fill(false) })))
    for (const r of rows) {
      const c = codeIndex.get(r.code_id)
      const d = docIndex.get(r.document_id)
      if (c === undefined || d === undefined) continue
      const k = coderIndex.get(r.coder_id) as number
      cells[c]![d]!.applied[k] = true
      if (r.kind === 'text' && r.end_offset > r.start_offset) {
        segments[c]![d]![k]!.push({ id: r.id, coder: k, start: r.start_offset, end: r.end_offset })
      }
    }
    segments.forEach((byDoc, c) =>
      byDoc.forEach((byCoder, d) => {
        for (const list of byCoder) list.sort((a, b) => a.start - b.start || a.end - b.end)
        cells[c]![d]!.segments = byCoder
      }),
    )
    return {
      coders,
      skipped,
      segments,
      input: {
        coders: coders.map((c) => c.name),
        codes: codes.map((c) => ({ id: c.id, path: c.path })),
        documents: docs.map((d) => ({ id: d.id, title: d.title, length: d.charCount })),
        cells,
      },
    }
  }

  /** Agreement per code, per document, per code and document, and overall, at one level. */
  measure(
    selection: Selection & { level: AgreementLevel; overlap?: number; samples?: number; seed?: number },
    pseudo: readonly PseudoCoder[] = [],
  ): AgreementReport {
    const g = this.gather(selection, pseudo)
    const overlap = selection.overlap ?? DEFAULT_OVERLAP
    const samples = selection.samples ?? DEFAULT_SAMPLES
    const seed = selection.seed ?? DEFAULT_SEED
    const out = measure(selection.level, g.input, { overlap, samples, seed })
    return {
      level: selection.level,
      coders: g.input.coders,
      overlap: selection.level === 'segment' ? overlap : null,
      kappaKind: out.kappaKind,
      documents: g.input.documents,
      skippedDocuments: g.skipped,
      byCode: out.byCode,
      byDocument: out.byDocument,
      cells: out.cells,
      total: out.total,
      bootstrap: out.bootstrapMethod ? { method: out.bootstrapMethod, samples, seed, confidence: CONFIDENCE } : null,
    }
  }

  /**
   * Every place where the coders' segments of a code differ, for review. A place is a run of
   * segments of one code in one document that overlap each other (through any chain of
   * overlaps). It is a disagreement when some coder has no segment there, or some segment has
   * no counterpart of another coder by the segment-level rule (`overlap` percent of the union).
   * Ordered by document, then position.
   */
  disagreements(selection: Selection & { overlap?: number; consensus?: string }): Disagreement[] {
    const g = this.gather(selection)
    const overlap = selection.overlap ?? DEFAULT_OVERLAP
    const m = g.coders.length
    const consensus = this.session.coders.byName((selection.consensus ?? DEFAULT_CONSENSUS).trim())
    const found: { d: number; c: number; place: Segment[]; span: Span }[] = []

    g.segments.forEach((byDoc, c) =>
      byDoc.forEach((byCoder, d) => {
        const all = sortSpans(byCoder.flat())
        let place: Segment[] = []
        let end = -1
        const close = () => {
          if (place.length > 0 && !agrees(place, m, overlap)) {
            found.push({ d, c, place, span: { start: place[0]!.start, end } })
          }
        }
        for (const seg of all) {
          if (seg.start >= end) {
            close()
            place = []
          }
          place.push(seg)
          end = place.length === 1 ? seg.end : Math.max(end, seg.end)
        }
        close()
      }),
    )
    found.sort((x, y) => x.d - y.d || x.span.start - y.span.start || x.c - y.c)

    const quotes = new Map<number, string>()
    const ids = found.flatMap((f) => f.place.map((s) => s.id))
    for (let i = 0; i < ids.length; i += 10_000) {
      for (const r of this.s.quotes.all(JSON.stringify(ids.slice(i, i + 10_000))) as { id: number; quote: string }[]) {
        quotes.set(r.id, r.quote)
      }
    }
    const pageStarts = new Map<number, number[]>()
    return found.map(({ d, c, place, span }) => {
      const doc = g.input.documents[d]!
      const code = g.input.codes[c]!
      let starts = pageStarts.get(doc.id)
      if (!starts) pageStarts.set(doc.id, (starts = this.session.documents.pageStarts(doc.id)))
      const unions = g.coders.map((_, k) => unionOf(place.filter((s) => s.coder === k)))
      const depths = coverageDepths(unions, span.end)
      const any = span.end - (depths[0] as number)
      const segments: DisagreementSegment[] = place.map((s) => ({
        codingId: s.id,
        coder: g.coders[s.coder]!.name,
        start: s.start,
        end: s.end,
        quote: quotes.get(s.id) ?? '',
      }))
      return {
        key: `${code.id}:${doc.id}:${span.start}:${span.end}`,
        codeId: code.id,
        codePath: code.path,
        documentId: doc.id,
        documentTitle: doc.title,
        page: pageAt(starts, span.start),
        start: span.start,
        end: span.end,
        segments,
        missing: g.coders.filter((_, k) => !place.some((s) => s.coder === k)).map((x) => x.name),
        overlap: any === 0 ? 0 : (100 * (depths[m] as number)) / any,
        consensus: consensus ? this.consensusIn(consensus, doc.id, code.id, span) : [],
      }
    })
  }

  private consensusIn(coder: Coder, documentId: number, codeId: number, span: Span): DisagreementSegment[] {
    const rows = this.s.consensusIn.all(coder.id, documentId, codeId, span.end, span.start) as { id: number; start: number; end: number; quote: string }[]
    return rows.map((r) => ({ codingId: r.id, coder: coder.name, start: r.start, end: r.end, quote: r.quote }))
  }

  /**
   * Settles one place: the consensus coder's codings of this code that overlap [start, end)
   * are replaced by copies of the accepted codings (one side, both, or none). Accepted
   * codings that overlap join into one, as any coder's do. One undoable action.
   */
  settle(input: { documentId: number; codeId: number; start: number; end: number; accept: number[]; consensus?: string }): SettleResult {
    const { documentId, codeId, start, end } = input
    return this.session.history.record('agreement-settle', { codeId, documentId }, () => {
      if (!this.session.documents.get(documentId)) throw new WerkbankError('document-not-found', { documentId })
      this.session.codebook.get(codeId)
      if (!(start < end)) throw new WerkbankError('coding-range-invalid', { start, end, length: this.session.documents.get(documentId)!.charCount })
      const accepted = input.accept.map((id) => {
        const c = this.session.codings.codings.get(id)
        if (!c || c.kind !== 'text' || c.documentId !== documentId || c.codeId !== codeId || c.start >= end || c.end <= start) {
          throw new WerkbankError('agreement-settle-invalid', { codingId: id })
        }
        return c
      })
      const consensus = this.session.ensureCoder(input.consensus ?? DEFAULT_CONSENSUS)
      const old = this.consensusIn(consensus, documentId, codeId, { start, end })
      for (const c of old) this.session.codings.codings.remove(c.codingId)
      for (const c of accepted) {
        this.session.codings.create({ documentId, codeId, coderId: consensus.id, start: c.start, end: c.end, origin: 'consensus' })
      }
      const lo = Math.min(start, ...accepted.map((c) => c.start))
      const hi = Math.max(end, ...accepted.map((c) => c.end))
      return {
        consensus,
        codingIds: this.consensusIn(consensus, documentId, codeId, { start: lo, end: hi }).map((c) => c.codingId),
        removed: old.length,
      }
    })
  }

  /**
   * Agreement of case judgements: coder X's value for a case is the case attribute
   * `ATTRIBUTE:X` (e.g. `fase:Anna de Vries` = 2), so judgements travel with the study and merge
   * like any case attribute. Values are numbers (a decimal comma is read as a point); an
   * empty or absent attribute is a missing value. Krippendorff's alpha at the chosen level
   * (default ordinal) with a bootstrap interval over cases.
   */
  judgements(input: { attribute?: string; coders?: string[]; level?: Level; samples?: number; seed?: number }): JudgementReport {
    const attribute = (input.attribute ?? DEFAULT_JUDGEMENT_ATTRIBUTE).trim()
    const prefix = `${attribute}:`.toLowerCase()
    const level = input.level ?? 'ordinal'
    const samples = input.samples ?? DEFAULT_SAMPLES
    const seed = input.seed ?? DEFAULT_SEED
    const cases = this.session.cases.list()
    const found = new Map<string, string>() // lower-case name → name as first written
    const values = cases.map((c) => {
      const byCoder = new Map<string, string>()
      for (const [name, value] of Object.entries(c.attributes)) {
        if (!name.toLowerCase().startsWith(prefix)) continue
        const coder = name.slice(prefix.length).trim()
        if (coder === '') continue
        byCoder.set(coder.toLowerCase(), value)
        if (!found.has(coder.toLowerCase())) found.set(coder.toLowerCase(), coder)
      }
      return byCoder
    })
    const coders = input.coders
      ? [...new Map(input.coders.map((n) => [n.trim().toLowerCase(), n.trim()])).values()]
      : [...found.values()].sort((a, b) => a.localeCompare(b))
    if (coders.length < 2) throw new WerkbankError('agreement-no-judgements', { attribute })

    const table = cases.map((c, u) => ({
      caseId: c.id,
      name: c.name,
      values: coders.map((coder) => {
        const raw = values[u]!.get(coder.toLowerCase())?.trim() ?? ''
        if (raw === '') return null
        const n = Number(raw.replace(',', '.'))
        if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(raw) || !Number.isFinite(n)) {
          throw new WerkbankError('agreement-judgement-invalid', { case: c.name, coder, value: raw })
        }
        return n
      }),
    }))
    const data = coders.map((_, k) => table.map((row) => row.values[k] ?? null))
    const file = `${attribute}:…`
    const names = { units: cases.map((c) => c.name), coders }
    try {
      let alpha: JudgementReport['alpha']
      let units: number
      if (samples > 0) {
        const b = alphaBootstrap(data, level, { samples, seed, confidence: CONFIDENCE })
        alpha = b.alpha === null ? { value: null, reason: b.undefinedReason ?? 'no-variation', low: null, high: null } : { value: b.alpha, low: b.low, high: b.high }
        units = krippendorffAlpha(data, level).units
      } else {
        const a = krippendorffAlpha(data, level)
        alpha = a.alpha === null ? { value: null, reason: a.undefinedReason ?? 'no-variation', low: null, high: null } : { value: a.alpha, low: null, high: null }
        units = a.units
      }
      const p = percentAgreement(data)
      return {
        attribute,
        level,
        coders,
        cases: table,
        units,
        alpha,
        percent: p.value === null ? { value: null, reason: p.undefinedReason ?? 'no-pairable-units' } : { value: p.value },
        samples,
        seed,
      }
    } catch (e) {
      throw reliabilityError(e, file, names)
    }
  }
}

/**
 * Whether a place of overlapping segments is an agreement: every coder has a segment there,
 * and every segment has, for every other coder, a segment of that coder that counts as the
 * same (segment-level rule). Segments that count as the same overlap, so they lie in one place.
 */
function agrees(place: readonly Segment[], coders: number, overlap: number): boolean {
  for (let k = 0; k < coders; k++) if (!place.some((s) => s.coder === k)) return false
  return place.every((s) => {
    for (let k = 0; k < coders; k++) {
      if (k === s.coder) continue
      if (!place.some((t) => t.coder === k && sameSegment(s, t, overlap))) return false
    }
    return true
  })
}
