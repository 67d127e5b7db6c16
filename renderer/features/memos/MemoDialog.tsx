import { useEffect, useState } from 'react'
import type { Memo, MemoTarget } from '../../../shared/types'
import { call } from '../../api/client'
import { Modal } from '../../components/Modal'
import { useT } from '../../i18n'
import { useApp } from '../../store'

/**
 * A memo on a case, a document or a code: my own to write (saved as one undo step; emptied, it
 * is removed), the other coders' to read — not while coding blind, when they stay hidden.
 */
export function MemoDialog({ targetType, targetId, name, onClose }: { targetType: MemoTarget; targetId: number; name: string; onClose(): void }) {
  const t = useT()
  const coder = useApp((s) => s.coder)
  const blind = useApp((s) => s.view.blind)
  const [memos, setMemos] = useState<Memo[] | null>(null)
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    call('memos:list', { targetType, targetId }).then(
      (list) => {
        if (!live) return
        setMemos(list)
        setBody(list.find((m) => m.coderId === coder?.id)?.body ?? '')
      },
      (e) => useApp.getState().report(e),
    )
    return () => {
      live = false
    }
  }, [targetType, targetId, coder?.id])

  const save = async () => {
    if (!coder) return
    setBusy(true)
    const ok = await useApp.getState().change(() => call('memos:save', { targetType, targetId, coderId: coder.id, body, actingCoderId: coder.id }))
    setBusy(false)
    if (ok) onClose()
  }
  const others = blind ? [] : (memos ?? []).filter((m) => m.coderId !== coder?.id)

  return (
    <Modal title={t('memoTitle', { name })} onClose={onClose} onSubmit={() => void save()} className="wide" testId="memo-dialog">
      <label className="field">
        <span>{t('memoMine', { coder: coder?.name ?? '' })}</span>
        <textarea rows={8} value={body} maxLength={100_000} data-autofocus disabled={memos === null} onChange={(e) => setBody(e.target.value)} data-testid="memo-body" />
      </label>
      {others.length > 0 && (
        <div className="memo-others" data-testid="memo-others">
          {others.map((m) => (
            <figure key={m.id} className="memo-other">
              <figcaption className="small muted">{m.coderName ?? '—'}</figcaption>
              <blockquote>{m.body}</blockquote>
            </figure>
          ))}
        </div>
      )}
      {blind && <p className="small muted">{t('memoBlind')}</p>}
      <div className="modal-actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>{t('cancel')}</button>
        <button type="submit" className="primary" disabled={busy || memos === null || !coder} data-testid="memo-save">{t('save')}</button>
      </div>
    </Modal>
  )
}
