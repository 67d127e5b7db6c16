/**
 * The analysis side of the UI (matrix, co-occurrence, phases, agreement, disagreement review):
 * a small store of its own, beside the workbench's `useApp`, so the two can change apart. It
 * reads the study's lists (codes, cases, documents, coders, language) from `useApp` and reports
 * errors through it; results of the core's analyses are kept here until the options change.
 */
import { create } from 'zustand'
import type { AgreementLevel, AgreementReport, Disagreement, SettleResult } from '../../shared/agreement-types'
import type {
  AnalysisFilter, CooccurrenceResult, CooccurrenceScope, MatrixBy, MatrixColumn, MatrixMeasure, MatrixResult, PhaseOverview, SaturationResult,
} from '../../shared/analysis-types'
import type { CodingRow } from '../../shared/types'
import { csvDefaultsFor } from '../../shared/csv'
import { call } from '../api/client'
import { humanCoders, teacherOf } from '../features/agreement/pseudo-coders'
import { loadAnalysisMemory, saveAnalysisMemory, type AnalysisMemory } from './analysis-memory'
import { useApp } from './index'

export type AnalysisTab = 'matrix' | 'cooccurrence' | 'phases' | 'saturation' | 'agreement' | 'disagreements'
export const ANALYSIS_TABS: readonly AnalysisTab[] = ['matrix', 'cooccurrence', 'phases', 'saturation', 'agreement', 'disagreements']

/** Which codes are the rows: the whole codebook or one code's subtree; roll-up counts subcodes in. */
export interface CodeRows {
  rootId: number | null
  rollup: boolean
}

/** Narrowing shared by the matrix, co-occurrence and phases: coders (none: all) and case attributes. */
export interface FilterChoice {
  coderIds: number[]
  /** Attribute name → accepted values; a name with no values is no condition. */
  attributes: Record<string, string[]>
}

export interface CsvChoice {
  delimiter: ',' | ';'
  decimalComma: boolean
  bom: boolean
  /** Line breaks in quotes written as spaces (on unless turned off: rows stay one line in Excel). */
  flattenLineBreaks?: boolean
  /** CSV files (default) or an Excel workbook. */
  format?: 'csv' | 'xlsx'
}

/** Sorting of the matrix: by the label, the total, or one column (rows) / one row (columns). */
export interface SortSpec {
  key: string
  dir: 'asc' | 'desc'
}

/** The codings behind a cell (or a bar, or a phase), for the side list. */
export interface SegmentList {
  title: string
  /** What the list claims to hold; the rows are checked against it in the tests. */
  expected: number | null
  rows: CodingRow[]
  busy: boolean
}

export interface AgreementChoice {
  coders: string[]
  level: AgreementLevel
  /** Segment level: minimum overlap in percent of the union. */
  overlap: number
  /** Empty: every code. */
  codeIds: number[]
}

/** One decision in the review, so that it can be taken back. */
interface Decision {
  key: string
  /** The core recorded an undoable action (something was added or removed). */
  recorded: boolean
  /** Whether the place was marked "neither" before. */
  wasNeither: boolean
}

export interface AnalysisState {
  mode: 'coding' | 'analysis'
  tab: AnalysisTab
  rows: CodeRows
  filter: FilterChoice
  by: MatrixBy
  measure: MatrixMeasure
  matrix: MatrixResult | null
  matrixBusy: boolean
  rowSort: SortSpec | null
  colSort: SortSpec | null
  /** performance.now() when the latest matrix arrived (its render is timed from there). */
  matrixArrived: number
  scope: CooccurrenceScope
  cooccurrence: CooccurrenceResult | null
  phases: PhaseOverview | null
  saturation: SaturationResult | null
  /** Null until chosen: then the language's default (see {@link csvChoice}). */
  csv: CsvChoice | null
  segments: SegmentList | null

  agreement: AgreementChoice
  report: AgreementReport | null
  reportBusy: boolean
  disagreements: Disagreement[]
  disagreementsBusy: boolean
  /** Places settled as "neither" while no consensus coding was there (nothing in the file says so). */
  neither: string[]
  decisions: Decision[]
  currentKey: string | null
  showSettled: boolean

  setMode(mode: 'coding' | 'analysis'): void
  setTab(tab: AnalysisTab): void
  setRows(rows: Partial<CodeRows>): void
  setFilter(filter: Partial<FilterChoice>): void
  setBy(by: MatrixBy): void
  setMeasure(measure: MatrixMeasure): void
  setRowSort(sort: SortSpec | null): void
  setColSort(sort: SortSpec | null): void
  setScope(scope: CooccurrenceScope): void
  setCsv(csv: Partial<CsvChoice>): void
  /** Reloads what the open tab shows (after an option or the study changed). */
  refresh(): Promise<void>
  loadMatrix(): Promise<void>
  loadCooccurrence(): Promise<void>
  loadPhases(): Promise<void>
  loadSaturation(): Promise<void>
  showSegments(spec: SegmentSpec): Promise<void>
  closeSegments(): void

  setAgreement(choice: Partial<AgreementChoice>): void
  loadReport(): Promise<void>
  loadDisagreements(): Promise<void>
  setCurrent(key: string | null): void
  setShowSettled(on: boolean): void
  /** Accepts the given codings (one side, both) into the consensus, or none of them. */
  settle(d: Disagreement, accept: number[]): Promise<boolean>
  /** Takes the last decision back (the core's undo for what it recorded). */
  undoDecision(): Promise<void>
}

/** What to list: codings of these codes (and coders), in these documents (null: any), optionally narrowed further. */
export interface SegmentSpec {
  title: string
  codeIds: number[]
  coderIds?: number[]
  documentIds: number[] | null
  expected?: number | null
  keep?: (rows: CodingRow[]) => CodingRow[]
}

/** The study's key for things remembered per study in this browser. */
function studyKey(prefix: string): string {
  return `${prefix}:${useApp.getState().info?.path ?? ''}`
}

function loadNeither(): string[] {
  try {
    const raw = localStorage.getItem(studyKey('werkbank.neither'))
    const v: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function saveNeither(keys: string[]): void {
  try {
    localStorage.setItem(studyKey('werkbank.neither'), JSON.stringify(keys))
  } catch {
    // Not remembered past this session.
  }
}

/** The codes a row stands for: itself, or with its subcodes when rolled up. */
export function subtreeOf(codeId: number): number[] {
  const codes = Object.values(useApp.getState().codes.byId)
  const out = [codeId]
  for (let i = 0; i < out.length; i++) for (const c of codes) if (c.parentId === out[i]) out.push(c.id)
  return out
}

/** The API filter for the current choice (undefined when nothing narrows). */
export function apiFilter(f: FilterChoice): AnalysisFilter | undefined {
  const attributes = Object.entries(f.attributes)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => ({ name, values }))
  if (f.coderIds.length === 0 && attributes.length === 0) return undefined
  return { ...(f.coderIds.length > 0 ? { coderIds: f.coderIds } : {}), ...(attributes.length > 0 ? { attributes } : {}) }
}

/** The rows part of an analysis call. */
export function apiRows(rows: CodeRows): { codeIds?: number[]; subtree?: boolean; rollup: boolean } {
  return rows.rootId === null ? { rollup: rows.rollup } : { codeIds: [rows.rootId], subtree: true, rollup: rows.rollup }
}

/** The documents that pass the attribute filter (null: every document). */
export function documentsInFilter(f: FilterChoice): Set<number> | null {
  const conditions = Object.entries(f.attributes).filter(([, v]) => v.length > 0)
  if (conditions.length === 0) return null
  const { cases, documents } = useApp.getState()
  const passing = new Set(cases.filter((c) => conditions.every(([name, values]) => values.includes(c.attributes[name] ?? '\u0000'))).map((c) => c.id))
  return new Set(documents.filter((d) => d.caseId !== null && passing.has(d.caseId)).map((d) => d.id))
}

/** The documents of a matrix column, as the core counts them (null: all, for coder columns). */
export function documentsOfColumn(by: MatrixBy, column: MatrixColumn): number[] | null {
  const { documents, cases } = useApp.getState()
  if (column.kind === 'coder') return null
  if (column.kind === 'document') return [column.id!]
  if (column.kind === 'case') return documents.filter((d) => d.caseId === column.id).map((d) => d.id)
  const attribute = by.startsWith('attribute:') ? by.slice('attribute:'.length) : null
  if (column.kind === 'none') {
    if (attribute === null) return documents.filter((d) => d.caseId === null).map((d) => d.id)
    const valueOf = new Map(cases.map((c) => [c.id, c.attributes[attribute]]))
    return documents.filter((d) => d.caseId === null || valueOf.get(d.caseId) === undefined).map((d) => d.id)
  }
  const caseIds = new Set(cases.filter((c) => attribute !== null && c.attributes[attribute] === column.label).map((c) => c.id))
  return documents.filter((d) => d.caseId !== null && caseIds.has(d.caseId)).map((d) => d.id)
}

let requests = 0
const latest: Record<string, number> = {}
/** The study whose remembered choices are in force (and are saved as they change). */
let restoredFor: string | null = null
/** Runs a load; only the newest of its kind may set state. */
async function newest<T>(kind: string, work: () => Promise<T>, apply: (v: T) => void, done?: () => void): Promise<void> {
  const n = ++requests
  latest[kind] = n
  try {
    const v = await work()
    if (latest[kind] === n) apply(v)
  } catch (e) {
    if (latest[kind] === n) useApp.getState().report(e)
  } finally {
    if (latest[kind] === n) done?.()
  }
}

/**
 * The CSV options in force: the ones chosen, else what Excel in the user's locale reads (the
 * browser's or operating system's, not the UI language: see csvDefaultsFor). Excel reads the
 * BOM as "this is UTF-8"; quotes go on one line.
 */
export function csvChoice(csv: CsvChoice | null, locale: string | undefined = userLocale()): Required<CsvChoice> {
  return { ...csvDefaultsFor(locale), bom: true, flattenLineBreaks: true, format: 'csv', ...csv }
}

/** The user's locale as the page sees it (Electron passes the operating system's). */
export function userLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language
}

export const useAnalysis = create<AnalysisState>()((set, get) => ({
  mode: 'coding',
  tab: 'matrix',
  rows: { rootId: null, rollup: false },
  filter: { coderIds: [], attributes: {} },
  by: 'cases',
  measure: 'segments',
  matrix: null,
  matrixBusy: false,
  rowSort: null,
  colSort: null,
  matrixArrived: 0,
  scope: 'overlap',
  cooccurrence: null,
  phases: null,
  saturation: null,
  csv: null,
  segments: null,

  agreement: { coders: [], level: 'segment', overlap: 90, codeIds: [] },
  report: null,
  reportBusy: false,
  disagreements: [],
  disagreementsBusy: false,
  neither: [],
  decisions: [],
  currentKey: null,
  showSettled: false,

  setMode: (mode) => {
    set({ mode })
    if (mode === 'analysis') {
      // The choices left in this study last time, once per study and page load.
      const path = useApp.getState().info?.path ?? ''
      if (restoredFor !== path) {
        restoredFor = path
        set(loadAnalysisMemory(path))
      }
      set({ neither: loadNeither() })
      void get().refresh()
    }
  },
  setTab: (tab) => {
    set({ tab, segments: null })
    void get().refresh()
  },
  setRows: (rows) => {
    set((s) => ({ rows: { ...s.rows, ...rows }, segments: null }))
    void get().refresh()
  },
  setFilter: (filter) => {
    set((s) => ({ filter: { ...s.filter, ...filter }, segments: null }))
    void get().refresh()
  },
  setBy: (by) => {
    set({ by, colSort: null, segments: null })
    void get().loadMatrix()
  },
  setMeasure: (measure) => {
    set({ measure, segments: null })
    void get().loadMatrix()
  },
  setRowSort: (rowSort) => set({ rowSort }),
  setColSort: (colSort) => set({ colSort }),
  setScope: (scope) => {
    set({ scope, segments: null })
    void get().loadCooccurrence()
  },
  setCsv: (csv) => set((s) => ({ csv: { ...csvChoice(s.csv), ...csv } })),

  refresh: async () => {
    if (get().mode !== 'analysis') return
    // Choices that name what an undo or an edit took away (a code, a coder, an attribute) are dropped.
    const { codes, coders, cases } = useApp.getState()
    const { rows, filter, agreement } = get()
    const coderIds = new Set(coders.map((c) => c.id))
    const coderNames = new Set(coders.map((c) => c.name))
    const attributeNames = new Set(cases.flatMap((c) => Object.keys(c.attributes)))
    if (rows.rootId !== null && codes.order.length > 0 && !(rows.rootId in codes.byId)) set({ rows: { ...rows, rootId: null } })
    if (coders.length > 0 && filter.coderIds.some((id) => !coderIds.has(id))) set({ filter: { ...get().filter, coderIds: filter.coderIds.filter((id) => coderIds.has(id)) } })
    if (Object.keys(filter.attributes).some((n) => !attributeNames.has(n))) {
      set({ filter: { ...get().filter, attributes: Object.fromEntries(Object.entries(filter.attributes).filter(([n]) => attributeNames.has(n))) } })
    }
    // A pseudo-coder (the suggestion method learnt from a coder) stays while its coder does.
    const known = (n: string) => coderNames.has(teacherOf(n) ?? n)
    if (coders.length > 0 && agreement.coders.some((n) => !known(n))) set({ agreement: { ...agreement, coders: agreement.coders.filter(known) } })
    if (codes.order.length > 0 && agreement.codeIds.some((id) => !(id in codes.byId))) set({ agreement: { ...get().agreement, codeIds: agreement.codeIds.filter((id) => id in codes.byId) } })
    switch (get().tab) {
      case 'matrix':
        return get().loadMatrix()
      case 'cooccurrence':
        return get().loadCooccurrence()
      case 'phases':
        return get().loadPhases()
      case 'saturation':
        return get().loadSaturation()
      case 'agreement':
        return get().loadReport()
      case 'disagreements':
        return get().loadDisagreements()
    }
  },

  loadMatrix: async () => {
    const { rows, filter, by, measure } = get()
    set({ matrixBusy: true })
    const f = apiFilter(filter)
    await newest(
      'matrix',
      () => call('analysis:matrix', { by, measure, ...apiRows(rows), ...(f ? { filter: f } : {}) }),
      (matrix) => set({ matrix, matrixArrived: performance.now() }),
      () => set({ matrixBusy: false }),
    )
  },

  loadCooccurrence: async () => {
    const { rows, filter, scope } = get()
    const f = apiFilter(filter)
    await newest('cooccurrence', () => call('analysis:cooccurrence', { scope, ...apiRows(rows), ...(f ? { filter: f } : {}) }), (cooccurrence) => set({ cooccurrence }))
  },

  loadPhases: async () => {
    const f = apiFilter(get().filter)
    await newest('phases', () => call('analysis:phases', f ? { filter: f } : {}), (phases) => set({ phases }))
  },

  loadSaturation: async () => {
    const { rows, filter } = get()
    const f = apiFilter(filter)
    await newest('saturation', () => call('analysis:saturation', { ...apiRows(rows), ...(f ? { filter: f } : {}) }), (saturation) => set({ saturation }))
  },

  showSegments: async (spec) => {
    set({ segments: { title: spec.title, expected: spec.expected ?? null, rows: [], busy: true } })
    await newest(
      'segments',
      async () => {
        // The core narrows to the cell's documents within the attribute filter, so a cell of a
        // large study brings only its own codings.
        const within = documentsInFilter(get().filter)
        const documentIds = spec.documentIds
          ? spec.documentIds.filter((d) => within === null || within.has(d))
          : within === null ? undefined : [...within]
        const rows = await call('codings:list', {
          codeIds: spec.codeIds,
          ...(spec.coderIds && spec.coderIds.length > 0 ? { coderIds: spec.coderIds } : {}),
          ...(documentIds ? { documentIds } : {}),
        })
        return spec.keep ? spec.keep(rows) : rows
      },
      (rows) => set({ segments: { title: spec.title, expected: spec.expected ?? null, rows, busy: false } }),
    )
  },
  closeSegments: () => set({ segments: null }),

  setAgreement: (choice) => {
    set((s) => ({ agreement: { ...s.agreement, ...choice } }))
    void get().refresh()
  },

  loadReport: async () => {
    const a = get().agreement
    if (a.coders.length < 2) {
      set({ report: null })
      return
    }
    set({ reportBusy: true })
    await newest(
      'report',
      () => call('agreement:measure', {
        coders: a.coders,
        level: a.level,
        ...(a.codeIds.length > 0 ? { codeIds: a.codeIds } : {}),
        ...(a.level === 'segment' ? { overlap: a.overlap } : {}),
      }),
      (report) => set({ report }),
      () => set({ reportBusy: false }),
    )
  },

  loadDisagreements: async () => {
    // Disagreements are between human coders (the suggestion method writes no codings to settle).
    const a = { ...get().agreement, coders: humanCoders(get().agreement.coders) }
    if (a.coders.length < 2) {
      set({ disagreements: [] })
      return
    }
    set({ disagreementsBusy: true })
    await newest(
      'disagreements',
      () => call('agreement:disagreements', { coders: a.coders, overlap: a.overlap, ...(a.codeIds.length > 0 ? { codeIds: a.codeIds } : {}) }),
      (disagreements) => {
        const known = new Set(disagreements.map((d) => d.key))
        set((s) => ({ disagreements, currentKey: s.currentKey !== null && known.has(s.currentKey) ? s.currentKey : null }))
      },
      () => set({ disagreementsBusy: false }),
    )
  },

  setCurrent: (currentKey) => set({ currentKey }),
  setShowSettled: (showSettled) => set({ showSettled }),

  settle: async (d, accept) => {
    const wasNeither = get().neither.includes(d.key)
    const coderIds = new Set(useApp.getState().coders.map((c) => c.id))
    let result: SettleResult
    try {
      result = await call('agreement:settle', { documentId: d.documentId, codeId: d.codeId, start: d.start, end: d.end, accept })
    } catch (e) {
      useApp.getState().report(e)
      return false
    }
    // Recorded when a coding was added or removed, or the consensus coder was made for it.
    const recorded = result.removed > 0 || result.codingIds.length > 0 || !coderIds.has(result.consensus.id)
    const neither = get().neither.filter((k) => k !== d.key)
    if (accept.length === 0) neither.push(d.key)
    saveNeither(neither)
    set((s) => ({ neither, decisions: [...s.decisions, { key: d.key, recorded, wasNeither }].slice(-200) }))
    // The history (and the coder list: the consensus coder may be new) changed; the views follow.
    await Promise.all([useApp.getState().refreshHistory(), useApp.getState().loadCoders()])
    await get().loadDisagreements()
    return true
  },

  undoDecision: async () => {
    const last = get().decisions.at(-1)
    if (!last) return
    // Undone elsewhere already (Ctrl+Z, the top bar): the core's last step is something else now.
    const stale = last.recorded && useApp.getState().history.undoLabel !== 'agreement-settle'
    const neither = get().neither.filter((k) => k !== last.key)
    if (last.wasNeither) neither.push(last.key)
    saveNeither(neither)
    set((s) => ({ neither, decisions: s.decisions.slice(0, -1), currentKey: last.key }))
    // The workbench's own undo: the same step Ctrl+Z would take back, with its notice.
    if (last.recorded && !stale) await useApp.getState().undo()
    await get().loadDisagreements()
  },
}))

// Every change of a remembered choice is saved for the study (not before they were restored).
useAnalysis.subscribe((s, before) => {
  const path = useApp.getState().info?.path
  if (path === undefined || restoredFor !== path) return
  const keys = ['tab', 'by', 'measure', 'rows', 'filter', 'rowSort', 'colSort', 'scope', 'csv', 'agreement'] as const
  if (keys.every((k) => s[k] === before[k])) return
  saveAnalysisMemory(path, Object.fromEntries(keys.map((k) => [k, s[k]])) as AnalysisMemory)
})
