/**
 * The report of coded segments as data, built once from the study and written by two writers
 * (report-html.ts, report-docx.ts): per code in codebook order (definition, inclusion,
 * exclusion, example, memos), per case, each quote with its document, page, coder and memo.
 * A retrieval list is the same report of one code.
 */
import type { Lang } from '../../../shared/i18n/messages'
import { WerkbankError } from '../../../shared/errors'
import type { Code, CodingRow, Memo } from '../../../shared/types'
import type { AnalysisService } from '../analysis/analysis.service'
import type { StudySession } from '../study-session'
import { rs } from './report-strings'

/** What the researcher chose (see `export:report` in shared/api-analysis.ts). */
export interface ReportArgs {
  lang: Lang
  /** Codes to report (default: the whole codebook); with `subtree` each one's subcodes too. */
  codeIds?: number[]
  subtree?: boolean
  /** Only documents of these cases (documents without a case then drop out). */
  caseIds?: number[]
  /** Only these coders' codings and memos. */
  coderIds?: number[]
  includeMatrix?: boolean
  includeChart?: boolean
  /** A heading instead of "Report of coded segments" (the retrieval list names its code). */
  title?: string
}

export interface ReportMemo {
  coder: string | null
  body: string
}

export interface ReportSegment {
  codingId: number
  kind: 'text' | 'area'
  /** The quote on one line: the PDF's line and page breaks are layout, not the author's. */
  quote: string
  documentTitle: string
  pageFrom: number
  pageTo: number
  coder: string
  memo: string
}

export interface ReportCaseGroup {
  /** null: documents without a case. */
  caseId: number | null
  caseName: string
  segments: ReportSegment[]
}

export interface ReportCode {
  id: number
  path: string
  name: string
  /** Depth below the top of the codebook (0: a top-level code). */
  depth: number
  colour: string
  definition: string
  inclusion: string
  exclusion: string
  example: string
  memos: ReportMemo[]
  cases: ReportCaseGroup[]
  segmentCount: number
}

/** Code × case segment counts, as the matrix view computes them. */
export interface ReportMatrix {
  columns: string[]
  rows: { codeId: number; path: string; name: string; depth: number; colour: string; values: number[]; total: number }[]
  columnTotals: number[]
  total: number
}

export interface ReportModel {
  lang: Lang
  title: string
  studyName: string
  /** The date the report was made, written out in the report's language. */
  date: string
  /** Who coded what the report shows: the chosen coders, else every coder of the study. */
  coders: string[]
  filter: { codes: string; cases: string; coders: string }
  totals: { segments: number; documents: number; codes: number }
  studyMemos: ReportMemo[]
  codes: ReportCode[]
  /** Present when the matrix or the chart was asked for. */
  matrix?: ReportMatrix
  showMatrix: boolean
  showChart: boolean
}

/** What the report reads of the open study. */
export type ReportSession = Pick<StudySession, 'study' | 'codebook' | 'codings' | 'cases' | 'coders' | 'documents' | 'memos'>

interface ReportSources extends ReportSession {
  analysis: AnalysisService
}

/** Quotes on one line: runs of white space (line breaks, the form feed between pages) as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** "p. 3" or "pp. 3–4" in the report's language. */
/** What the report's title page states: study, date, coders, the choice of codes and cases, extent (HTML and Word alike). */
export function reportFacts(model: ReportModel): [label: string, value: string][] {
  const lang = model.lang
  return [
    [rs(lang, 'study'), model.studyName],
    [rs(lang, 'date'), model.date],
    [rs(lang, 'coders'), model.coders.join(', ')],
    [rs(lang, 'codes'), model.filter.codes],
    [rs(lang, 'cases'), model.filter.cases],
    [rs(lang, 'extent'), rs(lang, 'extentValue', model.totals)],
  ]
}

export function pageLabel(lang: Lang, from: number, to: number): string {
  return from === to ? rs(lang, 'page', { page: from }) : rs(lang, 'pages', { from, to })
}

/** The report as data. Reads in one transaction, so it is consistent even while codings change. */
export function buildReportModel(s: ReportSession, analysis: AnalysisService, studyName: string, args: ReportArgs, now = new Date()): ReportModel {
  const src: ReportSources = {
    study: s.study, codebook: s.codebook, codings: s.codings, cases: s.cases, coders: s.coders, documents: s.documents, memos: s.memos, analysis,
  }
  return s.study.db.transaction(() => readModel(src, studyName, args, now))()
}

function readModel(src: ReportSources, studyName: string, args: ReportArgs, now: Date): ReportModel {
  const { lang } = args
  const filter = src.analysis.checkFilter({
    ...(args.caseIds ? { caseIds: args.caseIds } : {}),
    ...(args.coderIds ? { coderIds: args.coderIds } : {}),
  })
  const rows = src.analysis.selectRows({ codeIds: args.codeIds, subtree: args.subtree })
  const codeById = new Map<number, Code>(src.codebook.list().map((c) => [c.id, c]))
  const coders = src.coders.list()
  const coderName = new Map(coders.map((c) => [c.id, c.name]))
  const cases = src.cases.list()
  const chosenCases = args.caseIds ? new Set(args.caseIds) : null
  const chosenCoders = args.coderIds ? new Set(args.coderIds) : null
  const documents = src.documents.list().filter((d) => chosenCases === null || (d.caseId !== null && chosenCases.has(d.caseId)))

  const codeIds = rows.map((r) => r.codeId)
  const codings: CodingRow[] =
    codeIds.length === 0 || documents.length === 0 || args.coderIds?.length === 0
      ? []
      : src.codings.list({
          codeIds,
          ...(chosenCases ? { documentIds: documents.map((d) => d.id) } : {}),
          ...(args.coderIds ? { coderIds: args.coderIds } : {}),
        })
  const caseOf = new Map(documents.map((d) => [d.id, d.caseId]))
  const caseOrder = new Map(cases.map((c, i) => [c.id, i]))
  const caseName = new Map(cases.map((c) => [c.id, c.name]))

  const memosOf = (type: 'study' | 'code', id: number | null): ReportMemo[] =>
    src.memos
      .list(type, id)
      .filter((m: Memo) => chosenCoders === null || (m.coderId !== null && chosenCoders.has(m.coderId)))
      .map((m) => ({ coder: m.coderName, body: m.body }))

  const byCode = new Map<number, CodingRow[]>()
  for (const k of codings) {
    const list = byCode.get(k.codeId)
    if (list) list.push(k)
    else byCode.set(k.codeId, [k])
  }

  const depthOf = (id: number): number => {
    let depth = 0
    for (let c = codeById.get(id); c?.parentId != null; c = codeById.get(c.parentId)) depth++
    return depth
  }

  const reportCodes: ReportCode[] = rows.map((r) => {
    const code = codeById.get(r.codeId)
    if (!code) throw new WerkbankError('code-not-found', { codeId: r.codeId })
    const groups = new Map<number | null, ReportSegment[]>()
    for (const k of byCode.get(r.codeId) ?? []) {
      const caseId = caseOf.get(k.documentId) ?? null
      const list = groups.get(caseId) ?? []
      list.push({
        codingId: k.id,
        kind: k.kind,
        quote: oneLine(k.quote),
        documentTitle: k.documentTitle,
        pageFrom: k.pageFrom,
        pageTo: k.pageTo,
        coder: k.coderName,
        memo: k.memo,
      })
      groups.set(caseId, list)
    }
    // Cases in the order of the cases panel; documents without a case last.
    const order = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : (caseOrder.get(id) ?? Number.MAX_SAFE_INTEGER - 1))
    const caseGroups = [...groups]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([caseId, segments]) => ({ caseId, caseName: caseId === null ? rs(lang, 'noCase') : (caseName.get(caseId) ?? ''), segments }))
    return {
      id: code.id,
      path: r.path,
      name: code.name,
      depth: depthOf(code.id),
      colour: code.colour,
      definition: code.definition,
      inclusion: code.inclusion,
      exclusion: code.exclusion,
      example: code.example,
      memos: memosOf('code', code.id),
      cases: caseGroups,
      segmentCount: caseGroups.reduce((n, g) => n + g.segments.length, 0),
    }
  })

  const wantMatrix = args.includeMatrix === true
  const wantChart = args.includeChart === true
  let matrix: ReportMatrix | undefined
  if ((wantMatrix || wantChart) && rows.length > 0) {
    const m = src.analysis.matrix({ codeIds, by: 'cases', measure: 'segments', filter })
    matrix = {
      columns: m.columns.map((c) => (c.kind === 'none' ? rs(lang, 'noCase') : c.label)),
      rows: m.rows.map((r, i) => ({
        codeId: r.codeId,
        path: r.path,
        name: codeById.get(r.codeId)?.name ?? r.path,
        depth: depthOf(r.codeId),
        colour: codeById.get(r.codeId)?.colour ?? '#888888',
        values: m.values[i]!.map((v) => v ?? 0),
        total: m.rowTotals[i] ?? 0,
      })),
      columnTotals: m.columnTotals.map((v) => v ?? 0),
      total: m.total ?? 0,
    }
  }

  const codeFilter =
    args.codeIds === undefined
      ? rs(lang, 'allCodes')
      : args.codeIds
          .map((id) => rows.find((r) => r.codeId === id)?.path ?? '')
          .map((path) => (args.subtree ? rs(lang, 'withSubcodes', { path }) : path))
          .join(', ')
  const coderNames = args.coderIds ? args.coderIds.map((id) => coderName.get(id) ?? '') : coders.map((c) => c.name)

  return {
    lang,
    title: args.title ?? rs(lang, 'reportOf'),
    studyName,
    date: new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(now),
    coders: coderNames,
    filter: {
      codes: codeFilter,
      cases: args.caseIds ? args.caseIds.map((id) => caseName.get(id) ?? '').join(', ') : rs(lang, 'allCases'),
      coders: args.coderIds ? coderNames.join(', ') : rs(lang, 'allCoders'),
    },
    totals: {
      segments: codings.length,
      documents: new Set(codings.map((k) => k.documentId)).size,
      codes: rows.length,
    },
    studyMemos: memosOf('study', null),
    codes: reportCodes,
    ...(matrix ? { matrix } : {}),
    showMatrix: wantMatrix && matrix !== undefined,
    showChart: wantChart && matrix !== undefined,
  }
}
