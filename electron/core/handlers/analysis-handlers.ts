import { basename } from 'node:path'
import type { analysisApi } from '../../../shared/api-analysis'
import { AnalysisService } from '../analysis/analysis.service'
import { ExportService, splitCsvOptions } from '../export/export.service'
import { QdpxExport } from '../export/qdpx-export'
import { exportReport } from '../export/report'
import type { StudySession } from '../study-session'
import type { HandlersOf } from './handlers'

/** Handlers of the cross-case analyses. */
export function createAnalysisHandlers(s: StudySession): HandlersOf<typeof analysisApi> {
  const analysis = new AnalysisService(s.study.db)
  const exports = new ExportService(s.study.db, analysis)
  const qdpx = new QdpxExport(s.study.db)
  return {
    'analysis:matrix': (args) => analysis.matrix(args),
    'analysis:cooccurrence': (args) => analysis.cooccurrence(args),
    'analysis:phases': (args) => analysis.phases(args),
    'export:matrix': ({ layout, ...rest }) => exports.matrix(...splitCsvOptions(rest), layout ?? 'wide'),
    'export:codings': (args) => exports.codings(...splitCsvOptions(args)),
    'export:cooccurrence': (args) => exports.cooccurrence(...splitCsvOptions(args)),
    'export:phases': (args) => exports.phases(...splitCsvOptions(args)),
    'export:memos': (options) => exports.memos(options),
    'export:qdpx': () => Buffer.from(qdpx.write(s.codebook.list(), basename(s.path).replace(/\.werkbank$/i, ''))).toString('base64'),
    'export:report': (args) => exportReport(s, analysis, basename(s.path).replace(/\.werkbank$/i, ''), args),
  }
}
