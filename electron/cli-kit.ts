/** What every CLI command module shares: its context, errors and output helpers. */
import { readFileSync } from 'node:fs'
import type { Args, Method, Result } from '../shared/api'
import type { Cell } from '../shared/csv'
import type { AppError } from '../shared/errors'
import type { Lang } from '../shared/i18n/messages'
import type { StudySession } from './core/study-session'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
}

export class UsageError extends Error {}
export class CommandError extends Error {
  constructor(readonly error: AppError) {
    super(error.code)
  }
}

export type Values = Record<string, string | boolean | string[] | undefined>

export interface Ctx {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>
  session: StudySession
  values: Values
  positionals: string[]
  io: CliIo
  lang: Lang
  json: boolean
}

export type Command = (ctx: Ctx) => Promise<number>

/** What a command that reads no study gets: no handler table, no session. */
export type StudylessCtx = Omit<Ctx, 'call' | 'session'>

/**
 * A command: `create` lets it make a new study file. `needsStudy: false` marks a command that
 * works without a study (its first positional is not a STUDY, and no study is opened).
 */
export type CommandSpec =
  | { create?: boolean; needsStudy?: true; run: Command }
  | { needsStudy: false; run: (ctx: StudylessCtx) => Promise<number> }

/** Escapes a value for one tab-separated field: tabs, line breaks and backslashes as \t \n \\. */
export function tsvField(value: Cell): string {
  if (value === null || value === undefined) return ''
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n|\r/g, '\\n').replace(/\f/g, '\\f')
}

export function tsv(fields: Cell[]): string {
  return fields.map(tsvField).join('\t')
}

export function intArg(value: unknown, name: string): number {
  const n = Number(value)
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new UsageError(`--${name} needs a whole number`)
  }
  return n
}

export function need(positionals: string[], index: number, what: string): string {
  const v = positionals[index]
  if (v === undefined) throw new UsageError(`missing ${what}`)
  return v
}

/** A file named on the command line, as bytes; a missing one is the translated file-not-found. */
export function readInputFile(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CommandError({ code: 'file-not-found', params: { path } })
    throw e
  }
}
