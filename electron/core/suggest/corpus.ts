/**
 * The study's sentence units with their text and language, as the suggestion scorer needs them,
 * and the overlap rule shared by training, the list and the evaluation.
 */
import { pageAt } from '../../../shared/anchoring'
import type { StudySession } from '../study-session'
import type { UnitText } from './scorer'
import { detectLanguage, terms, type Language } from './terms'

export interface Unit extends UnitText {
  documentId: number
  start: number
  end: number
  page: number
}

export interface Span {
  start: number
  end: number
}

/**
 * Whether two ranges overlap by at least half of the shorter one: the rule by which a unit counts
 * as coded with a coding, and by which the evaluation accepts a suggestion.
 */
export function overlapsHalf(a: Span, b: Span): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return overlap > 0 && overlap * 2 >= Math.min(a.end - a.start, b.end - b.start)
}

/**
 * Units per document, read once and kept (a document's text never changes after import). Units
 * without a single term (a page number, a lone heading digit) are left out: nothing to rank.
 */
export class SuggestionCorpus {
  private readonly byDoc = new Map<number, { lang: Language; units: Unit[] }>()

  constructor(private readonly session: StudySession) {}

  units(documentId: number): Unit[] {
    return this.doc(documentId).units
  }

  language(documentId: number): Language {
    return this.doc(documentId).lang
  }

  private doc(documentId: number): { lang: Language; units: Unit[] } {
    let d = this.byDoc.get(documentId)
    if (!d) {
      const text = this.session.documents.text(documentId)
      const lang = detectLanguage(text)
      const starts = this.session.documents.pageStarts(documentId)
      const units: Unit[] = []
      for (const { start, end } of this.session.documents.units.all(documentId, 'sentence')) {
        const t = text.slice(start, end)
        if (terms(t, lang).length === 0) continue
        units.push({ key: `${documentId}:${start}:${end}`, text: t, lang, documentId, start, end, page: pageAt(starts, start) })
      }
      this.byDoc.set(documentId, (d = { lang, units }))
    }
    return d
  }
}

/** Units of one document that a set of spans (sorted by start) covers by the half-overlap rule; both lists sorted. */
export function unitsCovered(units: readonly Unit[], spans: readonly Span[]): Set<Unit> {
  const out = new Set<Unit>()
  let j = 0
  for (const u of units) {
    while (j < spans.length && spans[j]!.end <= u.start) j++
    for (let k = j; k < spans.length && spans[k]!.start < u.end; k++) {
      if (overlapsHalf(u, spans[k]!)) {
        out.add(u)
        break
      }
    }
  }
  return out
}
