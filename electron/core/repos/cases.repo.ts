import type Database from 'better-sqlite3'
import type { Case } from '../../../shared/types'

interface CaseRow {
  id: number
  name: string
  sort_order: number
  document_count: number
}

/** SQL for cases and their attributes. */
export class CasesRepo {
  private readonly s

  constructor(db: Database.Database) {
    this.s = {
      list: db.prepare(`
        SELECT c.id, c.name, c.sort_order, (SELECT count(*) FROM documents d WHERE d.case_id = c.id) AS document_count
        FROM cases c ORDER BY c.sort_order, c.name`),
      attrs: db.prepare('SELECT case_id, name, value FROM case_attributes ORDER BY name'),
      byName: db.prepare('SELECT id FROM cases WHERE name = ?').pluck(),
      exists: db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck(),
      nextOrder: db.prepare('SELECT ifnull(max(sort_order), -1) + 1 FROM cases').pluck(),
      insert: db.prepare('INSERT INTO cases (name, sort_order, created_at) VALUES (?, ?, ?)'),
      rename: db.prepare('UPDATE cases SET name = ? WHERE id = ?'),
      attrId: db.prepare('SELECT id FROM case_attributes WHERE case_id = ? AND name = ?').pluck(),
      insertAttr: db.prepare('INSERT INTO case_attributes (case_id, name, value) VALUES (?, ?, ?)'),
      updateAttr: db.prepare('UPDATE case_attributes SET value = ? WHERE id = ?'),
      removeAttr: db.prepare('DELETE FROM case_attributes WHERE id = ?'),
    }
  }

  list(): Case[] {
    const attrs = new Map<number, Record<string, string>>()
    for (const a of this.s.attrs.all() as { case_id: number; name: string; value: string }[]) {
      const m = attrs.get(a.case_id) ?? {}
      m[a.name] = a.value
      attrs.set(a.case_id, m)
    }
    return (this.s.list.all() as CaseRow[]).map((r) => ({
      id: r.id,
      name: r.name,
      sortOrder: r.sort_order,
      documentCount: r.document_count,
      attributes: attrs.get(r.id) ?? {},
    }))
  }

  idByName(name: string): number | undefined {
    return this.s.byName.get(name) as number | undefined
  }

  exists(id: number): boolean {
    return this.s.exists.get(id) !== undefined
  }

  insert(name: string): number {
    return Number(this.s.insert.run(name, this.s.nextOrder.get(), new Date().toISOString()).lastInsertRowid)
  }

  rename(id: number, name: string): void {
    this.s.rename.run(name, id)
  }

  /** Sets an attribute; an empty value removes it. */
  setAttribute(caseId: number, name: string, value: string): void {
    const id = this.s.attrId.get(caseId, name) as number | undefined
    if (value === '') {
      if (id !== undefined) this.s.removeAttr.run(id)
    } else if (id === undefined) this.s.insertAttr.run(caseId, name, value)
    else this.s.updateAttr.run(value, id)
  }
}
