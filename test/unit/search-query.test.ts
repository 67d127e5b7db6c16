import { describe, expect, it } from 'vitest'
import { toFtsQuery } from '../../electron/core/services/search.service'

describe('search input to FTS5 query', () => {
  it('quotes every word so that FTS5 operators are plain words', () => {
    expect(toFtsQuery('samen ontwerpen')).toBe('"samen" "ontwerpen"')
    expect(toFtsQuery('NOT OR AND NEAR(x)')).toBe('"NOT" "OR" "AND" "NEAR(x)"')
  })
  it('keeps quoted phrases and trailing-star prefixes', () => {
    expect(toFtsQuery('"water bij de wijn" leider*')).toBe('"water bij de wijn" "leider"*')
  })
  it('drops stray quotes and empty input', () => {
    expect(toFtsQuery('  ')).toBe('')
    expect(toFtsQuery('wi"jn')).toBe('"wijn"')
    expect(toFtsQuery('"')).toBe('')
  })
})
