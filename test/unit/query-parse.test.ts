import { describe, expect, it } from 'vitest'
import { QuerySyntaxError, parseQuery, type QueryNode } from '../../shared/query/query'

/** The tree in a short written form, to compare whole trees at a glance. */
function show(n: QueryNode): string {
  switch (n.kind) {
    case 'term': return n.prefix ? `${n.word}*` : n.word
    case 'phrase': return `"${n.words.join(' ')}"`
    case 'regex': return `/${n.pattern}/`
    case 'and': return `(${n.items.map(show).join(' & ')})`
    case 'or': return `(${n.items.map(show).join(' | ')})`
    case 'not': return `!${show(n.item)}`
    case 'near': return `(${show(n.left)} ~${n.distance} ${show(n.right)})`
    case 'unit': return `${n.unit}(${show(n.item)})`
  }
}

const fails = (q: string) => {
  try {
    parseQuery(q)
  } catch (e) {
    if (e instanceof QuerySyntaxError) return [e.reason, e.at]
    throw e
  }
  return null
}

describe('query language', () => {
  it('reads words, phrases, prefixes and patterns', () => {
    expect(show(parseQuery('leiderschap'))).toBe('leiderschap')
    expect(show(parseQuery('"water bij de wijn"'))).toBe('"water bij de wijn"')
    expect(show(parseQuery('samenwerk*'))).toBe('samenwerk*')
    expect(show(parseQuery('/docent(en)?/'))).toBe('/docent(en)?/')
    // A word with inner punctuation is the phrase of its words.
    expect(show(parseQuery('co-teaching'))).toBe('co-teaching')
    expect(show(parseQuery('o.a.'))).toBe('"o a"')
  })

  it('binds NOT tighter than AND, AND tighter than OR, NEAR tightest', () => {
    expect(show(parseQuery('a b OR c'))).toBe('((a & b) | c)')
    expect(show(parseQuery('a AND (b OR c)'))).toBe('(a & (b | c))')
    expect(show(parseQuery('a NOT b'))).toBe('(a & !b)')
    expect(show(parseQuery('a -b'))).toBe('(a & !b)')
    expect(show(parseQuery('a NEAR/3 b c'))).toBe('((a ~3 b) & c)')
    expect(show(parseQuery('SENTENCE(docent* weerstand) OR PARAGRAPH(a b)'))).toBe('(sentence((docent* & weerstand)) | paragraph((a & b)))')
    // Dutch spellings of the operators.
    expect(show(parseQuery('a EN b OF NIET c'))).toBe('((a & b) | !c)')
    expect(show(parseQuery('ZIN(a b) ALINEA(c)'))).toBe('(sentence((a & b)) & paragraph(c))')
    // In lower case they are words.
    expect(show(parseQuery('a and b'))).toBe('(a & and & b)')
  })

  it('says where and why a query cannot be read', () => {
    expect(fails('')).toEqual(['empty', 0])
    expect(fails('  "water bij')).toEqual(['unclosed-quote', 2])
    expect(fails('a (b OR c')).toEqual(['unclosed-paren', 2])
    expect(fails('a b)')).toEqual(['unexpected-paren', 3])
    expect(fails('a AND')).toEqual(['missing-operand', 2])
    expect(fails('a OR OR b')).toEqual(['missing-operand', 2])
    expect(fails('a NEAR/x b')).toEqual(['near-distance', 2])
    expect(fails('a NEAR/0 b')).toEqual(['near-distance', 2])
    expect(fails('/abc')).toEqual(['unclosed-regex', 0])
    expect(fails('""')).toEqual(['empty-phrase', 0])
    expect(fails('NOT a')).toEqual(['only-not', 0])
    expect(fails('SENTENCE(a')).toEqual(['unclosed-paren', 0])
  })
})
