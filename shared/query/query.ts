/**
 * The query language of search and auto-coding, parsed here in shared/ so that the page can say
 * where and why a query is wrong while it is typed; the core evaluates the same tree
 * (electron/core/search/query-engine.ts).
 *
 *   word            a whole word (case and diacritics do not matter; with stemming, its stem)
 *   prefix*         words that start with prefix
 *   "a phrase"      words in this order (line breaks, hyphenation at a line end between them)
 *   /regex/         a regular expression (RE2: linear time, so no pattern can hang the search)
 *   a b, a AND b    both (in the same document, or in the same unit inside SENTENCE/PARAGRAPH)
 *   a OR b          either
 *   NOT a, a -b     without
 *   a NEAR/5 b      within 5 words of each other
 *   SENTENCE(...)   all of it within one sentence;  PARAGRAPH(...) within one paragraph
 *   ( ... )         grouping
 * Operators are written in capitals (AND OR NOT NEAR SENTENCE PARAGRAPH); in lower case they are
 * words to find. "EN", "OF", "NIET", "ZIN(...)", "ALINEA(...)" are the Dutch spellings.
 */

export type QueryNode =
  | { kind: 'term'; word: string; prefix: boolean; at: number }
  | { kind: 'phrase'; words: string[]; at: number }
  | { kind: 'regex'; pattern: string; at: number }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'near'; left: QueryNode; right: QueryNode; distance: number }
  | { kind: 'unit'; unit: 'sentence' | 'paragraph'; item: QueryNode }

/** Why a query cannot be read; `at` is the character where the trouble is. */
export type QueryErrorReason =
  | 'empty'
  | 'unclosed-quote'
  | 'unclosed-regex'
  | 'unclosed-paren'
  | 'unexpected-paren'
  | 'missing-operand'
  | 'near-distance'
  | 'empty-phrase'
  | 'only-not'

export class QuerySyntaxError extends Error {
  constructor(
    readonly reason: QueryErrorReason,
    readonly at: number,
  ) {
    super(`${reason} at ${at}`)
  }
}

type Token =
  | { t: 'word'; v: string; at: number }
  | { t: 'phrase'; v: string; at: number }
  | { t: 'regex'; v: string; at: number }
  | { t: 'and' | 'or' | 'not' | 'open' | 'close'; at: number }
  | { t: 'near'; n: number; at: number }
  | { t: 'unit'; unit: 'sentence' | 'paragraph'; at: number }

const AND = new Set(['AND', 'EN'])
const OR = new Set(['OR', 'OF'])
const NOT = new Set(['NOT', 'NIET'])
const UNITS: Record<string, 'sentence' | 'paragraph'> = { SENTENCE: 'sentence', ZIN: 'sentence', PARAGRAPH: 'paragraph', ALINEA: 'paragraph' }

/** Words as the search sees them: letters and digits, inner apostrophes and hyphens kept. */
export const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu

function tokenize(q: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < q.length) {
    const c = q[i]!
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '"' || c === '“' || c === '”') {
      const close = q.slice(i + 1).search(/["“”]/)
      if (close < 0) throw new QuerySyntaxError('unclosed-quote', i)
      out.push({ t: 'phrase', v: q.slice(i + 1, i + 1 + close), at: i })
      i += close + 2
      continue
    }
    if (c === '/' && (out.length === 0 || out[out.length - 1]!.t !== 'word')) {
      // A regex runs to the next unescaped slash.
      let j = i + 1
      while (j < q.length && q[j] !== '/') j += q[j] === '\\' ? 2 : 1
      if (j >= q.length) throw new QuerySyntaxError('unclosed-regex', i)
      out.push({ t: 'regex', v: q.slice(i + 1, j), at: i })
      i = j + 1
      continue
    }
    if (c === '(') {
      out.push({ t: 'open', at: i })
      i++
      continue
    }
    if (c === ')') {
      out.push({ t: 'close', at: i })
      i++
      continue
    }
    if (c === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]!)) {
      out.push({ t: 'not', at: i })
      i++
      continue
    }
    let j = i
    while (j < q.length && !/[\s()"“”]/.test(q[j]!)) j++
    const raw = q.slice(i, j)
    const near = /^(?:NEAR|BIJ)\/(.*)$/.exec(raw)
    if (near) {
      const n = Number(near[1])
      if (!/^\d+$/.test(near[1]!) || n < 1 || n > 1000) throw new QuerySyntaxError('near-distance', i)
      out.push({ t: 'near', n, at: i })
    } else if (AND.has(raw)) out.push({ t: 'and', at: i })
    else if (OR.has(raw)) out.push({ t: 'or', at: i })
    else if (NOT.has(raw)) out.push({ t: 'not', at: i })
    else if (UNITS[raw] && q[j] === '(') out.push({ t: 'unit', unit: UNITS[raw]!, at: i })
    else out.push({ t: 'word', v: raw, at: i })
    i = j
  }
  return out
}

/** Reads a query into its tree, or throws {@link QuerySyntaxError} saying where and why. */
export function parseQuery(q: string): QueryNode {
  const tokens = tokenize(q)
  if (tokens.length === 0) throw new QuerySyntaxError('empty', 0)
  let k = 0
  const peek = () => tokens[k]
  const end = q.length

  const primary = (): QueryNode => {
    const tok = tokens[k]
    if (!tok) throw new QuerySyntaxError('missing-operand', end)
    switch (tok.t) {
      case 'open': {
        k++
        const inner = or()
        if (peek()?.t !== 'close') throw new QuerySyntaxError('unclosed-paren', tok.at)
        k++
        return inner
      }
      case 'unit': {
        k += 2 // the name and its '('
        const inner = or()
        if (peek()?.t !== 'close') throw new QuerySyntaxError('unclosed-paren', tok.at)
        k++
        return { kind: 'unit', unit: tok.unit, item: inner }
      }
      case 'phrase': {
        k++
        const words = [...tok.v.matchAll(WORD)].map((m) => m[0])
        if (words.length === 0) throw new QuerySyntaxError('empty-phrase', tok.at)
        return words.length === 1 ? { kind: 'term', word: words[0]!, prefix: false, at: tok.at } : { kind: 'phrase', words, at: tok.at }
      }
      case 'regex':
        k++
        if (tok.v === '') throw new QuerySyntaxError('empty-phrase', tok.at)
        return { kind: 'regex', pattern: tok.v, at: tok.at }
      case 'word': {
        k++
        const prefix = tok.v.endsWith('*')
        const words = [...tok.v.replace(/\*+$/, '').matchAll(WORD)].map((m) => m[0])
        if (words.length === 0) throw new QuerySyntaxError('missing-operand', tok.at)
        // "co-teaching" or "o.a." as typed: the words in order, as a phrase.
        if (words.length > 1) return { kind: 'phrase', words, at: tok.at }
        return { kind: 'term', word: words[0]!, prefix, at: tok.at }
      }
      case 'close':
        throw new QuerySyntaxError('unexpected-paren', tok.at)
      default:
        throw new QuerySyntaxError('missing-operand', tok.at)
    }
  }

  const near = (): QueryNode => {
    let left = primary()
    while (peek()?.t === 'near') {
      const op = tokens[k++] as { t: 'near'; n: number; at: number }
      if (!peek() || ['close', 'and', 'or', 'near'].includes(peek()!.t)) throw new QuerySyntaxError('missing-operand', op.at)
      left = { kind: 'near', left, right: primary(), distance: op.n }
    }
    return left
  }

  const not = (): QueryNode => {
    if (peek()?.t === 'not') {
      const op = tokens[k++]!
      if (!peek() || ['close', 'and', 'or', 'near'].includes(peek()!.t)) throw new QuerySyntaxError('missing-operand', op.at)
      return { kind: 'not', item: not() }
    }
    return near()
  }

  const and = (): QueryNode => {
    const items = [not()]
    for (;;) {
      const t = peek()
      if (!t || t.t === 'or' || t.t === 'close') break
      if (t.t === 'and') {
        k++
        if (!peek() || ['close', 'and', 'or'].includes(peek()!.t)) throw new QuerySyntaxError('missing-operand', t.at)
      }
      items.push(not())
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items }
  }

  const or = (): QueryNode => {
    const items = [and()]
    while (peek()?.t === 'or') {
      const op = tokens[k++]!
      if (!peek() || ['close', 'and', 'or'].includes(peek()!.t)) throw new QuerySyntaxError('missing-operand', op.at)
      items.push(and())
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items }
  }

  const tree = or()
  if (k < tokens.length) {
    const t = tokens[k]!
    throw new QuerySyntaxError(t.t === 'close' ? 'unexpected-paren' : 'missing-operand', t.at)
  }
  if (onlyNegative(tree)) throw new QuerySyntaxError('only-not', 0)
  return tree
}

/** A query that finds nothing to show (only NOT): every text would match, with no hit. */
function onlyNegative(n: QueryNode): boolean {
  switch (n.kind) {
    case 'not': return true
    case 'and': return n.items.every(onlyNegative)
    case 'or': return n.items.every(onlyNegative)
    case 'unit': return onlyNegative(n.item)
    default: return false
  }
}
