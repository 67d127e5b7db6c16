import { useEffect, useState } from 'react'
import type { Args } from '../../../shared/api'
import type { LogKind, StudyLog } from '../../../shared/api-log'
import { csvDefaultsFor } from '../../../shared/csv'
import { call } from '../../api/client'
import { Modal } from '../../components/Modal'
import { OriginTag } from '../../components/OriginTag'
import { useT } from '../../i18n'
import { historyLabel } from '../../i18n/history-labels'
import { downloadText, fileNameWith, studyName } from '../../io/download'
import { useApp } from '../../store'
import './log.css'

/** Rows shown at once; the export has them all. */
const SHOWN = 1000

const KIND_KEYS = { created: 'logCreated', changed: 'logChanged', deleted: 'logDeleted' } as const
const CHANGED_KEYS = { code: 'logChangedCode', range: 'logChangedRange', memo: 'logChangedMemo' } as const

/**
 * The study log: who created, changed or deleted which coding when, newest first, from the undo
 * history (its last actions: the dialog says how far back), filtered by coder, code, document
 * and kind of change, exported as CSV with the same filter.
 */
export function StudyLogDialog({ onClose }: { onClose(): void }) {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const coders = useApp((s) => s.coders)
  const codesById = useApp((s) => s.codes.byId)
  const codeOrder = useApp((s) => s.codes.order)
  const documents = useApp((s) => s.documents)
  const studyPath = useApp((s) => s.info?.path)
  const [coderId, setCoderId] = useState<number | null>(null)
  const [codeId, setCodeId] = useState<number | null>(null)
  const [documentId, setDocumentId] = useState<number | null>(null)
  const [kind, setKind] = useState<LogKind | null>(null)
  const [log, setLog] = useState<StudyLog | null>(null)

  const filter: Omit<Args<'log:list'>, 'limit'> = {
    ...(coderId !== null ? { coderId } : {}),
    ...(codeId !== null ? { codeId } : {}),
    ...(documentId !== null ? { documentId } : {}),
    ...(kind !== null ? { kinds: [kind] } : {}),
  }
  const key = JSON.stringify(filter)
  useEffect(() => {
    let live = true
    call('log:list', { ...filter, limit: SHOWN }).then((l) => live && setLog(l), (e) => useApp.getState().report(e))
    return () => {
      live = false
    }
  }, [key])

  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' })
  const exportCsv = async () => {
    try {
      const { delimiter } = csvDefaultsFor(lang === 'nl' ? 'nl-NL' : 'en-GB')
      const csv = await call('log:export', { ...filter, delimiter, bom: true })
      const file = fileNameWith('csv', studyName(studyPath), lang === 'nl' ? 'logboek' : 'log')
      downloadText(file, csv)
      useApp.getState().notify({ key: 'exportedFile', params: { file } })
    } catch (e) {
      useApp.getState().report(e)
    }
  }
  const num = (v: string) => (v === '' ? null : Number(v))

  return (
    <Modal title={t('studyLogTitle')} onClose={onClose} className="study-log" testId="study-log">
      <p className="small muted" data-testid="log-limit">
        {t('studyLogLimit', { keeps: log?.keeps ?? 500, since: log?.since ? when(log.since) : '—' })}
      </p>
      <div className="log-filters small">
        <label>
          {t('logCoder')}
          <select value={coderId ?? ''} onChange={(e) => setCoderId(num(e.target.value))} data-testid="log-coder">
            <option value="">{t('logAnyone')}</option>
            {coders.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label>
          {t('autocodeCode')}
          <select value={codeId ?? ''} onChange={(e) => setCodeId(num(e.target.value))} data-testid="log-code">
            <option value="">{t('logAnyCode')}</option>
            {codeOrder.map((id) => codesById[id]).filter(Boolean).map((c) => <option key={c!.id} value={c!.id}>{c!.path}</option>)}
          </select>
        </label>
        <label>
          {t('filterDocuments')}
          <select value={documentId ?? ''} onChange={(e) => setDocumentId(num(e.target.value))} data-testid="log-document">
            <option value="">{t('logAnyDocument')}</option>
            {documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </select>
        </label>
        <label>
          {t('logKind')}
          <select value={kind ?? ''} onChange={(e) => setKind(e.target.value === '' ? null : (e.target.value as LogKind))} data-testid="log-kind">
            <option value="">{t('logKindAll')}</option>
            {(['created', 'changed', 'deleted'] as const).map((k) => <option key={k} value={k}>{t(KIND_KEYS[k])}</option>)}
          </select>
        </label>
      </div>
      {log && (
        <p className="small" role="status" data-testid="log-count">
          {log.total === 0 ? t('studyLogEmpty') : t('studyLogCount', { shown: log.entries.length, total: log.total })}
        </p>
      )}
      {log && log.entries.length > 0 && (
        <div className="log-table-wrap">
          <table className="log-table small" data-testid="log-table">
            <thead>
              <tr>
                <th scope="col">{t('logWhen')}</th>
                <th scope="col">{t('logWho')}</th>
                <th scope="col">{t('logWhat')}</th>
                <th scope="col">{t('logCoding')}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => (
                <tr key={`${e.actionId}-${e.codingId}`} className={e.undone ? 'undone' : undefined} data-kind={e.kind} data-coding-id={e.codingId}>
                  <td className="nowrap">{when(e.at)}</td>
                  <td>
                    {e.by ?? <span className="muted">{t('logUnknownActor')}</span>}
                    {e.asLead && <span className="muted"> ({t('logAsLead')})</span>}
                  </td>
                  <td>
                    <span className={`log-kind kind-${e.kind}`}>{t(KIND_KEYS[e.kind])}</span>
                    {e.changed.length > 0 && <span className="muted"> ({e.changed.map((c) => t(CHANGED_KEYS[c])).join(', ')})</span>}
                    {e.undone && <span className="badge">{t('logUndone')}</span>}
                    <div className="muted">{historyLabel(e.action, lang, e.params)}</div>
                  </td>
                  <td>
                    <div>
                      <strong>{e.codePath}</strong>
                      {e.previousCodePath !== null && <span className="muted"> ({t('logRecoded', { code: e.previousCodePath })})</span>}
                      {' '}· {e.coderName} <OriginTag origin={e.origin} detail={e.originDetail} />
                    </div>
                    <div className="muted log-where">{e.documentTitle} · {e.start}–{e.end}</div>
                    <div className="log-quote">{e.quote.replace(/\s+/g, ' ').slice(0, 120)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="modal-actions">
        <button type="button" onClick={() => void exportCsv()} disabled={!log || log.total === 0} data-testid="log-export">{t('logExport')}</button>
        <button type="button" className="primary" onClick={onClose} data-autofocus>{t('close')}</button>
      </div>
    </Modal>
  )
}
