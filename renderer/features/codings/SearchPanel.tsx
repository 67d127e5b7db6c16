import { useMemo, useState } from 'react'
import type { SearchHit } from '../../../shared/types'
import { useListbox } from '../../hooks/use-listbox'
import { useT } from '../../i18n'
import { useApp } from '../../store'

interface PageHits {
  documentId: number
  documentTitle: string
  page: number
  snippet: string
  hits: SearchHit[]
}

/** Full-text search across all documents (FTS5); one row per page with hits, a click goes there. */
export function SearchPanel() {
  const t = useT()
  const search = useApp((s) => s.search)
  const [query, setQuery] = useState(search.query)
  const groups = useMemo(() => {
    const out: PageHits[] = []
    for (const h of search.hits) {
      const last = out[out.length - 1]
      if (last && last.documentId === h.documentId && last.page === h.page) last.hits.push(h)
      else out.push({ documentId: h.documentId, documentTitle: h.documentTitle, page: h.page, snippet: h.snippet, hits: [h] })
    }
    return out
  }, [search.hits])
  const open = (g: PageHits) =>
    void useApp.getState().jumpTo({ documentId: g.documentId, page: g.page, ranges: g.hits.map((h) => ({ start: h.start, end: h.end })) })
  const { listProps, optionProps } = useListbox(groups.length, (i) => groups[i] && open(groups[i]!))

  return (
    <section className="panel search" aria-labelledby="search-title">
      <header className="panel-head">
        <h2 id="search-title">{t('searchAll')}</h2>
      </header>
      <form
        role="search"
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          void useApp.getState().runSearch(query)
        }}
      >
        <input
          id="search-input"
          type="search"
          className="grow"
          value={query}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchAll')}
          data-testid="search-input"
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" disabled={query.trim() === '' || search.busy}>{t('search')}</button>
      </form>
      {search.done !== '' && (
        <p className="small muted" role="status" data-testid="search-status">
          {search.hits.length === 0 ? t('searchNone', { query: search.done }) : t('searchCount', { hits: search.hits.length, pages: groups.length, query: search.done })}
        </p>
      )}
      {groups.length > 0 && (
        <ul className="retrieval-list" aria-labelledby="search-title" {...listProps} data-testid="search-results">
          {groups.map((g, i) => {
            const o = optionProps(i, false)
            return (
              <li key={`${g.documentId}-${g.page}`} {...o} className={`retrieval-item${o.className ? ' active' : ''}`}>
                <span className="where small muted">
                  <span className="where-doc">{g.documentTitle}</span>
                  <span>· {t('pageN', { page: g.page })}{g.hits.length > 1 ? ` · ${t('nHits', { count: g.hits.length })}` : ''}</span>
                </span>
                <span className="snippet">{renderSnippet(g.snippet)}</span>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/** FTS5's snippet marks matches with [ and ]: show them marked. */
function renderSnippet(snippet: string): React.ReactNode[] {
  const parts = snippet.replace(/\s+/g, ' ').split(/(\[[^\]]*\])/)
  return parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))
}
