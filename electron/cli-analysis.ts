/**
 * CLI commands of the cross-case analyses:
 *
 *   matrix STUDY [--rows codes] [--cols cases|documents|coders|attribute:NAME]
 *          [--measure segments|documents|coverage|presence] [--code PATH]... [--subtree] [--rollup]
 *          [--coder NAME]... [--doc ID] [--where NAME=VALUE]... [--format csv|tsv|json]
 *          [--delimiter ,|;|tab] [--decimal-comma] [--bom]
 *   cooccurrence STUDY [--scope overlap|document|case] [same codes, filters and format]
 *   phases STUDY [filters] [--format csv|tsv|json]
 *   export STUDY --what codings|codebook|matrix|matrix-long|cooccurrence|phases --out FILE [same options]
 *   export STUDY --what report --out FILE.docx|FILE.html [--code PATH]... [--subtree] [--case NAME]...
 *          [--coder NAME]... [--matrix] [--chart]     (the report of coded segments, in --lang)
 *
 * A matrix (and a co-occurrence table) prints its column names first and the code path first in
 * each row, then the totals, also as tab-separated lines; phases prints one line per case (CSV
 * with a header). Unknown codes, coders or attributes: a translated message, exit 1; option
 * values that make no sense: exit 2.
 */
import { writeFileSync } from 'node:fs'
import type { Args } from '../shared/api'
import { WORKBOOK_SHEETS, type WorkbookSheet } from '../shared/api-analysis'
import type { AnalysisFilter, MatrixBy, MatrixMeasure } from '../shared/analysis-types'
import { formatCell, toCsv, type Cell, type Delimiter } from '../shared/csv'
import { codebookFormatOf } from '../shared/codebook-files'
import { cooccurrenceTable, matrixWide, phasesTable } from '../shared/analysis-tables'
import { CommandError, UsageError, intArg, tsvField, type CommandSpec, type Ctx } from './cli-kit'

type Format = 'csv' | 'tsv' | 'json'

const MEASURES: readonly MatrixMeasure[] = ['segments', 'documents', 'coverage', 'presence']
const SCOPES = ['overlap', 'document', 'case'] as const
const WHATS = ['codings', 'codebook', 'matrix', 'matrix-long', 'cooccurrence', 'phases', 'memos', 'saturation', 'report'] as const

function str(values: Ctx['values'], name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}

function list(values: Ctx['values'], name: string): string[] {
  const v = values[name]
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : []
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} is ${allowed.join(', ')}`)
  return value as T
}

function format(ctx: Ctx): Format {
  return oneOf(str(ctx.values, 'format'), ['csv', 'tsv', 'json'] as const, ctx.json ? 'json' : 'tsv', 'format')
}

/** How CSV is written: --delimiter (`,` `;` or tab), --decimal-comma, --bom. */
function csvOptions(values: Ctx['values']): { delimiter: Delimiter; decimalComma: boolean; bom: boolean } {
  const given = str(values, 'delimiter')
  const delimiters: Record<string, Delimiter> = { ',': ',', ';': ';', '\t': '\t', tab: '\t', '\\t': '\t' }
  const delimiter = given === undefined ? ',' : delimiters[given]
  if (delimiter === undefined) throw new UsageError("--delimiter is ',', ';' or tab")
  return { delimiter, decimalComma: values['decimal-comma'] === true, bom: values.bom === true }
}

function matrixBy(values: Ctx['values']): MatrixBy {
  const cols = str(values, 'cols') ?? 'cases'
  if (cols === 'cases' || cols === 'documents' || cols === 'coders') return cols
  if (/^attribute:.+/.test(cols)) return cols as MatrixBy
  throw new UsageError('--cols is cases, documents, coders or attribute:NAME')
}

/** The codes (--code PATH, --subtree, --rollup) and the filter (--coder, --doc, --where) as API arguments. */
async function codesAndFilter(ctx: Ctx): Promise<{ codeIds?: number[]; subtree: boolean; rollup: boolean; filter: AnalysisFilter }> {
  const { call, values } = ctx
  const rows = str(values, 'rows')
  if (rows !== undefined && rows !== 'codes') throw new UsageError('--rows is codes')
  const filter: AnalysisFilter = {}
  const wheres = list(values, 'where')
  if (wheres.length > 0) {
    const byName = new Map<string, string[]>()
    for (const w of wheres) {
      const at = w.indexOf('=')
      if (at <= 0) throw new UsageError('--where is NAME=VALUE')
      const name = w.slice(0, at).trim()
      byName.set(name, [...(byName.get(name) ?? []), w.slice(at + 1)])
    }
    filter.attributes = [...byName].map(([name, vals]) => ({ name, values: vals }))
  }
  const docs = values.doc === undefined ? [] : Array.isArray(values.doc) ? values.doc : [values.doc]
  if (docs.length > 0) filter.documentIds = docs.map((d) => intArg(d, 'doc'))
  const coderNames = list(values, 'coder')
  if (coderNames.length > 0) {
    const coders = await call('coders:list', {})
    filter.coderIds = coderNames.map((name) => {
      const coder = coders.find((c) => c.name.toLowerCase() === name.trim().toLowerCase())
      if (!coder) throw new CommandError({ code: 'coder-name-not-found', params: { name } })
      return coder.id
    })
  }
  const paths = list(values, 'code')
  const codeIds = paths.length === 0 ? undefined : await Promise.all(paths.map(async (path) => (await call('codes:byPath', { path })).id))
  return { ...(codeIds ? { codeIds } : {}), subtree: values.subtree === true, rollup: values.rollup === true, filter }
}

/** A table as tab-separated lines: numbers as in CSV (with --decimal-comma a comma), text escaped. */
function tsvLines(table: Cell[][], decimalComma: boolean): string[] {
  const field = (c: Cell) => (typeof c === 'number' || typeof c === 'boolean' ? formatCell(c, { decimalComma, delimiter: '\t' }) : tsvField(c))
  return table.map((row) => row.map(field).join('\t'))
}

/** Prints a table as CSV (all of it, BOM and all) or as tab-separated lines. */
function printTable(ctx: Ctx, fmt: 'csv' | 'tsv', table: Cell[][]): void {
  const csv = csvOptions(ctx.values)
  if (fmt === 'csv') ctx.io.out(toCsv(table, csv).replace(/\r\n$/, ''))
  else for (const line of tsvLines(table, csv.decimalComma)) ctx.io.out(line)
}

async function matrixArgs(ctx: Ctx) {
  const measure = oneOf(str(ctx.values, 'measure'), MEASURES, 'segments', 'measure')
  return { ...(await codesAndFilter(ctx)), by: matrixBy(ctx.values), measure }
}

async function cooccurrenceArgs(ctx: Ctx) {
  const scope = oneOf(str(ctx.values, 'scope'), SCOPES, 'overlap', 'scope')
  return { ...(await codesAndFilter(ctx)), scope }
}

/**
 * Tables to an Excel workbook, one sheet each: `--what matrix,codings,...` or `all` (every
 * table; agreement only with --coders). Numbers stay numbers, so Excel in any locale reads them.
 */
async function exportWorkbook(ctx: Ctx, out: string): Promise<number> {
  const { call, values, io, json } = ctx
  const what = str(values, 'what') ?? ''
  // "all" leaves out what the study cannot give: agreement without --coders, phases without phase codes.
  const hasPhases = what === 'all' && (await call('analysis:phases', {}).then(() => true, () => false))
  const named = what === 'all'
    ? WORKBOOK_SHEETS.filter((s) => (s !== 'agreement' || values.coders !== undefined) && (s !== 'phases' || hasPhases))
    : what.split(',').map((w) => w.trim()).filter((w) => w !== '')
  const unknown = named.filter((w) => !(WORKBOOK_SHEETS as readonly string[]).includes(w))
  if (named.length === 0 || unknown.length > 0) throw new UsageError(`--what for a workbook is all or one or more of ${WORKBOOK_SHEETS.join(', ')}, separated by commas`)
  const sheets = named as WorkbookSheet[]
  const args = await matrixArgs(ctx)
  const scope = oneOf(str(values, 'scope'), SCOPES, 'overlap', 'scope')
  let agreement: Args<'export:xlsx'>['agreement']
  if (sheets.includes('agreement')) {
    const coders = typeof values.coders === 'string' ? values.coders.split(',').map((n) => n.trim()).filter((n) => n !== '') : []
    if (coders.length < 2) throw new UsageError('an agreement sheet needs --coders A,B[,C...]')
    const level = oneOf(str(values, 'level'), ['document', 'segment', 'character'] as const, 'document', 'level')
    const overlap = values.overlap === undefined ? undefined : Number(values.overlap)
    if (overlap !== undefined && !(overlap >= 0 && overlap <= 100)) throw new UsageError('--overlap is a percentage from 0 to 100')
    agreement = { coders, level, ...(overlap !== undefined ? { overlap } : {}) }
  }
  const bytes = Buffer.from(await call('export:xlsx', { ...args, scope, sheets, ...(agreement ? { agreement } : {}) }), 'base64')
  writeFileSync(out, bytes)
  io.out(json ? JSON.stringify({ what, out, bytes: bytes.length, sheets }) : [what, out, bytes.length].map(tsvField).join('\t'))
  return 0
}

/**
 * The report of coded segments to FILE.docx or FILE.html (the extension picks the format), in
 * the language of --lang (else LANG): --code PATH (with --subtree its subcodes), --case NAME and
 * --coder NAME narrow it, each repeatable; --matrix and --chart add the code × case overview.
 */
async function exportReport(ctx: Ctx, out: string): Promise<number> {
  const { call, values, io, json, lang } = ctx
  const ext = /\.(docx|html?)$/i.exec(out)?.[1]?.toLowerCase()
  if (ext === undefined) throw new UsageError('--what report writes FILE.docx or FILE.html')
  const format = ext === 'docx' ? 'docx' : 'html'
  const paths = list(values, 'code')
  const codeIds = paths.length === 0 ? undefined : await Promise.all(paths.map(async (path) => (await call('codes:byPath', { path })).id))
  const byName = <T extends { id: number; name: string }>(all: T[], names: string[], code: 'coder-name-not-found' | 'case-name-not-found') =>
    names.map((name) => {
      const found = all.find((x) => x.name.toLowerCase() === name.trim().toLowerCase())
      if (!found) throw new CommandError({ code, params: { name } })
      return found.id
    })
  const coderNames = list(values, 'coder')
  const caseNames = list(values, 'case')
  const coderIds = coderNames.length === 0 ? undefined : byName(await call('coders:list', {}), coderNames, 'coder-name-not-found')
  const caseIds = caseNames.length === 0 ? undefined : byName(await call('cases:list', {}), caseNames, 'case-name-not-found')
  const content = await call('export:report', {
    format,
    lang,
    ...(codeIds ? { codeIds, subtree: values.subtree === true } : {}),
    ...(caseIds ? { caseIds } : {}),
    ...(coderIds ? { coderIds } : {}),
    includeMatrix: values.matrix === true,
    includeChart: values.chart === true,
  })
  const bytes = format === 'docx' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8')
  writeFileSync(out, bytes)
  io.out(json ? JSON.stringify({ what: 'report', out, bytes: bytes.length }) : ['report', out, bytes.length].map(tsvField).join('\t'))
  return 0
}

/** CLI commands of the cross-case analyses. */
export const ANALYSIS_COMMANDS: Record<string, CommandSpec> = {
  matrix: {
    async run(ctx) {
      const fmt = format(ctx)
      csvOptions(ctx.values)
      const m = await ctx.call('analysis:matrix', await matrixArgs(ctx))
      if (fmt === 'json') ctx.io.out(JSON.stringify(m))
      else printTable(ctx, fmt, matrixWide(m))
      return 0
    },
  },

  cooccurrence: {
    async run(ctx) {
      const fmt = format(ctx)
      csvOptions(ctx.values)
      const c = await ctx.call('analysis:cooccurrence', await cooccurrenceArgs(ctx))
      if (fmt === 'json') ctx.io.out(JSON.stringify(c))
      else printTable(ctx, fmt, cooccurrenceTable(c))
      return 0
    },
  },

  phases: {
    async run(ctx) {
      const fmt = format(ctx)
      const csv = csvOptions(ctx.values)
      const { filter } = await codesAndFilter(ctx)
      const p = await ctx.call('analysis:phases', { filter })
      if (fmt === 'json') ctx.io.out(JSON.stringify(p))
      else if (fmt === 'csv') printTable(ctx, 'csv', phasesTable(p))
      // Tab-separated lines carry no header, like every other listing of the CLI.
      else for (const line of tsvLines(phasesTable(p).slice(1), csv.decimalComma)) ctx.io.out(line)
      return 0
    },
  },

  export: {
    async run(ctx) {
      const { call, values, io, json } = ctx
      const what = str(values, 'what')
      const out = str(values, 'out')
      // An Excel workbook: one sheet per table named (comma-separated, or all).
      if (out && /\.xlsx$/i.test(out)) return exportWorkbook(ctx, out)
      if (what === undefined || !(WHATS as readonly string[]).includes(what)) throw new UsageError(`--what is ${WHATS.join(', ')}`)
      if (!out) throw new UsageError('--out FILE is needed')
      const csv = csvOptions(values)
      let content: string
      switch (what as (typeof WHATS)[number]) {
        case 'codings': {
          const { codeIds, subtree, filter } = await codesAndFilter(ctx)
          content = await call('export:codings', { ...(codeIds ? { codeIds } : {}), subtree, filter, ...csv })
          break
        }
        case 'codebook': {
          // The file's extension picks the format: .qdc (REFI-QDA) or .json, else CSV.
          const format = codebookFormatOf(out)
          content = await call('codebook:export', format === 'qdc' || format === 'json' ? { format } : { format: 'csv', delimiter: csv.delimiter, bom: csv.bom })
          break
        }
        case 'matrix':
        case 'matrix-long':
          content = await call('export:matrix', { ...(await matrixArgs(ctx)), layout: what === 'matrix' ? 'wide' : 'long', ...csv })
          break
        case 'cooccurrence':
          content = await call('export:cooccurrence', { ...(await cooccurrenceArgs(ctx)), ...csv })
          break
        case 'phases':
          content = await call('export:phases', { filter: (await codesAndFilter(ctx)).filter, ...csv })
          break
        case 'memos':
          content = await call('export:memos', csv)
          break
        case 'saturation': {
          const { codeIds, subtree, rollup, filter } = await codesAndFilter(ctx)
          content = await call('export:saturation', { ...(codeIds ? { codeIds } : {}), subtree, rollup, filter, ...csv })
          break
        }
        case 'report':
          // Bytes for a .docx, so it writes its own file.
          return exportReport(ctx, out)
      }
      writeFileSync(out, content, 'utf8')
      const bytes = Buffer.byteLength(content, 'utf8')
      io.out(json ? JSON.stringify({ what, out, bytes }) : [what, out, bytes].map(tsvField).join('\t'))
      return 0
    },
  },
}
