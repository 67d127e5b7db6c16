/**
 * The analyses as an Excel workbook, one sheet per table. Each sheet is the table the CSV export
 * writes (shared/analysis-tables.ts, the codebook's and the memos' tables), so the workbook and
 * the CSV always agree; what the workbook adds is presentation: percentages formatted as
 * percentages, the heat map of the screen, headings that stay in view, text that wraps.
 */
import type { Args } from '../../../shared/api'
import type { WorkbookSheet } from '../../../shared/api-analysis'
import { agreementCells } from '../../../shared/agreement-reading'
import { cooccurrenceTable, matrixLong, matrixWide, phasesTable, saturationTable } from '../../../shared/analysis-tables'
import type { AgreementReport } from '../../../shared/agreement-types'
import type { Cell } from '../../../shared/csv'
import { WerkbankError } from '../../../shared/errors'
import type { AnalysisService } from '../analysis/analysis.service'
import type { ExportService } from './export.service'
import type { SheetData } from './xlsx-writer'
import { writeWorkbook } from './xlsx-writer'

export type WorkbookArgs = Args<'export:xlsx'>

/** What the workbook reads its tables from. */
export interface WorkbookSources {
  analysis: AnalysisService
  exports: ExportService
  codebookTable(): Cell[][]
  /** The agreement report, the suggestion method among the coders too (`suggestions:NAME`). */
  agreement(args: { coders: string[]; level: 'document' | 'segment' | 'character'; overlap?: number; codeIds?: number[] }): AgreementReport | Promise<AgreementReport>
}

/** Sheet names as Excel shows them on the tabs (English, like the CSV headers). */
const SHEET_NAMES: Record<WorkbookSheet, string> = {
  matrix: 'Matrix',
  'matrix-long': 'Matrix (long)',
  cooccurrence: 'Co-occurrence',
  phases: 'Phases',
  agreement: 'Agreement',
  codings: 'Codings',
  codebook: 'Codebook',
  memos: 'Memos',
  saturation: 'Saturation',
}

const PERCENT = '0.0%'
const DECIMAL3 = '0.000'

export async function buildWorkbook(src: WorkbookSources, args: WorkbookArgs): Promise<Buffer> {
  const sheets: SheetData[] = []
  const rows = { codeIds: args.codeIds, subtree: args.subtree, rollup: args.rollup, filter: args.filter }
  for (const kind of new Set(args.sheets)) {
    const name = SHEET_NAMES[kind]
    switch (kind) {
      case 'matrix': {
        const m = src.analysis.matrix({ ...rows, by: args.by ?? 'cases', measure: args.measure ?? 'segments' })
        const order = args.order
        const valid = (xs: number[] | undefined, n: number) => xs !== undefined && xs.length === n && new Set(xs).size === n && xs.every((x) => x < n)
        const r = valid(order?.rows, m.rows.length) ? order!.rows : undefined
        const c = valid(order?.columns, m.columns.length) ? order!.columns : undefined
        if (order && (!r || !c)) throw new WerkbankError('bad-input', { detail: 'order' })
        const table = matrixWide(m, r, c)
        const width = m.columns.length
        sheets.push({
          name,
          rows: table,
          freeze: { rows: 1, columns: 1 },
          ...(m.measure === 'coverage' ? { formats: Object.fromEntries(Array.from({ length: width + 1 }, (_, j) => [j + 1, PERCENT])) } : {}),
          heat: { firstRow: 1, lastRow: m.rows.length, firstColumn: 1, lastColumn: width },
        })
        break
      }
      case 'matrix-long': {
        const m = src.analysis.matrix({ ...rows, by: args.by ?? 'cases', measure: args.measure ?? 'segments' })
        sheets.push({ name, rows: matrixLong(m), ...(m.measure === 'coverage' ? { formats: { 3: PERCENT } } : {}) })
        break
      }
      case 'cooccurrence': {
        const c = src.analysis.cooccurrence({ ...rows, scope: args.scope })
        sheets.push({ name, rows: cooccurrenceTable(c), freeze: { rows: 1, columns: 1 }, heat: { firstRow: 1, lastRow: c.rows.length, firstColumn: 1, lastColumn: c.rows.length } })
        break
      }
      case 'phases': {
        const p = src.analysis.phases({ filter: args.filter })
        const table = phasesTable(p)
        const coverage = table[0]!.flatMap((h, j) => (String(h).startsWith('coverage_') ? [[j, PERCENT] as const] : []))
        sheets.push({ name, rows: table, freeze: { rows: 1, columns: 1 }, formats: Object.fromEntries(coverage) })
        break
      }
      case 'agreement': {
        if (!args.agreement) throw new WerkbankError('bad-input', { detail: 'agreement' })
        const { by = 'code', ...measure } = args.agreement
        const report = await src.agreement({ ...measure, ...(args.codeIds ? { codeIds: args.codeIds } : {}) })
        // The reading in Krippendorff's words, as identifiers (reliable, tentative, unreliable).
        const table = agreementCells(report, by, (r) => r.band ?? r.reason ?? 'undefined')
        const coefficients = Object.fromEntries(['percent', 'kappa', 'alpha', 'alpha_low', 'alpha_high', 'kappa_weighted'].map((h) => [table[0]!.indexOf(h), DECIMAL3]))
        coefficients[table[0]!.indexOf('percent')] = PERCENT
        sheets.push({ name, rows: table, freeze: { rows: 1, columns: 1 }, formats: coefficients })
        break
      }
      case 'codings': {
        const table = src.exports.codingsTable({ codeIds: args.codeIds, subtree: args.subtree, filter: args.filter })
        sheets.push({ name, rows: table, wrap: [table[0]!.indexOf('quote'), table[0]!.indexOf('memo')] })
        break
      }
      case 'codebook': {
        const table = src.codebookTable()
        sheets.push({ name, rows: table, freeze: { rows: 1, columns: 1 }, wrap: [2, 3, 4, 5] })
        break
      }
      case 'memos':
        sheets.push({ name, rows: src.exports.memosTable(), wrap: [3] })
        break
      case 'saturation':
        sheets.push({ name, rows: saturationTable(src.analysis.saturation(rows)), wrap: [10] })
        break
    }
  }
  return writeWorkbook(sheets)
}
