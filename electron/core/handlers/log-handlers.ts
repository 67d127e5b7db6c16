import type { logApi } from '../../../shared/api-log'
import { StudyLogService } from '../services/study-log.service'
import type { StudySession } from '../study-session'
import type { HandlersOf } from './handlers'

/** Handlers of the study log (who created, changed or deleted which coding when). */
export function createLogHandlers(s: StudySession): HandlersOf<typeof logApi> {
  let service: StudyLogService | undefined
  const log = () => (service ??= new StudyLogService(s.study.db))
  return {
    'log:list': ({ limit, ...filter }) => log().list(filter, limit),
    'log:export': ({ delimiter, bom, flattenLineBreaks, ...filter }) =>
      log().csv(filter, { delimiter: delimiter ?? ',', bom: bom ?? false, flattenLineBreaks: flattenLineBreaks ?? false }),
  }
}
