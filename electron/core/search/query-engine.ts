/**
 * Evaluates a query (shared/query/query.ts) over documents' canonical text. Text is folded one
 * character for one (shared/text-fold.ts), so every hit is an offset range of the original text;
 * words are the query language's words, a word hyphenated at a line end ("samen-\nwerking") is
 * one word, and with stemming a word matches the words of the same Snowball stem.
 *
 * A query is true or false of a stretch of text (a document, or a sentence or paragraph inside
 * SENTENCE(...) / PARAGRAPH(...)) and shows hits where it is true: AND needs all its parts in the
 * stretch, OR any, NOT none (and shows nothing itself), NEAR/n two hits at most n words apart.
 * The matches of each word or phrase are found once per document and then only filtered by
 * range, so a SENTENCE(...) over a long report costs little more than the plain query.
 */
import { RE2 } from 're2-wasm'
import stemmers from 'snowball-stemmers'
import { WerkbankError } from '../../../shared/errors'
import { WORD, type QueryNode } from '../../../shared/query/query'
import { foldText } from '../../../shared/text-fold'

export type Span = [start: number, end: number]
import type { Stemming } from '../../../shared/query/search-types'

export type { Stemming }

interface Token {
  s: number
  e: number
  /** The folded word. */
  w: string
}

/** What the engine needs of a document: its text (read only when not prepared yet) and units. */
export interface QueryDocument {
  id: number
  /** Names this text for the cache: a document's text never changes, but an id can be reused. */
  key: string
  text(): string
  units(kind: 'sentence' | 'paragraph'): readonly { start: number; end: number }[]
}

interface Result {
  ok: boolean
  hits: Span[]
}

/** At most this many matches of one pattern per document (RE2 itself runs in linear time). */
const REGEX_MAX_MATCHES = 100_000

const stemmerCache = new Map<string, { stem(w: string): string }>()
function stemmer(lang: Exclude<Stemming, 'none'>): { stem(w: string): string } {
  let s = stemmerCache.get(lang)
  if (!s) stemmerCache.set(lang, (s = stemmers.newStemmer(lang === 'nl' ? 'dutch' : 'english')))
  return s
}

/** A document prepared for querying: folded text and words (kept while the engine lives). */
class Prepared {
  readonly text: string
  readonly folded: string
  readonly tokens: Token[]
  private stems: string[] | null = null
  private stemLang: Stemming = 'none'
  readonly leaves = new Map<QueryNode, Span[]>()

  constructor(readonly doc: QueryDocument) {
    this.text = doc.text()
    this.folded = foldText(this.text)
    const raw: Token[] = []
    for (const m of this.folded.matchAll(WORD)) raw.push({ s: m.index, e: m.index + m[0].length, w: m[0] })
    // A word broken at a line end with a hyphen ("samen-\nwerking") is one word.
    this.tokens = []
    for (let i = 0; i < raw.length; i++) {
      const a = raw[i]!
      const b = raw[i + 1]
      if (b && this.text[a.e] === '-' && /^-[ \t]*\r?\n[ \t]*$/.test(this.text.slice(a.e, b.s)) && /^\p{Ll}/u.test(this.text[b.s]!)) {
        this.tokens.push({ s: a.s, e: b.e, w: a.w + b.w })
        i++
      } else this.tokens.push(a)
    }
  }

  stemsFor(lang: Stemming): string[] | null {
    if (lang === 'none') return null
    if (this.stemLang !== lang || !this.stems) {
      const st = stemmer(lang)
      this.stems = this.tokens.map((t) => st.stem(t.w))
      this.stemLang = lang
    }
    return this.stems
  }

  /** Index of the first token that ends after `offset`. */
  tokenAt(offset: number): number {
    let lo = 0
    let hi = this.tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.tokens[mid]!.e <= offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

export interface EvaluateOptions {
  stemming?: Stemming
}

/** Evaluates queries over documents; prepared documents are cached (by id) while it lives. */
export class QueryEngine {
  private readonly prepared = new Map<string, Prepared>()

  constructor(private readonly maxCached = 64) {}

  /** The hits of the query in one document: sorted, overlapping hits joined. */
  evaluate(query: QueryNode, doc: QueryDocument, options: EvaluateOptions = {}): Span[] {
    const p = this.prepare(doc)
    p.leaves.clear()
    const stemming = options.stemming ?? 'none'
    const r = this.eval(query, p, [0, p.text.length], stemming)
    return r.ok ? joined(r.hits) : []
  }

  /**
   * A span widened by `n` words on each side (the document must have been evaluated): from the
   * start of the n-th word before it to the end of the n-th word after it.
   */
  wordsAround(key: string, [s, e]: Span, n: number): Span {
    const p = this.prepared.get(key)
    if (!p || p.tokens.length === 0) return [s, e]
    const first = p.tokenAt(s)
    const last = Math.max(first, p.tokenAt(e - 1))
    const from = p.tokens[Math.max(0, first - n)]!
    const to = p.tokens[Math.min(p.tokens.length - 1, last + n)]!
    return [Math.min(s, from.s), Math.max(e, to.e)]
  }

  private prepare(doc: QueryDocument): Prepared {
    let p = this.prepared.get(doc.key)
    if (!p) {
      // The oldest prepared document makes room (Map keeps insertion order).
      if (this.prepared.size >= this.maxCached) this.prepared.delete(this.prepared.keys().next().value!)
      p = new Prepared(doc)
      this.prepared.set(doc.key, p)
    }
    return p
  }

  private eval(n: QueryNode, p: Prepared, range: Span, stemming: Stemming): Result {
    switch (n.kind) {
      case 'term':
      case 'phrase':
      case 'regex': {
        let all = p.leaves.get(n)
        if (!all) p.leaves.set(n, (all = this.leaf(n, p, stemming)))
        const hits = within(all, range)
        return { ok: hits.length > 0, hits }
      }
      case 'and': {
        const hits: Span[] = []
        for (const item of n.items) {
          const r = this.eval(item, p, range, stemming)
          if (!r.ok) return { ok: false, hits: [] }
          hits.push(...r.hits)
        }
        return { ok: true, hits }
      }
      case 'or': {
        const hits: Span[] = []
        let ok = false
        for (const item of n.items) {
          const r = this.eval(item, p, range, stemming)
          if (r.ok) {
            ok = true
            hits.push(...r.hits)
          }
        }
        return { ok, hits }
      }
      case 'not':
        return { ok: !this.eval(n.item, p, range, stemming).ok, hits: [] }
      case 'near': {
        const left = this.eval(n.left, p, range, stemming)
        const right = left.ok ? this.eval(n.right, p, range, stemming) : left
        if (!left.ok || !right.ok) return { ok: false, hits: [] }
        const hits: Span[] = []
        const rs = [...right.hits].sort((a, b) => a[0] - b[0])
        for (const l of left.hits) {
          const lFirst = p.tokenAt(l[0])
          const lLast = p.tokenAt(l[1] - 1)
          for (const r of rs) {
            const rFirst = p.tokenAt(r[0])
            const rLast = p.tokenAt(r[1] - 1)
            // Words between the two: after the earlier one ends, before the later one starts.
            const gap = rFirst > lLast ? rFirst - lLast - 1 : lFirst > rLast ? lFirst - rLast - 1 : 0
            if (gap <= n.distance) hits.push([Math.min(l[0], r[0]), Math.max(l[1], r[1])])
          }
        }
        return { ok: hits.length > 0, hits }
      }
      case 'unit': {
        const hits: Span[] = []
        for (const u of p.doc.units(n.unit)) {
          if (u.end <= range[0]) continue
          if (u.start >= range[1]) break
          const r = this.eval(n.item, p, [Math.max(u.start, range[0]), Math.min(u.end, range[1])], stemming)
          // A unit that holds the query but shows no hit of its own (only NOT inside) is itself the hit.
          if (r.ok) hits.push(...(r.hits.length > 0 ? r.hits : [[u.start, u.end] as Span]))
        }
        return { ok: hits.length > 0, hits }
      }
    }
  }

  /** Every match of a word, prefix, phrase or pattern in the document. */
  private leaf(n: Extract<QueryNode, { kind: 'term' | 'phrase' | 'regex' }>, p: Prepared, stemming: Stemming): Span[] {
    const out: Span[] = []
    if (n.kind === 'regex') {
      let re: RE2
      try {
        re = new RE2(n.pattern, 'giu')
      } catch {
        throw new WerkbankError('query-bad-regex', { at: n.at, column: n.at + 1 })
      }
      for (let m = re.exec(p.text); m !== null; m = re.exec(p.text)) {
        const found = m[0] ?? ''
        if (found === '') {
          re.lastIndex = m.index + 1
          continue
        }
        out.push([m.index, m.index + found.length])
        if (out.length >= REGEX_MAX_MATCHES) break
      }
      return out
    }
    // Each word of the query folded (and stemmed) once; each word of the text compared to it.
    const stems = p.stemsFor(stemming)
    const st = stemming === 'none' ? null : stemmer(stemming)
    const target = (word: string, prefix: boolean) => {
      const folded = foldText(word)
      if (prefix) return (i: number) => p.tokens[i]!.w.startsWith(folded)
      if (stems && st) {
        const stem = st.stem(folded)
        return (i: number) => stems[i] === stem
      }
      return (i: number) => p.tokens[i]!.w === folded
    }
    if (n.kind === 'term') {
      const is = target(n.word, n.prefix)
      for (let i = 0; i < p.tokens.length; i++) if (is(i)) out.push([p.tokens[i]!.s, p.tokens[i]!.e])
      return out
    }
    const words = n.words.map((w) => target(w, false))
    for (let i = 0; i + words.length <= p.tokens.length; i++) {
      let all = true
      for (let k = 0; k < words.length && all; k++) all = words[k]!(i + k)
      if (all) out.push([p.tokens[i]!.s, p.tokens[i + words.length - 1]!.e])
    }
    return out
  }
}

/** The spans that lie inside `range` (sorted input, by start). */
function within(spans: Span[], [s, e]: Span): Span[] {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid]![0] < s) lo = mid + 1
    else hi = mid
  }
  const out: Span[] = []
  for (let i = lo; i < spans.length && spans[i]![0] < e; i++) if (spans[i]![1] <= e) out.push(spans[i]!)
  return out
}

/** Sorted, with overlapping spans joined into one. */
export function joined(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1])
    else out.push([s[0], s[1]])
  }
  return out
}
