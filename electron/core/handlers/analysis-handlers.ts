import { basename } from 'node:path'
import type { analysisApi } from '../../../shared/api-analysis'
import { AnalysisService } from '../analysis/analysis.service'
import { ExportService } from '../export/export.service'
import { QdpxExport } from '../export/qdpx-export'
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
    'export:matrix': ({ layout, delimiter, decimalComma, bom, ...args }) =>
      exports.matrix(args, layout ?? 'wide', { delimiter, decimalComma, bom }),
    'export:codings': ({ delimiter, decimalComma, bom, ...args }) => exports.codings(args, { delimiter, decimalComma, bom }),
    'export:cooccurrence': ({ delimiter, decimalComma, bom, ...args }) =>
      exports.cooccurrence(args, { delimiter, decimalComma, bom }),
    'export:phases': ({ delimiter, decimalComma, bom, ...args }) => exports.phases(args, { delimiter, decimalComma, bom }),
    'export:memos': (options) => exports.memos(options),
    'export:qdpx': () => Buffer.from(qdpx.write(s.codebook.list(), basename(s.path).replace(/\.werkbank$/i, ''))).toString('base64'),
  }
}
