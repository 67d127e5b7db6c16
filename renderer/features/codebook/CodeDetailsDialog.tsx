import { useMemo, useState } from 'react'
import type { Code } from '../../../shared/types'
import { Modal } from '../../components/Modal'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { subtreeIds } from './code-tree'

type Field = 'name' | 'colour' | 'definition' | 'inclusion' | 'exclusion' | 'example'

/** A code's details: name, colour, place in the tree, and what a good codebook says of it. */
export function CodeDetailsDialog({ code, codes, onClose, onMerge }: { code: Code; codes: readonly Code[]; onClose(): void; onMerge(): void }) {
  const t = useT()
  const [values, setValues] = useState<Record<Field, string>>({
    name: code.name,
    colour: code.colour,
    definition: code.definition,
    inclusion: code.inclusion,
    exclusion: code.exclusion,
    example: code.example,
  })
  const [parentId, setParentId] = useState<number | null>(code.parentId)
  const [busy, setBusy] = useState(false)
  const inside = useMemo(() => new Set(subtreeIds(codes, code.id)), [codes, code.id])
  const parents = codes.filter((c) => !inside.has(c.id))

  const save = async () => {
    const changed: Partial<Record<Field, string>> = {}
    for (const k of Object.keys(values) as Field[]) {
      const v = k === 'name' ? values[k].trim() : values[k]
      if (v !== code[k]) changed[k] = v
    }
    setBusy(true)
    const s = useApp.getState()
    // One call, so the whole dialog is one undo step.
    const ok = await s.updateCode(code.id, changed, parentId !== code.parentId ? parentId : undefined)
    setBusy(false)
    if (ok) onClose()
  }

  const text = (k: Exclude<Field, 'name' | 'colour'>, rows = 3) => (
    <label className="field">
      <span>{t(k)}</span>
      <textarea rows={rows} value={values[k]} maxLength={100_000} data-testid={`code-${k}`} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />
    </label>
  )

  return (
    <Modal title={t('codeDetailsTitle', { name: code.name })} onClose={onClose} onSubmit={() => void save()} className="wide" testId="code-details">
      <div className="field-row">
        <label className="field grow">
          <span>{t('codeName')}</span>
          <input value={values.name} maxLength={200} data-autofocus onChange={(e) => setValues({ ...values, name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('colour')}</span>
          <input type="color" value={values.colour} onChange={(e) => setValues({ ...values, colour: e.target.value })} />
        </label>
      </div>
      <label className="field">
        <span>{t('parentCode')}</span>
        <select value={parentId ?? ''} onChange={(e) => setParentId(e.target.value === '' ? null : Number(e.target.value))} data-testid="code-parent">
          <option value="">{t('topLevel')}</option>
          {parents.map((c) => <option key={c.id} value={c.id}>{c.path}</option>)}
        </select>
      </label>
      {text('definition', 4)}
      <div className="field-row">
        <div className="grow">{text('inclusion')}</div>
        <div className="grow">{text('exclusion')}</div>
      </div>
      {text('example')}
      <p className="muted small">{t('codeCounts', { own: code.codingCount })}</p>
      <div className="modal-actions">
        <button type="button" onClick={onMerge}>{t('mergeInto')}</button>
        <span className="spacer" />
        <button type="button" onClick={onClose}>{t('cancel')}</button>
        <button type="submit" className="primary" disabled={busy || values.name.trim() === ''}>{t('save')}</button>
      </div>
    </Modal>
  )
}
