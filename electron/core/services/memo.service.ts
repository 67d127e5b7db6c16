import type Database from 'better-sqlite3'
import { WerkbankError } from '../../../shared/errors'
import type { Memo, MemoTarget } from '../../../shared/types'
import type { History } from './history.service'
import { checkOwnership, leadLabel, SYSTEM, type Actor } from './ownership'

interface Row {
  id: number
  target_type: MemoTarget
  target_id: number | null
  coder_id: number | null
  coder_name: string | null
  title: string
  body: string
  created_at: string
  updated_at: string
}

const toMemo = (r: Row): Memo => ({
  id: r.id,
  targetType: r.target_type,
  targetId: r.target_id,
  coderId: r.coder_id,
  coderName: r.coder_name,
  body: r.body,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/**
 * Memos on the study, a case, a document or a code: each coder writes their own (one per
 * target), and sees the others' unless coding blind (the page decides). Saving is an undo
 * step; saving an empty text removes the memo. Coding memos are a field of the coding instead.
 */
export class MemoService {
  private readonly s

  constructor(
    db: Database.Database,
    private readonly history: History,
  ) {
    this.s = {
      list: db.prepare(`
        SELECT m.*, c.name AS coder_name FROM memos m LEFT JOIN coders c ON c.id = m.coder_id
        WHERE m.target_type = @type AND m.target_id IS @id
        ORDER BY c.name COLLATE NOCASE, m.id`),
      mine: db.prepare('SELECT id FROM memos WHERE target_type = @type AND target_id IS @id AND coder_id = @coder ORDER BY id LIMIT 1').pluck(),
      get: db.prepare('SELECT m.*, c.name AS coder_name FROM memos m LEFT JOIN coders c ON c.id = m.coder_id WHERE m.id = ?'),
      insert: db.prepare(`
        INSERT INTO memos (target_type, target_id, coder_id, body, created_at, updated_at)
        VALUES (@type, @id, @coder, @body, @now, @now)`),
      update: db.prepare('UPDATE memos SET body = @body, updated_at = @now WHERE id = @memo'),
      remove: db.prepare('DELETE FROM memos WHERE id = ?'),
      coderName: db.prepare('SELECT name FROM coders WHERE id = ?').pluck(),
      target: {
        case: db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck(),
        document: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
        code: db.prepare('SELECT 1 FROM codes WHERE id = ?').pluck(),
      },
    }
  }

  /** Every coder's memo on the target. */
  list(targetType: MemoTarget, targetId: number | null): Memo[] {
    this.checkTarget(targetType, targetId)
    return (this.s.list.all({ type: targetType, id: targetId }) as Row[]).map(toMemo)
  }

  /**
   * The coder's memo on the target, written or rewritten; an empty text removes it (null).
   * Only that coder may, unless `by` acts as lead (recorded in the undo step's label). `by`
   * defaults to the system for the study's own bookkeeping (a REFI-QDA import); every handler
   * passes the acting coder.
   */
  save(targetType: MemoTarget, targetId: number | null, coderId: number, body: string, by: Actor = SYSTEM): Memo | null {
    this.checkTarget(targetType, targetId)
    const nameOf = (id: number) => this.s.coderName.get(id) as string | undefined
    if (nameOf(coderId) === undefined) throw new WerkbankError('coder-not-found', { coderId })
    const [label, params] = leadLabel('memo-save', { target: targetType }, checkOwnership(by, coderId, nameOf, 'memo'))
    return this.history.record(label, params, () => {
      const now = new Date().toISOString()
      const id = this.s.mine.get({ type: targetType, id: targetId, coder: coderId }) as number | undefined
      if (body.trim() === '') {
        if (id !== undefined) this.s.remove.run(id)
        return null
      }
      const memo = id ?? Number(this.s.insert.run({ type: targetType, id: targetId, coder: coderId, body, now }).lastInsertRowid)
      if (id !== undefined) this.s.update.run({ body, now, memo })
      return toMemo(this.s.get.get(memo) as Row)
    })
  }

  private checkTarget(targetType: MemoTarget, targetId: number | null): void {
    if (targetType === 'study') {
      if (targetId !== null) throw new WerkbankError('bad-input', { detail: 'a memo on the study has no target id' })
      return
    }
    if (targetId === null || this.s.target[targetType].get(targetId) === undefined) {
      const code = ({ case: 'case-not-found', document: 'document-not-found', code: 'code-not-found' } as const)[targetType]
      const param = ({ case: 'caseId', document: 'documentId', code: 'codeId' } as const)[targetType]
      throw new WerkbankError(code, { [param]: targetId ?? 0 })
    }
  }
}
