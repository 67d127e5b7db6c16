import { useState } from 'react'
import { useT } from '../i18n'
import { useApp } from '../store'

/** First start: who is coding? The name is kept in localStorage and sent with every coding. */
export function CoderPrompt() {
  const t = useT()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (name.trim() === '') return
    setBusy(true)
    await useApp.getState().ensureCoder(name.trim())
    setBusy(false)
  }
  return (
    <div className="modal-backdrop">
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby="coder-title" onSubmit={submit}>
        <h2 id="coder-title">{t('coderTitle')}</h2>
        <p className="muted">{t('coderHelp')}</p>
        <label className="field">
          <span>{t('coderName')}</span>
          <input autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="coder-name" />
        </label>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>{t('coderStart')}</button>
        </div>
      </form>
    </div>
  )
}
