import { existsSync, readFileSync } from 'node:fs'
import type { AgreementRow, Coefficient } from '../shared/agreement-types'
import { CsvError, parseCsv, sniffDelimiter, toCsv, type Cell } from '../shared/csv'
import { WerkbankError } from '../shared/errors'
import type { Lang } from '../shared/i18n/messages'
import { LEVELS, MEASURES, parseReliabilityTable, reliability, type Level, type Measure } from '../shared/stats'
import { reliabilityError } from './core/agreement/stats-errors'
import { UsageError, need, tsv, type CommandSpec, type Ctx, type Values } from './cli-kit'

/** Value of a coefficient to `digits` decimals, or empty when undefined or absent. */
function fixed(c: Coefficient | undefined, digits: number, scale = 1): string {
  return c?.value === null || c?.value === undefined ? '' : (c.value * scale).toFixed(digits)
}

function undefinedNote(reason: string | undefined, lang: Lang): string {
  const why: Record<string, Record<Lang, string>> = {
    'no-variation': {
      en: 'every value is the same, so agreement beyond chance cannot be told',
      nl: 'alle waarden zijn gelijk, dus overeenstemming boven toeval is niet te bepalen',
    },
    'no-pairable-units': { en: 'no unit has two values to compare', nl: 'geen eenheid heeft twee waarden om te vergelijken' },
  }
  const text = why[reason ?? '']?.[lang] ?? reason ?? ''
  return lang === 'nl' ? `De coëfficiënt is niet gedefinieerd: ${text}.` : `The coefficient is undefined: ${text}.`
}

function coderList(values: Values): string[] {
  const raw = values.coders
  if (typeof raw !== 'string') throw new UsageError('give --coders A,B[,C...]')
  const names = raw.split(',').map((n) => n.trim()).filter((n) => n !== '')
  if (names.length < 2) throw new UsageError('--coders needs at least two names, separated by commas')
  return names
}

function overlapArg(values: Values): number | undefined {
  if (values.overlap === undefined) return undefined
  const n = Number(values.overlap)
  if (typeof values.overlap !== 'string' || values.overlap.trim() === '' || !(n >= 0 && n <= 100)) {
    throw new UsageError('--overlap is a percentage from 0 to 100')
  }
  return n
}

function formatArg(values: Values, json: boolean): 'csv' | 'tsv' | 'json' {
  const format = (values.format as string | undefined) ?? (json ? 'json' : 'tsv')
  if (format !== 'csv' && format !== 'tsv' && format !== 'json') throw new UsageError('--format is csv, tsv or json')
  return format
}

async function codeIdsArg(ctx: Ctx): Promise<number[] | undefined> {
  const paths = (ctx.values.code as string[] | undefined) ?? []
  if (paths.length === 0) return undefined
  const ids: number[] = []
  for (const path of paths) ids.push((await ctx.call('codes:byPath', { path })).id)
  return ids
}

function writeTable(ctx: Pick<Ctx, 'io'>, format: 'csv' | 'tsv', header: string[], rows: Cell[][]): void {
  if (format === 'csv') ctx.io.out(toCsv([header, ...rows]).replace(/\r\n$/, ''))
  else for (const r of rows) ctx.io.out(tsv(r))
}

/** CLI commands of intercoder agreement. */
export const AGREEMENT_COMMANDS: Record<string, CommandSpec> = {
  /**
   * reliability FILE.csv --measure alpha|kappa|fleiss|percent|bp [--level L] [--weights W]:
   * one coefficient from a reliability table (header row of unit names, then a row per coder,
   * name in the first column, an empty cell for a unit not rated). No study needed.
   * Prints MEASURE, LEVEL, VALUE (4 decimals; empty when undefined), UNITS, CODERS.
   */
  reliability: {
    needsStudy: false,
    async run({ values, positionals, io, json, lang }) {
      const file = need(positionals, 0, 'FILE.csv')
      const measure = (values.measure as string | undefined) ?? 'alpha'
      if (!(MEASURES as readonly string[]).includes(measure)) throw new UsageError(`--measure is one of ${MEASURES.join(', ')}`)
      const level = (values.level as string | undefined) ?? 'nominal'
      if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--level is one of ${LEVELS.join(', ')}`)
      const weights = (values.weights as string | undefined) ?? 'none'
      if (!['none', 'linear', 'quadratic'].includes(weights)) throw new UsageError('--weights is none, linear or quadratic')
      if (!existsSync(file)) throw new WerkbankError('file-not-found', { path: file })
      const text = readFileSync(file, 'utf8')
      let rows: string[][]
      try {
        rows = parseCsv(text, { delimiter: sniffDelimiter(text) })
      } catch (e) {
        if (e instanceof CsvError) throw new WerkbankError('reliability-csv-invalid', { file, line: e.line })
        throw e
      }
      let names: { units?: string[]; coders?: string[] } = {}
      try {
        const parsed = parseReliabilityTable(rows)
        names = { units: parsed.units, coders: parsed.coders }
        const report = reliability(rows, { measure: measure as Measure, level: level as Level, weights: weights as 'none' | 'linear' | 'quadratic' })
        if (json) io.out(JSON.stringify(report))
        else io.out(tsv([report.measure, report.level, report.value === null ? '' : report.value.toFixed(4), report.units, report.coders]))
        if (report.value === null) io.err(undefinedNote(report.undefinedReason, lang))
        return 0
      } catch (e) {
        throw reliabilityError(e, file, names)
      }
    },
  },

  /**
   * agreement STUDY --coders A,B[,C...] [--level document|segment|character] [--overlap 90]
   * [--code PATH]... [--format csv|tsv|json]: one row per code, then the total: code path,
   * agreements, disagreements, percent (0–100, 2 decimals), kappa and alpha (4 decimals;
   * empty where the level has none or the value is undefined). JSON: the whole report.
   */
  agreement: {
    async run(ctx) {
      const { values, io, json, lang } = ctx
      const coders = coderList(values)
      const level = (values.level as string | undefined) ?? 'document'
      if (level !== 'document' && level !== 'segment' && level !== 'character') throw new UsageError('--level is document, segment or character')
      const overlap = overlapArg(values)
      const format = formatArg(values, json)
      const codeIds = await codeIdsArg(ctx)
      const report = await ctx.call('agreement:measure', {
        coders, level, ...(overlap === undefined ? {} : { overlap }), ...(codeIds ? { codeIds } : {}),
      })
      if (format === 'json') {
        io.out(JSON.stringify(report))
        return 0
      }
      const line = (label: string, r: AgreementRow): Cell[] => [
        label, r.agreements, r.disagreements, fixed(r.percent, 2, 100), fixed(r.kappa, 4), fixed(r.alpha, 4),
      ]
      const rows = report.byCode.map((r) => line(r.codePath ?? '', r))
      rows.push(line(lang === 'nl' ? 'Totaal' : 'Total', report.total))
      writeTable(ctx, format, ['code', 'agreements', 'disagreements', 'percent', 'kappa', 'alpha'], rows)
      return 0
    },
  },

  /**
   * disagreements STUDY --coders A,B [--overlap 90] [--code PATH]... [--format csv|tsv|json]:
   * every place where the coders differ: document, page, code, start, end, overlap (%), each
   * coder's segments ("NAME start-end", joined by "; ") and the coders with no segment there.
   */
  disagreements: {
    async run(ctx) {
      const { values, io, json } = ctx
      const coders = coderList(values)
      const overlap = overlapArg(values)
      const format = formatArg(values, json)
      const codeIds = await codeIdsArg(ctx)
      const list = await ctx.call('agreement:disagreements', {
        coders, ...(overlap === undefined ? {} : { overlap }), ...(codeIds ? { codeIds } : {}),
      })
      if (format === 'json') {
        for (const d of list) io.out(JSON.stringify(d))
        return 0
      }
      const rows: Cell[][] = list.map((d) => [
        d.documentTitle, d.page, d.codePath, d.start, d.end, d.overlap.toFixed(1),
        d.segments.map((s) => `${s.coder} ${s.start}-${s.end}`).join('; '), d.missing.join('; '),
      ])
      writeTable(ctx, format, ['document', 'page', 'code', 'start', 'end', 'overlap', 'segments', 'missing'], rows)
      return 0
    },
  },

  /** export-coder STUDY --coder NAME --out PATH: a copy of the study for one coder. */
  'export-coder': {
    async run({ call, values, io, json }) {
      const [coder, ...more] = (values.coder as string[] | undefined) ?? []
      if (coder === undefined || more.length > 0) throw new UsageError('give one --coder NAME')
      const out = values.out
      if (typeof out !== 'string' || out === '') throw new UsageError('give --out PATH for the copy')
      const r = await call('agreement:exportForCoder', { coder, path: out })
      io.out(json ? JSON.stringify(r) : tsv([r.path, r.coder, r.codings]))
      return 0
    },
  },

  /**
   * merge STUDY OTHER: brings the other study's codings, memos, codes, coders and judgements
   * in. Prints what was added, matched and in conflict, a line per figure.
   */
  merge: {
    async run({ call, positionals, io, json }) {
      const other = need(positionals, 1, 'OTHER (the study to merge in)')
      const r = await call('agreement:merge', { path: other })
      if (json) {
        io.out(JSON.stringify(r))
        return 0
      }
      const lines: Cell[][] = [
        ['documents', 'matched', r.documents.matched],
        ['documents', 'unmatched', r.documents.unmatched.length],
        ['codes', 'added', r.codes.added.length],
        ['codes', 'matched', r.codes.matchedByUuid + r.codes.matchedByPath],
        ['codes', 'moved', r.codes.moved.length],
        ['coders', 'added', r.coders.added.length],
        ['cases', 'added', r.cases.added.length],
        ['codings', 'added', r.codings.added],
        ['codings', 'matched', r.codings.matched],
        ['codings', 'conflicted', r.codings.conflicted.length],
        ['memos', 'added', r.memos.added],
        ['memos', 'matched', r.memos.matched],
        ['memos', 'conflicted', r.memos.conflicted.length],
        ['judgements', 'added', r.judgements.added],
        ['judgements', 'matched', r.judgements.matched],
        ['judgements', 'conflicted', r.judgements.conflicted.length],
      ]
      for (const l of lines) io.out(tsv(l))
      return 0
    },
  },

  /**
   * judgements STUDY [--coders A,B] [--attribute fase] [--level ordinal]: Krippendorff's alpha
   * of the case attributes ATTRIBUTE:CODER. Prints alpha, LEVEL, VALUE, LOW, HIGH (95%
   * bootstrap), UNITS, CODERS.
   */
  judgements: {
    async run({ call, values, io, json, lang }) {
      const coders = values.coders === undefined ? undefined : coderList(values)
      const level = (values.level as string | undefined) ?? 'ordinal'
      if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--level is one of ${LEVELS.join(', ')}`)
      const attribute = values.attribute as string | undefined
      const r = await call('agreement:judgements', {
        level: level as Level, ...(coders ? { coders } : {}), ...(attribute ? { attribute } : {}),
      })
      if (json) io.out(JSON.stringify(r))
      else {
        const d = (x: number | null) => (x === null ? '' : x.toFixed(4))
        io.out(tsv(['alpha', r.level, d(r.alpha.value), d(r.alpha.low), d(r.alpha.high), r.units, r.coders.length]))
      }
      if (r.alpha.value === null) io.err(undefinedNote(r.alpha.reason, lang))
      return 0
    },
  },
}
