import { useT } from '../../i18n'
import { useApp } from '../../store'
import { showQuote } from './CodingPanel'

/** All codings of the chosen code (subcodes included), across documents; a click goes there. */
export function RetrievalList() {
  const t = useT()
  const codeId = useApp((s) => s.retrievalCodeId)
  const code = useApp((s) => (s.retrievalCodeId === null ? undefined : s.codes.byId[s.retrievalCodeId]))
  const rows = useApp((s) => s.retrieval)
  const selectedId = useApp((s) => s.selectedCodingId)
  const store = useApp.getState()

  return (
    <section className="panel retrieval" aria-labelledby="retrieval-title">
      <header className="panel-head">
        <h2 id="retrieval-title">{t('retrieval')}</h2>
        {codeId !== null && <button type="button" className="link" onClick={() => void store.showRetrieval(null)} aria-label={t('close')}>×</button>}
      </header>
      {codeId === null || !code ? (
        <p className="muted small">{t('retrievalChoose')}</p>
      ) : (
        <>
          <p className="small">
            <span className="swatch" style={{ backgroundColor: code.colour }} /> {t('retrievalFor', { codings: rows.length === 1 ? t('oneCoding') : t('nCodings', { count: rows.length }), code: code.path })}
          </p>
          {rows.length === 0 && <p className="muted small">{t('retrievalEmpty')}</p>}
          <ol className="retrieval-list">
            {rows.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={`retrieval-item${r.id === selectedId ? ' current' : ''}`}
                  onClick={async () => {
                    await store.openDocument(r.documentId, r.pageFrom)
                    store.selectCoding(r.id)
                  }}
                >
                  <span className="where small muted" title={r.documentTitle}>
                    <span className="where-doc">{r.caseName ?? r.documentTitle}</span>
                    <span>· {t('pageN', { page: r.pageFrom })} · {r.coderName}</span>
                  </span>
                  <span className="snippet">{showQuote(r.quote.length > 240 ? r.quote.slice(0, 237) + '…' : r.quote)}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
