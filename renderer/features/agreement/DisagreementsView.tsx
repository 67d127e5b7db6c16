import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Disagreement } from '../../../shared/agreement-types'
import { CodePathLabel } from '../../components/CodePathLabel'
import { useTA } from '../../i18n/analysis-strings'
import { historyLabel } from '../../i18n/history-labels'
import { useApp } from '../../store'
import { useAnalysis } from '../../store/analysis.slice'
import { percent } from '../analysis/format'
import { jumpToRange } from '../analysis/jump'
import { AgreementOptions } from './AgreementOptions'
import { humanCoders } from './pseudo-coders'
import { DisagreementPage } from './DisagreementPage'

/** Colours of the compared coders, in their order: two that stay apart when multiplied. */
const CODER_COLOURS = ['#2f6fdb', '#f08a00', '#2a9d5c', '#c2379b', '#7a5af8', '#8c6d1f']

const QUOTE_MAX = 160
function cut(quote: string): string {
  const q = quote.replace(/\f/g, ' ').replace(/\s+/g, ' ')
  return q.length <= QUOTE_MAX ? q : q.slice(0, QUOTE_MAX / 2 - 1) + ' … ' + q.slice(q.length - QUOTE_MAX / 2 + 2)
}

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && el.closest('input, textarea, select, [contenteditable="true"]') !== null
}

/**
 * Every place where the compared coders' segments differ, beside the page with each coder's
 * highlight in that coder's colour. Accepting one side, both or neither puts the result into
 * the consensus coder; the list and its figures follow, and the last decision can be undone.
 */
export function DisagreementsView() {
  const t = useTA()
  const lang = useApp((s) => s.lang)
  const codes = useApp((s) => s.codes.byId)
  const undoLabel = useApp((s) => s.history.undoLabel)
  const list = useAnalysis((s) => s.disagreements)
  const busy = useAnalysis((s) => s.disagreementsBusy)
  const neither = useAnalysis((s) => s.neither)
  const decisions = useAnalysis((s) => s.decisions)
  const currentKey = useAnalysis((s) => s.currentKey)
  const showSettled = useAnalysis((s) => s.showSettled)
  const chosenCoders = useAnalysis((s) => s.agreement.coders)
  // Humans only: the suggestion method's pseudo-coders are for the agreement view.
  const coders = useMemo(() => humanCoders(chosenCoders), [chosenCoders])
  const [working, setWorking] = useState(false)
  const listRef = useRef<HTMLUListElement>(null)

  const colours = useMemo(() => new Map(coders.map((name, k) => [name, CODER_COLOURS[k % CODER_COLOURS.length]!])), [coders])
  const neitherSet = useMemo(() => new Set(neither), [neither])
  const settled = useCallback((d: Disagreement) => d.consensus.length > 0 || neitherSet.has(d.key), [neitherSet])
  const visible = useMemo(() => list.filter((d) => showSettled || !settled(d)), [list, showSettled, settled])
  const open = useMemo(() => list.filter((d) => !settled(d)).length, [list, settled])
  const current = visible.find((d) => d.key === currentKey) ?? visible[0] ?? null

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [current?.key])

  const decide = useCallback(
    async (d: Disagreement, accept: number[]) => {
      if (working) return
      const at = visible.findIndex((x) => x.key === d.key)
      // The next open place after this one (keys of other places do not change).
      const next = visible.slice(at + 1).find((x) => !settled(x)) ?? visible.slice(0, at).reverse().find((x) => !settled(x))
      setWorking(true)
      try {
        const ok = await useAnalysis.getState().settle(d, accept)
        if (ok && !useAnalysis.getState().showSettled) useAnalysis.getState().setCurrent(next?.key ?? null)
      } finally {
        setWorking(false)
      }
    },
    [visible, settled, working],
  )

  const acceptCoder = useCallback((d: Disagreement, coder: string) => decide(d, d.segments.filter((s) => s.coder === coder).map((s) => s.codingId)), [decide])

  // Keys: ↑/↓ move, 1–9 accept a coder, B both (all), N neither.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target) || !current) return
      const at = visible.findIndex((x) => x.key === current.key)
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const to = visible[Math.min(visible.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]
        if (to) {
          e.preventDefault()
          useAnalysis.getState().setCurrent(to.key)
        }
      } else if (/^[1-9]$/.test(e.key)) {
        const coder = coders[Number(e.key) - 1]
        if (coder && current.segments.some((s) => s.coder === coder)) {
          e.preventDefault()
          void acceptCoder(current, coder)
        }
      } else if (e.key.toLowerCase() === 'b') {
        e.preventDefault()
        void decide(current, current.segments.map((s) => s.codingId))
      } else if (e.key.toLowerCase() === 'n') {
        e.preventDefault()
        void decide(current, [])
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [current, visible, coders, decide, acceptCoder])

  const last = decisions.at(-1)
  const canUndo = !!last && !working

  return (
    <section className="analysis-view" aria-label={t('tabDisagreements')}>
      <div className="toolbar analysis-toolbar">
        <AgreementOptions withLevel={false} />
        <label className="opt check-inline">
          <input type="checkbox" checked={showSettled} onChange={(e) => useAnalysis.getState().setShowSettled(e.target.checked)} data-testid="show-settled" />
          <span>{t('showSettled')}</span>
        </label>
        <span className="spacer" />
        <button
          type="button"
          disabled={!canUndo}
          onClick={() => void useAnalysis.getState().undoDecision()}
          title={last?.recorded && undoLabel ? historyLabel(undoLabel, lang) : undefined}
          data-testid="undo-decision"
        >
          ↶ {t('undoDecision')}
        </button>
      </div>
      <p className="small analysis-summary" data-testid="review-summary">
        {coders.length < 2 ? t('chooseTwoCoders') : t('reviewSummary', { open, settled: list.length - open, total: list.length })}
        {busy ? ` ${t('loading')}` : ''}
      </p>
      <div className="analysis-body review">
        <div className="review-list-pane" tabIndex={0} role="region" aria-label={t('tabDisagreements')}>
          {list.length === 0 && !busy && coders.length >= 2 && <p className="muted small">{t('noDisagreements')}</p>}
          {list.length > 0 && visible.length === 0 && <p className="muted small">{t('allSettled')}</p>}
          <ul className="review-list" role="listbox" aria-label={t('review')} ref={listRef} data-testid="disagreement-list">
            {visible.map((d) => {
              const isSettled = settled(d)
              const sel = d.key === current?.key
              return (
                <li
                  key={d.key}
                  role="option"
                  aria-selected={sel}
                  className={`review-item${sel ? ' current' : ''}${isSettled ? ' settled' : ''}`}
                  onClick={() => useAnalysis.getState().setCurrent(d.key)}
                  data-key={d.key}
                  data-testid="disagreement"
                >
                  <span className="small code-path">
                    <span className="swatch" style={{ backgroundColor: codes[d.codeId]?.colour ?? '#999999' }} /> <CodePathLabel path={d.codePath} />
                  </span>
                  <span className="where small muted">
                    <span className="where-doc">{d.documentTitle}</span>
                    <span>· {t('pageN', { page: d.page })}</span>
                    <span>· {t('overlapN', { value: percent(lang, d.overlap / 100, 0) })}</span>
                  </span>
                  {coders.map((name) => {
                    const segs = d.segments.filter((s) => s.coder === name)
                    return (
                      <span key={name} className="coder-line small">
                        <span className="coder-dot" style={{ backgroundColor: colours.get(name) }} />
                        <strong>{name}:</strong>{' '}
                        {segs.length === 0 ? <em className="muted">{t('missing')}</em> : segs.map((s) => cut(s.quote)).join(' | ')}
                      </span>
                    )
                  })}
                  {isSettled && (
                    <span className="badge settled-badge">{d.consensus.length === 0 ? t('settledNeither') : d.consensus.length === 1 ? t('consensusOne') : t('consensusHas', { count: d.consensus.length })}</span>
                  )}
                </li>
              )
            })}
          </ul>
        </div>
        <div className="review-detail">
          {!current && <p className="muted">{t('chooseDisagreement')}</p>}
          {current && (
            <>
              <header className="review-head">
                <div className="grow">
                  <div className="code-path"><span className="swatch" style={{ backgroundColor: codes[current.codeId]?.colour ?? '#999999' }} /> <strong><CodePathLabel path={current.codePath} /></strong></div>
                  <div className="small muted">
                    {current.documentTitle} · {t('pageOf', { page: current.page })} · {t('overlapN', { value: percent(lang, current.overlap / 100, 0) })}
                  </div>
                </div>
                <button type="button" className="link small" onClick={() => void jumpToRange(current.documentId, current.page, current.start, current.end)} data-testid="open-in-viewer">
                  {t('openInViewer')}
                </button>
              </header>
              <div className="settle-actions" role="group" aria-label={t('settleHelp')}>
                {coders.map((name, k) => (
                  <button
                    key={name}
                    type="button"
                    disabled={working || !current.segments.some((s) => s.coder === name)}
                    onClick={() => void acceptCoder(current, name)}
                    data-testid={`accept-${k}`}
                  >
                    <span className="coder-dot" style={{ backgroundColor: colours.get(name) }} /> {t('accept', { name })} <kbd>{k + 1}</kbd>
                  </button>
                ))}
                <button type="button" disabled={working} onClick={() => void decide(current, current.segments.map((s) => s.codingId))} data-testid="accept-both">
                  {coders.length > 2 ? t('acceptAll') : t('acceptBoth')} <kbd>B</kbd>
                </button>
                <button type="button" disabled={working} onClick={() => void decide(current, [])} data-testid="accept-neither">
                  {t('acceptNeither')} <kbd>N</kbd>
                </button>
              </div>
              <p className="small muted">{t('settleHelp')}</p>
              <ul className="coder-legend small">
                {coders.map((name, k) => (
                  <li key={name}>
                    <span className={`legend-box co-${Math.min(k, 2)}`} style={{ ['--coder-colour' as string]: colours.get(name) }} /> {t(k === 0 ? 'legendSolid' : k === 1 ? 'legendDashed' : 'legendDotted', { name })}
                  </li>
                ))}
                <li><span className="consensus-dot" /> {t('legendConsensus')}</li>
              </ul>
              <DisagreementPage d={current} colours={colours} order={coders} />
            </>
          )}
        </div>
      </div>
    </section>
  )
}
