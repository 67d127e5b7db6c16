import type { CodingRow } from '../../../shared/types'
import { useTA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { useAnalysis } from '../../store/analysis.slice'
import { jumpToCoding } from './jump'

const QUOTE_MAX = 280

function cut(quote: string): string {
  // Line breaks of the PDF's layout mean nothing in a list: one line of text, page breaks included.
  const q = quote.replace(/\s+/g, ' ').trim()
  return q.length <= QUOTE_MAX ? q : q.slice(0, QUOTE_MAX / 2 - 1) + ' … ' + q.slice(q.length - QUOTE_MAX / 2 + 2)
}

/** The codings behind a chosen cell: quote, document, page and coder; a click goes to the passage. */
export function SegmentsPanel() {
  const t = useTA()
  const list = useAnalysis((s) => s.segments)
  const colours = useApp((s) => s.codes.byId)
  if (!list) {
    return (
      <aside className="segments-panel empty" data-testid="segments">
        <p className="muted small">{t('segmentsPick')}</p>
      </aside>
    )
  }
  const count = list.rows.length
  return (
    <aside className="segments-panel" aria-labelledby="segments-title" data-testid="segments">
      <header className="panel-head">
        <h2 id="segments-title">{t('segmentsTitle')}</h2>
        <button type="button" className="link" onClick={() => useAnalysis.getState().closeSegments()} aria-label={t('close')}>×</button>
      </header>
      <p className="small segments-what" data-testid="segments-title">{list.title}</p>
      <p className="small muted" data-testid="segments-count">
        {list.busy ? t('loading') : count === 0 ? t('segmentsNone') : count === 1 ? t('segmentsOne') : t('segmentsCount', { count })}
      </p>
      <ul className="segment-list">
        {list.rows.map((r: CodingRow) => (
          <li key={r.id}>
            <button type="button" className="segment-item" onClick={() => void jumpToCoding(r)} title={t('jump')} data-testid="segment-item" data-coding-id={r.id}>
              <span className="seg-doc small">{r.documentTitle}</span>
              <span className="small muted">
                {[r.caseName, r.pageFrom === r.pageTo ? t('pageN', { page: r.pageFrom }) : t('pagesN', { from: r.pageFrom, to: r.pageTo }), r.coderName].filter(Boolean).join(' · ')}
              </span>
              <span className="small code-path">
                <span className="swatch" style={{ backgroundColor: colours[r.codeId]?.colour ?? '#999999' }} /> {r.codePath}
              </span>
              <span className="snippet">
                {r.kind === 'area' && <span className="badge">{t('area')}</span>}
                {cut(r.quote)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  )
}
