import { useMemo, useState } from 'react'
import { Modal } from '../../components/Modal'
import { useTR } from '../../i18n/report-strings'
import { useApp } from '../../store'
import { useCodeOutline } from '../analysis/CodeRowsChooser'
import { downloadReport, type ReportFormat } from './report-download'
import './report.css'

interface Props {
  /** What the view shows now, as the dialog's starting choice. */
  initial: { rootId: number | null; coderIds: number[] }
  onClose(): void
  /** Told the file's name once it is saved. */
  onDone?(file: string): void
}

/** A checklist of names with All / None. */
function Checklist(props: {
  legend: string
  items: { id: number; name: string }[]
  chosen: Set<number>
  onChange(next: Set<number>): void
  testId: string
  help?: string
}) {
  const t = useTR()
  const { items, chosen, onChange } = props
  return (
    <fieldset className="report-checklist" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      <div className="report-checklist-all">
        <button type="button" className="link" onClick={() => onChange(new Set(items.map((i) => i.id)))}>{t('all')}</button>
        <button type="button" className="link" onClick={() => onChange(new Set())}>{t('none')}</button>
      </div>
      <div className="report-checklist-items">
        {items.map((i) => (
          <label key={i.id} className="check-inline">
            <input
              type="checkbox"
              checked={chosen.has(i.id)}
              onChange={(e) => {
                const next = new Set(chosen)
                if (e.target.checked) next.add(i.id)
                else next.delete(i.id)
                onChange(next)
              }}
            />
            <span>{i.name}</span>
          </label>
        ))}
      </div>
      {props.help && <p className="small muted">{props.help}</p>}
    </fieldset>
  )
}

/**
 * The report of coded segments: which codes (all, or one code with its subcodes), cases and
 * coders, Word or HTML, with or without the matrix and chart; then the file is saved.
 */
export function ReportDialog({ initial, onClose, onDone }: Props) {
  const t = useTR()
  const outline = useCodeOutline()
  const cases = useApp((s) => s.cases)
  const coders = useApp((s) => s.coders)
  const [rootId, setRootId] = useState<number | null>(initial.rootId)
  const [caseIds, setCaseIds] = useState(() => new Set(cases.map((c) => c.id)))
  const [coderIds, setCoderIds] = useState(() => new Set(initial.coderIds.length > 0 ? initial.coderIds : coders.map((c) => c.id)))
  const [format, setFormat] = useState<ReportFormat>('docx')
  const [matrix, setMatrix] = useState(true)
  const [chart, setChart] = useState(true)
  const [busy, setBusy] = useState(false)
  const root = useMemo(() => outline.find((c) => c.id === rootId), [outline, rootId])

  const submit = async () => {
    if (busy || coderIds.size === 0 || (cases.length > 0 && caseIds.size === 0)) return
    setBusy(true)
    try {
      const allCases = caseIds.size === cases.length
      const allCoders = coderIds.size === coders.length
      const file = await downloadReport(
        {
          format,
          ...(rootId !== null ? { codeIds: [rootId], subtree: true } : {}),
          ...(allCases ? {} : { caseIds: [...caseIds] }),
          ...(allCoders ? {} : { coderIds: [...coderIds] }),
          includeMatrix: matrix,
          includeChart: chart,
        },
        root ? `report-${root.name}` : 'report',
      )
      onDone?.(file)
      onClose()
    } catch (e) {
      useApp.getState().report(e)
      setBusy(false)
    }
  }

  return (
    <Modal title={t('reportTitle')} onClose={onClose} onSubmit={() => void submit()} className="wide report-dialog" testId="report-dialog">
      <p className="small muted">{t('reportHelp')}</p>
      <label className="field">
        <span>{t('codes')}</span>
        <select value={rootId ?? ''} onChange={(e) => setRootId(e.target.value === '' ? null : Number(e.target.value))} data-testid="report-codes" data-autofocus>
          <option value="">{t('allCodes')}</option>
          {outline.map((c) => (
            <option key={c.id} value={c.id}>
              {'\u00a0\u00a0'.repeat(c.depth)}
              {t('withSubcodes', { name: c.name })}
            </option>
          ))}
        </select>
      </label>
      <div className="report-lists">
        {cases.length > 0 ? (
          <Checklist legend={t('cases')} items={cases} chosen={caseIds} onChange={setCaseIds} testId="report-cases" help={t('casesHelp')} />
        ) : (
          <p className="small muted">{t('noCases')}</p>
        )}
        <Checklist legend={t('coders')} items={coders} chosen={coderIds} onChange={setCoderIds} testId="report-coders" />
      </div>
      <fieldset className="report-format">
        <legend>{t('format')}</legend>
        <label className="check-inline">
          <input type="radio" name="report-format" checked={format === 'docx'} onChange={() => setFormat('docx')} data-testid="report-docx" />
          <span>{t('formatDocx')}</span>
        </label>
        <label className="check-inline">
          <input type="radio" name="report-format" checked={format === 'html'} onChange={() => setFormat('html')} data-testid="report-html" />
          <span>{t('formatHtml')}</span>
        </label>
      </fieldset>
      <div className="report-extras">
        <label className="check-inline">
          <input type="checkbox" checked={matrix} onChange={(e) => setMatrix(e.target.checked)} data-testid="report-matrix" />
          <span>{t('includeMatrix')}</span>
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={chart} onChange={(e) => setChart(e.target.checked)} data-testid="report-chart" />
          <span>{t('includeChart')}</span>
        </label>
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('cancel')}</button>
        <button type="submit" className="primary" disabled={busy || coderIds.size === 0 || (cases.length > 0 && caseIds.size === 0)} data-testid="report-export">
          {busy ? t('working') : t('export')}
        </button>
      </div>
    </Modal>
  )
}
