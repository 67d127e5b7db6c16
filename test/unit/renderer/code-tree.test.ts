import { describe, expect, it } from 'vitest'
import type { Code } from '../../../shared/types'
import { buildTree, filterTree, matchCodes, subtreeIds } from '../../../renderer/features/codebook/code-tree'

function code(id: number, parentId: number | null, name: string, path: string, codingCount = 0): Code {
  return { id, uuid: `u${id}`, parentId, name, path, colour: '#123456', definition: '', inclusion: '', exclusion: '', example: '', sortOrder: id, templateKey: null, codingCount }
}

const CODES = [
  code(1, null, 'Fase', 'Fase', 1),
  code(2, 1, 'Samen ontwerpen', 'Fase/Samen ontwerpen', 3),
  code(3, 1, 'Samen innoveren', 'Fase/Samen innoveren', 2),
  code(4, null, 'Verzet', 'Verzet'),
  code(5, 4, 'Passief', 'Verzet/Passief', 4),
  code(6, 5, 'Docenten', 'Verzet/Passief/Docenten', 1),
]

describe('codebook tree', () => {
  it('sums codings over subcodes and counts the subcodes a deletion takes along', () => {
    const [fase, verzet] = buildTree(CODES)
    expect(fase!.total).toBe(6)
    expect(fase!.descendants).toBe(2)
    expect(verzet!.total).toBe(5)
    expect(verzet!.descendants).toBe(2)
  })

  it('filters to matching codes and keeps their ancestors for context', () => {
    const shown = filterTree(buildTree(CODES), 'docent')
    expect(shown.map((n) => n.code.name)).toEqual(['Verzet'])
    expect(shown[0]!.children[0]!.children.map((n) => n.code.name)).toEqual(['Docenten'])
  })

  it('lists a code with all its subcodes', () => {
    expect(subtreeIds(CODES, 4).sort()).toEqual([4, 5, 6])
    expect(subtreeIds(CODES, 3)).toEqual([3])
  })
})

describe('code picker type-ahead', () => {
  it('puts names that start with the query first, then names and paths that contain it', () => {
    expect(matchCodes(CODES, 'sa').map((c) => c.id)).toEqual([2, 3])
    expect(matchCodes(CODES, 'fase').map((c) => c.id)).toEqual([1, 2, 3])
    expect(matchCodes(CODES, 'ONTW').map((c) => c.id)).toEqual([2])
  })

  it('offers every code for an empty query', () => {
    expect(matchCodes(CODES, '  ')).toHaveLength(CODES.length)
  })
})
