import { useState } from 'react'
import type { AgreementRow, AgreementUndefinedReason, Coefficient } from '../../../shared/agreement-types'
import { toCsv } from '../../../shared/csv'
import type { Lang } from '../../../shared/i18n/messages'
import { CodePathLabel } from '../../components/CodePathLabel'
import { useTA, type TranslateA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { useAnalysis } from '../../store/analysis.slice'
import { CsvMenu } from '../analysis/CsvMenu'
import { fileName } from '../../io/download'
import { coefficient, integer, percent } from '../analysis/format'
import { AgreementOptions } from './AgreementOptions'
import { agreementCells, KAPPA_KEYS, readRow, type Reading } from '../../../shared/agreement-reading'

function reasonWords(t: TranslateA, reason: AgreementUndefinedReason | undefined): string {
  switch (reason) {
    case 'no-variation':
      return t('reasonNoVariation')
    case 'no-pairable-units':
      return t('reasonNoPairable')
    case 'needs-two-coders':
      return t('reasonNeedsTwo')
    case 'one-code':
      return t('reasonOneCode')
    default:
      return '?'
  }
}

/** A reading in words: "reliable (on α)", or why there is none. */
export function readingWords(t: TranslateA, r: Reading): string {
  if (r.band === null) return t('readUndefined', { reason: reasonWords(t, r.reason) })
  const word = r.band === 'reliable' ? t('readReliable') : r.band === 'tentative' ? t('readTentative') : t('readUnreliable')
  return `${word} (${r.basis === 'alpha' ? t('readOnAlpha') : t('readOnKappa')})`
}

function Coef({ c, lang, t }: { c: Coefficient | undefined; lang: Lang; t: TranslateA }) {
  if (!c) return <>—</>
  if (c.value === null) return <span className="muted" title={reasonWords(t, c.reason)}>—</span>
  return <>{coefficient(lang, c.value)}</>
}

/**
 * Agreement between two or more coders at document, segment or character level: a table per
 * code (or per document) with the measures the level has and a reading in plain words.
 */
export function AgreementView() {
  const t = useTA()
  const lang = useApp((s) => s.lang)
  const report = useAnalysis((s) => s.report)
  const busy = useAnalysis((s) => s.reportBusy)
  const choice = useAnalysis((s) => s.agreement)
  const [by, setBy] = useState<'code' | 'document'>('code')

  const level = report?.level
  const hasAlpha = level === 'document' || level === 'character'
  const hasWeighted = level === 'character'
  const kappaName = report ? t(KAPPA_KEYS[report.kappaKind]) : t('kappa')
  const rows = report ? (by === 'code' ? report.byCode : report.byDocument) : []

  const row = (r: AgreementRow, label: string, total: boolean, isCode = false) => {
    const reading = readRow(r)
    return (
      <tr key={total ? 'total' : `${r.codeId}:${r.documentId}`} className={total ? 'total-row' : undefined} data-code-id={r.codeId ?? undefined} data-document-id={r.documentId ?? undefined} data-testid={total ? 'agreement-total' : 'agreement-row'}>
        <th scope="row" className="ag-label" title={label}>{isCode ? <CodePathLabel path={label} /> : label}</th>
        <td data-k="units">{integer(lang, r.units)}</td>
        <td data-k="agreements">{integer(lang, r.agreements)}</td>
        <td data-k="disagreements">{integer(lang, r.disagreements)}</td>
        <td data-k="percent">{r.percent.value === null ? '—' : percent(lang, r.percent.value)}</td>
        <td data-k="kappa"><Coef c={r.kappa} lang={lang} t={t} /></td>
        {hasAlpha && (
          <td data-k="alpha">
            <Coef c={r.alpha} lang={lang} t={t} />
            {r.alpha && r.alpha.value !== null && r.alpha.low !== null && r.alpha.high !== null && (
              <span className="muted small"> [{coefficient(lang, r.alpha.low)}; {coefficient(lang, r.alpha.high)}]</span>
            )}
          </td>
        )}
        {hasWeighted && <td data-k="kappaWeighted"><Coef c={r.kappaWeighted} lang={lang} t={t} /></td>}
        <td data-k="reading" className={`reading ${reading.band ?? 'undefined'}`}>{readingWords(t, reading)}</td>
      </tr>
    )
  }

  return (
    <section className="analysis-view" aria-label={t('tabAgreement')}>
      <div className="toolbar analysis-toolbar">
        <AgreementOptions withLevel />
        <span className="spacer" />
        <div className="segmented" role="group">
          <button type="button" aria-pressed={by === 'code'} className={by === 'code' ? 'pressed' : undefined} onClick={() => setBy('code')} data-testid="agreement-by-code">{t('byCode')}</button>
          <button type="button" aria-pressed={by === 'document'} className={by === 'document' ? 'pressed' : undefined} onClick={() => setBy('document')} data-testid="agreement-by-document">{t('byDocument')}</button>
        </div>
        <CsvMenu
          actions={[{
            label: t('exportAgreement'),
            testId: 'export-agreement',
            ...(choice.coders.length >= 2 ? { sheet: 'agreement' as const } : {}),
            file: () => fileName('agreement', choice.level, by),
            text: (csv) => {
              const r = useAnalysis.getState().report
              return r ? toCsv(agreementCells(r, by, (x) => readingWords(t, x)), csv) : ''
            },
          }]}
          workbook={() => {
            const a = useAnalysis.getState().agreement
            return {
              ...(a.codeIds.length > 0 ? { codeIds: a.codeIds } : {}),
              agreement: { coders: a.coders, level: a.level, overlap: a.overlap, by },
            }
          }}
        />
      </div>
      <div className="analysis-body single">
        <div className="analysis-main">
          {choice.coders.length < 2 && <p className="muted">{t('chooseTwoCoders')}</p>}
          {busy && !report && <p className="muted">{t('loading')}</p>}
          {report && choice.coders.length >= 2 && (
            <>
              <p className="small muted analysis-summary" data-testid="agreement-summary">
                {t('documentsCompared', { count: report.documents.length })}{' '}
                {report.skippedDocuments.length > 0 && t('skipped', { count: report.skippedDocuments.length, titles: report.skippedDocuments.map((d) => d.title).join('; ') })}
                {busy ? ` ${t('loading')}` : ''}
              </p>
              <div className="mx-scroll" tabIndex={0} role="region" aria-label={t('tabAgreement')}>
                <table className="ag" data-testid="agreement-table" data-level={report.level}>
                  <thead>
                    <tr>
                      <th scope="col" className="ag-label">{by === 'code' ? t('code') : t('document')}</th>
                      <th scope="col">{t('units')}</th>
                      <th scope="col">{t('agreements')}</th>
                      <th scope="col">{t('disagreementsCol')}</th>
                      <th scope="col">{t('percent')}</th>
                      <th scope="col">{kappaName}</th>
                      {hasAlpha && <th scope="col">{t('alpha')}</th>}
                      {hasWeighted && <th scope="col">{t('kappaWeighted')}</th>}
                      <th scope="col">{t('reading')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => row(r, (by === 'code' ? r.codePath : r.documentTitle) ?? '', false, by === 'code' && r.codePath != null))}
                  </tbody>
                  <tfoot>{row(report.total, t('totalRow'), true)}</tfoot>
                </table>
              </div>
              <p className="small reading-legend" data-testid="reading-legend">
                {t('readingLegend')}{' '}
                {!hasAlpha && t('readingKappaNote', { kappa: kappaName })}
              </p>
            </>
          )}
        </div>
      </div>
    </section>
  )
}
