import { describe, expect, it } from 'vitest'
import { attributeSummary, isOthersJudgement, phaseKey } from '../../../renderer/features/cases/attributes'
import { clampPane, parseWorkspace } from '../../../renderer/store/workspace'

describe('remembered workspace', () => {
  it('reads back what was saved', () => {
    const ws = { documentId: 3, page: 12, scale: 1.44, zoomMode: 'manual', panes: { left: 320, right: 400, split: 250 }, view: { scope: 'coder', coderId: 2, blind: true }, retrievalSubcodes: false, showStripes: true }
    expect(parseWorkspace(JSON.stringify(ws))).toEqual(ws)
  })

  it('drops what is malformed, field by field, and keeps pane sizes within their limits', () => {
    expect(parseWorkspace(null)).toEqual({})
    expect(parseWorkspace('not json')).toEqual({})
    expect(parseWorkspace('[1,2]')).toEqual({})
    expect(parseWorkspace(JSON.stringify({ documentId: -1, page: 'x', zoomMode: 'zoom', panes: { left: 5000, right: 'wide' }, view: { scope: 'them', blind: 1 } }))).toEqual({
      panes: { left: 600 },
      view: {},
    })
    expect(clampPane('left', 10)).toBe(200)
    expect(clampPane('right', 350.6)).toBe(351)
  })
})

describe('case attributes', () => {
  it('sums up school, company, sector and year on one line', () => {
    expect(attributeSummary({ school: 'ROC Noord', bedrijf: 'De Vries', jaar: '2012', regio: 'Noord' })).toBe('ROC Noord · De Vries · 2012')
    expect(attributeSummary({})).toBe('')
  })

  it('knows a coder’s judgement of the phase, and whose it is', () => {
    expect(phaseKey('Anna')).toBe('fase:Anna')
    expect(isOthersJudgement('fase:Ben', 'Anna')).toBe(true)
    expect(isOthersJudgement('fase:Anna', 'Anna')).toBe(false)
    expect(isOthersJudgement('fase', 'Anna')).toBe(false)
    expect(isOthersJudgement('school', 'Anna')).toBe(false)
  })
})
