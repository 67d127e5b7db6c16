import { useEffect } from 'react'
import { useTA, type AnalysisKey } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { ANALYSIS_TABS, useAnalysis, type AnalysisTab } from '../../store/analysis.slice'
import { AgreementView } from '../agreement/AgreementView'
import { DisagreementsView } from '../agreement/DisagreementsView'
import { CooccurrenceView } from '../matrix/CooccurrenceView'
import { MatrixView } from '../matrix/MatrixView'
import { PhasesView } from '../matrix/PhasesView'
import { SaturationView } from '../matrix/SaturationView'
import './analysis.css'

const LABELS: Record<AnalysisTab, AnalysisKey> = {
  matrix: 'tabMatrix',
  cooccurrence: 'tabCooccurrence',
  phases: 'tabPhases',
  saturation: 'tabSaturation',
  agreement: 'tabAgreement',
  disagreements: 'tabDisagreements',
}

/**
 * The analyses in place of the coding columns: a tab per view. Whatever changes the study
 * (an edit, undo or redo, here or in the coding view) reloads the open view.
 */
export function AnalysisWorkspace() {
  const t = useTA()
  const tab = useAnalysis((s) => s.tab)

  // One reload for the burst of updates a change brings (history, codes, cases and documents).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = useApp.subscribe((s, prev) => {
      if (s.history === prev.history && s.codes === prev.codes && s.cases === prev.cases && s.documents === prev.documents) return
      clearTimeout(timer)
      timer = setTimeout(() => void useAnalysis.getState().refresh(), 30)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [])

  const keys = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    e.preventDefault()
    const at = ANALYSIS_TABS.indexOf(tab)
    const next = ANALYSIS_TABS[(at + (e.key === 'ArrowRight' ? 1 : ANALYSIS_TABS.length - 1)) % ANALYSIS_TABS.length]!
    useAnalysis.getState().setTab(next)
    document.getElementById(`analysis-tab-${next}`)?.focus()
  }

  return (
    <main className="analysis" data-testid="analysis">
      <div className="tabs analysis-tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={keys}>
        {ANALYSIS_TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`analysis-tab-${k}`}
            aria-selected={tab === k}
            aria-controls="analysis-panel"
            tabIndex={tab === k ? 0 : -1}
            onClick={() => useAnalysis.getState().setTab(k)}
            data-testid={`analysis-tab-${k}`}
          >
            {t(LABELS[k])}
          </button>
        ))}
      </div>
      <div className="analysis-panel" role="tabpanel" id="analysis-panel" aria-labelledby={`analysis-tab-${tab}`}>
        {tab === 'matrix' && <MatrixView />}
        {tab === 'cooccurrence' && <CooccurrenceView />}
        {tab === 'phases' && <PhasesView />}
        {tab === 'saturation' && <SaturationView />}
        {tab === 'agreement' && <AgreementView />}
        {tab === 'disagreements' && <DisagreementsView />}
      </div>
    </main>
  )
}

/** The coding workbench (its children) or, in analysis mode, the analyses in its place. */
export function CodingOrAnalysis({ children }: { children: React.ReactNode }) {
  const analysis = useAnalysis((s) => s.mode === 'analysis')
  return analysis ? <AnalysisWorkspace /> : <>{children}</>
}

export { ModeSwitch } from './ModeSwitch'
