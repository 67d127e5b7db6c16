import { useMemo, useState } from 'react'
import type { Code } from '../../../shared/types'
import { Modal } from '../../components/Modal'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { subtreeIds, type CodeNode } from './code-tree'

/** Merge a code into another: its codings and subcodes go there, the code itself goes. */
export function MergeDialog({ source, codes, onClose }: { source: CodeNode; codes: readonly Code[]; onClose(): void }) {
  const t = useT()
  const inside = useMemo(() => new Set(subtreeIds(codes, source.code.id)), [codes, source.code.id])
  const targets = codes.filter((c) => !inside.has(c.id))
  const [targetId, setTargetId] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const target = targets.find((c) => c.id === targetId)

  const merge = async () => {
    if (targetId === null) return
    setBusy(true)
    const ok = await useApp.getState().mergeCodes(source.code.id, targetId)
    setBusy(false)
    if (ok) onClose()
  }

  return (
    <Modal title={t('mergeTitle', { name: source.code.name })} onClose={onClose} onSubmit={() => void merge()} testId="merge-dialog">
      <label className="field">
        <span>{t('mergeTarget')}</span>
        <select value={targetId ?? ''} data-autofocus data-testid="merge-target" onChange={(e) => setTargetId(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('chooseCode')}</option>
          {targets.map((c) => <option key={c.id} value={c.id}>{c.path}</option>)}
        </select>
      </label>
      <p data-testid="merge-text">
        {t('mergeText', {
          name: source.code.name,
          target: target?.path ?? '…',
          codings: source.total === 1 ? t('oneCoding') : t('nCodings', { count: source.total }),
        })}
        {source.descendants > 0 && ` ${t('mergeSubcodes', { subcodes: source.descendants === 1 ? t('oneSubcode') : t('nSubcodes', { count: source.descendants }) })}`}
      </p>
      <p className="muted small">{t('deleteCodeUndo')}</p>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('cancel')}</button>
        <button type="submit" className="primary" disabled={busy || targetId === null}>{t('merge')}</button>
      </div>
    </Modal>
  )
}
