import { useState, type ReactNode } from 'react'
import type { Args } from '../../../shared/api'
import type { WorkbookSheet } from '../../../shared/api-analysis'
import { call } from '../../api/client'
import { useTA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { csvChoice, useAnalysis, type CsvChoice } from '../../store/analysis.slice'
import { downloadBase64, downloadText } from '../../io/download'
import { Dropdown } from '../../components/Dropdown'

/** The options of a CSV export, as the API takes them. */
export type CsvOptions = Omit<Required<CsvChoice>, 'format'>

/** One thing to export: its file name and how to get its text (with the chosen CSV options). */
export interface CsvAction {
  label: string
  testId: string
  file: () => string
  text: (csv: CsvOptions) => string | Promise<string>
  /** The workbook sheet of the same table, where there is one. */
  sheet?: WorkbookSheet
}

/** What a view's workbook is made of: the same choices its CSV exports use. */
export type WorkbookArgs = Omit<Args<'export:xlsx'>, 'sheets'>

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The export menu: CSV (delimiter, decimal comma, BOM, line breaks) or an Excel workbook, then
 * a button per table; with Excel also one workbook of all the view's tables and the study's
 * codebook and memos.
 */
export function CsvMenu({ actions, workbook, extra }: { actions: CsvAction[]; workbook?: () => WorkbookArgs; extra?: ReactNode }) {
  const t = useTA()
  const chosen = useAnalysis((s) => s.csv)
  const { format, ...csv } = csvChoice(chosen)
  const setCsv = useAnalysis.getState().setCsv
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const xlsx = format === 'xlsx' && workbook !== undefined
  const sheets = actions.flatMap((a) => (a.sheet ? [a.sheet] : []))
  const all: WorkbookSheet[] = [...new Set([...sheets, 'codebook', 'memos'] as WorkbookSheet[])]

  const save = async (name: string, work: () => Promise<void>) => {
    setBusy(true)
    setDone('')
    try {
      await work()
      setDone(t('exported', { file: name }))
    } catch (e) {
      useApp.getState().report(e)
    } finally {
      setBusy(false)
    }
  }
  const run = (a: CsvAction) => {
    if (!xlsx || !a.sheet) {
      const name = a.file()
      return save(name, async () => downloadText(name, await a.text(csv)))
    }
    const name = a.file().replace(/\.csv$/, '.xlsx')
    return save(name, async () => downloadBase64(name, await call('export:xlsx', { ...workbook!(), sheets: [a.sheet!] }), XLSX_TYPE))
  }
  const runAll = () => {
    const name = 'werkbank-tables.xlsx'
    return save(name, async () => downloadBase64(name, await call('export:xlsx', { ...workbook!(), sheets: all }), XLSX_TYPE))
  }

  return (
    <Dropdown label={t('exportMenu')} testId="export" align="right">
      {workbook && (
        <div className="segmented export-format" role="group" aria-label={t('exportFormat')}>
          <button type="button" aria-pressed={!xlsx} className={!xlsx ? 'pressed' : undefined} onClick={() => setCsv({ format: 'csv' })} data-testid="format-csv">CSV</button>
          <button type="button" aria-pressed={xlsx} className={xlsx ? 'pressed' : undefined} onClick={() => setCsv({ format: 'xlsx' })} data-testid="format-xlsx">{t('formatExcel')}</button>
        </div>
      )}
      {!xlsx && <div className="csv-options">
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
      </div>}
      <div className="csv-actions">
        {actions.filter((a) => !xlsx || a.sheet).map((a) => (
          <button key={a.testId} type="button" disabled={busy} onClick={() => void run(a)} data-testid={a.testId}>
            {a.label}
          </button>
        ))}
        {xlsx && (
          <button type="button" disabled={busy} onClick={() => void runAll()} data-testid="export-workbook">
            {t('exportWorkbook')}
          </button>
        )}
        {extra}
      </div>
      {done && <p className="small muted" role="status">{done}</p>}
    </Dropdown>
  )
}
