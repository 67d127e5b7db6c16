import { useMemo } from 'react'
import type { SaturationResult } from '../../../shared/analysis-types'
import { call } from '../../api/client'
import { useTA } from '../../i18n/analysis-strings'
import { fileName } from '../../io/download'
import { useApp } from '../../store'
import { apiFilter, apiRows, useAnalysis } from '../../store/analysis.slice'
import { CodeRowsChooser } from '../analysis/CodeRowsChooser'
import { CsvMenu } from '../analysis/CsvMenu'
import { FilterControls } from '../analysis/FilterControls'
import { integer } from '../analysis/format'

const WIDTH = 720
const HEIGHT = 260
const PAD = { left: 44, right: 16, top: 12, bottom: 34 }

/** Points of a cumulative count over the documents, in the chart's coordinates. */
function line(values: readonly number[], max: number): string {
  const n = values.length
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * (WIDTH - PAD.left - PAD.right))
  const y = (v: number) => HEIGHT - PAD.bottom - (max === 0 ? 0 : (v / max) * (HEIGHT - PAD.top - PAD.bottom))
  return values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')
}

/** The two cumulative curves (codes, code × case cells) over the documents in coding order. */
function SaturationChart({ s }: { s: SaturationResult }) {
  const t = useTA()
  const codes = s.documents.map((d) => d.totalCodes)
  const cells = s.documents.map((d) => d.totalCells)
  const max = Math.max(1, ...codes, ...cells)
  const ticks = [0, Math.round(max / 2), max]
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom)
  return (
    <figure className="saturation-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('saturationChart')} data-testid="saturation-chart">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick">{v}</text>
          </g>
        ))}
        <text x={(WIDTH + PAD.left) / 2} y={HEIGHT - 8} textAnchor="middle" className="tick">{t('saturationOrder')} (1–{s.documents.length})</text>
        <polyline points={line(cells, max)} className="curve cells" data-testid="saturation-cells" />
        <polyline points={line(codes, max)} className="curve codes" data-testid="saturation-codes" />
      </svg>
      <figcaption className="small">
        <span className="key codes" /> {t('saturationCodes')} <span className="key cells" /> {t('saturationCells')}
      </figcaption>
    </figure>
  )
}

/** New codes and code × case cells per document, in the order the documents were coded. */
export function SaturationView() {
  const t = useTA()
  const lang = useApp((s) => s.lang)
  const s = useAnalysis((x) => x.saturation)
  const args = () => {
    const a = useAnalysis.getState()
    const f = apiFilter(a.filter)
    return { ...apiRows(a.rows), ...(f ? { filter: f } : {}) }
  }
  const dates = useMemo(() => new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }), [lang])

  return (
    <section className="analysis-view" aria-label={t('tabSaturation')}>
      <div className="toolbar analysis-toolbar">
        <CodeRowsChooser />
        <FilterControls />
        <span className="spacer" />
        <CsvMenu
          actions={[{ label: t('exportSaturation'), testId: 'export-saturation', sheet: 'saturation', file: () => fileName('saturation'), text: (csv) => call('export:saturation', { ...args(), ...csv }) }]}
          workbook={args}
        />
      </div>
      <p className="small muted analysis-summary">{t('saturationHelp')}</p>
      <div className="analysis-body single">
        <div className="analysis-main">
          {s && s.documents.length === 0 && <p className="muted">{t('saturationEmpty')}</p>}
          {s && s.documents.length > 0 && (
            <>
              <SaturationChart s={s} />
              <table className="mx saturation-table" data-testid="saturation">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('document')}</th>
                    <th scope="col">{t('case')}</th>
                    <th scope="col">{t('saturationFirstCoded')}</th>
                    <th scope="col" className="num">{t('saturationNewCodes')}</th>
                    <th scope="col" className="num">{t('saturationCodes')}</th>
                    <th scope="col" className="num">{t('saturationNewCells')}</th>
                    <th scope="col" className="num">{t('saturationCells')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.documents.map((d, i) => (
                    <tr key={d.documentId} data-document-id={d.documentId}>
                      <td className="num">{i + 1}</td>
                      <th scope="row">{d.title}</th>
                      <td>{d.caseName ?? '—'}</td>
                      <td>{dates.format(new Date(d.firstCoded))}</td>
                      <td className="num" title={d.newCodePaths.join('\n')}>{d.newCodes > 0 ? `+${integer(lang, d.newCodes)}` : ''}</td>
                      <td className="num">{integer(lang, d.totalCodes)}</td>
                      <td className="num">{d.newCells > 0 ? `+${integer(lang, d.newCells)}` : ''}</td>
                      <td className="num">{integer(lang, d.totalCells)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      </div>
    </section>
  )
}
