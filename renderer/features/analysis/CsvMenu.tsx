import { useState } from 'react'
import { useTA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { csvChoice, useAnalysis, type CsvChoice } from '../../store/analysis.slice'
import { downloadText } from '../../io/download'
import { Dropdown } from '../../components/Dropdown'

/** One thing to export: its file name and how to get its text (with the chosen CSV options). */
export interface CsvAction {
  label: string
  testId: string
  file: () => string
  text: (csv: CsvChoice) => string | Promise<string>
}

/** The export menu: delimiter, decimal comma, BOM, then a button per table. */
export function CsvMenu({ actions }: { actions: CsvAction[] }) {
  const t = useTA()
  const chosen = useAnalysis((s) => s.csv)
  const csv = csvChoice(chosen)
  const setCsv = useAnalysis.getState().setCsv
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')

  const run = async (a: CsvAction) => {
    setBusy(true)
    setDone('')
    try {
      const name = a.file()
      downloadText(name, await a.text(csv))
      setDone(t('exported', { file: name }))
    } catch (e) {
      useApp.getState().report(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dropdown label={t('exportMenu')} testId="export" align="right">
      <div className="csv-options">
        <label className="opt">
          <span>{t('delimiter')}</span>
          <select value={csv.delimiter} onChange={(e) => setCsv({ delimiter: e.target.value as CsvChoice['delimiter'] })} data-testid="csv-delimiter">
            <option value=",">{t('delimiterComma')}</option>
            <option value=";">{t('delimiterSemicolon')}</option>
          </select>
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={csv.decimalComma} onChange={(e) => setCsv({ decimalComma: e.target.checked })} data-testid="csv-decimal-comma" />
          <span>{t('decimalComma')}</span>
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={csv.bom} onChange={(e) => setCsv({ bom: e.target.checked })} data-testid="csv-bom" />
          <span>{t('bom')}</span>
        </label>
        <label className="check-inline">
          <input type="checkbox" checked={csv.flattenLineBreaks} onChange={(e) => setCsv({ flattenLineBreaks: e.target.checked })} data-testid="csv-flatten" />
          <span>{t('flattenLineBreaks')}</span>
        </label>
      </div>
      <div className="csv-actions">
        {actions.map((a) => (
          <button key={a.testId} type="button" disabled={busy} onClick={() => void run(a)} data-testid={a.testId}>
            {a.label}
          </button>
        ))}
      </div>
      {done && <p className="small muted" role="status">{done}</p>}
    </Dropdown>
  )
}
