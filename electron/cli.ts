/**
 * The command line: the same handler table as the app, for tests and for researchers who script
 * their analysis. Plain tab-separated lines without a header (or --json); exit 0 on success,
 * 1 when any input failed (the good ones are still done), 2 on wrong usage. Messages go to
 * stderr, in Dutch or English (--lang, else LANG).
 */
import { writeFileSync } from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { OcrOptions } from './core/services/ocr.service'
import { pathToFileURL } from 'node:url'
import type { Args, Method, Result } from '../shared/api'
import { codebookFormatOf } from '../shared/codebook-files'
import { toCsv, type Cell } from '../shared/csv'
import type { AppError } from '../shared/errors'
import { errorMessage, type Lang } from '../shared/i18n/messages'
import { toAppError } from './core/app-error'
import { dispatch } from './core/handlers/dispatch'
import { createHandlers, type Handlers } from './core/handlers/handlers'
import { StudySession } from './core/study-session'
import { AGREEMENT_COMMANDS } from './cli-agreement'
import { SUGGEST_COMMANDS } from './cli-suggest'
import { ANALYSIS_COMMANDS } from './cli-analysis'
import { SEARCH_COMMANDS } from './cli-search'
import { CommandError, UsageError, intArg, need, readInputFile, tsv, type CliIo, type CommandSpec, type Ctx, type Values } from './cli-kit'

export type { CliIo } from './cli-kit'


const USAGE = `Usage: npm run -s cli -- COMMAND STUDY [options]

  init STUDY [--template loopbaan] [--lang nl|en]
  import STUDY FILE... [--case NAME] [--ocr auto|off]
                                   (pages without a text layer are read by OCR unless --ocr off;
                                    progress on stderr)
  ocr STUDY DOC_ID [--lang nld|eng|nld+eng] [--dpi N] [--page N]
                                   (reads the document's scanned pages again; codings kept)
  docs STUDY
  text STUDY DOC_ID [--page N]
  codes STUDY
  add-code STUDY PATH [--colour #RRGGBB] [--definition TEXT]
  import-codebook STUDY FILE       (.csv, .json, REFI-QDA .qdc, or the codebook of a .qdpx project)
  export-qdpx STUDY --out FILE.qdpx  (the whole study as a REFI-QDA project: ATLAS.ti, MAXQDA, NVivo)
  import-qdpx STUDY FILE.qdpx      (a REFI-QDA project's PDFs, codebook, cases and codings)
  code STUDY --doc DOC_ID --code PATH --coder NAME (--start N --end N | --quote TEXT) [--memo TEXT]
  update-coding STUDY CODING_ID --coder NAME [--code PATH] [--start N] [--end N] [--memo TEXT] [--as-lead]
  delete-coding STUDY CODING_ID --coder NAME [--as-lead]
                                   (--coder: who acts; another coder's coding only with --as-lead)
  codings STUDY [--format csv|tsv|json]
  search STUDY QUERY [--unit hit|sentence|paragraph|page] [--extend N] [--doc ID]... [--stem nl|en]
         words, "phrases", prefix*, /regex/, AND OR NOT, NEAR/n, SENTENCE(...), PARAGRAPH(...), ( )
  autocode STUDY QUERY --code PATH --coder NAME [same options] [--dry-run]   (hits N, codings M)
  suggest STUDY --code PATH --coder NAME [--limit N]   (DOC_ID PAGE START END SCORE SNIPPET, best first)
  suggest-eval STUDY --coder NAME [--seed-docs K | --seed-fraction F] [--rounds R] [--per-round N] [--code PATH]...
         (a simulated coder checks suggestions: CODE TRUTH SHOWN ACCEPTED PRECISION RECALL, then
          overall ... BASELINE_RECALL; changes nothing)
  undo STUDY | redo STUDY
  log STUDY [--coder NAME] [--format csv|tsv|json]
         (who created, changed or deleted which coding when: the undo history's last 500 actions)

Cross-case analyses:
  matrix STUDY [--cols cases|documents|coders|attribute:NAME] [--measure segments|documents|coverage|presence]
         [--code PATH]... [--subtree] [--rollup] [--coder NAME]... [--doc ID] [--where NAME=VALUE]...
         [--format csv|tsv|json] [--delimiter ,|;|tab] [--decimal-comma] [--bom]
  cooccurrence STUDY [--scope overlap|document|case] [same options]
  phases STUDY [--coder NAME]... [--where NAME=VALUE]... [--format csv|tsv|json]
  export STUDY --what codings|codebook|matrix|matrix-long|cooccurrence|phases|memos|saturation --out FILE [same options]
         (a codebook goes to REFI-QDA XML for FILE.qdc, to JSON for FILE.json, else to CSV)
  export STUDY --what all|matrix,matrix-long,cooccurrence,phases,agreement,codings,codebook,memos,saturation
         --out FILE.xlsx [same options] [--coders A,B --level L [--overlap 90]]
         (an Excel workbook, one sheet per table: the matrix with percentages and its heat map)
  export STUDY --what report --out FILE.docx|FILE.html [--code PATH]... [--subtree] [--case NAME]...
         [--coder NAME]... [--matrix] [--chart]
         (the coded segments per code and case, with definitions and memos, in --lang nl|en)

Intercoder agreement:
  reliability FILE.csv --measure alpha|kappa|fleiss|percent|bp [--level nominal|ordinal|interval|ratio]
              [--weights none|linear|quadratic]      (no study: a table of units × coders)
  agreement STUDY --coders A,B[,C...] --level document|segment|character [--overlap 90] [--code PATH]...
            [--format csv|tsv|json]
  disagreements STUDY --coders A,B [--overlap 90] [--code PATH]...
  judgements STUDY [--coders A,B] [--attribute fase] [--level ordinal]
  export-coder STUDY --coder NAME --out COPY.werkbank
  merge STUDY OTHER.werkbank

Common options: --json (JSON instead of tab-separated lines), --lang nl|en (messages).`

const OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  template: { type: 'string' },
  // --case may be repeated (the report's cases); `import` takes the last one.
  case: { type: 'string', multiple: true },
  page: { type: 'string' },
  ocr: { type: 'string' },
  dpi: { type: 'string' },
  colour: { type: 'string' },
  color: { type: 'string' },
  definition: { type: 'string' },
  doc: { type: 'string', multiple: true },
  // Search and auto-coding: what a hit becomes, stemming, a trial run.
  unit: { type: 'string' },
  extend: { type: 'string' },
  stem: { type: 'string' },
  'dry-run': { type: 'boolean' },
  // --code and --coder may be repeated (analysis filters); `code` takes exactly one of each.
  code: { type: 'string', multiple: true },
  coder: { type: 'string', multiple: true },
  start: { type: 'string' },
  end: { type: 'string' },
  quote: { type: 'string' },
  memo: { type: 'string' },
  // Changing another coder's coding: as consensus / lead (recorded in the undo history).
  'as-lead': { type: 'boolean' },
  format: { type: 'string' },
  // Analysis and export (matrix, cooccurrence, phases, export, agreement, reliability).
  rows: { type: 'string' },
  cols: { type: 'string' },
  measure: { type: 'string' },
  rollup: { type: 'boolean' },
  delimiter: { type: 'string' },
  'decimal-comma': { type: 'boolean' },
  bom: { type: 'boolean' },
  scope: { type: 'string' },
  what: { type: 'string' },
  out: { type: 'string' },
  // Analysis filters: --where NAME=VALUE (repeatable) on case attributes; --subtree adds subcodes.
  where: { type: 'string', multiple: true },
  subtree: { type: 'boolean' },
  level: { type: 'string' },
  weights: { type: 'string' },
  coders: { type: 'string' },
  overlap: { type: 'string' },
  attribute: { type: 'string' },
  // The report's overview: the code × case matrix and its chart.
  matrix: { type: 'boolean' },
  chart: { type: 'boolean' },
  // Suggestions: how many to list; suggest-eval's seed and rounds.
  limit: { type: 'string' },
  'seed-docs': { type: 'string' },
  'seed-fraction': { type: 'string' },
  rounds: { type: 'string' },
  'per-round': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']


/** The last of an option given once or repeated (--doc is repeatable for search). */
function lastOf(v: string | boolean | string[] | undefined): string | boolean | undefined {
  return Array.isArray(v) ? v[v.length - 1] : v
}

const CORE_COMMANDS: Record<string, CommandSpec> = {
  init: {
    create: true,
    async run({ call, values, io, json, session }) {
      const template = values.template as string | undefined
      const lang = ((values.lang as string | undefined) ?? 'nl') as 'nl' | 'en'
      if (template) await call('codes:applyTemplate', { template, lang })
      const info = await call('study:info', {})
      io.out(json ? JSON.stringify(info) : tsv([session.path, info.codes]))
      return 0
    },
  },

  import: {
    async run({ call, session, values, positionals, io, json, lang }) {
      const ocrMode = (values.ocr as string | undefined) ?? 'auto'
      if (ocrMode !== 'auto' && ocrMode !== 'off') throw new UsageError('--ocr is auto or off')
      const files = positionals.slice(1)
      if (files.length === 0) throw new UsageError('name at least one PDF file')
      // The command line reads scans itself, in the foreground, not in the background.
      session.ocr.mode = 'off'
      const caseName = (values.case as string[] | undefined)?.at(-1)
      const caseId = caseName ? (await call('cases:ensure', { name: caseName })).id : null
      const outcomes = await call('documents:import', { paths: files, caseId })
      let failed = 0
      for (const o of outcomes) {
        if (json) io.out(JSON.stringify(o))
        else if (o.status === 'imported') io.out(tsv(['imported', o.documentId, o.pages, o.chars, o.file]))
        else if (o.status === 'duplicate') io.out(tsv(['duplicate', o.documentId, o.file]))
        else io.out(tsv(['error', o.file, errorMessage(o.error, lang)]))
        if (o.status === 'error') failed++
        if (o.status === 'imported' && o.warning === 'no-text-layer' && ocrMode === 'off') {
          io.err(lang === 'nl'
            ? `${o.file}: geen tekstlaag gevonden (een scan?); alleen gebiedscodering is mogelijk.`
            : `${o.file}: no text layer found (a scan?); only area coding is possible.`)
        }
      }
      if (ocrMode !== 'off') {
        // Pages without a usable text layer are read now, each document after it is stored.
        for (const o of outcomes) {
          if (o.status !== 'imported' || session.ocr.candidates(o.documentId).pages.length === 0) continue
          const r = await runOcr(session, o.documentId, {}, io, lang)
          if (!json) io.out(tsv(['ocr', o.documentId, r.pagesChanged.length, r.meanConfidence, o.file]))
        }
      }
      return failed > 0 ? 1 : 0
    },
  },

  ocr: {
    async run({ session, values, positionals, io, json, lang }) {
      const documentId = Number(positionals[1])
      if (!Number.isInteger(documentId) || documentId < 1) throw new UsageError('name the document: DOC_ID')
      const dpi = values.dpi === undefined ? undefined : Number(values.dpi)
      if (dpi !== undefined && (!Number.isInteger(dpi) || dpi < 100 || dpi > 600)) throw new UsageError('--dpi is 100 to 600')
      const page = values.page === undefined ? undefined : Number(values.page)
      const r = await runOcr(session, documentId, {
        ...(values.lang ? { langs: values.lang as string } : {}), ...(dpi ? { dpi } : {}),
        ...(page ? { pages: [page] } : { all: true }),
      }, io, lang)
      if (json) io.out(JSON.stringify(r))
      else {
        io.out(tsv(['ocr', documentId, r.pagesChanged.length, r.meanConfidence, r.reanchored, r.becameAreas.length, r.seconds]))
        for (const a of r.becameAreas) io.out(tsv(['area', a.codingId, a.quote.replace(/\s+/g, ' ')]))
      }
      return 0
    },
  },

  docs: {
    async run({ call, io, json }) {
      for (const d of await call('documents:list', {})) {
        io.out(json ? JSON.stringify(d) : tsv([d.id, d.caseName ?? '', d.title, d.pageCount, d.charCount, d.sha256]))
      }
      return 0
    },
  },

  text: {
    async run({ call, values, positionals, io, json }) {
      const id = intArg(need(positionals, 1, 'DOC_ID'), 'DOC_ID')
      const page = values.page === undefined ? undefined : intArg(values.page, 'page')
      const text = await call('documents:text', { id, ...(page === undefined ? {} : { page }) })
      io.out(json ? JSON.stringify(text) : text)
      return 0
    },
  },

  codes: {
    async run({ call, io, json }) {
      for (const c of await call('codes:list', {})) {
        io.out(json ? JSON.stringify(c) : tsv([c.id, c.path, c.colour, c.codingCount]))
      }
      return 0
    },
  },

  'import-codebook': {
    async run({ call, positionals, io, json }) {
      const file = need(positionals, 1, 'FILE')
      const format = codebookFormatOf(file)
      if (format === undefined) throw new UsageError('FILE is a .csv, .json, .qdc or .qdpx file')
      const bytes = readInputFile(file)
      const result =
        format === 'qdpx'
          ? await call('codebook:import', { format, base64: bytes.toString('base64') })
          : await call('codebook:import', { format, content: bytes.toString('utf8') })
      io.out(json ? JSON.stringify(result) : tsv([result.created, result.updated]))
      return 0
    },
  },

  'import-qdpx': {
    async run({ call, positionals, io, json, lang }) {
      const file = need(positionals, 1, 'FILE.qdpx')
      const bytes = readInputFile(file)
      const r = await call('project:importQdpx', { bytes: new Uint8Array(bytes) })
      if (json) io.out(JSON.stringify(r))
      else {
        io.out(tsv(['documents', r.documents.imported, r.documents.existing]))
        io.out(tsv(['codes', r.codes]))
        io.out(tsv(['cases', r.cases]))
        io.out(tsv(['codings', r.codings.text, r.codings.area]))
        // Which way the PDF boxes were read (the import finds it by fitting them to the pages).
        if (r.pdfBoxes) io.out(tsv(['pdf-boxes', r.pdfBoxes, PDF_BOXES[r.pdfBoxes][lang]]))
        for (const x of r.skipped) io.out(tsv(['skipped', x.reason, x.name]))
      }
      return 0
    },
  },

  'export-qdpx': {
    async run({ call, values, io, json }) {
      const out = values.out
      if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE.qdpx is needed')
      const bytes = Buffer.from(await call('export:qdpx', {}), 'base64')
      writeFileSync(out, bytes)
      io.out(json ? JSON.stringify({ out, bytes: bytes.length }) : tsv([out, bytes.length]))
      return 0
    },
  },

  'add-code': {
    async run({ call, values, positionals, io, json }) {
      const path = need(positionals, 1, 'PATH')
      const colour = (values.colour ?? values.color) as string | undefined
      const definition = values.definition as string | undefined
      const code = await call('codes:ensurePath', { path, ...(colour ? { colour } : {}), ...(definition ? { definition } : {}) })
      io.out(json ? JSON.stringify(code) : String(code.id))
      return 0
    },
  },

  code: {
    async run({ call, values, io, json }) {
      const documentId = intArg(lastOf(values.doc), 'doc')
      const [codePath, ...moreCodes] = (values.code as string[] | undefined) ?? []
      const [coderName, ...moreCoders] = (values.coder as string[] | undefined) ?? []
      if (codePath === undefined || moreCodes.length > 0) throw new UsageError('give one --code PATH')
      if (coderName === undefined || moreCoders.length > 0) throw new UsageError('give one --coder NAME')
      const codeId = (await call('codes:byPath', { path: codePath })).id
      const coderId = (await call('coders:ensure', { name: coderName })).id
      const memo = values.memo as string | undefined
      const base = { documentId, codeId, coderId, ...(memo ? { memo } : {}) }
      let coding
      if (typeof values.quote === 'string') coding = await call('codings:createByQuote', { ...base, quote: values.quote })
      else if (values.start !== undefined && values.end !== undefined) {
        coding = await call('codings:create', { ...base, start: intArg(values.start, 'start'), end: intArg(values.end, 'end'), origin: 'cli' })
      } else throw new UsageError('give --start and --end, or --quote')
      io.out(json ? JSON.stringify(coding) : String(coding.id))
      return 0
    },
  },

  'update-coding': {
    async run({ call, values, positionals, io, json }) {
      const id = intArg(need(positionals, 1, 'CODING_ID'), 'CODING_ID')
      const actor = await actingCoder(call, values)
      const [codePath, ...moreCodes] = (values.code as string[] | undefined) ?? []
      if (moreCodes.length > 0) throw new UsageError('give at most one --code PATH')
      const change = {
        ...(codePath === undefined ? {} : { codeId: (await call('codes:byPath', { path: codePath })).id }),
        ...(values.start === undefined ? {} : { start: intArg(values.start, 'start') }),
        ...(values.end === undefined ? {} : { end: intArg(values.end, 'end') }),
        ...(typeof values.memo === 'string' ? { memo: values.memo } : {}),
      }
      if (Object.keys(change).length === 0) throw new UsageError('give --code, --start, --end or --memo')
      const coding = await call('codings:update', { id, ...change, ...actor })
      io.out(json ? JSON.stringify(coding) : String(coding.id))
      return 0
    },
  },

  'delete-coding': {
    async run({ call, values, positionals, io, json }) {
      const id = intArg(need(positionals, 1, 'CODING_ID'), 'CODING_ID')
      await call('codings:delete', { id, ...(await actingCoder(call, values)) })
      io.out(json ? JSON.stringify({ deleted: id }) : String(id))
      return 0
    },
  },

  codings: {
    async run({ call, values, io, json }) {
      const format = (values.format as string | undefined) ?? (json ? 'json' : 'tsv')
      if (!['csv', 'tsv', 'json'].includes(format)) throw new UsageError('--format is csv, tsv or json')
      const rows = await call('codings:list', {})
      const table: Cell[][] = rows.map((c) => [c.id, c.caseName ?? '', c.documentTitle, c.pageFrom, c.codePath, c.coderName, c.start, c.end, c.quote])
      if (format === 'json') for (const c of rows) io.out(JSON.stringify(c))
      else if (format === 'csv') {
        const header = ['coding_id', 'case', 'document', 'page', 'code', 'coder', 'start', 'end', 'quote']
        io.out(toCsv([header, ...table]).replace(/\r\n$/, ''))
      } else for (const r of table) io.out(tsv(r))
      return 0
    },
  },

  // The study log, oldest first: AT ACTION KIND BY CODER CODING_ID DOCUMENT CODE START END (the
  // undo history's last actions; --coder: the coding's coder or whoever acted).
  log: {
    async run({ call, values, io, json }) {
      const format = (values.format as string | undefined) ?? (json ? 'json' : 'tsv')
      if (!['csv', 'tsv', 'json'].includes(format)) throw new UsageError('--format is csv, tsv or json')
      const name = (values.coder as string[] | undefined)?.at(-1)
      const coder = name === undefined ? undefined : (await call('coders:list', {})).find((c) => c.name === name.trim())
      if (name !== undefined && !coder) throw new CommandError({ code: 'coder-name-not-found', params: { name } })
      const filter = coder ? { coderId: coder.id } : {}
      if (format === 'csv') io.out((await call('log:export', filter)).replace(/\r\n$/, ''))
      else {
        const { entries } = await call('log:list', { ...filter, limit: 100_000 })
        for (const e of entries.reverse()) {
          io.out(json ? JSON.stringify(e) : tsv([e.at, e.action, e.kind + (e.undone ? ' (undone)' : ''), e.by ?? '', e.coderName, e.codingId, e.documentTitle, e.codePath, e.start, e.end]))
        }
      }
      return 0
    },
  },

  undo: {
    async run({ call, io, json }) {
      const r = await call('history:undo', {})
      io.out(json ? JSON.stringify(r) : r.label)
      return 0
    },
  },

  redo: {
    async run({ call, io, json }) {
      const r = await call('history:redo', {})
      io.out(json ? JSON.stringify(r) : r.label)
      return 0
    },
  },
}

/**
 * The coder who acts (--coder NAME, one, already in the study: a name nobody has coded under
 * owns nothing to change) and whether as lead (--as-lead).
 */
async function actingCoder(call: Ctx['call'], values: Values): Promise<{ actingCoderId: number; asLead?: true }> {
  const [name, ...more] = (values.coder as string[] | undefined) ?? []
  if (name === undefined || more.length > 0) throw new UsageError('give one --coder NAME: the coder who makes the change')
  const coder = (await call('coders:list', {})).find((c) => c.name === name.trim())
  if (!coder) throw new CommandError({ code: 'coder-name-not-found', params: { name } })
  return { actingCoderId: coder.id, ...(values['as-lead'] === true ? { asLead: true as const } : {}) }
}

/** How a REFI-QDA project's PDF boxes were read, in words (import-qdpx's plain output). */
const PDF_BOXES: Record<'bottom-left' | 'top-left', Record<Lang, string>> = {
  'bottom-left': {
    nl: 'PDF-selecties gelezen vanaf linksonder op de pagina, zoals de standaard ze beschrijft',
    en: 'PDF selections read from the bottom left of the page, as the standard has them',
  },
  'top-left': {
    nl: 'PDF-selecties gelezen vanaf linksboven op de pagina (zoals oudere Werkbank-exports ze schreven)',
    en: 'PDF selections read from the top left of the page (as older Werkbank exports wrote them)',
  },
}

function pickLang(value: unknown): Lang {
  if (value === 'nl' || value === 'en') return value
  return (process.env.LANG ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en'
}

const COMMANDS: Record<string, CommandSpec> = { ...CORE_COMMANDS, ...ANALYSIS_COMMANDS, ...AGREEMENT_COMMANDS, ...SUGGEST_COMMANDS, ...SEARCH_COMMANDS }

/** Runs one command; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: { values: Values; positionals: string[] }
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }) as typeof parsed
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values } = parsed
  const lang = pickLang(values.lang)
  const [command, ...positionals] = parsed.positionals
  if (values.help || !command) {
    ;(values.help ? io.out : io.err)(USAGE)
    return values.help ? 0 : 2
  }
  const spec = COMMANDS[command]
  if (!spec) {
    io.err(`unknown command "${command}"\n\n${USAGE}`)
    return 2
  }
  const studyPath = positionals[0]
  if (!studyPath && spec.needsStudy !== false) {
    io.err(`missing STUDY\n\n${USAGE}`)
    return 2
  }
  // The ocr command's --lang names the languages to read (nld+eng), not the messages'.
  if (command === 'ocr' && values.lang !== undefined && !/^(nld|eng)(\+(nld|eng))?$/.test(values.lang as string)) {
    io.err('--lang is nld, eng or nld+eng')
    return 2
  }
  if (command !== 'ocr' && values.lang !== undefined && values.lang !== 'nl' && values.lang !== 'en') {
    io.err('--lang is nl or en')
    return 2
  }

  let session: StudySession | undefined
  try {
    if (spec.needsStudy === false) return await spec.run({ values, positionals, io, lang, json: values.json === true })
    session = await StudySession.open(studyPath as string, { create: spec.create === true })
    const handlers: Handlers = createHandlers(session)
    const call = async <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
      const reply = await dispatch(handlers, method, args, (_m, e) => io.err(String((e as Error)?.stack ?? e)))
      if (!reply.ok) throw new CommandError(reply.error)
      return reply.data as Result<M>
    }
    return await spec.run({ call, session, values, positionals, io, lang, json: values.json === true })
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`)
      return 2
    }
    const error: AppError =
      e instanceof CommandError
        ? e.error
        : toAppError(e)
    io.err(errorMessage(error, lang))
    return 1
  } finally {
    await session?.close()
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  // `cli … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
  const code = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  })
  process.exitCode = code
}

/** Runs OCR on a document with progress and page notes on stderr. */
async function runOcr(session: StudySession, documentId: number, options: OcrOptions, io: CliIo, lang: 'nl' | 'en') {
  const r = await session.ocr.run(documentId, {
    ...options,
    onProgress: (p) => io.err(lang === 'nl' ? `ocr: document ${documentId} pagina ${p.page} (${p.done}/${p.total})` : `ocr: document ${documentId} page ${p.page} (${p.done}/${p.total})`),
  })
  for (const n of r.notes) io.err(`ocr: ${errorMessage({ code: n.code, params: n.params }, lang)}`)
  return r
}
