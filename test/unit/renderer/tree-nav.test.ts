import { describe, expect, it } from 'vitest'
import { treeKey, type VisibleRow } from '../../../renderer/features/codebook/tree-nav'

// Fase (open) > Samen ontwerpen, Samen innoveren (closed, has children); Verzet
const ROWS: VisibleRow<string>[] = [
  { key: 'fase', parent: null, level: 1, hasChildren: true, expanded: true },
  { key: 'ontwerpen', parent: 'fase', level: 2, hasChildren: false, expanded: false },
  { key: 'innoveren', parent: 'fase', level: 2, hasChildren: true, expanded: false },
  { key: 'verzet', parent: null, level: 1, hasChildren: false, expanded: false },
]

describe('tree keyboard navigation (WAI-ARIA tree view)', () => {
  it('moves up and down the visible rows, and to the first and last', () => {
    expect(treeKey(ROWS, 'fase', 'ArrowDown')).toEqual({ kind: 'focus', key: 'ontwerpen' })
    expect(treeKey(ROWS, 'verzet', 'ArrowDown')).toEqual({ kind: 'focus', key: 'verzet' })
    expect(treeKey(ROWS, 'fase', 'ArrowUp')).toEqual({ kind: 'focus', key: 'fase' })
    expect(treeKey(ROWS, 'innoveren', 'Home')).toEqual({ kind: 'focus', key: 'fase' })
    expect(treeKey(ROWS, 'fase', 'End')).toEqual({ kind: 'focus', key: 'verzet' })
  })

  it('opens a closed node with Right, then goes to its first child', () => {
    expect(treeKey(ROWS, 'innoveren', 'ArrowRight')).toEqual({ kind: 'expand', key: 'innoveren' })
    expect(treeKey(ROWS, 'fase', 'ArrowRight')).toEqual({ kind: 'focus', key: 'ontwerpen' })
    expect(treeKey(ROWS, 'ontwerpen', 'ArrowRight')).toBeNull()
  })

  it('closes an open node with Left, else goes to the parent', () => {
    expect(treeKey(ROWS, 'fase', 'ArrowLeft')).toEqual({ kind: 'collapse', key: 'fase' })
    expect(treeKey(ROWS, 'ontwerpen', 'ArrowLeft')).toEqual({ kind: 'focus', key: 'fase' })
    expect(treeKey(ROWS, 'verzet', 'ArrowLeft')).toBeNull()
  })

  it('ignores other keys and an empty tree', () => {
    expect(treeKey(ROWS, 'fase', 'a')).toBeNull()
    expect(treeKey([], null, 'ArrowDown')).toBeNull()
  })
})
