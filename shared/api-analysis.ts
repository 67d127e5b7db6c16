import { z } from 'zod'
import { op } from './api-op'
import type { CooccurrenceResult, MatrixResult, PhaseOverview, SaturationResult } from './analysis-types'

const id = z.number().int().positive()

/** Narrows the codings an analysis looks at (see {@link AnalysisFilter}). */
export const analysisFilter = z.object({
  coderIds: z.array(id).max(1000).optional(),
  documentIds: z.array(id).max(100_000).optional(),
  caseIds: z.array(id).max(100_000).optional(),
  attributes: z
    .array(z.object({ name: z.string().trim().min(1).max(100), values: z.array(z.string().max(1000)).min(1).max(1000) }))
    .max(50)
    .optional(),
})

/**
 * The codes an analysis is about: `codeIds` (default: the whole codebook), with `subtree` each
 * one's subcodes too; `rollup` makes a code count the codings of its subcodes as well.
 */
const codeRows = {
  codeIds: z.array(id).min(1).max(10_000).optional(),
  subtree: z.boolean().optional(),
  rollup: z.boolean().optional(),
  filter: analysisFilter.optional(),
}

export const matrixBy = z.union([
  z.enum(['cases', 'documents', 'coders']),
  z.templateLiteral(['attribute:', z.string().min(1).max(100)]),
])
export const matrixMeasure = z.enum(['segments', 'documents', 'coverage', 'presence'])
export const cooccurrenceScope = z.enum(['overlap', 'document', 'case'])

/** How a CSV export is written (see shared/csv.ts); formulas are always guarded. */
const csv = {
  delimiter: z.enum([',', ';', '\t']).optional(),
  decimalComma: z.boolean().optional(),
  bom: z.boolean().optional(),
  flattenLineBreaks: z.boolean().optional(),
}

const matrixArgs = { ...codeRows, by: matrixBy, measure: matrixMeasure }

/** The tables a workbook can hold, one sheet each, in this order. */
export const WORKBOOK_SHEETS = ['matrix', 'matrix-long', 'cooccurrence', 'phases', 'agreement', 'codings', 'codebook', 'memos', 'saturation'] as const
export const workbookSheet = z.enum(WORKBOOK_SHEETS)
export type WorkbookSheet = z.infer<typeof workbookSheet>
const cooccurrenceArgs = { ...codeRows, scope: cooccurrenceScope.optional() }

/** API operations of the cross-case analyses (matrices, co-occurrence, phases, exports). */
export const analysisApi = {
  /** Codes × cases, documents, coders or attribute values, with row and column totals. */
  'analysis:matrix': op<MatrixResult>()(z.object(matrixArgs)),
  /** Code × code: overlapping codings, or shared documents or cases. Default scope: overlap. */
  'analysis:cooccurrence': op<CooccurrenceResult>()(z.object(cooccurrenceArgs)),
  /** Per case: codings and coverage under the phase codes beside the phase the case is assigned. */
  'analysis:phases': op<PhaseOverview>()(z.object({ filter: analysisFilter.optional() })),

  /** The matrix as CSV: `wide` as shown (default), or `long` (row, column, measure, value). */
  'export:matrix': op<string>()(z.object({ ...matrixArgs, layout: z.enum(['wide', 'long']).optional(), ...csv })),
  /** Every coding (of the chosen codes, within the filter) as CSV, one per line. */
  'export:codings': op<string>()(
    z.object({ codeIds: codeRows.codeIds, subtree: codeRows.subtree, filter: codeRows.filter, ...csv }),
  ),
  'export:cooccurrence': op<string>()(z.object({ ...cooccurrenceArgs, ...csv })),
  'export:phases': op<string>()(z.object({ filter: analysisFilter.optional(), ...csv })),
  'export:memos': op<string>()(z.object({ ...csv })),
  /** New codes and code × case cells per document, in the order the documents were coded. */
  'analysis:saturation': op<SaturationResult>()(z.object(codeRows)),
  'export:saturation': op<string>()(z.object({ ...codeRows, ...csv })),
  /**
   * An Excel workbook (.xlsx, base64) with one sheet per table chosen: the matrix as shown (in
   * `order`, the view's order of the core's rows and columns), the long matrix, co-occurrence,
   * phases, agreement (with `agreement`), codings, codebook, memos, saturation. The code rows
   * and filter serve every sheet that takes them.
   */
  'export:xlsx': op<string>()(z.object({
    sheets: z.array(workbookSheet).min(1).max(WORKBOOK_SHEETS.length),
    ...codeRows,
    by: matrixBy.optional(),
    measure: matrixMeasure.optional(),
    order: z.object({ rows: z.array(z.number().int().min(0)).max(100_000), columns: z.array(z.number().int().min(0)).max(100_000) }).optional(),
    scope: cooccurrenceScope.optional(),
    agreement: z.object({
      coders: z.array(z.string().trim().min(1).max(200)).min(2).max(100),
      level: z.enum(['document', 'segment', 'character']),
      overlap: z.number().min(0).max(100).optional(),
      by: z.enum(['code', 'document']).optional(),
    }).optional(),
  })),
  // The whole study as a REFI-QDA project (.qdpx, a zip) for ATLAS.ti, MAXQDA, NVivo: base64,
  // which both doors carry.
  'export:qdpx': op<string>()(z.object({})),
  /**
   * The report of coded segments: per code (in codebook order, with its definition and memos),
   * per case, each quote with document, page, coder and memo; optionally the code × case matrix
   * and its chart. In `lang` (the report's own words). `docx` comes as base64, `html` as the
   * text of one self-contained page. Codes: `codeIds` (default all), with `subtree` their
   * subcodes; `caseIds` and `coderIds` narrow the codings (default: all).
   */
  'export:report': op<string>()(z.object({
    format: z.enum(['docx', 'html']),
    lang: z.enum(['nl', 'en']),
    codeIds: codeRows.codeIds,
    subtree: z.boolean().optional(),
    caseIds: z.array(id).max(100_000).optional(),
    coderIds: z.array(id).max(1000).optional(),
    includeMatrix: z.boolean().optional(),
    includeChart: z.boolean().optional(),
    title: z.string().trim().min(1).max(300).optional(),
  })),
} as const
