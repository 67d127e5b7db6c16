import { useState } from 'react'
import type { Args } from '../../../shared/api'
import { call } from '../../api/client'
import { Dropdown } from '../../components/Dropdown'
import { tr, useTR, type ReportUiKey } from '../../i18n/report-strings'
import { downloadBase64, downloadText, fileNameWith, studyName } from '../../io/download'
import { XLSX_TYPE } from '../analysis/CsvMenu'
import { useApp } from '../../store'
import { csvChoice, useAnalysis } from '../../store/analysis.slice'
import { downloadReport } from './report-download'

/**
 * The segments the retrieval panel lists, as arguments every export of them takes: the code
 * (with its subcodes when the panel shows them) and the coders whose codings are shown. One
 * place, so each format exports what the panel shows.
 */
export function retrievalSelection(): { codeIds: number[]; subtree: boolean; coderIds?: number[]; codePath: string } | null {
  const s = useApp.getState()
  const codeId = s.retrievalCodeId
  const code = codeId === null ? undefined : s.codes.byId[codeId]
  if (!code) return null
  const coderIds = s.visibleCoderIds()
  return { codeIds: [code.id], subtree: s.retrievalSubcodes, ...(coderIds ? { coderIds } : {}), codePath: code.path }
}

type Selection = NonNullable<ReturnType<typeof retrievalSelection>>

/** One format of the retrieval list; saves the file and returns its name. */
interface RetrievalExport {
  label: ReportUiKey
  testId: string
  save(sel: Selection): Promise<string>
}

/** The formats on offer: CSV, an Excel workbook (the codings sheet), Word, a web page. */
const EXPORTS: RetrievalExport[] = [
  {
    label: 'retrievalCsv',
    testId: 'retrieval-export-csv',
    async save(sel) {
      const { delimiter, decimalComma, bom, flattenLineBreaks } = csvChoice(useAnalysis.getState().csv)
      const text = await call('export:codings', { ...codingsArgs(sel), delimiter, decimalComma, bom, flattenLineBreaks })
      const name = fileNameWith('csv', 'segments', sel.codePath, studyName(useApp.getState().info?.path))
      downloadText(name, text)
      return name
    },
  },
  {
    label: 'retrievalXlsx',
    testId: 'retrieval-export-xlsx',
    async save(sel) {
      const name = fileNameWith('xlsx', 'segments', sel.codePath, studyName(useApp.getState().info?.path))
      downloadBase64(name, await call('export:xlsx', { sheets: ['codings'], ...codingsArgs(sel) }), XLSX_TYPE)
      return name
    },
  },
  { label: 'retrievalDocx', testId: 'retrieval-export-docx', save: (sel) => saveReport(sel, 'docx') },
  { label: 'retrievalHtml', testId: 'retrieval-export-html', save: (sel) => saveReport(sel, 'html') },
]

/** The codings export's arguments for the retrieval list. */
export function codingsArgs(sel: Selection): Pick<Args<'export:codings'>, 'codeIds' | 'subtree' | 'filter'> {
  return { codeIds: sel.codeIds, subtree: sel.subtree, ...(sel.coderIds ? { filter: { coderIds: sel.coderIds } } : {}) }
}

function saveReport(sel: Selection, format: 'docx' | 'html'): Promise<string> {
  const lang = useApp.getState().lang
  return downloadReport(
    {
      format,
      codeIds: sel.codeIds,
      subtree: sel.subtree,
      ...(sel.coderIds ? { coderIds: sel.coderIds } : {}),
      title: tr(lang, 'retrievalTitle', { code: sel.codePath }),
    },
    `segments-${sel.codePath}`,
  )
}

/** The retrieval panel's export menu: the listed segments as CSV, Word or a web page. */
export function RetrievalExportMenu({ disabled }: { disabled: boolean }) {
  const t = useTR()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const run = async (e: RetrievalExport) => {
    const sel = retrievalSelection()
    if (!sel || sel.coderIds?.length === 0) return
    setBusy(true)
    setDone('')
    try {
      setDone(t('exported', { file: await e.save(sel) }))
    } catch (err) {
      useApp.getState().report(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dropdown label={t('retrievalExport')} testId="retrieval-export" align="right">
      <div className="menu-stack">
        {EXPORTS.map((e) => (
          <button key={e.testId} type="button" disabled={busy || disabled} onClick={() => void run(e)} data-testid={e.testId}>
            {t(e.label)}
          </button>
        ))}
        {done && <p className="small muted" role="status">{done}</p>}
      </div>
    </Dropdown>
  )
}
