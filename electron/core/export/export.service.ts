import type Database from 'better-sqlite3'
import type { AnalysisFilter } from '../../../shared/analysis-types'
import { toCsv, type Cell, type CsvOptions, type Delimiter } from '../../../shared/csv'
import { CODER_IN_SCOPE, DOC_IN_SCOPE, scopeParams } from '../analysis/analysis-sql'
import type { AnalysisService, CodeRowsArgs, CooccurrenceArgs, MatrixArgs } from '../analysis/analysis.service'
import { CODINGS_HEADER, cooccurrenceTable, matrixLong, matrixWide, phasesTable, saturationTable } from '../../../shared/analysis-tables'

/** How an export is written; the formula guard of shared/csv.ts is always on. */
export interface ExportCsvOptions {
  delimiter?: Delimiter
  decimalComma?: boolean
  bom?: boolean
  flattenLineBreaks?: boolean
}

/** An export's arguments apart from its CSV options, and those options. */
export function splitCsvOptions<T extends ExportCsvOptions>(args: T): [Omit<T, keyof ExportCsvOptions>, ExportCsvOptions] {
  const { delimiter, decimalComma, bom, flattenLineBreaks, ...rest } = args
  return [rest, { delimiter, decimalComma, bom, flattenLineBreaks }]
}

export interface CodingsExportArgs {
  codeIds?: number[]
  subtree?: boolean
  filter?: AnalysisFilter
}

/** The header of the memos export. */
export const MEMOS_HEADER = ['about', 'target', 'coder', 'memo', 'created', 'updated'] as const

/** Codings per chunk of CSV text: big enough to amortise, small enough to stream. */
const CHUNK_ROWS = 5000

function csvOptions(o: ExportCsvOptions): CsvOptions {
  return { delimiter: o.delimiter ?? ',', decimalComma: o.decimalComma ?? false, bom: o.bom ?? false, flattenLineBreaks: o.flattenLineBreaks ?? false }
}

/**
 * CSV exports of the analyses and of every coding, for Excel (also Dutch Excel: `;` and a
 * decimal comma), SPSS and R. The codebook has its own export (CodebookTransfer).
 */
export class ExportService {
  private readonly s

  constructor(
    db: Database.Database,
    private readonly analysis: AnalysisService,
  ) {
    this.s = {
      codings: db
        .prepare(`
          WITH scope(d) AS MATERIALIZED (SELECT d.id FROM documents d WHERE ${DOC_IN_SCOPE})
          SELECT k.id, c.name, d.title, k.page_from, k.code_id, r.name, k.start_offset, k.end_offset, k.quote, k.memo,
                 k.origin, k.origin_detail, k.created_at, k.updated_at
          FROM codings k
          JOIN documents d ON d.id = k.document_id
          LEFT JOIN cases c ON c.id = d.case_id
          JOIN coders r ON r.id = k.coder_id
          WHERE k.document_id IN (SELECT d FROM scope)
            AND (@codes IS NULL OR k.code_id IN (SELECT value FROM json_each(@codes)))
            AND ${CODER_IN_SCOPE('k.coder_id')}
          ORDER BY c.sort_order, c.name, d.id, k.start_offset, k.id`)
        .raw(),
      memos: db.prepare(`
        SELECT m.target_type AS type, m.target_id AS id, c.name AS caseName, d.title, r.name AS coder, m.body,
               m.created_at AS created, m.updated_at AS updated
        FROM memos m
        LEFT JOIN cases c ON m.target_type = 'case' AND c.id = m.target_id
        LEFT JOIN documents d ON m.target_type = 'document' AND d.id = m.target_id
        LEFT JOIN coders r ON r.id = m.coder_id
        ORDER BY CASE m.target_type WHEN 'study' THEN 0 WHEN 'case' THEN 1 WHEN 'document' THEN 2 ELSE 3 END, m.target_id, r.name, m.id`),
    }
  }

  matrix(args: MatrixArgs, options: ExportCsvOptions = {}, layout: 'wide' | 'long' = 'wide'): string {
    const m = this.analysis.matrix(args)
    return toCsv(layout === 'long' ? matrixLong(m) : matrixWide(m), csvOptions(options))
  }

  cooccurrence(args: CooccurrenceArgs, options: ExportCsvOptions = {}): string {
    return toCsv(cooccurrenceTable(this.analysis.cooccurrence(args)), csvOptions(options))
  }

  saturation(args: CodeRowsArgs, options: ExportCsvOptions = {}): string {
    return toCsv(saturationTable(this.analysis.saturation(args)), csvOptions(options))
  }

  phases(args: { filter?: AnalysisFilter }, options: ExportCsvOptions = {}): string {
    return toCsv(phasesTable(this.analysis.phases(args)), csvOptions(options))
  }

  /**
   * Every memo on the study, a case, a document or a code: what it is about (the case's name,
   * the document's title, the code's path), whose it is, its text and dates. Coding memos are
   * in the codings export.
   */
  memos(options: ExportCsvOptions = {}): string {
    return toCsv(this.memosTable(), csvOptions(options))
  }

  /** The memos as a table, header first (for CSV and Excel). */
  memosTable(): Cell[][] {
    const paths = new Map(this.analysis.codes().map((c) => [c.id, c.path]))
    const rows = this.s.memos.all() as { type: string; id: number | null; caseName: string | null; title: string | null; coder: string | null; body: string; created: string; updated: string }[]
    const about = (r: (typeof rows)[number]) =>
      r.type === 'study' ? '' : r.type === 'case' ? r.caseName : r.type === 'document' ? r.title : (paths.get(r.id!) ?? null)
    return [
      [...MEMOS_HEADER],
      ...rows.map((r): Cell[] => [r.type, about(r), r.coder, r.body, r.created, r.updated]),
    ]
  }

  codings(args: CodingsExportArgs = {}, options: ExportCsvOptions = {}): string {
    let out = ''
    for (const chunk of this.codingsChunks(args, options)) out += chunk
    return out
  }

  /** Every coding as a table, header first, as the CSV has them (for Excel). */
  codingsTable(args: CodingsExportArgs = {}): Cell[][] {
    const table: Cell[][] = [[...CODINGS_HEADER]]
    for (const row of this.codingRows(args)) table.push(row)
    return table
  }

  /** The codings' rows, lazily; the filter and codes are checked at once, before any row. */
  private codingRows(args: CodingsExportArgs): Iterable<Cell[]> {
    const filter = this.analysis.checkFilter(args.filter ?? {})
    const paths = new Map(this.analysis.codes().map((c) => [c.id, c.path]))
    const codes = args.codeIds === undefined ? null : JSON.stringify(this.analysis.selectRows(args).map((r) => r.codeId))
    const rows = this.s.codings.iterate({ ...scopeParams([], filter), codes }) as Iterable<unknown[]>
    return (function* () {
      for (const row of rows) {
        row[4] = paths.get(row[4] as number) ?? ''
        yield row as Cell[]
      }
    })()
  }

  /**
   * Every coding (of the chosen codes, within the filter) as CSV, in chunks: a header, then one
   * line per coding in the order of the codings list (case, document, position). Synchronous:
   * consume it before the next call on this study.
   */
  *codingsChunks(args: CodingsExportArgs = {}, options: ExportCsvOptions = {}): Generator<string> {
    const csv = csvOptions(options)
    const rest = { ...csv, bom: false }
    const rows = this.codingRows(args)
    yield toCsv([[...CODINGS_HEADER]], csv)
    let chunk: Cell[][] = []
    for (const row of rows) {
      chunk.push(row)
      if (chunk.length === CHUNK_ROWS) {
        yield toCsv(chunk, rest)
        chunk = []
      }
    }
    if (chunk.length > 0) yield toCsv(chunk, rest)
  }
}
