import type { analysisApi } from '../../../shared/api-analysis'
import { studyStem } from '../../../shared/study-file'
import { AgreementService } from '../agreement/agreement.service'
import { pseudoCoders } from './suggestion-handlers'
import { AnalysisService } from '../analysis/analysis.service'
import { buildWorkbook } from '../export/workbook-export'
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
  let agreement: AgreementService | undefined
  const workbookSources = {
    analysis,
    exports,
    codebookTable: () => s.transfer.table(),
    // The same coders as the agreement view offers, the suggestion method (`suggestions:NAME`) among them.
    agreement: async (args: Parameters<AgreementService['measure']>[0]) =>
      (agreement ??= new AgreementService(s)).measure(args, await pseudoCoders(s, args.coders, undefined, args.codeIds)),
  }
  return {
    'analysis:matrix': (args) => analysis.matrix(args),
    'analysis:cooccurrence': (args) => analysis.cooccurrence(args),
    'analysis:phases': (args) => analysis.phases(args),
    'export:matrix': ({ layout, ...rest }) => exports.matrix(...splitCsvOptions(rest), layout ?? 'wide'),
    'export:codings': (args) => exports.codings(...splitCsvOptions(args)),
    'export:cooccurrence': (args) => exports.cooccurrence(...splitCsvOptions(args)),
    'export:phases': (args) => exports.phases(...splitCsvOptions(args)),
    'export:memos': (options) => exports.memos(options),
    'analysis:saturation': (args) => analysis.saturation(args),
    'export:saturation': (args) => exports.saturation(...splitCsvOptions(args)),
    'export:xlsx': async (args) => (await buildWorkbook(workbookSources, args)).toString('base64'),
    'export:qdpx': () => Buffer.from(qdpx.write(s.codebook.list(), studyStem(s.path))).toString('base64'),
    'export:report': (args) => exportReport(s, analysis, studyStem(s.path), args),
  }
}
