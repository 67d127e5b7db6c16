import { useState } from 'react'
import { useT } from '../i18n'
import { useApp } from '../store'
import { Modal } from './Modal'

/**
 * Who is coding? Asked at the first start (it cannot be dismissed then) and when switching to
 * a new coder. The name is kept in localStorage and sent with every coding.
 */
export function CoderPrompt({ onCancel }: { onCancel?: () => void }) {
  const t = useT()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (name.trim() === '') return
    setBusy(true)
    await useApp.getState().ensureCoder(name.trim())
    setBusy(false)
  }
  return (
    <Modal title={t('coderTitle')} onSubmit={() => void submit()} {...(onCancel ? { onClose: onCancel } : {})}>
      <p className="muted">{t('coderHelp')}</p>
      <label className="field">
        <span>{t('coderName')}</span>
        <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="coder-name" data-autofocus />
      </label>
      <div className="modal-actions">
        {onCancel && <button type="button" onClick={onCancel}>{t('cancel')}</button>}
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>{t('coderStart')}</button>
      </div>
    </Modal>
  )
}
