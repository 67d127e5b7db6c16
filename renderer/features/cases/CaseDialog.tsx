import { useState } from 'react'
import type { Case } from '../../../shared/types'
import { Modal } from '../../components/Modal'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { isOthersJudgement, judgementOwner, KNOWN_ATTRIBUTES, PHASES, phaseKey } from './attributes'

/** A case: its name and attributes (school, company, sector, year, my judgement of its phase, any other). */
export function CaseDialog({ value, onClose }: { value: Case; onClose(): void }) {
  const t = useT()
  const coder = useApp((s) => s.coder)
  const blind = useApp((s) => s.view.blind)
  const coders = useApp((s) => s.coders)
  const leadMode = useApp((s) => s.leadMode)
  const [name, setName] = useState(value.name)
  const [attrs, setAttrs] = useState<Record<string, string>>({ ...value.attributes })
  const [newKey, setNewKey] = useState('')
  const [newValue, setNewValue] = useState('')
  const [busy, setBusy] = useState(false)
  const myPhase = coder ? phaseKey(coder.name) : null
  const known = new Set([...KNOWN_ATTRIBUTES.map((a) => a.key), ...(myPhase ? [myPhase] : [])])
  const others = Object.keys(attrs)
    .filter((k) => !known.has(k) && !(blind && isOthersJudgement(k, coder?.name)))
    .sort((a, b) => a.localeCompare(b))

  const set = (k: string, v: string) => setAttrs((a) => ({ ...a, [k]: v }))
  // Another coder's judgement is read only, unless editing as consensus / lead (the core checks too).
  const ownerOf = (k: string) => {
    const owner = judgementOwner(k, coders)
    return owner && owner.id !== coder?.id ? owner : undefined
  }
  const lockedTitle = (k: string) => {
    const owner = ownerOf(k)
    return owner && !leadMode ? t('judgementOfOther', { name: owner.name }) : undefined
  }
  const anyOthers = others.some((k) => ownerOf(k) !== undefined)

  const addAttribute = () => {
    const k = newKey.trim()
    if (k === '' || newValue.trim() === '') return
    set(k, newValue)
    setNewKey('')
    setNewValue('')
  }

  const save = async () => {
    setBusy(true)
    const s = useApp.getState()
    const newName = name.trim() !== value.name && name.trim() !== '' ? name.trim() : undefined
    const pending = { ...attrs }
    if (newKey.trim() !== '' && newValue.trim() !== '') pending[newKey.trim()] = newValue
    const changes: Record<string, string> = {}
    for (const [k, v] of Object.entries(pending)) if ((value.attributes[k] ?? '') !== v.trim()) changes[k] = v.trim()
    for (const k of Object.keys(value.attributes)) if (!(k in pending)) changes[k] = ''
    // One call, so the whole dialog is one undo step.
    const ok = newName === undefined && Object.keys(changes).length === 0 ? true : await s.updateCase(value.id, newName, changes)
    setBusy(false)
    if (ok) onClose()
  }

  return (
    <Modal title={t('caseDialogTitle', { name: value.name })} onClose={onClose} onSubmit={() => void save()} className="wide" testId="case-dialog">
      <label className="field">
        <span>{t('caseName')}</span>
        <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-autofocus data-testid="case-name" />
      </label>
      <fieldset className="attrs">
        <legend>{t('attributes')}</legend>
        <div className="attr-grid">
          {KNOWN_ATTRIBUTES.map((a) => (
            <label key={a.key} className="field">
              <span>{t(a.label)}</span>
              <input
                value={attrs[a.key] ?? ''}
                maxLength={1000}
                inputMode={a.numeric ? 'numeric' : undefined}
                data-testid={`attr-${a.key}`}
                onChange={(e) => set(a.key, e.target.value)}
              />
            </label>
          ))}
          <label className="field">
            <span>{coder ? t('attrPhase', { coder: coder.name }) : t('attrPhaseNoCoder')}</span>
            <select
              value={myPhase ? (attrs[myPhase] ?? '') : ''}
              disabled={!myPhase}
              data-testid="attr-phase"
              onChange={(e) => myPhase && set(myPhase, e.target.value)}
            >
              <option value="">{t('phaseNone')}</option>
              {PHASES.map((p) => <option key={p.value} value={p.value}>{p.value} – {t(p.label)}</option>)}
            </select>
          </label>
        </div>
        {others.length > 0 && (
          <table className="attr-table">
            <tbody>
              {others.map((k) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td><input value={attrs[k] ?? ''} aria-label={k} maxLength={1000} readOnly={lockedTitle(k) !== undefined} title={lockedTitle(k)} onChange={(e) => set(k, e.target.value)} /></td>
                  <td>
                    <button type="button" className="icon" aria-label={`${t('removeAttribute')}: ${k}`} title={lockedTitle(k) ?? t('removeAttribute')} disabled={lockedTitle(k) !== undefined} onClick={() => setAttrs((a) => Object.fromEntries(Object.entries(a).filter(([x]) => x !== k)))}>✕</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {anyOthers && (
          <label className="lead-toggle small" title={t('editAsLeadHelp')}>
            <input type="checkbox" checked={leadMode} data-testid="case-lead-mode" onChange={(e) => useApp.getState().setLeadMode(e.target.checked)} />
            {t('editAsLead')}
          </label>
        )}
        <div className="field-row add-attr">
          <input value={newKey} placeholder={t('attributeName')} aria-label={t('attributeName')} maxLength={100} onChange={(e) => setNewKey(e.target.value)} data-testid="attr-new-name" />
          <input value={newValue} placeholder={t('attributeValue')} aria-label={t('attributeValue')} maxLength={1000} onChange={(e) => setNewValue(e.target.value)} data-testid="attr-new-value" />
          <button type="button" onClick={addAttribute} disabled={newKey.trim() === '' || newValue.trim() === ''}>{t('addAttribute')}</button>
        </div>
      </fieldset>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('cancel')}</button>
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>{t('save')}</button>
      </div>
    </Modal>
  )
}
