import { useEffect, useId, useMemo } from 'react'
import { errorMessage } from '../../../shared/i18n/messages'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { suggestionKey } from '../../store/suggestions.slice'
import './suggestions.css'

/** Characters of a suggestion's text shown in the list. */
const SNIPPET = 240

/**
 * Suggestions ("find more like this") for one code, in the open document or all documents:
 * the units the engine ranks most like the coder's segments of the code, best first, with their
 * score. In the list Enter accepts the current one (a coding of the current coder), Delete
 * rejects it (never offered again), Space skips it, ↑/↓ move; the current one is outlined and
 * scrolled to in the viewer, and the list is asked again after every accept or reject.
 */
export function SuggestionsPanel() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const sg = useApp((s) => s.sg)
  const coder = useApp((s) => s.coder)
  const documentId = useApp((s) => s.documentId)
  const documents = useApp((s) => s.documents)
  const codesById = useApp((s) => s.codes.byId)
  const codeOrder = useApp((s) => s.codes.order)
  const codes = useMemo(() => codeOrder.map((id) => codesById[id]!).filter(Boolean), [codeOrder, codesById])
  const store = useApp.getState()
  const base = useId()
  const optionId = (i: number) => `${base}-sg-${i}`
  const items = sg.list?.items ?? []

  // Another document (when only the open one is searched) or another coder: ask again.
  useEffect(() => {
    const s = useApp.getState()
    if (s.sg.codeId !== null && s.sg.scope === 'document') void s.setSuggestionScope('document')
  }, [documentId])
  useEffect(() => {
    const s = useApp.getState()
    if (s.sg.codeId !== null) void s.loadSuggestions()
  }, [coder?.id])

  // The current one stays in view in the list.
  useEffect(() => {
    if (sg.index >= 0) document.getElementById(optionId(sg.index))?.scrollIntoView({ block: 'nearest' })
  }, [sg.index, sg.list])

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (items.length === 0 || e.ctrlKey || e.metaKey || e.altKey) return
    const s = useApp.getState()
    const i = s.sg.index
    let handled = true
    if (e.key === 'Enter') void s.acceptSuggestion()
    else if (e.key === 'Delete' || e.key === 'Backspace') void s.rejectSuggestion()
    else if (e.key === ' ') void s.skipSuggestion()
    else if (e.key === 'ArrowDown') void s.showSuggestion(i + 1)
    else if (e.key === 'ArrowUp') void s.showSuggestion(Math.max(0, i - 1))
    else if (e.key === 'Home') void s.showSuggestion(0)
    else if (e.key === 'End') void s.showSuggestion(items.length - 1)
    else handled = false
    if (handled) e.preventDefault()
  }

  const titleOf = (id: number) => documents.find((d) => d.id === id)?.title ?? String(id)
  const code = sg.codeId !== null ? codesById[sg.codeId] : undefined

  let status: string
  if (sg.codeId === null) status = t('suggestionsChooseCode')
  else if (sg.error) status = errorMessage(sg.error, lang)
  else if (!sg.list) status = t('suggestionsLoading')
  else if (items.length === 0) status = t('suggestionsNone')
  else status = t('suggestionsCount', { count: items.length, segments: sg.list.segments })

  return (
    <section className="panel suggestions" aria-labelledby="suggestions-title">
      <header className="panel-head">
        <h2 id="suggestions-title">{t('suggestionsTitle')}</h2>
      </header>
      <div className="sg-grid small">
        <label htmlFor="sg-code">{t('suggestionsCode')}</label>
        <select id="sg-code" value={sg.codeId ?? ''} onChange={(e) => void store.setSuggestionCode(e.target.value === '' ? null : Number(e.target.value))} data-testid="suggestions-code">
          <option value="">{t('chooseCode')}</option>
          {codes.map((c) => <option key={c.id} value={c.id}>{c.path}</option>)}
        </select>
        <label htmlFor="sg-scope">{t('suggestionsScope')}</label>
        <select id="sg-scope" value={sg.scope} onChange={(e) => void store.setSuggestionScope(e.target.value as 'document' | 'all')} data-testid="suggestions-scope">
          <option value="document" disabled={documentId === null}>{t('suggestionsThisDocument')}</option>
          <option value="all">{t('suggestionsAllDocuments')}</option>
        </select>
      </div>
      <p className="small" role="status" data-testid="suggestions-status">
        {code && <span className="swatch" style={{ backgroundColor: code.colour }} aria-hidden="true" />} {status}
        {sg.busy && sg.list ? ` ${t('suggestionsLoading')}` : ''}
      </p>
      {items.length > 0 && (
        <>
          <p id="suggestions-keys" className="small muted sg-keys">{t('suggestionsKeys')}</p>
          <div className="row sg-actions">
            <button type="button" className="primary" disabled={sg.busy || sg.index < 0 || !coder} onClick={() => void store.acceptSuggestion()} data-testid="suggestion-accept">{t('suggestionAccept')}</button>
            <button type="button" disabled={sg.busy || sg.index < 0 || !coder} onClick={() => void store.rejectSuggestion()} data-testid="suggestion-reject">{t('suggestionReject')}</button>
            <button type="button" disabled={sg.index < 0 || sg.index >= items.length - 1} onClick={() => void store.skipSuggestion()} data-testid="suggestion-skip">{t('suggestionSkip')}</button>
          </div>
          <ul
            className="retrieval-list sg-list"
            role="listbox"
            tabIndex={0}
            aria-labelledby="suggestions-title"
            aria-describedby="suggestions-keys"
            aria-activedescendant={sg.index >= 0 ? optionId(sg.index) : undefined}
            aria-busy={sg.busy}
            onKeyDown={onKeyDown}
            data-testid="suggestions-list"
          >
            {items.map((s, i) => (
              <li
                key={suggestionKey(s)}
                id={optionId(i)}
                role="option"
                aria-selected={i === sg.index}
                className={`sg-item${i === sg.index ? ' active' : ''}`}
                data-suggestion={suggestionKey(s)}
                onClick={() => void store.showSuggestion(i)}
              >
                <span className="sg-head small">
                  <span className="where grow">
                    <span className="where-doc">{titleOf(s.documentId)}</span>
                    <span>· {t('pageN', { page: s.page })}</span>
                  </span>
                  <span className="sg-score" title={t('suggestionScore')} data-testid="suggestion-score">{s.score.toFixed(2)}</span>
                </span>
                <span className="snippet">{flat(s.text).slice(0, SNIPPET)}{s.text.length > SNIPPET ? '…' : ''}</span>
              </li>
            ))}
          </ul>
          {sg.list && <p className="small muted">{t('suggestionsMethod', { method: sg.list.method })}</p>}
        </>
      )}
    </section>
  )
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
