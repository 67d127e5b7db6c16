import { describe, expect, it } from 'vitest'
import { layoutStripes } from '../../../renderer/features/viewer/stripes'

const s = (codingId: number, top: number, bottom: number) => ({ codingId, top, bottom })

describe('coding stripes', () => {
  it('puts overlapping codings side by side and reuses a lane once it is free', () => {
    const { placed, hidden } = layoutStripes([s(1, 0.1, 0.3), s(2, 0.2, 0.4), s(3, 0.35, 0.5)], 6)
    const lane = Object.fromEntries(placed.map((p) => [p.stripe.codingId, p.lane]))
    expect(lane).toEqual({ 1: 0, 2: 1, 3: 0 })
    expect(hidden).toBe(0)
  })

  it('puts the longer of two codings that start together in the first lane', () => {
    const { placed } = layoutStripes([s(1, 0.1, 0.15), s(2, 0.1, 0.6)], 6)
    expect(placed.find((p) => p.stripe.codingId === 2)?.lane).toBe(0)
  })

  it('counts what does not fit in the lanes or over the limit as hidden', () => {
    const many = Array.from({ length: 10 }, (_, i) => s(i + 1, 0.1, 0.2))
    expect(layoutStripes(many, 4).hidden).toBe(6)
    expect(layoutStripes([s(1, 0, 0.1), s(2, 0.2, 0.3), s(3, 0.4, 0.5)], 6, 2).hidden).toBe(1)
  })
})
