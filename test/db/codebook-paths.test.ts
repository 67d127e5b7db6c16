import { describe, expect, it } from 'vitest'
import { childColour, hueOf } from '../../shared/code-colour'
import { tempStudy } from '../helpers/study'

describe('codes made by path, coloured after their parent', () => {
  it('makes Parent/Child with a missing parent as one undo step, and under an existing parent too', async () => {
    const s = await tempStudy()
    const existing = s.codebook.create({ parentId: null, name: 'Gebrek aan leiderschap', colour: '#e6194b' })
    const child = s.codebook.ensurePath('Gebrek aan leiderschap/Financiering onzeker')
    expect(child.path).toBe('Gebrek aan leiderschap/Financiering onzeker')
    expect(child.parentId).toBe(existing.id)
    const deep = s.codebook.ensurePath('Nieuw thema/Onder/Diep')
    expect(s.codebook.list().map((c) => c.path)).toContain('Nieuw thema/Onder')
    expect(deep.path).toBe('Nieuw thema/Onder/Diep')
    // One step for the three new codes of a path.
    s.history.undo()
    expect(s.codebook.list().map((c) => c.path)).toEqual(['Gebrek aan leiderschap', 'Gebrek aan leiderschap/Financiering onzeker'])
    s.history.undo()
    expect(s.codebook.list().map((c) => c.path)).toEqual(['Gebrek aan leiderschap'])
    s.history.undo()
    expect(s.codebook.list()).toEqual([])
  })

  it('gives a sub-code a shade of its parent’s colour, whether made by path or by create', async () => {
    const s = await tempStudy()
    const parent = s.codebook.create({ parentId: null, name: 'Verzet', colour: '#3cb44b' })
    const a = s.codebook.create({ parentId: parent.id, name: 'Actief' })
    const b = s.codebook.ensurePath('Verzet/Passief')
    for (const c of [a, b]) {
      expect(c.colour).not.toBe(parent.colour)
      expect(Math.abs(hueOf(c.colour)! - hueOf(parent.colour)!)).toBeLessThan(3)
    }
    expect(a.colour).not.toBe(b.colour)
    expect(a.colour).toBe(childColour('#3cb44b', 0))
  })
})
