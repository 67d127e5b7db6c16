/**
 * Keyboard navigation of an ARIA tree (WAI-ARIA Authoring Practices, tree view pattern) over
 * the rows that are visible: pure, so the codebook and the cases panel share it.
 */

export interface VisibleRow<K> {
  key: K
  parent: K | null
  level: number
  hasChildren: boolean
  expanded: boolean
}

export type TreeAction<K> =
  | { kind: 'focus'; key: K }
  | { kind: 'expand'; key: K }
  | { kind: 'collapse'; key: K }
  | null

/** What an arrow key, Home or End does at the focused row. */
export function treeKey<K>(rows: readonly VisibleRow<K>[], focused: K | null, key: string): TreeAction<K> {
  if (rows.length === 0) return null
  const i = focused === null ? -1 : rows.findIndex((r) => r.key === focused)
  const row = rows[i]
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', key: rows[Math.min(rows.length - 1, i + 1)]!.key }
    case 'ArrowUp':
      return { kind: 'focus', key: rows[Math.max(0, i - 1)]!.key }
    case 'Home':
      return { kind: 'focus', key: rows[0]!.key }
    case 'End':
      return { kind: 'focus', key: rows[rows.length - 1]!.key }
    case 'ArrowRight':
      if (!row) return { kind: 'focus', key: rows[0]!.key }
      if (!row.hasChildren) return null
      if (!row.expanded) return { kind: 'expand', key: row.key }
      return rows[i + 1] ? { kind: 'focus', key: rows[i + 1]!.key } : null
    case 'ArrowLeft':
      if (!row) return null
      if (row.hasChildren && row.expanded) return { kind: 'collapse', key: row.key }
      return row.parent !== null ? { kind: 'focus', key: row.parent } : null
    default:
      return null
  }
}
