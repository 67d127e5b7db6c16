/**
 * The analysis choices remembered per study (localStorage, keyed by the study's path, as the
 * workspace is): the tab, what the matrix shows and how it is sorted, the rows, the filter,
 * the co-occurrence scope, the CSV options and the agreement choices. A researcher who comes
 * back finds the table as they left it. What no longer exists (a deleted code, a coder, an
 * attribute) is dropped by the analysis view's own refresh, as after an undo.
 */
import { AGREEMENT_LEVELS } from '../../shared/agreement-types'
import type { CooccurrenceScope, MatrixBy, MatrixMeasure } from '../../shared/analysis-types'
import type { AgreementChoice, AnalysisTab, CodeRows, CsvChoice, FilterChoice, SortSpec } from './analysis.slice'

export interface AnalysisMemory {
  tab?: AnalysisTab
  by?: MatrixBy
  measure?: MatrixMeasure
  rows?: CodeRows
  filter?: FilterChoice
  rowSort?: SortSpec | null
  colSort?: SortSpec | null
  scope?: CooccurrenceScope
  csv?: CsvChoice | null
  agreement?: AgreementChoice
}

const TABS: readonly AnalysisTab[] = ['matrix', 'cooccurrence', 'phases', 'saturation', 'agreement', 'disagreements']
const MEASURES: readonly MatrixMeasure[] = ['segments', 'documents', 'coverage', 'presence']
const SCOPES: readonly CooccurrenceScope[] = ['overlap', 'document', 'case']

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const ids = (v: unknown): number[] | undefined =>
  Array.isArray(v) && v.every((x) => Number.isInteger(x) && x > 0) ? (v as number[]) : undefined
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined)

function sort(v: unknown): SortSpec | null | undefined {
  if (v === null) return null
  if (isObject(v) && typeof v.key === 'string' && (v.dir === 'asc' || v.dir === 'desc')) return { key: v.key, dir: v.dir }
  return undefined
}

/** Reads what was remembered; anything malformed is dropped field by field. */
export function parseAnalysisMemory(raw: string | null): AnalysisMemory {
  let v: unknown
  try {
    v = raw ? JSON.parse(raw) : null
  } catch {
    return {}
  }
  if (!isObject(v)) return {}
  const m: AnalysisMemory = {}
  if (TABS.includes(v.tab as AnalysisTab)) m.tab = v.tab as AnalysisTab
  if (v.by === 'cases' || v.by === 'documents' || v.by === 'coders' || (typeof v.by === 'string' && /^attribute:.+/.test(v.by))) m.by = v.by as MatrixBy
  if (MEASURES.includes(v.measure as MatrixMeasure)) m.measure = v.measure as MatrixMeasure
  if (isObject(v.rows) && (v.rows.rootId === null || (Number.isInteger(v.rows.rootId) && (v.rows.rootId as number) > 0)) && typeof v.rows.rollup === 'boolean') {
    m.rows = { rootId: v.rows.rootId as number | null, rollup: v.rows.rollup }
  }
  if (isObject(v.filter) && ids(v.filter.coderIds) && isObject(v.filter.attributes) && Object.values(v.filter.attributes).every((x) => strings(x))) {
    m.filter = { coderIds: ids(v.filter.coderIds)!, attributes: v.filter.attributes as Record<string, string[]> }
  }
  const rowSort = sort(v.rowSort)
  if (rowSort !== undefined) m.rowSort = rowSort
  const colSort = sort(v.colSort)
  if (colSort !== undefined) m.colSort = colSort
  if (SCOPES.includes(v.scope as CooccurrenceScope)) m.scope = v.scope as CooccurrenceScope
  if (v.csv === null) m.csv = null
  else if (isObject(v.csv) && (v.csv.delimiter === ',' || v.csv.delimiter === ';') && typeof v.csv.decimalComma === 'boolean' && typeof v.csv.bom === 'boolean') {
    m.csv = {
      delimiter: v.csv.delimiter, decimalComma: v.csv.decimalComma, bom: v.csv.bom,
      ...(typeof v.csv.flattenLineBreaks === 'boolean' ? { flattenLineBreaks: v.csv.flattenLineBreaks } : {}),
      ...(v.csv.format === 'csv' || v.csv.format === 'xlsx' ? { format: v.csv.format } : {}),
    }
  }
  const a = v.agreement
  if (isObject(a) && strings(a.coders) && AGREEMENT_LEVELS.includes(a.level as AgreementChoice['level']) && typeof a.overlap === 'number' && a.overlap >= 0 && a.overlap <= 100 && ids(a.codeIds)) {
    m.agreement = { coders: strings(a.coders)!, level: a.level as AgreementChoice['level'], overlap: a.overlap, codeIds: ids(a.codeIds)! }
  }
  return m
}

function key(studyPath: string): string {
  return `werkbank.analysis:${studyPath}`
}

export function loadAnalysisMemory(studyPath: string): AnalysisMemory {
  try {
    return parseAnalysisMemory(localStorage.getItem(key(studyPath)))
  } catch {
    return {}
  }
}

export function saveAnalysisMemory(studyPath: string, m: AnalysisMemory): void {
  try {
    localStorage.setItem(key(studyPath), JSON.stringify(m))
  } catch {
    // Not remembered; the view still works.
  }
}
