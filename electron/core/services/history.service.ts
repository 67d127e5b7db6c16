import type Database from 'better-sqlite3'
import { WerkbankError } from '../../../shared/errors'
import type { HistoryState } from '../../../shared/types'
import { TRACKED_TABLES, type TrackedTable } from '../db/tracked-tables'

/** How many actions undo can go back; older ones are dropped to keep the study small. */
export const HISTORY_LIMIT = 500

interface ChangeRow {
  tbl: TrackedTable
  op: 'insert' | 'update' | 'delete'
  row_id: number
  before: string | null
  after: string | null
}

type Row = Record<string, unknown>

/**
 * Undo and redo for every change of the tracked tables. An action runs in one transaction
 * while the schema's triggers log each row it touches; undo replays the log backwards with the
 * old rows, redo forwards with the new ones. The log lives in the study file, so undo works
 * after the study is closed and opened again.
 */
export class History {
  private depth = 0
  private readonly replayed: ((label: string, params: Record<string, string | number>) => void)[] = []
  private readonly stmts
  private readonly tableStmts = new Map<TrackedTable, { insert: Database.Statement; update: Database.Statement; remove: Database.Statement }>()

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      insertAction: db.prepare('INSERT INTO undo_actions (label, params, undone, created_at) VALUES (?, ?, 0, ?)'),
      setRecording: db.prepare('UPDATE undo_state SET recording = ? WHERE id = 1'),
      dropRedo: db.prepare('DELETE FROM undo_actions WHERE undone = 1'),
      countChanges: db.prepare('SELECT count(*) AS n FROM undo_changes WHERE action_id = ?').pluck(),
      deleteAction: db.prepare('DELETE FROM undo_actions WHERE id = ?'),
      trim: db.prepare(
        'DELETE FROM undo_actions WHERE id <= (SELECT id FROM undo_actions ORDER BY id DESC LIMIT 1 OFFSET ?)',
      ),
      lastDone: db.prepare('SELECT id, label, params FROM undo_actions WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
      firstUndone: db.prepare('SELECT id, label, params FROM undo_actions WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
      changes: db.prepare('SELECT tbl, op, row_id, before, after FROM undo_changes WHERE action_id = ? ORDER BY id'),
      mark: db.prepare('UPDATE undo_actions SET undone = ? WHERE id = ?'),
      clear: db.prepare('DELETE FROM undo_actions'),
    }
  }

  /**
   * Runs `fn` as one undoable action in one transaction. Nested calls join the outer action.
   * An action that changed nothing leaves no trace in the history.
   */
  record<T>(label: string, params: Record<string, string | number>, fn: () => T): T {
    if (this.depth > 0) return fn()
    return this.db.transaction(() => {
      this.stmts.dropRedo.run()
      const id = Number(this.stmts.insertAction.run(label, JSON.stringify(params), new Date().toISOString()).lastInsertRowid)
      this.stmts.setRecording.run(id)
      this.depth++
      try {
        return fn()
      } finally {
        this.depth--
        this.stmts.setRecording.run(null)
        if (this.stmts.countChanges.get(id) === 0) this.stmts.deleteAction.run(id)
        this.stmts.trim.run(HISTORY_LIMIT)
      }
    })()
  }

  undo(): { label: string; params: Record<string, string | number> } {
    const action = this.stmts.lastDone.get() as { id: number; label: string; params: string } | undefined
    if (!action) throw new WerkbankError('nothing-to-undo')
    this.db.transaction(() => {
      const changes = (this.stmts.changes.all(action.id) as ChangeRow[]).reverse()
      for (const c of changes) {
        if (c.op === 'insert') this.remove(c.tbl, c.row_id)
        else if (c.op === 'update') this.write(c.tbl, 'update', JSON.parse(c.before!) as Row)
        else this.write(c.tbl, 'insert', JSON.parse(c.before!) as Row)
      }
      this.stmts.mark.run(1, action.id)
      for (const fn of this.replayed) fn(action.label, parseParams(action.params))
    })()
    return { label: action.label, params: parseParams(action.params) }
  }

  redo(): { label: string; params: Record<string, string | number> } {
    const action = this.stmts.firstUndone.get() as { id: number; label: string; params: string } | undefined
    if (!action) throw new WerkbankError('nothing-to-redo')
    this.db.transaction(() => {
      for (const c of this.stmts.changes.all(action.id) as ChangeRow[]) {
        if (c.op === 'delete') this.remove(c.tbl, c.row_id)
        else this.write(c.tbl, c.op, JSON.parse(c.after!) as Row)
      }
      this.stmts.mark.run(0, action.id)
      for (const fn of this.replayed) fn(action.label, parseParams(action.params))
    })()
    return { label: action.label, params: parseParams(action.params) }
  }

  state(): HistoryState {
    const done = this.stmts.lastDone.get() as { label: string; params: string } | undefined
    const undone = this.stmts.firstUndone.get() as { label: string; params: string } | undefined
    return {
      canUndo: !!done,
      canRedo: !!undone,
      undoLabel: done?.label ?? null,
      redoLabel: undone?.label ?? null,
      ...(done ? { undoParams: parseParams(done.params) } : {}),
      ...(undone ? { redoParams: parseParams(undone.params) } : {}),
    }
  }

  /**
   * Called inside the transaction of every undo and redo, after the rows are replayed: for what
   * is derived from tracked rows and not itself tracked (a document's text units after OCR).
   */
  onReplay(fn: (label: string, params: Record<string, string | number>) => void): void {
    this.replayed.push(fn)
  }

  /** Forgets all history: after changes that cannot be undone (a document deleted). */
  clear(): void {
    this.stmts.clear.run()
  }

  private statementsFor(table: TrackedTable) {
    let s = this.tableStmts.get(table)
    if (!s) {
      // Table and column names come from TRACKED_TABLES, never from input.
      const cols = TRACKED_TABLES[table] as readonly string[]
      s = {
        insert: this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`),
        update: this.db.prepare(
          `UPDATE ${table} SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
        ),
        remove: this.db.prepare(`DELETE FROM ${table} WHERE id = ?`),
      }
      this.tableStmts.set(table, s)
    }
    return s
  }

  private write(table: TrackedTable, op: 'insert' | 'update', row: Row): void {
    this.statementsFor(table)[op].run(row)
  }

  private remove(table: TrackedTable, id: number): void {
    this.statementsFor(table).remove.run(id)
  }
}

function parseParams(json: string): Record<string, string | number> {
  try {
    const p: unknown = JSON.parse(json)
    return p !== null && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, string | number>) : {}
  } catch {
    return {}
  }
}
