import type { CodingRow } from '../../../shared/types'
import { CodePathLabel } from '../../components/CodePathLabel'
import { OriginTag } from '../../components/OriginTag'
import { useListbox } from '../../hooks/use-listbox'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { showQuote } from './CodingPanel'
import { RetrievalExportMenu } from '../report/RetrievalExport'

/** The longest quote shown in full; longer ones are cut in the middle of the list. */
const QUOTE_MAX = 240

/** Jumps to a coding: its document, the place on its page, selected and flashed. */
export function jumpToCoding(r: CodingRow): Promise<void> {
  return useApp.getState().jumpTo({
    documentId: r.documentId,
    page: r.pageFrom,
    codingId: r.id,
    ...(r.kind === 'area' ? { rects: r.rects } : { ranges: [{ start: r.start, end: r.end }], rects: r.rects.slice(0, 1) }),
  })
}

/** Every coding of the chosen code (optionally its subcodes too), across documents; a click goes there. */
export function RetrievalList() {
  const t = useT()
  const codeId = useApp((s) => s.retrievalCodeId)
  const code = useApp((s) => (s.retrievalCodeId === null ? undefined : s.codes.byId[s.retrievalCodeId]))
  const rows = useApp((s) => s.retrieval)
  const withSubcodes = useApp((s) => s.retrievalSubcodes)
  const selectedId = useApp((s) => s.selectedCodingId)
  const store = useApp.getState()
  const { listProps, optionProps } = useListbox(rows.length, (i) => {
    const r = rows[i]
    if (r) void jumpToCoding(r)
  })

  return (
    <section className="panel retrieval" aria-labelledby="retrieval-title">
      <header className="panel-head">
        <h2 id="retrieval-title">{t('retrieval')}</h2>
        {codeId !== null && <RetrievalExportMenu disabled={rows.length === 0} />}
        {codeId !== null && <button type="button" className="link" onClick={() => void store.showRetrieval(null)} aria-label={t('close')}>×</button>}
      </header>
      <label className="check small">
        <input type="checkbox" checked={withSubcodes} onChange={(e) => void store.setRetrievalSubcodes(e.target.checked)} data-testid="with-subcodes" />
        {t('withSubcodes')}
      </label>
      {codeId === null || !code ? (
        <p className="muted small">{t('retrievalChoose')}</p>
      ) : (
        <>
          <p className="small" data-testid="retrieval-summary">
            <span className="swatch" style={{ backgroundColor: code.colour }} />{' '}
            {t(withSubcodes ? 'retrievalFor' : 'retrievalForOnly', { codings: rows.length === 1 ? t('oneCoding') : t('nCodings', { count: rows.length }), code: code.path })}
          </p>
          {rows.length === 0 && <p className="muted small">{t('retrievalEmpty')}</p>}
          <ul className="retrieval-list" aria-labelledby="retrieval-title" {...listProps} data-testid="retrieval-list">
            {rows.map((r, i) => {
              const o = optionProps(i, r.id === selectedId)
              return (
                <li key={r.id} {...o} className={`retrieval-item${r.id === selectedId ? ' current' : ''}${o.className ? ' active' : ''}`}>
                  <span className="where small" title={`${r.caseName ?? t('noCase')} · ${r.documentTitle}`}>
                    <span className="where-doc">{r.caseName ?? r.documentTitle}</span>
                    {r.caseName && <span className="where-sub muted">· {r.documentTitle}</span>}
                  </span>
                  <span className="small muted where-more">
                    {r.pageFrom === r.pageTo ? t('pageN', { page: r.pageFrom }) : t('pages', { from: r.pageFrom, to: r.pageTo })} · {r.coderName}{' '}
                    <OriginTag origin={r.origin} detail={r.originDetail} />
                  </span>
                  {withSubcodes && r.codeId !== codeId && (
                    <span className="code-path small muted"><span className="swatch" style={{ backgroundColor: useApp.getState().codes.byId[r.codeId]?.colour }} /> <CodePathLabel path={r.codePath} /></span>
                  )}
                  {r.kind === 'area' ? (
                    <span className="snippet"><span className="badge">{t('area')}</span> {r.quote ? showQuote(cut(r.quote)) : ''}</span>
                  ) : (
                    <span className="snippet" data-testid="retrieval-quote">
                      <span className="context">{r.prefix ? '…' + flat(r.prefix) : ''}</span>
                      <mark className="quote-mark">{quoteWithEdges(cut(r.quote))}</mark>
                      <span className="context">{r.suffix ? flat(r.suffix) + '…' : ''}</span>
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}

/** Context on one line, its spaces kept (they separate it from the quote). */
function flat(context: string): string {
  return context.replace(/\s+/g, ' ')
}

/**
 * The quote on one line, as showQuote, but a space at its start or end is kept (one space): the
 * context beside it ends where the quote begins, so " hier" after "…om" must not read "omhier".
 */
export function quoteWithEdges(quote: string): string {
  const body = showQuote(quote)
  if (body === '') return quote === '' ? '' : ' '
  return (/^\s/.test(quote) ? ' ' : '') + body + (/\s$/.test(quote) ? ' ' : '')
}

function cut(quote: string): string {
  if (quote.length <= QUOTE_MAX) return quote
  return quote.slice(0, QUOTE_MAX / 2 - 1) + ' … ' + quote.slice(quote.length - QUOTE_MAX / 2 + 2)
}
