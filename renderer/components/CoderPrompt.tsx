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
  // The study's coders, to continue as one of them (the current one is not offered again).
  const current = useApp((s) => s.coder?.id)
  const coders = useApp((s) => s.coders).filter((c) => c.id !== current)
  const start = async (chosen: string) => {
    if (chosen.trim() === '') return
    setBusy(true)
    await useApp.getState().ensureCoder(chosen.trim())
    setBusy(false)
  }
  const submit = () => start(name)
  return (
    <Modal title={t('coderTitle')} onSubmit={() => void submit()} {...(onCancel ? { onClose: onCancel } : {})}>
      <p className="muted">{t('coderHelp')}</p>
      {coders.length > 0 && (
        <div className="field">
          <span id="coder-existing">{t('coderExisting')}</span>
          <ul className="coder-choices" aria-labelledby="coder-existing" data-testid="coder-choices">
            {coders.map((c) => (
              <li key={c.id}>
                <button type="button" disabled={busy} onClick={() => void start(c.name)} data-testid="coder-choice">{c.name}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <label className="field">
        <span>{t(coders.length > 0 ? 'coderNewName' : 'coderName')}</span>
        <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} list="coder-names" autoComplete="off" data-testid="coder-name" data-autofocus />
        <datalist id="coder-names">
          {coders.map((c) => <option key={c.id} value={c.name} />)}
        </datalist>
      </label>
      <div className="modal-actions">
        {onCancel && <button type="button" onClick={onCancel}>{t('cancel')}</button>}
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>{t('coderStart')}</button>
      </div>
    </Modal>
  )
}
