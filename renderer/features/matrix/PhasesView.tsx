import { useMemo, useState } from 'react'
import type { Phase, PhaseCase } from '../../../shared/analysis-types'
import { call } from '../../api/client'
import { useTA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { apiFilter, subtreeOf, useAnalysis } from '../../store/analysis.slice'
import { CsvMenu } from '../analysis/CsvMenu'
import { fileName } from '../../io/download'
import { FilterControls } from '../analysis/FilterControls'
import { heatClass, integer, percent } from '../analysis/format'
import { SegmentsPanel } from '../analysis/SegmentsPanel'

/** The strongest phases as words: "2", or "1, 2" for a tie. */
function phaseList(phases: readonly Phase[]): string {
  return phases.join(', ')
}

/**
 * Per case: the evidence for each phase (codings and coverage under the phase codes) beside the
 * phase the case was assigned; rows where the two differ are flagged.
 */
export function PhasesView() {
  const t = useTA()
  const lang = useApp((s) => s.lang)
  const p = useAnalysis((s) => s.phases)
  const [onlyDiffering, setOnlyDiffering] = useState(false)
  const [selected, setSelected] = useState<string | null>(null)

  const shown = useMemo(() => (p ? p.cases.filter((c) => !onlyDiffering || c.differs) : []), [p, onlyDiffering])
  const differing = p ? p.cases.filter((c) => c.differs).length : 0

  const pick = (c: PhaseCase, phase: Phase) => {
    const code = p?.phases.find((x) => x.phase === phase)
    if (!code || code.codeId === null) return
    setSelected(`${c.caseId}:${phase}`)
    const docs = useApp.getState().documents.filter((d) => d.caseId === c.caseId).map((d) => d.id)
    void useAnalysis.getState().showSegments({
      title: `${c.caseName} × ${code.path ?? t('phaseN', { phase })}`,
      codeIds: subtreeOf(code.codeId),
      coderIds: useAnalysis.getState().filter.coderIds,
      documentIds: docs,
      expected: c.segments[phase],
    })
  }

  const phaseName = (phase: Phase) => {
    const path = p?.phases.find((x) => x.phase === phase)?.path
    return path ? path.slice(path.lastIndexOf('/') + 1) : t('phaseN', { phase })
  }

  return (
    <section className="analysis-view" aria-label={t('tabPhases')}>
      <div className="toolbar analysis-toolbar">
        <FilterControls />
        <label className="opt check-inline">
          <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} data-testid="only-differing" />
          <span>{t('onlyDiffering')}</span>
        </label>
        <span className="spacer" />
        <CsvMenu
          actions={[{
            label: t('exportPhases'),
            testId: 'export-phases',
            sheet: 'phases',
            file: () => fileName('phases'),
            text: (csv) => {
              const f = apiFilter(useAnalysis.getState().filter)
              return call('export:phases', { ...(f ? { filter: f } : {}), ...csv })
            },
          }]}
          workbook={() => {
            const f = apiFilter(useAnalysis.getState().filter)
            return f ? { filter: f } : {}
          }}
        />
      </div>
      <p className="small muted analysis-summary" data-testid="phases-summary">
        {p && (p.attribute ? t('phasesAttribute', { name: p.attribute }) : t('phasesNoAttribute'))}{' '}
        {p && p.phases.every((x) => x.codeId === null) && t('phasesNoCodes')}{' '}
        {p && t('phasesSummary', { cases: p.cases.length, differing })}
      </p>
      {p && (
        // What the cells' outlines, weight and shading mean.
        <ul className="phases ph-legend small" aria-label={t('phasesLegend')} data-testid="phases-legend">
          <li><span className="ph-key is-assigned" aria-hidden="true">3</span> {t('legendAssigned')}</li>
          <li><span className="ph-key is-strongest" aria-hidden="true">7</span> {t('legendStrongest')}</li>
          <li><span className="ph-key sel" aria-hidden="true">2</span> {t('legendSelected')}</li>
          <li><span className="ph-key heat-8" aria-hidden="true">5</span> {t('legendShade')}</li>
          <li><span className="ph-key differs" aria-hidden="true">⚑</span> {t('legendDiffers')}</li>
        </ul>
      )}
      <div className="analysis-body">
        <div className="analysis-main">
          {p && (
            <div className="mx-scroll" tabIndex={0} role="region" aria-label={t('tabPhases')}>
              <table className="mx phases" data-testid="phases">
                <thead>
                  <tr>
                    <th scope="col" className="mx-corner">{t('case')}</th>
                    <th scope="col" className="ph-head">{t('assigned')}</th>
                    {p.phases.map((x) => (
                      <th key={x.phase} scope="col" className="ph-head" title={x.path ?? ''}>
                        {t('phaseN', { phase: x.phase })}
                        <span className="ph-name small muted">{phaseName(x.phase).replace(/^Fase \d+ – |^Phase \d+ – /, '')}</span>
                      </th>
                    ))}
                    <th scope="col" className="ph-head">{t('strongest')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((c) => {
                    const max = Math.max(...c.segments)
                    return (
                      <tr key={c.caseId} className={c.differs ? 'differs' : undefined} data-case-id={c.caseId} data-differs={c.differs}>
                        <th scope="row" className="mx-row-head">
                          <span className="mx-sort static">
                            {c.differs && <span className="flag" title={t('differsHelp')} aria-label={t('differs')}>⚑</span>}
                            <span className="mx-name">{c.caseName}</span>
                          </span>
                        </th>
                        <td className="ph-assigned" title={c.assignedValue ?? ''} data-testid="assigned">
                          {c.assigned ?? (c.assignedValue ? `“${c.assignedValue}”` : t('notAssigned'))}
                        </td>
                        {p.phases.map((x) => {
                          const n = c.segments[x.phase]
                          const cls = ['mx-cell', 'ph-cell', heatClass(n, max).trim(), c.assigned === x.phase ? 'is-assigned' : '', c.strongest.includes(x.phase) ? 'is-strongest' : '', selected === `${c.caseId}:${x.phase}` ? 'sel' : '']
                          return (
                            <td
                              key={x.phase}
                              className={cls.filter(Boolean).join(' ')}
                              data-phase={x.phase}
                              data-value={n}
                              onClick={() => pick(c, x.phase)}
                            >
                              {t('phaseCell', { segments: integer(lang, n), coverage: c.coverage[x.phase] === null ? t('noText') : percent(lang, c.coverage[x.phase]) })}
                            </td>
                          )
                        })}
                        <td className="ph-strongest" data-testid="strongest">
                          {c.strongest.length === 0 ? <span className="muted">{t('noEvidence')}</span> : phaseList(c.strongest)}
                          {c.differs && <span className="badge differs-badge">{t('differs')}</span>}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
          {p && <p className="small muted">{t('differsHelp')}</p>}
        </div>
        <SegmentsPanel />
      </div>
    </section>
  )
}
