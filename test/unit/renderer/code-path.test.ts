import { describe, expect, it } from 'vitest'
import { headAndTail, middleEllipsis, shortPath, splitPath } from '../../../renderer/components/code-path'

describe('code paths shortened in the middle, the leaf whole', () => {
  it('splits a path into parents and leaf', () => {
    expect(splitPath('A/B/C')).toEqual({ parent: 'A/B', leaf: 'C' })
    expect(splitPath('Top')).toEqual({ parent: '', leaf: 'Top' })
  })

  it('takes the middle out of a long text', () => {
    expect(middleEllipsis('Krachtige loopbaangerichte leeromgeving', 15)).toBe('Krachti…mgeving')
    expect(middleEllipsis('kort', 15)).toBe('kort')
  })

  it('keeps the leaf whole, so two sub-codes of one long parent read differently', () => {
    const a = shortPath('Krachtige loopbaangerichte leeromgeving/Praktijkgericht', 32)
    const b = shortPath('Krachtige loopbaangerichte leeromgeving/Dialogisch', 32)
    expect(a.endsWith(' / Praktijkgericht')).toBe(true)
    expect(b.endsWith(' / Dialogisch')).toBe(true)
    expect(a).toContain('…')
    expect(shortPath('Fase/Fase 1', 32)).toBe('Fase / Fase 1')
  })

  it('cuts a parent for CSS at a word near the end', () => {
    expect(headAndTail('Krachtige loopbaangerichte leeromgeving')).toEqual(['Krachtige loopbaangerichte ', 'leeromgeving'])
    expect(headAndTail('Kort')).toEqual(['Kort', ''])
  })
})
