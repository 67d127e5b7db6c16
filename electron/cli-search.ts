/**
 * Search and auto-coding on the command line, with the query language of the app
 * (shared/query/query.ts):
 *
 *   search STUDY QUERY [--unit hit|sentence|paragraph|page] [--extend N] [--doc ID]... [--stem nl|en] [--json]
 *     DOC_ID  PAGE  START  END  TEXT      (one line per hit; TEXT with \t, \n, \\ written out)
 *   autocode STUDY QUERY --code PATH --coder NAME [--unit ...] [--extend N] [--doc ID]... [--stem nl|en] [--dry-run]
 *     hits  N
 *     codings  M                           (M new codings after joining; with --dry-run, what it would create)
 *
 * A query that cannot be read exits 1 with the reason and where (in --lang).
 */
import { UsageError, intArg, tsv, type CommandSpec, type Ctx } from './cli-kit'

const UNITS = ['hit', 'sentence', 'paragraph', 'page'] as const

function queryOf(ctx: Ctx): string {
  const query = ctx.positionals.slice(1).join(' ')
  if (query.trim() === '') throw new UsageError('missing QUERY')
  return query
}

/** The options search and auto-coding share: unit, extend, documents, stemming. */
function searchOptions(ctx: Ctx) {
  const v = ctx.values
  const unit = v.unit === undefined ? 'hit' : String(v.unit)
  if (!(UNITS as readonly string[]).includes(unit)) throw new UsageError(`--unit is ${UNITS.join(', ')}`)
  const extend = v.extend === undefined ? 0 : intArg(v.extend, 'extend')
  if (extend > 50) throw new UsageError('--extend is at most 50')
  const docs = v.doc === undefined ? [] : (Array.isArray(v.doc) ? v.doc : [v.doc]).map((d) => intArg(d, 'doc'))
  const stem = v.stem === undefined ? 'none' : String(v.stem)
  if (!['none', 'nl', 'en'].includes(stem)) throw new UsageError('--stem is nl or en')
  return {
    unit: unit as (typeof UNITS)[number],
    extend,
    stemming: stem as 'none' | 'nl' | 'en',
    ...(docs.length > 0 ? { documentIds: docs } : {}),
  }
}

export const SEARCH_COMMANDS: Record<string, CommandSpec> = {
  search: {
    async run(ctx) {
      const { call, io, json } = ctx
      const r = await call('search:run', { query: queryOf(ctx), ...searchOptions(ctx), limit: 100_000 })
      for (const h of r.hits) io.out(json ? JSON.stringify(h) : tsv([h.documentId, h.page, h.start, h.end, h.text]))
      return 0
    },
  },

  autocode: {
    async run(ctx) {
      const { call, io, json, values } = ctx
      const path = typeof values.code === 'string' ? values.code : Array.isArray(values.code) ? values.code[0] : undefined
      const name = typeof values.coder === 'string' ? values.coder : Array.isArray(values.coder) ? values.coder[0] : undefined
      if (!path) throw new UsageError('give --code PATH')
      if (!name) throw new UsageError('give --coder NAME')
      const codeId = (await call('codes:byPath', { path })).id
      // A coder named for the first time is created, as everywhere on the command line.
      const coder = await call('coders:ensure', { name })
      const args = { query: queryOf(ctx), ...searchOptions(ctx), codeId, coderId: coder.id }
      const r = values['dry-run'] === true ? await call('autocode:preview', args) : await call('autocode:apply', args)
      if (json) io.out(JSON.stringify({ hits: r.hits, codings: r.codings, merged: r.merged }))
      else {
        io.out(tsv(['hits', r.hits]))
        io.out(tsv(['codings', r.codings]))
      }
      return 0
    },
  },
}
