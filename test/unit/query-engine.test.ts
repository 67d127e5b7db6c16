import { describe, expect, it } from 'vitest'
import { QueryEngine } from '../../electron/core/search/query-engine'
import { parseQuery } from '../../shared/query/query'

function doc(text: string, sentences: [number, number][] = []) {
  return { id: 1, key: `k:${text.length}:${text.slice(0, 20)}`, text: () => text, units: () => sentences.map(([start, end]) => ({ start, end })) }
}

describe('query engine', () => {
  const engine = new QueryEngine()

  it('reads a word hyphenated at a line end as one word, but not a hyphenated compound', () => {
    const text = 'De samen-\nwerking liep goed. Het co-teaching\nmodel en de Noord-\nBrabantse scholen.'
    const d = doc(text)
    expect(engine.evaluate(parseQuery('samenwerking'), d)).toEqual([[3, 17]])
    // A capital after the break: a compound that happened to break there, kept as written.
    expect(engine.evaluate(parseQuery('noordbrabantse'), d)).toEqual([])
    expect(engine.evaluate(parseQuery('co-teaching'), d).map(([s, e]) => text.slice(s, e))).toEqual(['co-teaching'])
  })

  it('folds case and diacritics but keeps offsets of the original text', () => {
    const text = 'Coördinatie en COORDINATIE; geëvalueerd.'
    const d = doc(text)
    expect(engine.evaluate(parseQuery('coordinatie'), d).map(([s, e]) => text.slice(s, e))).toEqual(['Coördinatie', 'COORDINATIE'])
    expect(engine.evaluate(parseQuery('"geevalueerd"'), d).map(([s, e]) => text.slice(s, e))).toEqual(['geëvalueerd'])
  })

  it('keeps NOT inside a unit to that unit', () => {
    const text = 'Eerste zin zonder het woord. Tweede zin met school.'
    const d = doc(text, [[0, 28], [29, text.length]])
    // The second sentence holds "school": only the first sentence's "zin" is a hit.
    expect(engine.evaluate(parseQuery('SENTENCE(zin NOT school)'), d)).toEqual([[7, 10]])
    // At document level the NOT shuts the whole document out.
    expect(engine.evaluate(parseQuery('zin NOT school'), d)).toEqual([])
  })
})
