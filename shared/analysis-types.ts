/**
 * Result types of the cross-case analyses: code matrices, co-occurrence and the phase overview.
 * Offsets and lengths are UTF-16 code units of a document's canonical text (see page-text.ts).
 */

/** What the columns of a matrix are: cases, documents, coders or the values of a case attribute. */
export type MatrixBy = 'cases' | 'documents' | 'coders' | `attribute:${string}`

/**
 * What a matrix cell counts:
 * - `segments`: codings (text and area);
 * - `documents`: distinct documents with at least one coding;
 * - `coverage`: share (0..1) of the column's text covered by the codings, overlaps counted once;
 *   area codings add nothing; `null` where the column has no text;
 * - `presence`: 1 when there is at least one coding, else 0.
 */
export type MatrixMeasure = 'segments' | 'documents' | 'coverage' | 'presence'

/** Which codings an analysis looks at. Every part is optional; the parts narrow each other. */
export interface AnalysisFilter {
  /** Only codings by these coders (and, for coder columns, only these columns). */
  coderIds?: number[]
  /** Only these documents. */
  documentIds?: number[]
  /** Only documents of these cases. */
  caseIds?: number[]
  /** Only documents of cases whose attribute `name` has one of `values` (all conditions hold). */
  attributes?: { name: string; values: string[] }[]
}

/** A row of a matrix: a code, shown by its path (Parent/Child). */
export interface MatrixRow {
  codeId: number
  path: string
}

/** `none` gathers documents without a case, or whose case lacks the attribute. */
export type MatrixColumnKind = 'case' | 'document' | 'coder' | 'attribute' | 'none'

export interface MatrixColumn {
  kind: MatrixColumnKind
  /** Case, document or coder id; null for attribute values and `none`. */
  id: number | null
  /** Case name, document title, coder name, attribute value, or `(none)`. */
  label: string
  /** Documents in this column (for coder columns: all documents in scope). */
  documents: number
  /** Characters of those documents together: the denominator of coverage. */
  textLength: number
}

export interface MatrixResult {
  by: MatrixBy
  measure: MatrixMeasure
  rollup: boolean
  rows: MatrixRow[]
  columns: MatrixColumn[]
  /** values[row][column]. */
  values: (number | null)[][]
  /**
   * Totals per row and per column, and over everything, defined per measure: segments are
   * summed; documents counts distinct documents; coverage is the union of the codings over the
   * whole row's (column's) text; presence is 1 when any cell is 1.
   */
  rowTotals: (number | null)[]
  columnTotals: (number | null)[]
  total: number | null
  /**
   * Coverage only: the area codings in each cell and total (each coding once per total), which
   * cover no text and so add nothing to coverage, but are evidence all the same.
   */
  areas?: MatrixAreas
}

/**
 * The saturation curve: the documents in the order they were coded (by their first coding),
 * each with the codes and the code × case cells that appear for the first time there. A curve
 * that flattens is the usual argument that enough documents were coded.
 */
export interface SaturationResult {
  rollup: boolean
  documents: SaturationStep[]
}

export interface SaturationStep {
  documentId: number
  title: string
  caseName: string | null
  /** When the document's first coding (within the filter) was made, ISO 8601. */
  firstCoded: string
  codings: number
  /** Codes (rows) first seen in this document, and how many have been seen up to it. */
  newCodes: number
  totalCodes: number
  /** Code × case cells first filled in this document, and how many up to it. */
  newCells: number
  totalCells: number
  /** The paths of the codes new here. */
  newCodePaths: string[]
}

/** Counts of area codings laid out like a matrix's values and totals. */
export interface MatrixAreas {
  values: number[][]
  rowTotals: number[]
  columnTotals: number[]
  total: number
}

/**
 * Where two codes co-occur: codings that overlap in the text (text codings only), the same
 * document, or the same case.
 */
export type CooccurrenceScope = 'overlap' | 'document' | 'case'

export interface CooccurrenceResult {
  scope: CooccurrenceScope
  rollup: boolean
  rows: MatrixRow[]
  /**
   * Symmetric, values[i][j] for rows i and j. Off the diagonal: overlapping pairs of codings,
   * or documents (cases) where both codes occur. On it: the code's own count in that scope
   * (text codings, documents or cases).
   */
  values: number[][]
}

export type Phase = 0 | 1 | 2 | 3
export const PHASES: readonly Phase[] = [0, 1, 2, 3]

/** The code that stands for a phase; null when the codebook has none for it. */
export interface PhaseCode {
  phase: Phase
  codeId: number | null
  path: string | null
}

export interface PhaseCase {
  caseId: number
  caseName: string
  /** The phase the case attribute names, or null (no attribute, or a value without 0–3). */
  assigned: Phase | null
  /** The attribute's value as written. */
  assignedValue: string | null
  /** Codings per phase 0..3 (subcodes included). */
  segments: [number, number, number, number]
  /** Coverage per phase 0..3 of the case's text; null when the case has no text. */
  coverage: [number | null, number | null, number | null, number | null]
  /** The phases with the most codings, coverage breaking ties; empty without any evidence. */
  strongest: Phase[]
  /** True when a phase is assigned, there is evidence, and the assigned phase is not the strongest. */
  differs: boolean
}

export interface PhaseOverview {
  /** The case attribute the assigned phase was read from ('fase' or 'phase'), or null. */
  attribute: string | null
  phases: PhaseCode[]
  cases: PhaseCase[]
}
