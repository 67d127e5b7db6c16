import type Database from 'better-sqlite3'
import type { LogKind, StudyLog, StudyLogEntry } from '../../../shared/api-log'
import { toCsv, type CsvOptions } from '../../../shared/csv'
import type { CodingOrigin } from '../../../shared/types'
import { HISTORY_LIMIT } from './history.service'

export interface StudyLogFilter {
  coderId?: number
  codeId?: number
  documentId?: number
  kinds?: LogKind[]
  withoutUndone?: boolean
}

/** A codings row as the undo triggers write it (snake_case JSON, tracked-tables.ts). */
interface CodingJson {
  id: number
  document_id: number
  code_id: number
  coder_id: number
  start_offset: number
  end_offset: number
  quote: string
  memo: string
  origin?: CodingOrigin
  origin_detail?: string
}

interface ChangeRow {
  action_id: number
  label: string
  params: string
  undone: number
  created_at: string
  row_id: number
  before: string | null
  after: string | null
}

/**
 * Labels of actions a coder makes on their own codings: without a lead's `by`, the coding's
 * coder made them. Other actions touching codings (a code merged or deleted, a project
 * imported, a team merge, a settled disagreement) do not record who acted.
 */
const CODER_ACTIONS = new Set(['coding-create', 'coding-update', 'coding-delete', 'autocode'])

/**
 * The study log: who created, changed or deleted which coding when, read from the undo history
 * (undo_actions + undo_changes, which the schema's triggers fill for every tracked change). It
 * is exactly as long as the history: the last HISTORY_LIMIT actions, emptied when a document is
 * deleted, and an undone action's changes vanish when a new action drops the redo steps. That
 * is what the UI and the docs say; a complete audit trail would need its own table.
 */
export class StudyLogService {
  private readonly s

  constructor(private readonly db: Database.Database) {
    this.s = {
      changes: db.prepare(`
        SELECT a.id AS action_id, a.label, a.params, a.undone, a.created_at, c.row_id, c.before, c.after
        FROM undo_changes c JOIN undo_actions a ON a.id = c.action_id
        WHERE c.tbl = 'codings'
        ORDER BY a.id, c.id`),
      since: db.prepare('SELECT min(created_at) FROM undo_actions').pluck(),
      codes: db.prepare('SELECT id, parent_id, name FROM codes'),
      // A code deleted since keeps its name in the history.
      deletedCodes: db.prepare(`SELECT row_id, before FROM undo_changes WHERE tbl = 'codes' AND op = 'delete'`),
      coders: db.prepare('SELECT id, name FROM coders'),
      coderName: db.prepare('SELECT name FROM coders WHERE id = ?').pluck(),
      documents: db.prepare('SELECT id, title FROM documents'),
    }
  }

  list(filter: StudyLogFilter = {}, limit = 10_000): StudyLog {
    const all = this.filtered(filter)
    all.reverse()
    return { entries: all.slice(0, limit), total: all.length, keeps: HISTORY_LIMIT, since: (this.s.since.get() as string | null) ?? null }
  }

  /** The log as CSV, oldest first, with a header row. */
  csv(filter: StudyLogFilter = {}, options: CsvOptions = {}): string {
    const rows = this.filtered(filter)
    return toCsv(
      [
        ['at', 'action', 'kind', 'undone', 'by', 'as_lead', 'coder', 'coding_id', 'document_id', 'document', 'code', 'previous_code', 'changed', 'start', 'end', 'quote', 'origin', 'origin_detail'],
        ...rows.map((e) => [
          e.at, e.action, e.kind, e.undone, e.by ?? '', e.asLead, e.coderName, e.codingId, e.documentId, e.documentTitle, e.codePath,
          e.previousCodePath ?? '', e.changed.join(' '), e.start, e.end, e.quote, e.origin, e.originDetail,
        ]),
      ],
      options,
    )
  }

  private filtered(filter: StudyLogFilter): StudyLogEntry[] {
    const coderName = filter.coderId === undefined ? undefined : (this.s.coderName.get(filter.coderId) as string | undefined)
    return this.entries().filter((e) => matches(e, filter, coderName))
  }

  /** Every coding change in the history, oldest first, netted per action and coding. */
  private entries(): StudyLogEntry[] {
    const names = this.names()
    const out: StudyLogEntry[] = []
    // Within one action a coding may be written several times (created, then joined with a
    // neighbour and removed): what counts is its state before the action and after it.
    let actionId = -1
    let net = new Map<number, { first: ChangeRow; before: CodingJson | null; after: CodingJson | null }>()
    const flush = () => {
      for (const [, n] of net) {
        const e = this.entry(n.first, n.before, n.after, names)
        if (e) out.push(e)
      }
      net = new Map()
    }
    for (const r of this.s.changes.iterate() as Iterable<ChangeRow>) {
      if (r.action_id !== actionId) {
        flush()
        actionId = r.action_id
      }
      const after = r.after === null ? null : (JSON.parse(r.after) as CodingJson)
      const seen = net.get(r.row_id)
      if (seen) seen.after = after
      else net.set(r.row_id, { first: r, before: r.before === null ? null : (JSON.parse(r.before) as CodingJson), after })
    }
    flush()
    return out
  }

  private entry(r: ChangeRow, before: CodingJson | null, after: CodingJson | null, names: Names): StudyLogEntry | null {
    const row = after ?? before
    if (!row) return null
    const kind: LogKind = before === null ? 'created' : after === null ? 'deleted' : 'changed'
    const changed: StudyLogEntry['changed'] = []
    if (before && after) {
      if (before.code_id !== after.code_id) changed.push('code')
      if (before.start_offset !== after.start_offset || before.end_offset !== after.end_offset) changed.push('range')
      if (before.memo !== after.memo) changed.push('memo')
      if (changed.length === 0) return null
    }
    if (!before && !after) return null
    const params = parseParams(r.params)
    const lead = typeof params.by === 'string'
    const coderName = names.coder(row.coder_id)
    const base = r.label.replace(/-as-lead$/, '')
    const recoded = kind === 'changed' && changed.includes('code')
    return {
      actionId: r.action_id,
      at: r.created_at,
      action: r.label,
      params: Object.fromEntries(Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number')),
      undone: r.undone === 1,
      kind,
      codingId: row.id,
      documentId: row.document_id,
      documentTitle: names.document(row.document_id),
      codeId: row.code_id,
      codePath: names.code(row.code_id),
      previousCodeId: recoded ? before!.code_id : null,
      previousCodePath: recoded ? names.code(before!.code_id) : null,
      coderId: row.coder_id,
      coderName,
      by: lead ? String(params.by) : CODER_ACTIONS.has(base) ? coderName : null,
      asLead: lead,
      changed,
      start: row.start_offset,
      end: row.end_offset,
      quote: row.quote,
      origin: row.origin ?? 'unrecorded',
      originDetail: row.origin_detail ?? '',
    }
  }

  private names(): Names {
    const codes = new Map<number, { parent: number | null; name: string }>()
    for (const d of this.s.deletedCodes.all() as { row_id: number; before: string }[]) {
      const c = JSON.parse(d.before) as { parent_id: number | null; name: string }
      codes.set(d.row_id, { parent: c.parent_id, name: c.name })
    }
    for (const c of this.s.codes.all() as { id: number; parent_id: number | null; name: string }[]) codes.set(c.id, { parent: c.parent_id, name: c.name })
    const coders = new Map((this.s.coders.all() as { id: number; name: string }[]).map((c) => [c.id, c.name]))
    const documents = new Map((this.s.documents.all() as { id: number; title: string }[]).map((d) => [d.id, d.title]))
    const paths = new Map<number, string>()
    const path = (id: number, depth = 0): string => {
      const known = paths.get(id)
      if (known !== undefined) return known
      const c = codes.get(id)
      if (!c) return `#${id}`
      const p = c.parent !== null && depth < 100 ? `${path(c.parent, depth + 1)}/${c.name}` : c.name
      paths.set(id, p)
      return p
    }
    return {
      code: (id) => path(id),
      coder: (id) => coders.get(id) ?? `#${id}`,
      document: (id) => documents.get(id) ?? `#${id}`,
    }
  }
}

interface Names {
  code(id: number): string
  coder(id: number): string
  document(id: number): string
}

/** `coderName`: the filter's coder, who may have acted (as lead) on another coder's coding. */
function matches(e: StudyLogEntry, f: StudyLogFilter, coderName: string | undefined): boolean {
  if (f.withoutUndone && e.undone) return false
  if (f.coderId !== undefined && e.coderId !== f.coderId && (coderName === undefined || e.by !== coderName)) return false
  if (f.kinds && f.kinds.length > 0 && !f.kinds.includes(e.kind)) return false
  if (f.documentId !== undefined && e.documentId !== f.documentId) return false
  if (f.codeId !== undefined && e.codeId !== f.codeId && e.previousCodeId !== f.codeId) return false
  return true
}

function parseParams(json: string): Record<string, unknown> {
  try {
    const p: unknown = JSON.parse(json)
    return p !== null && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
