import { describe, expect, it } from 'vitest'
import { parseAnalysisMemory } from '../../../renderer/store/analysis-memory'

describe('remembered analysis choices', () => {
  it('reads back what was saved', () => {
    const m = {
      tab: 'cooccurrence', by: 'attribute:sector', measure: 'coverage', rows: { rootId: 7, rollup: true },
      filter: { coderIds: [1, 2], attributes: { sector: ['zorg'] } }, rowSort: { key: 'total', dir: 'desc' }, colSort: null,
      scope: 'case', csv: { delimiter: ';', decimalComma: true, bom: false },
      agreement: { coders: ['Anna', 'Bram'], level: 'segment', overlap: 90, codeIds: [3] },
    }
    expect(parseAnalysisMemory(JSON.stringify(m))).toEqual(m)
  })

  it('drops what is malformed, field by field', () => {
    expect(parseAnalysisMemory(null)).toEqual({})
    expect(parseAnalysisMemory('{not json')).toEqual({})
    expect(parseAnalysisMemory('[1]')).toEqual({})
    expect(parseAnalysisMemory(JSON.stringify({
      tab: 'charts', by: 'attribute:', measure: 'mean', rows: { rootId: -3, rollup: true },
      filter: { coderIds: ['x'], attributes: {} }, rowSort: { key: 'total', dir: 'up' }, colSort: { key: 'label', dir: 'asc' },
      scope: 'page', csv: { delimiter: '|', decimalComma: true, bom: true },
      agreement: { coders: ['Anna'], level: 'segment', overlap: 150, codeIds: [] },
    }))).toEqual({ colSort: { key: 'label', dir: 'asc' } })
  })
})
