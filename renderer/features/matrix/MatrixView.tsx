import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { MatrixBy, MatrixMeasure, MatrixResult } from '../../../shared/analysis-types'
import { matrixShown } from '../../../shared/analysis-tables'
import { toCsv } from '../../../shared/csv'
import { call } from '../../api/client'
import { useTA, type AnalysisKey, type TranslateA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { apiFilter, apiRows, documentsOfColumn, subtreeOf, useAnalysis } from '../../store/analysis.slice'
import { CodeRowsChooser, useCodeOutline } from '../analysis/CodeRowsChooser'
import { CsvMenu } from '../analysis/CsvMenu'
import { ReportDialog } from '../report/ReportDialog'
import { useTR } from '../../i18n/report-strings'
import { fileName } from '../../io/download'
import { FilterControls, useAttributes } from '../analysis/FilterControls'
import { SegmentsPanel } from '../analysis/SegmentsPanel'
import { cellMax, columnOrder, nextSort, rowOrder, stackRows } from './matrix-model'
import { MatrixTable, type CellRef } from './MatrixTable'
import { StackedBars } from './StackedBars'

const MEASURES: { value: MatrixMeasure; label: AnalysisKey; help: AnalysisKey }[] = [
  { value: 'segments', label: 'measureSegments', help: 'measureHelpSegments' },
  { value: 'documents', label: 'measureDocuments', help: 'measureHelpDocuments' },
  { value: 'coverage', label: 'measureCoverage', help: 'measureHelpCoverage' },
  { value: 'presence', label: 'measurePresence', help: 'measureHelpPresence' },
]

export function measureLabel(t: TranslateA, m: MatrixMeasure): string {
  return t(MEASURES.find((x) => x.value === m)!.label)
}

/** Column labels as shown: the core's `(none)` in the UI's language. */
function useLabels(m: MatrixResult | null, t: TranslateA): string[] {
  return useMemo(() => (m ? m.columns.map((c) => (c.kind === 'none' ? t('none') : c.label)) : []), [m, t])
}

/**
 * Codes × cases, documents, coders or attribute values: options, the table (or the stacked
 * bars), the segments behind a chosen cell, and the CSV exports.
 */
export function MatrixView() {
  const t = useTA()
  const lang = useApp((s) => s.lang)
  const codes = useApp((s) => s.codes.byId)
  const m = useAnalysis((s) => s.matrix)
  const busy = useAnalysis((s) => s.matrixBusy)
  const by = useAnalysis((s) => s.by)
  const measure = useAnalysis((s) => s.measure)
  const rowSort = useAnalysis((s) => s.rowSort)
  const colSort = useAnalysis((s) => s.colSort)
  const arrived = useAnalysis((s) => s.matrixArrived)
  const attributes = useAttributes()
  const [view, setView] = useState<'table' | 'chart'>('table')
  const [selected, setSelected] = useState<CellRef | null>(null)
  const tr = useTR()
  const [report, setReport] = useState(false)

  const labels = useLabels(m, t)
  const rows = useMemo(() => (m ? rowOrder(m, rowSort) : []), [m, rowSort])
  const cols = useMemo(() => (m ? columnOrder(m, colSort) : []), [m, colSort])
  const max = useMemo(() => (m ? cellMax(m) : 0), [m])
  const colours = useMemo(() => new Map(Object.values(codes).map((c) => [c.id, c.colour])), [codes])
  const codeOutline = useCodeOutline()
  const outline = useMemo(() => new Map(codeOutline.map((c) => [c.id, { name: c.name, depth: c.depth }])), [codeOutline])
  const stacked = useMemo(() => (m ? stackRows(m, (id) => codes[id]?.parentId ?? null) : new Set<number>()), [m, codes])

  // A new matrix forgets the chosen cell; its render is timed from its arrival (read by the tests).
  useLayoutEffect(() => {
    setSelected(null)
  }, [m])
  const timed = useRef(0)
  useLayoutEffect(() => {
    if (!m || arrived === 0 || view !== 'table' || timed.current === arrived) return
    timed.current = arrived
    const ms = performance.now() - arrived
    performance.measure('werkbank:matrix-render', { start: arrived, end: performance.now(), detail: { rows: m.rows.length, columns: m.columns.length } })
    document.querySelector('[data-testid="matrix"]')?.setAttribute('data-render-ms', ms.toFixed(1))
  }, [m, arrived, view])

  const onCell = useCallback(
    (cell: CellRef) => {
      if (!m) return
      setSelected(cell)
      const row = m.rows[cell.i]!
      const column = m.columns[cell.j]!
      const filter = useAnalysis.getState().filter
      void useAnalysis.getState().showSegments({
        title: t('cellTitle', { code: row.path, column: labels[cell.j]! }),
        codeIds: m.rollup ? subtreeOf(row.codeId) : [row.codeId],
        coderIds: column.kind === 'coder' ? [column.id!] : filter.coderIds,
        documentIds: documentsOfColumn(m.by, column),
        expected: m.measure === 'segments' ? (m.values[cell.i]![cell.j] ?? null) : null,
      })
    },
    [m, labels, t],
  )
  const onSortRows = useCallback((key: string) => useAnalysis.getState().setRowSort(nextSort(useAnalysis.getState().rowSort, key)), [])
  const onSortCols = useCallback((key: string) => useAnalysis.getState().setColSort(nextSort(useAnalysis.getState().colSort, key)), [])

  const args = () => {
    const s = useAnalysis.getState()
    const f = apiFilter(s.filter)
    return { by: s.by, measure: s.measure, ...apiRows(s.rows), ...(f ? { filter: f } : {}) }
  }
  const byName = by.startsWith('attribute:') ? by.slice('attribute:'.length) : by

  return (
    <section className="analysis-view" aria-label={t('tabMatrix')}>
      <div className="toolbar analysis-toolbar">
        <CodeRowsChooser />
        <label className="opt">
          <span>{t('columns')}</span>
          <select value={by} onChange={(e) => useAnalysis.getState().setBy(e.target.value as MatrixBy)} data-testid="matrix-by">
            <option value="cases">{t('byCases')}</option>
            <option value="documents">{t('byDocuments')}</option>
            <option value="coders">{t('byCoders')}</option>
            {attributes.map((a) => (
              <option key={a.name} value={`attribute:${a.name}`}>{t('byAttribute', { name: a.name })}</option>
            ))}
          </select>
        </label>
        <label className="opt" title={t(MEASURES.find((x) => x.value === measure)!.help)}>
          <span>{t('measure')}</span>
          <select value={measure} onChange={(e) => useAnalysis.getState().setMeasure(e.target.value as MatrixMeasure)} data-testid="matrix-measure">
            {MEASURES.map((x) => (
              <option key={x.value} value={x.value}>{t(x.label)}</option>
            ))}
          </select>
        </label>
        <FilterControls />
        <span className="spacer" />
        <div className="segmented" role="group" aria-label={t('view')}>
          <button type="button" aria-pressed={view === 'table'} className={view === 'table' ? 'pressed' : undefined} onClick={() => setView('table')} data-testid="view-table">{t('viewTable')}</button>
          <button type="button" aria-pressed={view === 'chart'} className={view === 'chart' ? 'pressed' : undefined} onClick={() => setView('chart')} data-testid="view-chart">{t('viewChart')}</button>
        </div>
        <CsvMenu
          extra={<button type="button" onClick={() => setReport(true)} data-testid="export-report">{tr('reportMenu')}</button>}
          actions={[
            {
              label: t('exportWide'),
              testId: 'export-wide',
              sheet: 'matrix',
              file: () => fileName('matrix', byName, measure),
              // The table on screen, in its order and with its numbers, in the core's wide layout.
              text: (csv) => (m ? toCsv(matrixShown(m, rows, cols), csv) : ''),
            },
            { label: t('exportLong'), testId: 'export-long', sheet: 'matrix-long', file: () => fileName('matrix-long', byName, measure), text: (csv) => call('export:matrix', { ...args(), layout: 'long', ...csv }) },
            {
              label: t('exportCodings'),
              testId: 'export-codings',
              sheet: 'codings',
              file: () => fileName('codings'),
              text: (csv) => {
                const a = args()
                return call('export:codings', { ...(a.codeIds ? { codeIds: a.codeIds, subtree: true } : {}), ...(a.filter ? { filter: a.filter } : {}), ...csv })
              },
            },
            {
              label: t('exportCooccurrence'),
              testId: 'export-cooccurrence',
              sheet: 'cooccurrence',
              file: () => fileName('cooccurrence', useAnalysis.getState().scope),
              text: (csv) => {
                const { by: _by, measure: _measure, ...rest } = args()
                return call('export:cooccurrence', { ...rest, scope: useAnalysis.getState().scope, ...csv })
              },
            },
            { label: t('exportMemos'), testId: 'export-memos', sheet: 'memos', file: () => fileName('memos'), text: (csv) => call('export:memos', csv) },
          ]}
          workbook={() => ({
            // The workbook's matrix in the order on screen; the other sheets take the same choices.
            ...args(),
            scope: useAnalysis.getState().scope,
            ...(m ? { order: { rows: [...rows], columns: [...cols] } } : {}),
          })}
        />
      </div>
      <p className="small muted analysis-summary" data-testid="matrix-summary">
        {busy && !m ? t('loading') : m ? t('matrixSummary', { rows: m.rows.length, columns: m.columns.length, measure: measureLabel(t, m.measure) }) : ''}
        {busy && m ? ` ${t('loading')}` : ''}
      </p>
      <div className="analysis-body">
        <div className="analysis-main">
          {m && m.rows.length === 0 && <p className="muted">{t('emptyMatrix')}</p>}
          {m && m.rows.length > 0 && m.columns.length === 0 && <p className="muted">{t('noColumns')}</p>}
          {m && m.rows.length > 0 && m.columns.length > 0 && view === 'table' && (
            <MatrixTable
              m={m}
              rows={rows}
              cols={cols}
              labels={labels}
              colours={colours}
              outline={outline}
              max={max}
              rowSort={rowSort}
              colSort={colSort}
              selected={selected}
              lang={lang}
              t={t}
              onSortRows={onSortRows}
              onSortCols={onSortCols}
              onCell={onCell}
            />
          )}
          {m && m.rows.length > 0 && m.columns.length > 0 && view === 'chart' && (
            <StackedBars m={m} rows={rows} cols={cols} labels={labels} colours={colours} stacked={stacked} lang={lang} t={t} onPick={onCell} />
          )}
        </div>
        <SegmentsPanel />
      </div>
      {report && (
        <ReportDialog
          initial={{ rootId: useAnalysis.getState().rows.rootId, coderIds: useAnalysis.getState().filter.coderIds }}
          onClose={() => setReport(false)}
        />
      )}
    </section>
  )
}
