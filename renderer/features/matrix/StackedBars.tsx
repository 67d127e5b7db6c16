import { useMemo } from 'react'
import type { MatrixResult } from '../../../shared/analysis-types'
import type { Lang } from '../../../shared/i18n/messages'
import type { TranslateA } from '../../i18n/analysis-strings'
import { integer, matrixValue, percent } from '../analysis/format'
import type { CellRef } from './MatrixTable'

interface Props {
  m: MatrixResult
  rows: readonly number[]
  cols: readonly number[]
  labels: readonly string[]
  colours: ReadonlyMap<number, string>
  /** Rows that go into the bars (see stackRows). */
  stacked: ReadonlySet<number>
  lang: Lang
  t: TranslateA
  onPick(cell: CellRef): void
}

const WIDTH = 960
const LABEL_W = 230
const VALUE_W = 70
const BAR_H = 18
const GAP = 6
const TOP = 26
const LABEL_CHARS = 34

/** 0, and a few round steps up to at least `max`. */
function ticks(max: number): number[] {
  if (max <= 0) return [0]
  const raw = max / 5
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw
  const out: number[] = []
  for (let v = 0; v <= max + step * 0.001; v += step) out.push(v)
  if (out[out.length - 1]! < max) out.push(out[out.length - 1]! + step)
  return out
}

function short(label: string): string {
  return label.length <= LABEL_CHARS ? label : label.slice(0, LABEL_CHARS - 1) + '…'
}

/**
 * The matrix as horizontal stacked bars: one bar per column (case, document, …), one piece
 * per code in its colour, in the order of the table. Drawn as SVG here; a click on a piece
 * lists its segments as a click on the cell does.
 */
export function StackedBars({ m, rows, cols, labels, colours, stacked, lang, t, onPick }: Props) {
  const layout = useMemo(() => {
    const bars = cols.map((j) => {
      let x = 0
      const pieces: { i: number; x: number; v: number }[] = []
      for (const i of rows) {
        const v = m.values[i]![j]
        if (!stacked.has(i) || v === null || v === undefined || v <= 0) continue
        pieces.push({ i, x, v })
        x += v
      }
      return { j, sum: x, pieces }
    })
    const max = Math.max(0, ...bars.map((b) => b.sum))
    const scale = ticks(max)
    const top = scale[scale.length - 1]!
    const legend = rows.filter((i) => stacked.has(i) && cols.some((j) => (m.values[i]![j] ?? 0) > 0))
    return { bars, top, scale, legend }
  }, [m, rows, cols, stacked])

  const fmtAxis = (v: number) => (m.measure === 'coverage' ? percent(lang, v, 0) : integer(lang, v))
  const fmtSum = (v: number) => (m.measure === 'coverage' ? percent(lang, v) : integer(lang, v))
  const plotW = WIDTH - LABEL_W - VALUE_W
  const x = (v: number) => LABEL_W + (layout.top > 0 ? (v / layout.top) * plotW : 0)
  const height = TOP + cols.length * (BAR_H + GAP) + 8
  const measureName = t(m.measure === 'segments' ? 'measureSegments' : m.measure === 'documents' ? 'measureDocuments' : m.measure === 'coverage' ? 'measureCoverage' : 'measurePresence')

  if (layout.top === 0) return <p className="muted chart-empty">{t('chartEmpty')}</p>

  return (
    <figure className="chart" data-testid="chart">
      <figcaption className="small">
        <strong>{t('chartTitle', { measure: measureName })}</strong>
        {m.rollup && <span className="muted"> {t('chartRollupNote')}</span>}
        {m.measure === 'coverage' && <span className="muted"> {t('chartCoverageNote')}</span>}
      </figcaption>
      <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={t('chartTitle', { measure: measureName })}>
        <g className="chart-axis">
          {layout.scale.map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={TOP - 6} y2={height - 6} className="chart-grid" />
              <text x={x(v)} y={TOP - 10} textAnchor="middle" className="chart-tick">{fmtAxis(v)}</text>
            </g>
          ))}
        </g>
        {layout.bars.map((b, k) => {
          const y = TOP + k * (BAR_H + GAP)
          return (
            <g key={b.j} className="chart-bar" data-col={b.j}>
              <text x={LABEL_W - 8} y={y + BAR_H / 2} textAnchor="end" dominantBaseline="central" className="chart-label">
                <title>{labels[b.j]}</title>
                {short(labels[b.j]!)}
              </text>
              {b.pieces.map((p) => (
                <rect
                  key={p.i}
                  x={x(p.x)}
                  y={y}
                  width={Math.max(0.5, x(p.x + p.v) - x(p.x))}
                  height={BAR_H}
                  fill={colours.get(m.rows[p.i]!.codeId) ?? '#999999'}
                  className="chart-piece"
                  data-testid="chart-piece"
                  data-r={p.i}
                  data-c={b.j}
                  onClick={() => onPick({ i: p.i, j: b.j })}
                >
                  <title>{`${m.rows[p.i]!.path} × ${labels[b.j]}: ${matrixValue(lang, m.measure, p.v)}`}</title>
                </rect>
              ))}
              <text x={x(b.sum) + 6} y={y + BAR_H / 2} dominantBaseline="central" className="chart-sum">{fmtSum(b.sum)}</text>
            </g>
          )
        })}
      </svg>
      <ul className="chart-legend small" aria-label={t('code')}>
        {layout.legend.map((i) => (
          <li key={i}>
            <span className="swatch" style={{ backgroundColor: colours.get(m.rows[i]!.codeId) ?? '#999999' }} /> {m.rows[i]!.path}
          </li>
        ))}
      </ul>
    </figure>
  )
}
