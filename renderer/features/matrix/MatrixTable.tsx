import { memo, useCallback, useRef } from 'react'
import type { MatrixResult } from '../../../shared/analysis-types'
import type { Lang } from '../../../shared/i18n/messages'
import type { TranslateA } from '../../i18n/analysis-strings'
import { heatClass, matrixValue } from '../analysis/format'
import { columnKey, type Sort } from './matrix-model'

export interface CellRef {
  i: number
  j: number
}

interface Props {
  m: MatrixResult
  rows: readonly number[]
  cols: readonly number[]
  /** Column labels as shown (the core's `(none)` translated). */
  labels: readonly string[]
  colours: ReadonlyMap<number, string>
  /** Name and depth in the codebook of each row's code (the path is the fallback). */
  outline: ReadonlyMap<number, { name: string; depth: number }>
  max: number
  rowSort: Sort | null
  colSort: Sort | null
  selected: CellRef | null
  lang: Lang
  t: TranslateA
  onSortRows(key: string): void
  onSortCols(key: string): void
  onCell(cell: CellRef): void
}

function ariaSort(sort: Sort | null, key: string): 'ascending' | 'descending' | undefined {
  return sort?.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
}

function arrow(sort: Sort | null, key: string): string {
  return sort?.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''
}

interface RowProps {
  m: MatrixResult
  i: number
  cols: readonly number[]
  colour: string
  name: string
  depth: number
  max: number
  lang: Lang
  /** The selected column on this row, else -1 (so other rows keep their memo). */
  selectedCol: number
  sortDir: 'ascending' | 'descending' | undefined
  sortMark: string
  sortTitle: string
  onSortCols(key: string): void
}

/** One code's row: its heading (a click sorts the columns by it), its cells, its total. */
const MatrixRow = memo(function MatrixRow({ m, i, cols, colour, name, depth, max, lang, selectedCol, sortDir, sortMark, sortTitle, onSortCols }: RowProps) {
  const row = m.rows[i]!
  const values = m.values[i]!
  return (
    <tr data-r={i} data-code-id={row.codeId}>
      <th scope="row" className={`mx-row-head${depth === 0 ? ' top' : ''}`} aria-sort={sortDir} title={row.path}>
        <button type="button" className="mx-sort" onClick={() => onSortCols(String(row.codeId))} title={sortTitle}>
          <span className="mx-indent" style={depth > 0 ? { width: depth * 14 } : undefined} />
          <span className="swatch" style={{ backgroundColor: colour }} />
          <span className="mx-path">{name}</span>
          <span className="mx-arrow">{sortMark}</span>
        </button>
      </th>
      {cols.map((j) => {
        const v = values[j]
        const areas = m.areas?.values[i]![j] ?? 0
        return (
          <td
            key={j}
            data-c={j}
            data-value={v ?? ''}
            className={`mx-cell${heatClass(v, max)}${v === 0 && areas === 0 ? ' zero' : ''}${areas > 0 ? ' has-areas' : ''}${j === selectedCol ? ' sel' : ''}`}
          >
            {matrixValue(lang, m.measure, v, areas)}
          </td>
        )
      })}
      <td className="mx-total" data-value={m.rowTotals[i] ?? ''}>{matrixValue(lang, m.measure, m.rowTotals[i], m.areas?.rowTotals[i])}</td>
    </tr>
  )
})

/**
 * The matrix as a plain table: sticky headings on top and left, shaded cells, totals. One
 * click handler for all cells; rows are memoised so a sort or a selection re-renders little.
 */
export function MatrixTable(props: Props) {
  const { m, rows, cols, labels, colours, outline, max, rowSort, colSort, selected, lang, t, onSortRows, onSortCols, onCell } = props
  const scrollRef = useRef<HTMLDivElement>(null)

  const onClick = useCallback(
    (e: React.MouseEvent) => {
      const td = (e.target as HTMLElement).closest<HTMLElement>('td[data-c]')
      const tr = td?.closest<HTMLElement>('tr[data-r]')
      if (td && tr) onCell({ i: Number(tr.dataset.r), j: Number(td.dataset.c) })
    },
    [onCell],
  )

  // Arrow keys move the chosen cell in the order shown; Enter (or the move itself) lists its segments.
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter'].includes(e.key)) return
      if ((e.target as HTMLElement).closest('button')) return
      e.preventDefault()
      if (rows.length === 0 || cols.length === 0) return
      const ri = selected ? Math.max(0, rows.indexOf(selected.i)) : 0
      const ci = selected ? Math.max(0, cols.indexOf(selected.j)) : 0
      let r = ri
      let c = ci
      if (e.key === 'ArrowUp') r = Math.max(0, ri - 1)
      if (e.key === 'ArrowDown') r = Math.min(rows.length - 1, ri + 1)
      if (e.key === 'ArrowLeft') c = Math.max(0, ci - 1)
      if (e.key === 'ArrowRight') c = Math.min(cols.length - 1, ci + 1)
      const cell = { i: rows[r]!, j: cols[c]! }
      onCell(cell)
      requestAnimationFrame(() => scrollRef.current?.querySelector(`tr[data-r="${cell.i}"] td[data-c="${cell.j}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }))
    },
    [rows, cols, selected, onCell],
  )

  return (
    <div className="mx-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} data-testid="matrix-scroll">
      <table className="mx" data-testid="matrix" data-measure={m.measure}>
        <thead>
          <tr>
            <th scope="col" className="mx-corner" aria-sort={ariaSort(rowSort, 'label')}>
              <button type="button" className="mx-sort" onClick={() => onSortRows('label')} title={t('sortByCode')} data-testid="sort-label">
                {t('code')}
                {arrow(rowSort, 'label')}
              </button>
            </th>
            {cols.map((j) => {
              const key = columnKey(m.columns[j]!)
              return (
                <th key={key} scope="col" className="mx-col-head" aria-sort={ariaSort(rowSort, key)} data-col-key={key}>
                  <button type="button" className="mx-sort" onClick={() => onSortRows(key)} title={t('sortRows', { name: labels[j]! })}>
                    <span className="mx-vlabel">
                      {labels[j]}
                      {arrow(rowSort, key)}
                    </span>
                  </button>
                </th>
              )
            })}
            <th scope="col" className="mx-col-head mx-total" aria-sort={ariaSort(rowSort, 'total')}>
              <button type="button" className="mx-sort" onClick={() => onSortRows('total')} title={t('sortRows', { name: t('total') })} data-testid="sort-total">
                <span className="mx-vlabel">
                  {t('total')}
                  {arrow(rowSort, 'total')}
                </span>
              </button>
            </th>
          </tr>
        </thead>
        <tbody onClick={onClick}>
          {rows.map((i) => {
            const row = m.rows[i]!
            const o = outline.get(row.codeId)
            return (
              <MatrixRow
                key={row.codeId}
                m={m}
                i={i}
                cols={cols}
                colour={colours.get(row.codeId) ?? '#999999'}
                name={o?.name ?? row.path}
                depth={o?.depth ?? 0}
                max={max}
                lang={lang}
                selectedCol={selected?.i === i ? selected.j : -1}
                sortDir={ariaSort(colSort, String(row.codeId))}
                sortMark={arrow(colSort, String(row.codeId))}
                sortTitle={t('sortColumns', { name: row.path })}
                onSortCols={onSortCols}
              />
            )
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="mx-row-head">
              <button type="button" className="mx-sort" onClick={() => onSortCols('total')} title={t('sortColumns', { name: t('total') })} data-testid="sort-columns-total">
                {t('total')}
                {arrow(colSort, 'total')}
              </button>
            </th>
            {cols.map((j) => (
              <td key={j} className="mx-total" data-value={m.columnTotals[j] ?? ''}>{matrixValue(lang, m.measure, m.columnTotals[j], m.areas?.columnTotals[j])}</td>
            ))}
            <td className="mx-total mx-grand" data-value={m.total ?? ''} data-testid="matrix-total">{matrixValue(lang, m.measure, m.total, m.areas?.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
