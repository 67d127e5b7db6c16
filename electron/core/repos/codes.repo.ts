import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { Code } from '../../../shared/types'

export const PATH_SEPARATOR = '/'

interface CodeRow {
  id: number
  uuid: string
  parent_id: number | null
  name: string
  colour: string
  definition: string
  inclusion: string
  exclusion: string
  example: string
  sort_order: number
  template_key: string | null
  coding_count: number
}

export interface NewCodeRow {
  parentId: number | null
  name: string
  colour: string
  definition?: string
  inclusion?: string
  exclusion?: string
  example?: string
  templateKey?: string | null
  uuid?: string
}

export type CodeFields = Partial<Pick<Code, 'name' | 'colour' | 'definition' | 'inclusion' | 'exclusion' | 'example'>>

/** SQL for the codebook tree. Paths are built here, from the parent chain. */
export class CodesRepo {
  private readonly s

  constructor(private readonly db: Database.Database) {
    this.s = {
      all: db.prepare(`
        SELECT c.*, (SELECT count(*) FROM codings k WHERE k.code_id = c.id) AS coding_count
        FROM codes c ORDER BY c.sort_order, c.id`),
      get: db.prepare(`
        SELECT c.*, (SELECT count(*) FROM codings k WHERE k.code_id = c.id) AS coding_count
        FROM codes c WHERE c.id = ?`),
      byName: db.prepare('SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE').pluck(),
      nextOrder: db.prepare('SELECT ifnull(max(sort_order), -1) + 1 FROM codes WHERE ifnull(parent_id, 0) = ?').pluck(),
      insert: db.prepare(`
        INSERT INTO codes (uuid, parent_id, name, colour, definition, inclusion, exclusion, example,
                           sort_order, template_key, created_at, updated_at)
        VALUES (@uuid, @parentId, @name, @colour, @definition, @inclusion, @exclusion, @example,
                @sortOrder, @templateKey, @now, @now)`),
      update: db.prepare(`
        UPDATE codes SET name = @name, colour = @colour, definition = @definition, inclusion = @inclusion,
               exclusion = @exclusion, example = @example, updated_at = @now WHERE id = @id`),
      move: db.prepare('UPDATE codes SET parent_id = ?, sort_order = ?, updated_at = ? WHERE id = ?'),
      subtree: db.prepare(`
        WITH RECURSIVE sub(id, depth) AS (SELECT ?, 0 UNION ALL SELECT c.id, sub.depth + 1 FROM codes c JOIN sub ON c.parent_id = sub.id)
        SELECT id FROM sub ORDER BY depth DESC`).pluck(),
      children: db.prepare('SELECT id FROM codes WHERE parent_id = ? ORDER BY sort_order, id').pluck(),
      remove: db.prepare('DELETE FROM codes WHERE id = ?'),
      // Memos on a code go with it (inside the same undo step as the code).
      removeMemos: db.prepare("DELETE FROM memos WHERE target_type = 'code' AND target_id = ?"),
      moveMemos: db.prepare("UPDATE memos SET target_id = ?, updated_at = ? WHERE target_type = 'code' AND target_id = ?"),
    }
  }

  list(): Code[] {
    const rows = this.s.all.all() as CodeRow[]
    const byId = new Map(rows.map((r) => [r.id, r]))
    const pathOf = (r: CodeRow): string => {
      const parts: string[] = []
      for (let c: CodeRow | undefined = r; c; c = c.parent_id === null ? undefined : byId.get(c.parent_id)) {
        parts.unshift(c.name)
        if (parts.length > 64) break // a cycle cannot exist (moves are checked), but never loop forever
      }
      return parts.join(PATH_SEPARATOR)
    }
    // Tree order: each code followed by its subcodes, siblings by their sort order.
    const children = new Map<number | null, CodeRow[]>()
    for (const r of rows) {
      const key = r.parent_id !== null && byId.has(r.parent_id) ? r.parent_id : null
      children.set(key, [...(children.get(key) ?? []), r])
    }
    const ordered: Code[] = []
    const visit = (parent: number | null) => {
      for (const r of children.get(parent) ?? []) {
        ordered.push(toCode(r, pathOf(r)))
        visit(r.id)
      }
    }
    visit(null)
    return ordered
  }

  get(id: number): Code | undefined {
    const row = this.s.get.get(id) as CodeRow | undefined
    if (!row) return undefined
    return this.list().find((c) => c.id === id)
  }

  exists(id: number): boolean {
    return this.s.get.get(id) !== undefined
  }

  idByName(parentId: number | null, name: string): number | undefined {
    return this.s.byName.get(parentId ?? 0, name) as number | undefined
  }

  insert(code: NewCodeRow): number {
    const info = this.s.insert.run({
      uuid: code.uuid ?? randomUUID(),
      parentId: code.parentId,
      name: code.name,
      colour: code.colour,
      definition: code.definition ?? '',
      inclusion: code.inclusion ?? '',
      exclusion: code.exclusion ?? '',
      example: code.example ?? '',
      sortOrder: this.s.nextOrder.get(code.parentId ?? 0) as number,
      templateKey: code.templateKey ?? null,
      now: new Date().toISOString(),
    })
    return Number(info.lastInsertRowid)
  }

  update(id: number, current: Code, fields: CodeFields): void {
    this.s.update.run({ ...current, ...fields, id, now: new Date().toISOString() })
  }

  move(id: number, parentId: number | null): void {
    this.s.move.run(parentId, this.s.nextOrder.get(parentId ?? 0), new Date().toISOString(), id)
  }

  /** The code and all its descendants, deepest first (an order that deletes safely). */
  subtreeIds(id: number): number[] {
    return this.s.subtree.all(id) as number[]
  }

  childIds(id: number): number[] {
    return this.s.children.all(id) as number[]
  }

  remove(id: number): void {
    this.s.removeMemos.run(id)
    this.s.remove.run(id)
  }

  /** A merged code's memos go to the code it was merged into. */
  moveMemos(fromId: number, toId: number): void {
    this.s.moveMemos.run(toId, new Date().toISOString(), fromId)
  }
}

function toCode(r: CodeRow, path: string): Code {
  return {
    id: r.id,
    uuid: r.uuid,
    parentId: r.parent_id,
    name: r.name,
    path,
    colour: r.colour,
    definition: r.definition,
    inclusion: r.inclusion,
    exclusion: r.exclusion,
    example: r.example,
    sortOrder: r.sort_order,
    templateKey: r.template_key,
    codingCount: r.coding_count,
  }
}
