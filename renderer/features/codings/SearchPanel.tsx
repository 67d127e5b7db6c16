import { useEffect, useMemo, useState } from 'react'
import { errorMessage } from '../../../shared/i18n/messages'
import { parseQuery, QuerySyntaxError } from '../../../shared/query/query'
import type { QueryHit, SearchUnit, Stemming } from '../../../shared/query/search-types'
import { useListbox } from '../../hooks/use-listbox'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { hitKey } from '../../store/search.slice'
import './search.css'

const UNITS: { value: SearchUnit; key: 'unitHit' | 'unitSentence' | 'unitParagraph' | 'unitPage' }[] = [
  { value: 'hit', key: 'unitHit' },
  { value: 'sentence', key: 'unitSentence' },
  { value: 'paragraph', key: 'unitParagraph' },
  { value: 'page', key: 'unitPage' },
]

/** Context around a hit, at most this many characters each side, on one line. */
const CONTEXT = 60

/**
 * Search and code: the query language across the documents (filters, stemming, what a hit
 * becomes), each hit in context with a tick (all ticked at first), counts per document, a
 * preview of what coding the ticked hits with a code would create, and saved queries. Enter
 * runs; in the list, Space ticks a hit and Enter (or a click) goes there.
 */
export function SearchPanel() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const qs = useApp((s) => s.qs)
  const coder = useApp((s) => s.coder)
  const codesById = useApp((s) => s.codes.byId)
  const codeOrder = useApp((s) => s.codes.order)
  const cases = useApp((s) => s.cases)
  const documents = useApp((s) => s.documents)
  const store = useApp.getState()
  const { form, result, excluded, preview } = qs
  const codes = useMemo(() => codeOrder.map((id) => codesById[id]!).filter(Boolean), [codeOrder, codesById])

  useEffect(() => {
    void useApp.getState().loadSavedQueries()
  }, [])

  // The query is read while it is typed: where and why it cannot be, in words.
  const syntax = useMemo(() => {
    if (form.query.trim() === '') return null
    try {
      parseQuery(form.query)
      return null
    } catch (e) {
      if (e instanceof QuerySyntaxError) return { at: e.at, message: errorMessage({ code: `query-${e.reason}`, params: { column: e.at + 1 } }, lang) }
      throw e
    }
  }, [form.query, lang])

  const hits = result?.hits ?? []
  const ticked = (result?.total ?? 0) - Object.keys(excluded).length
  const newCount = hits.filter((h) => h.isNew).length
  const go = (h: QueryHit) => void useApp.getState().jumpTo({ documentId: h.documentId, page: h.page, ranges: [{ start: h.start, end: h.end }] })
  const { active, listProps, optionProps } = useListbox(hits.length, (i) => hits[i] && go(hits[i]!))
  const titleOf = (id: number) => result?.documents.find((d) => d.documentId === id)?.title ?? documents.find((d) => d.id === id)?.title ?? String(id)

  return (
    <section className="panel search qsearch" aria-labelledby="search-title">
      <header className="panel-head">
        <h2 id="search-title">{t('searchAll')}</h2>
      </header>
      <form
        role="search"
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          if (!syntax) void store.runQuery()
        }}
      >
        <input
          id="search-input"
          type="search"
          className="grow"
          value={form.query}
          placeholder={t('queryPlaceholder')}
          title={t('queryHelp')}
          aria-label={t('queryLabel')}
          aria-invalid={syntax !== null}
          aria-describedby="query-feedback"
          spellCheck={false}
          data-testid="search-input"
          onChange={(e) => store.setQueryForm({ query: e.target.value })}
        />
        <button type="submit" disabled={form.query.trim() === '' || syntax !== null || qs.busy}>{t('search')}</button>
      </form>
      <div id="query-feedback" aria-live="polite">
        {syntax && (
          <div className="query-error" data-testid="query-error">
            <p className="small">{syntax.message}</p>
            <code className="query-where" aria-hidden="true">
              {form.query.slice(0, syntax.at)}
              <span className="query-at">{form.query.slice(syntax.at, syntax.at + 1) || ' '}</span>
              {form.query.slice(syntax.at + 1)}
            </code>
          </div>
        )}
      </div>

      <details className="query-options" open>
        <summary className="small">{t('searchFilters')}</summary>
        <div className="query-grid small">
          <label htmlFor="q-stem">{t('stemming')}</label>
          <select id="q-stem" value={form.stemming} onChange={(e) => store.setQueryForm({ stemming: e.target.value as Stemming })} data-testid="query-stemming">
            <option value="none">{t('stemNone')}</option>
            <option value="nl">{t('stemNl')}</option>
            <option value="en">{t('stemEn')}</option>
          </select>
          <label htmlFor="q-unit">{t('searchUnit')}</label>
          <span className="row">
            <select id="q-unit" className="grow" value={form.unit} onChange={(e) => store.setQueryForm({ unit: e.target.value as SearchUnit })} data-testid="query-unit">
              {UNITS.map((u) => <option key={u.value} value={u.value}>{t(u.key)}</option>)}
            </select>
            <input
              type="number" min={0} max={50} className="extend" value={form.extend} aria-label={t('extendBy')} title={t('extendBy')} data-testid="query-extend"
              onChange={(e) => store.setQueryForm({ extend: Math.max(0, Math.min(50, Math.trunc(Number(e.target.value) || 0))) })}
            />
          </span>
          <label htmlFor="q-cases">{t('filterCases')}</label>
          <MultiChoice id="q-cases" none={t('filterNone')} chosen={form.caseIds} options={cases.map((c) => ({ id: c.id, label: c.name }))} onChange={(caseIds) => store.setQueryForm({ caseIds })} testId="query-cases" />
          <label htmlFor="q-docs">{t('filterDocuments')}</label>
          <MultiChoice id="q-docs" none={t('filterNone')} chosen={form.documentIds} options={documents.map((d) => ({ id: d.id, label: d.title }))} onChange={(documentIds) => store.setQueryForm({ documentIds })} testId="query-documents" />
          <label htmlFor="q-notcoded">{t('notCodedWith')}</label>
          <select id="q-notcoded" value={form.notCodedWith ?? ''} onChange={(e) => store.setQueryForm({ notCodedWith: e.target.value === '' ? null : Number(e.target.value) })} data-testid="query-not-coded">
            <option value="">{t('anyCode')}</option>
            {codes.map((c) => <option key={c.id} value={c.id}>{c.path}</option>)}
          </select>
        </div>
      </details>

      {result && (
        <>
          <p className="small" role="status" data-testid="search-status">
            {result.total === 0 ? t('queryNoHits') : t(result.documents.length === 1 ? 'queryHitsOneDoc' : 'queryHits', { hits: result.total, documents: result.documents.length })}
            {result.truncated ? ` ${t('queryHitsShown', { shown: hits.length })}` : ''}
            {newCount > 0 && <> · <span className="badge new-badge">{t('hitsNew', { count: newCount })}</span></>}
          </p>
          {result.documents.length > 0 && (
            <ul className="doc-counts small" data-testid="search-docs">
              {result.documents.map((d) => (
                <li key={d.documentId}><span className="doc-count-title" title={d.title}>{d.title}</span> <span className="muted">{d.hits}</span></li>
              ))}
            </ul>
          )}
        </>
      )}
      {result && result.total > 0 && (
        <div className="autocode" data-testid="autocode">
          <div className="row">
            <label htmlFor="autocode-code" className="small">{t('autocodeCode')}</label>
            <select id="autocode-code" className="grow" value={qs.codeId ?? ''} onChange={(e) => void store.setAutocodeCode(e.target.value === '' ? null : Number(e.target.value))} data-testid="autocode-code">
              <option value="">{t('chooseCode')}</option>
              {codes.map((c) => <option key={c.id} value={c.id}>{c.path}</option>)}
            </select>
          </div>
          <p className="small muted">{t('autocodeCoder', { coder: coder?.name ?? '—' })}</p>
          <p className="small" data-testid="autocode-preview" aria-live="polite">
            {qs.codeId === null || !preview
              ? t('autocodeNeedsCode')
              : t('autocodePreview', { ticked, hits: result.total, codings: preview.codings, merged: preview.merged })}
          </p>
          <button
            type="button"
            className="primary"
            disabled={qs.codeId === null || !coder || ticked <= 0 || qs.busy}
            onClick={() => void store.applyAutocode()}
            data-testid="autocode-apply"
          >
            {t('autocodeApply')}
          </button>
        </div>
      )}

      {hits.length > 0 && (
        <div className="row tick-row small">
          <button type="button" className="link" onClick={() => void store.setAllHits(true)} data-testid="tick-all">{t('tickAll')}</button>
          <button type="button" className="link" onClick={() => void store.setAllHits(false)} data-testid="tick-none">{t('tickNone')}</button>
        </div>
      )}
      {hits.length > 0 && (
        <ul
          className="retrieval-list hit-list"
          aria-labelledby="search-title"
          {...listProps}
          onKeyDown={(e) => {
            // Space ticks the active hit; Enter (and the rest) as in every list.
            if (e.key === ' ' && active >= 0 && hits[active]) {
              e.preventDefault()
              void store.toggleHit(hitKey(hits[active]!))
              return
            }
            listProps.onKeyDown(e)
          }}
          data-testid="search-results"
        >
          {hits.map((h, i) => {
            const o = optionProps(i, false)
            const key = hitKey(h)
            const on = !excluded[key]
            return (
              <li key={key} {...o} className={`hit-item${o.className ? ' active' : ''}${on ? '' : ' unticked'}`} data-hit={key}>
                <span className="hit-head small">
                  <input
                    type="checkbox"
                    checked={on}
                    aria-label={t('hitTicked')}
                    tabIndex={-1}
                    data-testid="hit-check"
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => void store.toggleHit(key)}
                  />
                  <span className="where grow">
                    <span className="where-doc">{titleOf(h.documentId)}</span>
                    <span>· {t('pageN', { page: h.page })}</span>
                  </span>
                  {h.isNew && <span className="badge new-badge" data-testid="hit-new">{t('hitNew')}</span>}
                </span>
                <span className="snippet">
                  <span className="context">{h.before ? '…' + flat(h.before.slice(-CONTEXT)) : ''}</span>
                  <mark>{flat(h.text)}</mark>
                  <span className="context">{h.after ? flat(h.after.slice(0, CONTEXT)) + '…' : ''}</span>
                </span>
              </li>
            )
          })}
        </ul>
      )}

      <SavedQueries />
    </section>
  )
}

/** Several of a list chosen (none: all), as a compact multiple select. */
function MultiChoice({ id, none, chosen, options, onChange, testId }: { id: string; none: string; chosen: number[]; options: { id: number; label: string }[]; onChange(ids: number[]): void; testId: string }) {
  if (options.length === 0) return <span id={id} className="muted">{none}</span>
  return (
    <select
      id={id}
      multiple
      size={Math.min(4, Math.max(2, options.length))}
      value={chosen.map(String)}
      onChange={(e) => onChange([...e.target.selectedOptions].map((o) => Number(o.value)))}
      data-testid={testId}
    >
      {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
    </select>
  )
}

/** Saved queries: save the one typed, run one again (its new hits are marked), delete one. */
function SavedQueries() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const saved = useApp((s) => s.qs.saved)
  const savedId = useApp((s) => s.qs.savedId)
  const query = useApp((s) => s.qs.form.query)
  const store = useApp.getState()
  const [name, setName] = useState('')
  const date = (iso: string) => new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })

  return (
    <details className="saved-queries" data-testid="saved-queries">
      <summary className="small">{t('savedQueries')} ({saved.length})</summary>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim() !== '' && query.trim() !== '') void store.saveQuery(name.trim()).then((ok) => ok && setName(''))
        }}
      >
        <input className="grow" value={name} onChange={(e) => setName(e.target.value)} aria-label={t('saveQueryName')} placeholder={t('saveQueryName')} data-testid="save-query-name" />
        <button type="submit" disabled={name.trim() === '' || query.trim() === ''} data-testid="save-query">{t('saveQuery')}</button>
      </form>
      {saved.length === 0 ? (
        <p className="small muted">{t('noSavedQueries')}</p>
      ) : (
        <ul className="saved-list">
          {saved.map((q) => (
            <li key={q.id} className={q.id === savedId ? 'current' : undefined} data-testid={`saved-${q.id}`}>
              <span className="grow">
                <strong>{q.name}</strong> <code className="small">{q.query}</code>
                <span className="small muted"> · {q.lastRunAt ? t('savedLastRun', { date: date(q.lastRunAt), hits: q.lastHits }) : t('savedNeverRun')}</span>
              </span>
              <button type="button" className="small" onClick={() => void store.runSavedQuery(q.id)} data-testid={`run-saved-${q.id}`}>{t('runSaved')}</button>
              <button type="button" className="small" onClick={() => void store.deleteSavedQuery(q.id)} aria-label={`${t('delete')}: ${q.name}`} data-testid={`delete-saved-${q.id}`}>{t('delete')}</button>
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ')
}
