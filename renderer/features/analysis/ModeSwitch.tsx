import { useTA } from '../../i18n/analysis-strings'
import { useAnalysis } from '../../store/analysis.slice'

/** The top bar's choice between the coding workbench and the analyses. */
export function ModeSwitch() {
  const t = useTA()
  const mode = useAnalysis((s) => s.mode)
  const set = useAnalysis.getState().setMode
  return (
    <div className="segmented mode-switch" role="group" aria-label={t('modeLabel')}>
      <button type="button" aria-pressed={mode === 'coding'} className={mode === 'coding' ? 'pressed' : undefined} onClick={() => set('coding')} data-testid="mode-coding">
        {t('modeCoding')}
      </button>
      <button type="button" aria-pressed={mode === 'analysis'} className={mode === 'analysis' ? 'pressed' : undefined} onClick={() => set('analysis')} data-testid="mode-analysis">
        {t('modeAnalysis')}
      </button>
    </div>
  )
}
