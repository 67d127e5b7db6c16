import type Database from 'better-sqlite3'
import type { Coder } from '../../../shared/types'

/** SQL for coders. Names are unique regardless of case. */
export class CodersRepo {
  private readonly s

  constructor(db: Database.Database) {
    this.s = {
      list: db.prepare('SELECT id, name FROM coders ORDER BY name'),
      get: db.prepare('SELECT id, name FROM coders WHERE id = ?'),
      byName: db.prepare('SELECT id, name FROM coders WHERE name = ?'),
      insert: db.prepare('INSERT INTO coders (name, created_at) VALUES (?, ?)'),
    }
  }

  list(): Coder[] {
    return this.s.list.all() as Coder[]
  }

  get(id: number): Coder | undefined {
    return this.s.get.get(id) as Coder | undefined
  }

  byName(name: string): Coder | undefined {
    return this.s.byName.get(name) as Coder | undefined
  }

  insert(name: string): Coder {
    const id = Number(this.s.insert.run(name, new Date().toISOString()).lastInsertRowid)
    return { id, name }
  }
}
