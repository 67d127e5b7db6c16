/**
 * API operations of the study log (issue 11 item 6): who created, changed or deleted which
 * coding when, read from the undo history (electron/core/services/study-log.service.ts).
 */
import { z } from 'zod'
import { op } from './api-op'
import type { CodingOrigin } from './types'

const id = z.number().int().positive()

/** What happened to a coding in one action. */
export const LOG_KINDS = ['created', 'changed', 'deleted'] as const
export type LogKind = (typeof LOG_KINDS)[number]

/** One coding touched by one action of the undo history. */
export interface StudyLogEntry {
  /** The undo action; several entries share it (an auto-coding creates many codings at once). */
  actionId: number
  /** When the action was made (ISO 8601, UTC). */
  at: string
  /** The action's history label (coding-create, coding-update-as-lead, autocode, code-merge …). */
  action: string
  /** The label's parameters (a lead's edit: by, owner; an auto-coding: hits). */
  params: Record<string, string | number>
  /** Undone and not yet redone: still in the history, no longer in the study. */
  undone: boolean
  kind: LogKind
  codingId: number
  documentId: number
  documentTitle: string
  codeId: number
  codePath: string
  /** The code before a recode (kind 'changed' only, when the code changed). */
  previousCodeId: number | null
  previousCodePath: string | null
  /** Whose coding it is. */
  coderId: number
  coderName: string
  /**
   * Who made the change: the lead who acted (`by` of a lead's edit), else the coding's coder for
   * a coder's own action (coding-*, autocode, suggestion-accept); null where the history does not
   * say (a code merged or deleted, a project imported, a team merge, a settled disagreement).
   */
  by: string | null
  asLead: boolean
  /** What changed (kind 'changed'): code, range, memo. */
  changed: ('code' | 'range' | 'memo')[]
  start: number
  end: number
  quote: string
  origin: CodingOrigin
  originDetail: string
}

export interface StudyLog {
  entries: StudyLogEntry[]
  /** Entries that pass the filter, before `limit`. */
  total: number
  /** How many actions the history keeps; older ones are gone from it, and so from the log. */
  keeps: number
  /** When the oldest action still in the history was made (null: empty history). */
  since: string | null
}

const filter = {
  /** The coding's coder or whoever acted. */
  coderId: id.optional(),
  codeId: id.optional(),
  documentId: id.optional(),
  kinds: z.array(z.enum(LOG_KINDS)).max(3).optional(),
  /** Leave out changes that were undone (default: shown, marked). */
  withoutUndone: z.boolean().optional(),
}

export const logApi = {
  /** The study log, newest first. */
  'log:list': op<StudyLog>()(z.object({ ...filter, limit: z.number().int().min(1).max(100_000).optional() })),
  /** The study log as CSV (the same filter), oldest first, a header row first. */
  'log:export': op<string>()(
    z.object({ ...filter, delimiter: z.enum([',', ';', '\t']).optional(), bom: z.boolean().optional(), flattenLineBreaks: z.boolean().optional() }),
  ),
} as const
