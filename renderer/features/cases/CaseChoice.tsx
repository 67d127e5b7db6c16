import { useT } from '../../i18n'
import { useApp } from '../../store'

export type CaseChoiceValue = { caseId: number | null } | { newCase: string }

/** Pick a case, no case, or a new case by name. */
export function CaseChoice({ value, onChange }: { value: CaseChoiceValue; onChange(v: CaseChoiceValue): void }) {
  const t = useT()
  const cases = useApp((s) => s.cases)
  const selected = 'newCase' in value ? 'new' : value.caseId === null ? '' : String(value.caseId)
  return (
    <div className="field">
      <label className="field">
        <span>{t('case')}</span>
        <select
          value={selected}
          data-testid="case-choice"
          onChange={(e) => {
            const v = e.target.value
            onChange(v === 'new' ? { newCase: '' } : { caseId: v === '' ? null : Number(v) })
          }}
        >
          <option value="">{t('noCase')}</option>
          {cases.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          <option value="new">{t('newCaseOption')}</option>
        </select>
      </label>
      {'newCase' in value && (
        <label className="field">
          <span>{t('newCaseName')}</span>
          <input value={value.newCase} maxLength={200} autoFocus data-testid="new-case-name" onChange={(e) => onChange({ newCase: e.target.value })} />
        </label>
      )}
    </div>
  )
}
