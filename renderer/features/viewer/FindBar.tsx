import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { useApp } from '../../store'

/** Find in document (Ctrl+F): Enter or F3 goes to the next hit, Shift+Enter back, Escape closes. */
export function FindBar() {
  const t = useT()
  const find = useApp((s) => s.find)
  const [query, setQuery] = useState(find?.query ?? '')
  const inputRef = useRef<HTMLInputElement>(null)
  const store = useApp.getState()

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  // Search as the reader types, a moment after the last key.
  useEffect(() => {
    if (query === (useApp.getState().find?.query ?? '')) return
    const timer = setTimeout(() => useApp.getState().setFindQuery(query), 150)
    return () => clearTimeout(timer)
  }, [query])

  if (!find) return null
  const count = find.hits.length
  const status = find.query.trim() === '' ? '' : count === 0 ? t('findNone') : t('findCount', { index: find.index + 1, count: count >= 5000 ? '5000+' : count })

  const step = (delta: number) => {
    if (query !== find.query) store.setFindQuery(query)
    else store.findStep(delta)
  }

  return (
    <div className="toolbar find-bar" role="search" aria-label={t('findInDocument')}>
      <input
        ref={inputRef}
        id="find-input"
        type="search"
        value={query}
        placeholder={t('findPlaceholder')}
        aria-label={t('findInDocument')}
        data-testid="find-input"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'F3') {
            e.preventDefault()
            step(e.shiftKey ? -1 : 1)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            store.closeFind()
          }
        }}
      />
      <button type="button" onClick={() => step(-1)} disabled={count === 0} aria-label={t('findPrevious')} title={`${t('findPrevious')} (Shift+Enter)`}>↑</button>
      <button type="button" onClick={() => step(1)} disabled={count === 0} aria-label={t('findNext')} title={`${t('findNext')} (Enter)`}>↓</button>
      <span className="small muted find-status" role="status" data-testid="find-status">{status}</span>
      <span className="spacer" />
      <button type="button" className="link" onClick={() => store.closeFind()} aria-label={t('close')}>×</button>
    </div>
  )
}
