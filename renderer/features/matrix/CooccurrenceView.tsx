import { useCallback, useMemo, useState } from 'react'
import type { CooccurrenceResult, CooccurrenceScope } from '../../../shared/analysis-types'
import type { CodingRow } from '../../../shared/types'
import { call } from '../../api/client'
import { useTA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { apiFilter, apiRows, subtreeOf, useAnalysis } from '../../store/analysis.slice'
import { CodeRowsChooser, useCodeOutline } from '../analysis/CodeRowsChooser'
import { CsvMenu } from '../analysis/CsvMenu'
import { fileName } from '../../io/download'
import { FilterControls } from '../analysis/FilterControls'
import { heatClass, integer } from '../analysis/format'
import { cooccurrenceOrder } from './matrix-model'
import { SegmentsPanel } from '../analysis/SegmentsPanel'

/** The largest value off the diagonal: the top of the shading (the diagonal would drown it). */
function offDiagonalMax(c: CooccurrenceResult): number {
  let max = 0
  c.values.forEach((row, i) => row.forEach((v, j) => {
    if (i !== j && v > max) max = v
  }))
  return max
}

/**
 * The codings that make a co-occurrence cell, within each coder's own work (as the core counts
 * it): with `overlap`, codings of either code that overlap one of the other's by the same coder;
 * with `document` or `case`, a coder's codings of both codes in the documents (cases) where that
 * coder used both.
 */
export function cooccurringRows(rows: CodingRow[], a: ReadonlySet<number>, b: ReadonlySet<number>, scope: CooccurrenceScope, caseOf: (documentId: number) => number | null): CodingRow[] {
  const ofA = rows.filter((r) => a.has(r.codeId))
  const ofB = rows.filter((r) => b.has(r.codeId))
  if (scope === 'overlap') {
    const text = (r: CodingRow) => r.kind === 'text'
    const keep = new Set<number>()
    for (const x of ofA.filter(text)) {
      for (const y of ofB.filter(text)) {
        if (x.id !== y.id && x.coderId === y.coderId && x.documentId === y.documentId && x.start < y.end && y.start < x.end) {
          keep.add(x.id)
          keep.add(y.id)
        }
      }
    }
    return rows.filter((r) => keep.has(r.id))
  }
  const where = (r: CodingRow) => (scope === 'document' ? r.documentId : caseOf(r.documentId))
  const unit = (r: CodingRow) => (where(r) === null ? null : `${r.coderId}:${where(r)}`)
  const inB = new Set(ofB.map(unit))
  const both = new Set(ofA.map(unit).filter((u) => u !== null && inB.has(u)))
  return rows.filter((r) => (a.has(r.codeId) || b.has(r.codeId)) && both.has(unit(r)))
}

/** Code × code: where codes overlap, or share documents or cases; a cell lists its codings. */
export function CooccurrenceView() {
  const t = useTA()
  const lang = useApp((s) => s.lang)
  const codes = useApp((s) => s.codes.byId)
  const c = useAnalysis((s) => s.cooccurrence)
  const scope = useAnalysis((s) => s.scope)
  const [selected, setSelected] = useState<{ i: number; j: number } | null>(null)
  // Rows and columns in the codebook's order, or by how much each code co-occurs.
  const [byStrength, setByStrength] = useState(false)
  const order = useMemo(() => (!c ? [] : byStrength ? cooccurrenceOrder(c.values) : c.rows.map((_, i) => i)), [c, byStrength])
  const max = useMemo(() => (c ? offDiagonalMax(c) : 0), [c])
  const codeOutline = useCodeOutline()
  const outline = useMemo(() => new Map(codeOutline.map((x) => [x.id, x])), [codeOutline])

  const onClick = useCallback(
    (e: React.MouseEvent) => {
      const td = (e.target as HTMLElement).closest<HTMLElement>('td[data-c]')
      const tr = td?.closest<HTMLElement>('tr[data-r]')
      if (!c || !td || !tr) return
      const i = Number(tr.dataset.r)
      const j = Number(td.dataset.c)
      setSelected({ i, j })
      const ri = c.rows[i]!
      const rj = c.rows[j]!
      const a = new Set(c.rollup ? subtreeOf(ri.codeId) : [ri.codeId])
      const b = new Set(c.rollup ? subtreeOf(rj.codeId) : [rj.codeId])
      const docs = useApp.getState().documents
      const caseOf = (id: number) => docs.find((d) => d.id === id)?.caseId ?? null
      const f = useAnalysis.getState().filter
      void useAnalysis.getState().showSegments({
        title: i === j ? ri.path : `${ri.path} × ${rj.path}`,
        codeIds: [...new Set([...a, ...b])],
        coderIds: f.coderIds,
        documentIds: null,
        keep: i === j ? (rows) => rows.filter((r) => a.has(r.codeId) && (c.scope !== 'overlap' || r.kind === 'text')) : (rows) => cooccurringRows(rows, a, b, c.scope, caseOf),
      })
    },
    [c],
  )

  const args = () => {
    const s = useAnalysis.getState()
    const f = apiFilter(s.filter)
    return { scope: s.scope, ...apiRows(s.rows), ...(f ? { filter: f } : {}) }
  }
  const help = scope === 'overlap' ? t('cooccurrenceHelpOverlap') : scope === 'document' ? t('cooccurrenceHelpDocument') : t('cooccurrenceHelpCase')
  // Every cell is a sum over the coders in scope (the chosen ones, else all): say so.
  const chosenCoders = useAnalysis((s) => s.filter.coderIds.length)
  const allCoders = useApp((s) => s.coders.length)
  const codersInScope = chosenCoders > 0 ? chosenCoders : allCoders

  return (
    <section className="analysis-view" aria-label={t('tabCooccurrence')}>
      <div className="toolbar analysis-toolbar">
        <CodeRowsChooser />
        <label className="opt">
          <span>{t('scope')}</span>
          <select value={scope} onChange={(e) => useAnalysis.getState().setScope(e.target.value as CooccurrenceScope)} data-testid="cooc-scope">
            <option value="overlap">{t('scopeOverlap')}</option>
            <option value="document">{t('scopeDocument')}</option>
            <option value="case">{t('scopeCase')}</option>
          </select>
        </label>
        <FilterControls />
        <label className="check-inline">
          <input type="checkbox" checked={byStrength} onChange={(e) => setByStrength(e.target.checked)} data-testid="cooc-order" />
          <span>{t('cooccurrenceOrder')}</span>
        </label>
        <span className="spacer" />
        <CsvMenu
          actions={[{ label: t('exportCooccurrence'), testId: 'export-cooccurrence', sheet: 'cooccurrence', file: () => fileName('cooccurrence', scope), text: (csv) => call('export:cooccurrence', { ...args(), ...csv }) }]}
          workbook={args}
        />
      </div>
      <p className="small muted analysis-summary">
        {help}
        {codersInScope > 1 && <span data-testid="cooc-summed"> {t('cooccurrenceSummed', { n: codersInScope })}</span>}
      </p>
      <div className="analysis-body">
        <div className="analysis-main">
          {c && c.rows.length === 0 && <p className="muted">{t('emptyMatrix')}</p>}
          {c && c.rows.length > 0 && (
            <div className="mx-scroll" data-testid="cooc-scroll" tabIndex={0} role="region" aria-label={t('tabCooccurrence')}>
              <table className="mx cooc" data-testid="cooccurrence">
                <thead>
                  <tr>
                    <th scope="col" className="mx-corner">{t('code')}</th>
                    {order.map((j) => c.rows[j]!).map((r) => (
                      <th key={r.codeId} scope="col" className="mx-col-head" title={r.path} data-code-id={r.codeId}>
                        <span className="mx-vlabel">
                          <span className="swatch" style={{ backgroundColor: codes[r.codeId]?.colour ?? '#999999' }} /> {r.path.slice(r.path.lastIndexOf('/') + 1)}
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody onClick={onClick}>
                  {order.map((i) => {
                    const r = c.rows[i]!
                    const o = byStrength ? undefined : outline.get(r.codeId)
                    return (
                      <tr key={r.codeId} data-r={i}>
                        <th scope="row" className={`mx-row-head${(o?.depth ?? 0) === 0 ? ' top' : ''}`} title={r.path}>
                          <span className="mx-sort static">
                            <span className="mx-indent" style={o && o.depth > 0 ? { width: o.depth * 14 } : undefined} />
                            <span className="swatch" style={{ backgroundColor: codes[r.codeId]?.colour ?? '#999999' }} />
                            <span className="mx-path">{o?.name ?? r.path}</span>
                          </span>
                        </th>
                        {order.map((j) => {
                          const v = c.values[i]![j]!
                          const sel = selected?.i === i && selected.j === j
                          return (
                            <td
                              key={j}
                              data-c={j}
                              data-value={v}
                              className={`mx-cell${i === j ? ' diagonal' : heatClass(v, max)}${v === 0 ? ' zero' : ''}${sel ? ' sel' : ''}`}
                            >
                              {integer(lang, v)}
                            </td>
                          )
                        })}
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <SegmentsPanel />
      </div>
    </section>
  )
}
