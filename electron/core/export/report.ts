import type { AnalysisService } from '../analysis/analysis.service'
import { reportDocx } from './report-docx'
import { reportHtml } from './report-html'
import { buildReportModel, type ReportArgs, type ReportSession } from './report-model'

export type ReportFormat = 'docx' | 'html'

/**
 * The report of coded segments in one format, from one model: `html` as its text, `docx` as
 * base64 (the doors carry strings; see `export:report`).
 */
export async function exportReport(
  s: ReportSession,
  analysis: AnalysisService,
  studyName: string,
  args: ReportArgs & { format: ReportFormat },
  now = new Date(),
): Promise<string> {
  const { format, ...rest } = args
  const model = buildReportModel(s, analysis, studyName, rest, now)
  if (format === 'html') return reportHtml(model)
  return Buffer.from(await reportDocx(model)).toString('base64')
}
