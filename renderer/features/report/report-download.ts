import type { Args } from '../../../shared/api'
import { call } from '../../api/client'
import { downloadBase64, downloadText, fileNameWith, studyName } from '../../io/download'
import { useApp } from '../../store'

export type ReportFormat = 'docx' | 'html'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * Asks the core for the report and saves it: a .docx comes as base64, an .html as its text.
 * Returns the file's name. The file is named from `stem` and the study.
 */
export async function downloadReport(args: Omit<Args<'export:report'>, 'lang'>, stem: string): Promise<string> {
  const { lang, info } = useApp.getState()
  const content = await call('export:report', { ...args, lang })
  const name = fileNameWith(args.format, stem, studyName(info?.path))
  if (args.format === 'docx') downloadBase64(name, content, DOCX)
  else downloadText(name, content, 'text/html;charset=utf-8')
  return name
}
