import { useEffect, useMemo, useRef, useState } from 'react'
import { CodePathLabel } from '../../components/CodePathLabel'
import { OriginTag } from '../../components/OriginTag'
import { shortPath } from '../../components/code-path'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { mayChange } from '../../store/codings.slice'
import { jumpToCoding } from './RetrievalList'

/**
 * The selected coding: its code (recode), coder, quote and memo; delete. Another coder's
 * coding is read only, unless "Edit as consensus / lead" is on (the core refuses otherwise).
 */
export function CodingPanel() {
  const t = useT()
  const selectedId = useApp((s) => s.selectedCodingId)
  const coding = useApp((s) =>
    s.selectedCodingId === null ? undefined : (s.codingRows.byId[s.selectedCodingId] ?? s.retrieval.find((r) => r.id === s.selectedCodingId)),
  )
  const byId = useApp((s) => s.codes.byId)
  const order = useApp((s) => s.codes.order)
  const codes = useMemo(() => order.map((id) => byId[id]!).filter(Boolean), [order, byId])
  const [memo, setMemo] = useState('')
  const [memoSaved, setMemoSaved] = useState(false)
  const lastSelection = useApp((s) => s.lastSelection)
  const savingMemo = useRef<string | null>(null)
  const me = useApp((s) => s.coder)
  const leadMode = useApp((s) => s.leadMode)

  useEffect(() => {
    setMemo(coding?.memo ?? '')
    setMemoSaved(false)
  }, [coding?.id, coding?.memo])

  const store = useApp.getState()

  if (selectedId === null || !coding) {
    return (
      <section className="panel coding" aria-labelledby="coding-title">
        <h2 id="coding-title">{t('selectedCoding')}</h2>
        <p className="muted small">{t('noSelection')}</p>
      </section>
    )
  }
  const code = byId[coding.codeId]
  const extendable =
    lastSelection !== null &&
    lastSelection.documentId === coding.documentId &&
    (lastSelection.start < coding.start || lastSelection.end > coding.end)
  const theirs = me === null || coding.coderId !== me.id
  const editable = mayChange({ coder: me, leadMode }, coding.coderId)
  // Why a control is off, on the control itself (hover) and once in words under the facts.
  const locked = editable ? undefined : t('codingOfOther', { name: coding.coderName })
  const dirty = memo !== coding.memo
  // Leaving the memo field and clicking Save come together: save once.
  const saveMemo = async () => {
    if (!dirty || !editable || savingMemo.current === memo) return
    savingMemo.current = memo
    try {
      if (await store.saveMemo(coding.id, memo)) setMemoSaved(true)
    } finally {
      savingMemo.current = null
    }
  }

  return (
    <section className="panel coding" aria-labelledby="coding-title" data-testid="coding-panel">
      <header className="panel-head">
        <h2 id="coding-title">{t('selectedCoding')}</h2>
        <button type="button" className="link" onClick={() => store.selectCoding(null)} aria-label={t('close')}>×</button>
      </header>
      <dl className="facts">
        <dt>{t('code')}</dt>
        <dd className="coding-code">
          <span className="coding-code-name" data-testid="coding-code">
            <span className="swatch" style={{ backgroundColor: code?.colour ?? '#999999' }} />
            <CodePathLabel path={code?.path ?? coding.codePath} />
          </span>
          <select
            value={coding.codeId}
            aria-label={t('recode')}
            title={locked ?? t('recode')}
            disabled={!editable}
            data-testid="recode"
            onChange={(e) => void store.recode(coding.id, Number(e.target.value))}
          >
            {codes.map((c) => (
              <option key={c.id} value={c.id} title={c.path}>{shortPath(c.path, 32)}</option>
            ))}
          </select>
        </dd>
        <dt>{t('coder')}</dt>
        <dd><span data-testid="coding-coder">{coding.coderName}</span> <OriginTag origin={coding.origin} detail={coding.originDetail} /></dd>
        <dt>{coding.pageFrom === coding.pageTo ? t('pageN', { page: coding.pageFrom }) : t('pages', { from: coding.pageFrom, to: coding.pageTo })}</dt>
        <dd className="muted small">
          <button type="button" className="link small doc-jump" onClick={() => void jumpToCoding(coding)} title={t('goToCoding')}>{coding.documentTitle}</button>
        </dd>
      </dl>
      {theirs && me !== null && (
        <div className={`owner-note small${editable ? ' as-lead' : ''}`} data-testid="coding-owner-note">
          <p role="status">{editable ? t('codingOfOtherAsLead', { name: coding.coderName }) : t('codingOfOtherShort', { name: coding.coderName })}</p>
          <label title={t('editAsLeadHelp')}>
            <input type="checkbox" checked={leadMode} data-testid="lead-mode" onChange={(e) => store.setLeadMode(e.target.checked)} />
            {t('editAsLead')}
          </label>
        </div>
      )}
      {coding.kind === 'area' && <p className="small muted"><span className="badge">{t('area')}</span> {t('areaCodingNote')}</p>}
      <blockquote className="quote" data-testid="coding-quote">{showQuote(coding.quote)}</blockquote>
      {coding.kind === 'text' && (
        <div className="row small resize-row">
          <span className="muted">{editable ? t('resizeHint') : ''}</span>
          <span className="spacer" />
          <button
            type="button"
            className="small"
            data-testid="extend-to-selection"
            disabled={!extendable || !editable}
            title={locked ?? t('extendToSelectionHelp')}
            onClick={() => lastSelection && void store.resizeCoding(coding.id, Math.min(coding.start, lastSelection.start), Math.max(coding.end, lastSelection.end))}
          >
            {t('extendToSelection')}
          </button>
        </div>
      )}
      <label className="field">
        <span>{t('memo')}</span>
        <textarea
          value={memo}
          rows={4}
          readOnly={!editable}
          title={locked}
          data-testid="memo"
          onChange={(e) => {
            setMemo(e.target.value)
            setMemoSaved(false)
          }}
          onBlur={() => void saveMemo()}
        />
      </label>
      <div className="row">
        <button type="button" className="primary small" disabled={!dirty || !editable} title={locked} onClick={() => void saveMemo()}>{t('save')}</button>
        {memoSaved && !dirty && <span className="muted small" role="status">{t('memoSaved')}</span>}
        <span className="spacer" />
        <button type="button" className="danger small" disabled={!editable} title={locked} data-testid="delete-coding" onClick={() => void store.deleteCoding(coding.id)}>{t('deleteCoding')}</button>
      </div>
    </section>
  )
}

/**
 * A quote for reading: the PDF's line breaks become spaces, a page break (the form feed in the
 * canonical text) a new line. The stored quote keeps them.
 */
export function showQuote(quote: string): string {
  return quote
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim())
    .join('\n')
}
