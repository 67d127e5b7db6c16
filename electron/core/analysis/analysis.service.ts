import type Database from 'better-sqlite3'
import {
  PHASES,
  type AnalysisFilter, type MatrixAreas, type CooccurrenceResult, type CooccurrenceScope, type MatrixBy, type MatrixColumn,
  type MatrixMeasure, type MatrixResult, type MatrixRow, type PhaseCase, type PhaseOverview, type SaturationResult,
} from '../../../shared/analysis-types'
import { WerkbankError } from '../../../shared/errors'
import {
  CODER_IN_SCOPE, SCOPE_CASES_SQL, areasSql, SCOPE_DOCUMENTS_SQL, StatementCache, coverageSql, documentsSql, overlapPairsSql,
  saturationCellsSql, saturationDocumentsSql, scopeParams, segmentsSql, sharedUnitsSql, textCodingsSql, withSortMemory, type ColumnKind, type ScopeParams,
} from './analysis-sql'
import { PHASE_ATTRIBUTES, findPhaseCodes, parsePhase, phaseDiffers, strongestPhases } from './phases'

/** Which codes an analysis is about (see shared/api-analysis.ts). */
export interface CodeRowsArgs {
  codeIds?: number[]
  subtree?: boolean
  rollup?: boolean
  filter?: AnalysisFilter
}

export interface MatrixArgs extends CodeRowsArgs {
  by: MatrixBy
  measure: MatrixMeasure
}

export interface CooccurrenceArgs extends CodeRowsArgs {
  scope?: CooccurrenceScope
}

/** A code with what the analyses need of it: its path and its template key. */
export interface CodeNode {
  id: number
  parentId: number | null
  name: string
  path: string
  templateKey: string | null
}

/** The label of the column that gathers documents without a case or without the attribute. */
export const NONE_LABEL = '(none)'

type ColumnKey = number | string | null

interface Columns {
  kind: ColumnKind
  columns: MatrixColumn[]
  index: Map<ColumnKey, number>
  totalText: number
}

interface Cell {
  lvl?: number
  r: number | null
  c: ColumnKey
  n: number
}

/**
 * The cross-case analyses: code matrices, co-occurrence and the phase overview. Read only; each
 * answer comes from one read transaction, so it is consistent even while codings change.
 */
export class AnalysisService {
  private readonly sql: StatementCache
  private readonly s

  constructor(private readonly db: Database.Database) {
    this.sql = new StatementCache(db)
    this.s = {
      // Tree order (siblings by sort order, then id) and paths, as the codebook lists them.
      codes: db.prepare(`
        WITH RECURSIVE t(id, parent_id, name, path, key, template_key) AS (
          SELECT id, parent_id, name, name, printf('%010d.%010d', sort_order, id), template_key
          FROM codes WHERE parent_id IS NULL
          UNION ALL
          SELECT c.id, c.parent_id, c.name, t.path || '/' || c.name, t.key || '/' || printf('%010d.%010d', c.sort_order, c.id), c.template_key
          FROM codes c JOIN t ON c.parent_id = t.id)
        SELECT id, parent_id AS parentId, name, path, template_key AS templateKey FROM t ORDER BY key`),
      coderExists: db.prepare('SELECT 1 FROM coders WHERE id = ?').pluck(),
      documentExists: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
      caseExists: db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck(),
      attributeExists: db.prepare('SELECT 1 FROM case_attributes WHERE name = ? LIMIT 1').pluck(),
      coders: db.prepare(`SELECT id, name FROM coders WHERE ${CODER_IN_SCOPE('id')} ORDER BY name, id`),
      attributeValues: db.prepare('SELECT case_id AS caseId, value FROM case_attributes WHERE name = ?'),
    }
  }

  /** Every code in tree order with its path. */
  codes(): CodeNode[] {
    return this.s.codes.all() as CodeNode[]
  }

  /** Codes × cases, documents, coders or attribute values; one measure, with totals. */
  matrix(args: MatrixArgs): MatrixResult {
    return this.read(() => this.computeMatrix(args))
  }

  /** Code × code co-occurrence (default: overlapping codings). */
  cooccurrence(args: CooccurrenceArgs): CooccurrenceResult {
    return this.read(() => {
      const scope = args.scope ?? 'overlap'
      const filter = this.checkFilter(args.filter ?? {})
      const rows = this.selectRows(args)
      const rollup = args.rollup === true
      const params = scopeParams(rows.map((r) => r.codeId), filter)
      const at = new Map(rows.map((r, i) => [r.codeId, i]))
      const values = rows.map(() => rows.map(() => 0))
      const put = (sql: string) => {
        for (const { x, y, n } of this.sql.get(sql).all(params) as { x: number; y: number; n: number }[]) {
          const i = at.get(x)
          const j = at.get(y)
          if (i !== undefined && j !== undefined) values[i]![j] = n
        }
      }
      if (scope === 'overlap') {
        put(textCodingsSql(rollup))
        put(overlapPairsSql(rollup))
      } else put(sharedUnitsSql(scope, rollup))
      return { scope, rollup, rows, values }
    })
  }

  /**
   * The saturation curve: documents in the order they were first coded, each with the codes
   * (rows) and code × case cells seen there for the first time. SQL finds which rows and cells
   * each document has; the running "seen before" is a walk over that short list.
   */
  saturation(args: CodeRowsArgs = {}): SaturationResult {
    return this.read(() => {
      const filter = this.checkFilter(args.filter ?? {})
      const rows = this.selectRows(args)
      const rollup = args.rollup === true
      const params = scopeParams(rows.map((r) => r.codeId), filter)
      const path = new Map(rows.map((r) => [r.codeId, r.path]))
      const docs = this.sql.get(saturationDocumentsSql(rollup)).all(params) as { d: number; first: string; firstId: number; n: number }[]
      docs.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.firstId - b.firstId))
      const found = new Map<number, { r: number; c: number | null }[]>()
      for (const x of this.sql.get(saturationCellsSql(rollup)).all(params) as { d: number; r: number; c: number | null }[]) {
        let list = found.get(x.d)
        if (!list) found.set(x.d, (list = []))
        list.push(x)
      }
      const info = new Map((this.sql.get(SCOPE_DOCUMENTS_SQL).all(params) as { id: number; caseId: number | null; title: string }[]).map((d) => [d.id, d]))
      const caseNames = new Map((this.sql.get(SCOPE_CASES_SQL).all(params) as { id: number; name: string }[]).map((c) => [c.id, c.name]))
      const seenCodes = new Set<number>()
      const seenCells = new Set<string>()
      const order = new Map(rows.map((r, i) => [r.codeId, i]))
      const documents = docs.map((doc) => {
        const newCodes: number[] = []
        let newCells = 0
        for (const { r, c } of found.get(doc.d) ?? []) {
          if (!seenCodes.has(r)) {
            seenCodes.add(r)
            newCodes.push(r)
          }
          // A document without a case fills no code × case cell.
          if (c !== null && !seenCells.has(`${r}:${c}`)) {
            seenCells.add(`${r}:${c}`)
            newCells++
          }
        }
        const d = info.get(doc.d)!
        newCodes.sort((a, b) => order.get(a)! - order.get(b)!)
        return {
          documentId: doc.d,
          title: d.title,
          caseName: d.caseId === null ? null : (caseNames.get(d.caseId) ?? null),
          firstCoded: doc.first,
          codings: doc.n,
          newCodes: newCodes.length,
          totalCodes: seenCodes.size,
          newCells,
          totalCells: seenCells.size,
          newCodePaths: newCodes.map((r) => path.get(r)!),
        }
      })
      return { rollup, documents }
    })
  }

  /**
   * Per case: codings and coverage under each phase code (subcodes included) beside the phase
   * assigned in the case attribute `fase` (or `phase`), flagged where they differ.
   */
  phases(args: { filter?: AnalysisFilter } = {}): PhaseOverview {
    return this.read(() => {
      const phases = findPhaseCodes(this.codes())
      const codeIds = phases.flatMap((p) => (p.codeId === null ? [] : [p.codeId]))
      if (codeIds.length === 0) throw new WerkbankError('phase-codes-not-found')
      const base = { codeIds, rollup: true, by: 'cases' as const, filter: args.filter ?? {} }
      const segments = this.computeMatrix({ ...base, measure: 'segments' })
      const coverage = this.computeMatrix({ ...base, measure: 'coverage' })
      const attribute = PHASE_ATTRIBUTES.find((a) => this.s.attributeExists.get(a) !== undefined) ?? null
      const assignedValues = new Map<number, string>()
      if (attribute !== null) {
        for (const a of this.s.attributeValues.all(attribute) as { caseId: number; value: string }[]) assignedValues.set(a.caseId, a.value)
      }
      const rowOf = new Map(segments.rows.map((r, i) => [r.codeId, i]))
      const perPhase = <T>(m: MatrixResult, col: number, none: T) =>
        PHASES.map((p) => {
          const row = rowOf.get(phases[p]!.codeId ?? -1)
          return row === undefined ? none : (m.values[row]![col] as T)
        }) as [T, T, T, T]
      const cases: PhaseCase[] = []
      segments.columns.forEach((col, j) => {
        if (col.kind !== 'case' || col.id === null) return
        const seg = perPhase<number>(segments, j, 0)
        const cov = perPhase<number | null>(coverage, j, col.textLength > 0 ? 0 : null)
        const assignedValue = assignedValues.get(col.id) ?? null
        const assigned = parsePhase(assignedValue)
        const strongest = strongestPhases(seg, cov)
        cases.push({
          caseId: col.id,
          caseName: col.label,
          assigned,
          assignedValue,
          segments: seg,
          coverage: cov,
          strongest,
          differs: phaseDiffers(assigned, strongest),
        })
      })
      return { attribute, phases, cases }
    })
  }

  /** One consistent snapshot, with room to sort in memory. */
  private read<T>(work: () => T): T {
    return withSortMemory(this.db, () => this.db.transaction(work)())
  }

  private computeMatrix(args: MatrixArgs): MatrixResult {
    const filter = this.checkFilter(args.filter ?? {})
    const rows = this.selectRows(args)
    const rollup = args.rollup === true
    const attribute = args.by.startsWith('attribute:') ? args.by.slice('attribute:'.length) : null
    if (attribute !== null) this.checkAttribute(attribute)
    const kind: ColumnKind = attribute !== null ? 'attribute' : (args.by as ColumnKind)
    const params = scopeParams(rows.map((r) => r.codeId), filter, attribute)
    const cols = this.columns(kind, params, filter)
    const table = new Table(rows, cols)
    const all = (sql: string) => this.sql.get(sql).all(params) as Cell[]

    switch (args.measure) {
      case 'segments':
      case 'presence': {
        for (const cell of all(segmentsSql(kind, rollup))) table.set(cell)
        if (args.measure === 'segments') table.sumTotals()
        else table.presence()
        break
      }
      case 'documents':
        for (const cell of all(documentsSql(kind, rollup))) table.set(cell)
        break
      case 'coverage': {
        for (const cell of all(coverageSql(kind, rollup))) table.set(cell)
        // Each document lies in exactly one column unless the columns are coders, so a row's
        // covered characters are then the sum over its cells, and the total the columns' sum.
        if (kind !== 'coders') table.sumAcrossColumns()
        table.divideByText()
        const areas = new Table(rows, cols)
        for (const cell of all(areasSql(kind, rollup))) areas.set(cell)
        const counts = areas.result()
        const result = { by: args.by, measure: args.measure, rollup, rows, columns: cols.columns, ...table.result() }
        return { ...result, areas: counts as MatrixAreas }
      }
    }
    return { by: args.by, measure: args.measure, rollup, rows, columns: cols.columns, ...table.result() }
  }

  /** The chosen codes (with their subcodes when asked) in tree order; all codes by default. */
  selectRows(args: Pick<CodeRowsArgs, 'codeIds' | 'subtree'>): MatrixRow[] {
    const codes = this.codes()
    const toRow = (c: CodeNode): MatrixRow => ({ codeId: c.id, path: c.path })
    if (args.codeIds === undefined) return codes.map(toRow)
    const known = new Set(codes.map((c) => c.id))
    const chosen = new Set<number>()
    for (const id of args.codeIds) {
      if (!known.has(id)) throw new WerkbankError('code-not-found', { codeId: id })
      chosen.add(id)
    }
    // Tree order lists a parent before its children, so one pass gathers whole subtrees.
    if (args.subtree) for (const c of codes) if (c.parentId !== null && chosen.has(c.parentId)) chosen.add(c.id)
    return codes.filter((c) => chosen.has(c.id)).map(toRow)
  }

  /** The filter, once every coder, document, case and attribute it names is known. */
  checkFilter(filter: AnalysisFilter): AnalysisFilter {
    for (const id of filter.coderIds ?? []) if (this.s.coderExists.get(id) === undefined) throw new WerkbankError('coder-not-found', { coderId: id })
    for (const id of filter.documentIds ?? []) if (this.s.documentExists.get(id) === undefined) throw new WerkbankError('document-not-found', { documentId: id })
    for (const id of filter.caseIds ?? []) if (this.s.caseExists.get(id) === undefined) throw new WerkbankError('case-not-found', { caseId: id })
    for (const a of filter.attributes ?? []) this.checkAttribute(a.name)
    return filter
  }

  private checkAttribute(name: string): void {
    if (this.s.attributeExists.get(name) === undefined) throw new WerkbankError('attribute-not-found', { name })
  }

  /**
   * The columns, from the documents and cases in scope: cases that pass the filter (with a
   * document filter, only those that keep a document), documents, coders (those filtered on,
   * else all), or the attribute's values in natural order; `(none)` last where documents lack a
   * case or cases lack the attribute. Small lists (documents and cases, not codings).
   */
  private columns(kind: ColumnKind, params: ScopeParams, filter: AnalysisFilter): Columns {
    const docs = this.sql.get(SCOPE_DOCUMENTS_SQL).all(params) as { id: number; caseId: number | null; title: string; chars: number; attr: string | null }[]
    const totalText = docs.reduce((n, d) => n + d.chars, 0)
    const columns: MatrixColumn[] = []
    const index = new Map<ColumnKey, number>()
    const add = (key: ColumnKey, column: MatrixColumn) => {
      index.set(key, columns.length)
      columns.push(column)
    }
    const inCase = (caseId: number | null) => docs.filter((d) => d.caseId === caseId)
    const withoutCase = inCase(null)
    const none = (list: typeof docs): MatrixColumn => ({
      kind: 'none', id: null, label: NONE_LABEL, documents: list.length, textLength: list.reduce((n, d) => n + d.chars, 0),
    })

    if (kind === 'documents') {
      for (const d of docs) add(d.id, { kind: 'document', id: d.id, label: d.title, documents: 1, textLength: d.chars })
    } else if (kind === 'coders') {
      for (const c of this.s.coders.all(params) as { id: number; name: string }[]) {
        add(c.id, { kind: 'coder', id: c.id, label: c.name, documents: docs.length, textLength: totalText })
      }
    } else {
      let cases = this.sql.get(SCOPE_CASES_SQL).all(params) as { id: number; name: string; attr: string | null }[]
      if (filter.documentIds !== undefined) {
        const kept = new Set(docs.map((d) => d.caseId))
        cases = cases.filter((c) => kept.has(c.id))
      }
      if (kind === 'cases') {
        for (const c of cases) {
          const own = inCase(c.id)
          add(c.id, { kind: 'case', id: c.id, label: c.name, documents: own.length, textLength: own.reduce((n, d) => n + d.chars, 0) })
        }
        if (withoutCase.length > 0) add(null, none(withoutCase))
      } else {
        const collator = new Intl.Collator('en', { numeric: true })
        const values = [...new Set(cases.flatMap((c) => (c.attr === null ? [] : [c.attr])))].sort(collator.compare)
        for (const v of values) {
          const own = docs.filter((d) => d.attr === v)
          add(v, { kind: 'attribute', id: null, label: v, documents: own.length, textLength: own.reduce((n, d) => n + d.chars, 0) })
        }
        if (withoutCase.length > 0 || cases.some((c) => c.attr === null)) add(null, none(docs.filter((d) => d.attr === null)))
      }
    }
    return { kind, columns, index, totalText }
  }
}

/**
 * The aggregated numbers placed in rows and columns. Levels: 0 cell, 1 row total, 2 column
 * total, 3 overall, as the SQL labels them.
 */
class Table {
  private readonly rowIndex: Map<number, number>
  readonly values: (number | null)[][]
  rowTotals: (number | null)[]
  columnTotals: (number | null)[]
  total: number | null = 0

  constructor(
    rows: MatrixRow[],
    private readonly cols: Columns,
  ) {
    this.rowIndex = new Map(rows.map((r, i) => [r.codeId, i]))
    this.values = rows.map(() => cols.columns.map(() => 0))
    this.rowTotals = rows.map(() => 0)
    this.columnTotals = cols.columns.map(() => 0)
  }

  set({ lvl = 0, r, c, n }: Cell): void {
    const i = r === null ? undefined : this.rowIndex.get(r)
    const j = this.cols.index.get(c)
    if (lvl === 0 && i !== undefined && j !== undefined) this.values[i]![j] = n
    else if (lvl === 1 && i !== undefined) this.rowTotals[i] = n
    else if (lvl === 2 && j !== undefined) this.columnTotals[j] = n
    else if (lvl === 3) this.total = n
  }

  sumTotals(): void {
    const sum = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0)
    this.rowTotals = this.values.map(sum)
    this.columnTotals = this.cols.columns.map((_, j) => sum(this.values.map((row) => row[j]!)))
    this.total = sum(this.columnTotals)
  }

  /** Row totals and the overall total as sums across columns; column totals stay as set. */
  sumAcrossColumns(): void {
    const sum = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0)
    this.rowTotals = this.values.map(sum)
    this.total = sum(this.columnTotals)
  }

  /** Counts become 0/1; a total is 1 when any of its cells is. */
  presence(): void {
    for (const row of this.values) row.forEach((n, j) => (row[j] = (n ?? 0) > 0 ? 1 : 0))
    const any = (xs: (number | null)[]) => (xs.some((x) => x === 1) ? 1 : 0)
    this.rowTotals = this.values.map(any)
    this.columnTotals = this.cols.columns.map((_, j) => any(this.values.map((row) => row[j]!)))
    this.total = any(this.columnTotals)
  }

  /** Covered characters become shares of the text: of the column, or of all text in scope. */
  divideByText(): void {
    const share = (covered: number | null, length: number) => (length > 0 ? (covered ?? 0) / length : null)
    const lengths = this.cols.columns.map((c) => c.textLength)
    for (const row of this.values) row.forEach((n, j) => (row[j] = share(n, lengths[j]!)))
    this.rowTotals = this.rowTotals.map((n) => share(n, this.cols.totalText))
    this.columnTotals = this.columnTotals.map((n, j) => share(n, lengths[j]!))
    this.total = share(this.total, this.cols.totalText)
  }

  result() {
    return { values: this.values, rowTotals: this.rowTotals, columnTotals: this.columnTotals, total: this.total }
  }
}
