/** The codebook as a tree, and the searches over it: pure functions for the UI. */
import type { Code } from '../../../shared/types'

export interface CodeNode {
  code: Code
  children: CodeNode[]
  /** Codings of this code and all its subcodes. */
  total: number
  /** Number of subcodes (all levels). */
  descendants: number
}

/** The code tree with subtree totals; children in the order the core lists them. */
export function buildTree(codes: readonly Code[]): CodeNode[] {
  const nodes = new Map<number, CodeNode>()
  for (const c of codes) nodes.set(c.id, { code: c, children: [], total: c.codingCount, descendants: 0 })
  const roots: CodeNode[] = []
  for (const c of codes) {
    const node = nodes.get(c.id)!
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sum = (n: CodeNode): void => {
    for (const ch of n.children) {
      sum(ch)
      n.total += ch.total
      n.descendants += 1 + ch.descendants
    }
  }
  roots.forEach(sum)
  return roots
}

/** Keeps nodes that match the filter, with their ancestors (for context) and, below a match, everything. */
export function filterTree(nodes: CodeNode[], q: string): CodeNode[] {
  if (q === '') return nodes
  const out: CodeNode[] = []
  for (const n of nodes) {
    if (n.code.name.toLowerCase().includes(q)) out.push(n)
    else {
      const children = filterTree(n.children, q)
      if (children.length > 0) out.push({ ...n, children })
    }
  }
  return out
}

/** Codes matching a type-ahead query: name matches first, then path matches, in tree order. */
export function matchCodes(codes: readonly Code[], query: string): Code[] {
  const q = query.trim().toLowerCase()
  if (q === '') return [...codes]
  const starts: Code[] = []
  const inName: Code[] = []
  const inPath: Code[] = []
  for (const c of codes) {
    const name = c.name.toLowerCase()
    if (name.startsWith(q)) starts.push(c)
    else if (name.includes(q)) inName.push(c)
    else if (c.path.toLowerCase().includes(q)) inPath.push(c)
  }
  return [...starts, ...inName, ...inPath]
}

/** Ids of a code and all its subcodes. */
export function subtreeIds(codes: readonly Code[], rootId: number): number[] {
  const children = new Map<number, number[]>()
  for (const c of codes) if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id])
  const out: number[] = []
  const stack = [rootId]
  while (stack.length > 0) {
    const id = stack.pop()!
    out.push(id)
    stack.push(...(children.get(id) ?? []))
  }
  return out
}
