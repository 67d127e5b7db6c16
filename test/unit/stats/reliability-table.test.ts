import { describe, expect, it } from 'vitest'
import { parseReliabilityTable, reliability, StatsError } from '../../../shared/stats'
import { KRIPPENDORFF_2011, twoByTwoToRatings, WIKIPEDIA_ALPHA, WIKIPEDIA_COHEN } from './published-data'

function toTable(data: (number | null)[][], coders: string[]): string[][] {
  const header = ['', ...data[0]!.map((_, u) => `u${u + 1}`)]
  return [header, ...data.map((row, i) => [coders[i]!, ...row.map((v) => (v === null ? '' : String(v)))])]
}

function thrown(f: () => unknown): StatsError {
  try {
    f()
  } catch (e) {
    if (e instanceof StatsError) return e
    throw e
  }
  throw new Error('expected a StatsError')
}

const TABLE_2011 = toTable(KRIPPENDORFF_2011, ['A', 'B', 'C', 'D'])

describe('parseReliabilityTable', () => {
  it('reads unit names, coder names and numeric values, empty cells as missing', () => {
    const parsed = parseReliabilityTable(TABLE_2011)
    expect(parsed.coders).toEqual(['A', 'B', 'C', 'D'])
    expect(parsed.units).toHaveLength(12)
    expect(parsed.data).toEqual(KRIPPENDORFF_2011)
    expect(parsed.labels).toBeNull()
  })

  it('numbers labels in order of first appearance when any cell is not a number', () => {
    const parsed = parseReliabilityTable([
      ['', 'p1', 'p2', 'p3'],
      ['Anna', 'kritiek', 'lof', ''],
      ['Bram', ' kritiek ', '2', 'lof'],
    ])
    expect(parsed.labels).toEqual(['kritiek', 'lof', '2'])
    expect(parsed.data).toEqual([
      [0, 1, null],
      [0, 2, 1],
    ])
  })

  it('skips blank rows and trailing empty cells, as CSV exports leave them', () => {
    const parsed = parseReliabilityTable([['', 'u1', 'u2', ''], ['A', '1', '2', ''], ['B', '1'], [''], []])
    expect(parsed).toMatchObject({ coders: ['A', 'B'], units: ['u1', 'u2'], data: [[1, 2], [1, null]] })
  })

  it('refuses tables it cannot read, naming the row as a spreadsheet would', () => {
    expect(thrown(() => parseReliabilityTable([['', 'u1']])).code).toBe('table-empty')
    expect(thrown(() => parseReliabilityTable([['coder'], ['A']])).code).toBe('table-no-units')
    expect(thrown(() => parseReliabilityTable([['', '', 'u2'], ['A', '1', '2']])).code).toBe('table-missing-unit-name')
    expect(thrown(() => parseReliabilityTable([['', 'u1'], ['', '1']])).params).toEqual({ row: 2 })
    expect(thrown(() => parseReliabilityTable([['', 'u1'], ['A', '1', '2']])).code).toBe('table-row-too-long')
  })
})

describe('reliability', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('gives Krippendorff (2011)\'s published %s alpha %s from the table', (level, published) => {
    const report = reliability(TABLE_2011, { measure: 'alpha', level })
    expect(report).toMatchObject({ measure: 'alpha', level, units: 11, coders: 4 })
    expect(report.value).toBeCloseTo(published, 3)
  })

  it('gives Wikipedia\'s nominal alpha 0.691 with the values written as words', () => {
    const words = ['', 'een', 'twee', 'drie', 'vier']
    const table = toTable(WIKIPEDIA_ALPHA, ['A', 'B', 'C']).map((row, r) =>
      r === 0 ? row : row.map((cell, c) => (c === 0 || cell === '' ? cell : words[Number(cell)]!)),
    )
    expect(reliability(table, { measure: 'alpha' }).value).toBeCloseTo(0.691, 3)
  })

  it('refuses ordinal, interval or ratio alpha on labels with level-needs-numbers, pointing at the cell', () => {
    const error = thrown(() =>
      reliability(
        [
          ['', 'u1', 'u2'],
          ['A', '1', 'hoog'],
          ['B', '2', '1'],
        ],
        { measure: 'alpha', level: 'ordinal' },
      ),
    )
    expect(error.code).toBe('level-needs-numbers')
    expect(error.params).toEqual({ level: 'ordinal', value: 'hoog', coder: 'A', unit: 'u2' })
  })

  it('gives the Wikipedia "Cohen\'s kappa" 0.40 for two coders', () => {
    const table = toTable(twoByTwoToRatings(WIKIPEDIA_COHEN), ['A', 'B'])
    const report = reliability(table, { measure: 'kappa' })
    expect(report).toMatchObject({ measure: 'kappa', level: 'nominal', units: 50, coders: 2 })
    expect(report.value).toBeCloseTo(0.4, 3)
    expect(reliability(table, { measure: 'percent' }).value).toBeCloseTo(0.7, 3)
  })

  it('refuses kappa for three coders with kappa-needs-two-coders', () => {
    expect(thrown(() => reliability(TABLE_2011, { measure: 'kappa' })).code).toBe('kappa-needs-two-coders')
  })

  it('treats weighted kappa as ordinal and refuses it on labels', () => {
    const numeric = [['', 'u1', 'u2', 'u3'], ['A', '1', '2', '3'], ['B', '1', '3', '3']]
    expect(reliability(numeric, { measure: 'kappa', weights: 'quadratic' }).level).toBe('ordinal')
    const labelled = [['', 'u1', 'u2'], ['A', 'ja', 'nee'], ['B', 'ja', 'ja']]
    expect(thrown(() => reliability(labelled, { measure: 'kappa', weights: 'linear' })).code).toBe('weights-need-numbers')
  })

  it('refuses Fleiss\' kappa on a table with missing values, and computes Brennan–Prediger on it', () => {
    expect(thrown(() => reliability(TABLE_2011, { measure: 'fleiss' })).code).toBe('fleiss-unequal-raters')
    const bp = reliability(TABLE_2011, { measure: 'bp', categories: 5 })
    expect(bp).toMatchObject({ measure: 'bp', level: 'nominal', units: 11 })
    expect(bp.value).not.toBeNull()
  })

  it('refuses an unknown measure or level', () => {
    expect(thrown(() => reliability(TABLE_2011, { measure: 'icc' as never })).code).toBe('unknown-measure')
    expect(thrown(() => reliability(TABLE_2011, { measure: 'alpha', level: 'polar' as never })).code).toBe('unknown-level')
  })
})
