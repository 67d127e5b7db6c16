import { useEffect } from 'react'
import type { AgreementLevel } from '../../../shared/agreement-types'
import { useTA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { useAnalysis } from '../../store/analysis.slice'
import { useCodeOutline } from '../analysis/CodeRowsChooser'
import { Dropdown } from '../../components/Dropdown'
import { suggestionCoder } from './pseudo-coders'

/** The coder the core settles disagreements into (its default); not a coder to compare by default. */
export const CONSENSUS = 'Consensus'

/** Coders, level, overlap and codes of the agreement and disagreement views. */
export function AgreementOptions({ withLevel }: { withLevel: boolean }) {
  const t = useTA()
  const coders = useApp((s) => s.coders)
  const choice = useAnalysis((s) => s.agreement)
  const outline = useCodeOutline()
  const set = useAnalysis.getState().setAgreement

  // The first two coders (not the consensus) are compared until someone chooses.
  useEffect(() => {
    if (useAnalysis.getState().agreement.coders.length > 0) return
    const names = coders.map((c) => c.name).filter((n) => n !== CONSENSUS)
    if (names.length >= 2) set({ coders: names.slice(0, 2) })
  }, [coders, set])

  // The suggestion method learnt from each human coder, as a coder of its own (agreement only).
  const teachers = withLevel ? coders.filter((c) => c.name !== CONSENSUS) : []
  const toggleCoder = (name: string, on: boolean) => {
    // Keep the order of the coder list (the method's pseudo-coders after it), so "first" and "second" coder stay put.
    const chosen = new Set(on ? [...choice.coders, name] : choice.coders.filter((n) => n !== name))
    set({ coders: [...coders.map((c) => c.name), ...coders.map((c) => suggestionCoder(c.name))].filter((n) => chosen.has(n)) })
  }
  const toggleCode = (id: number, on: boolean) => set({ codeIds: on ? [...choice.codeIds, id] : choice.codeIds.filter((x) => x !== id) })

  return (
    <>
      <fieldset className="opt coder-choice" data-testid="agreement-coders">
        <legend className="sr-only">{t('agreementCoders')}</legend>
        <span className="opt-label">{t('coders')}</span>
        {coders.map((c) => (
          <label key={c.id} className="check-inline">
            <input type="checkbox" checked={choice.coders.includes(c.name)} onChange={(e) => toggleCoder(c.name, e.target.checked)} data-testid={`agreement-coder-${c.id}`} />
            <span>{c.name}</span>
          </label>
        ))}
        {teachers.map((c) => (
          <label key={`sg-${c.id}`} className="check-inline pseudo-coder" title={t('suggestionCoderHelp', { name: c.name })}>
            <input type="checkbox" checked={choice.coders.includes(suggestionCoder(c.name))} onChange={(e) => toggleCoder(suggestionCoder(c.name), e.target.checked)} data-testid={`agreement-suggestions-${c.id}`} />
            <span>{t('suggestionCoder', { name: c.name })}</span>
          </label>
        ))}
      </fieldset>
      {withLevel && (
        <label className="opt" title={t('levelHelp')}>
          <span>{t('level')}</span>
          <select value={choice.level} onChange={(e) => set({ level: e.target.value as AgreementLevel })} data-testid="agreement-level">
            <option value="document">{t('levelDocument')}</option>
            <option value="segment">{t('levelSegment')}</option>
            <option value="character">{t('levelCharacter')}</option>
          </select>
        </label>
      )}
      {(!withLevel || choice.level === 'segment') && (
        <label className="opt" title={t('overlapHelp')}>
          <span>{t('overlap')}</span>
          <input
            type="number"
            min={0}
            max={100}
            step={5}
            value={choice.overlap}
            onChange={(e) => {
              const v = Number(e.target.value)
              if (Number.isFinite(v) && v >= 0 && v <= 100) set({ overlap: v })
            }}
            className="num"
            data-testid="agreement-overlap"
          />
          <span>%</span>
        </label>
      )}
      <Dropdown label={choice.codeIds.length === 0 ? t('codesAll') : t('codesSome', { count: choice.codeIds.length })} testId="agreement-codes" active={choice.codeIds.length > 0}>
        <fieldset className="checklist codes-checklist">
          <legend className="sr-only">{t('codes')}</legend>
          {outline.map((c) => (
            <label key={c.id} className="check-inline" style={{ paddingLeft: `${c.depth * 14}px` }}>
              <input type="checkbox" checked={choice.codeIds.includes(c.id)} onChange={(e) => toggleCode(c.id, e.target.checked)} />
              <span className="swatch" style={{ backgroundColor: c.colour }} />
              <span>{c.name}</span>
            </label>
          ))}
        </fieldset>
        {choice.codeIds.length > 0 && <button type="button" className="link small" onClick={() => set({ codeIds: [] })}>{t('clearFilter')}</button>}
      </Dropdown>
    </>
  )
}
