import type { analysisApi } from '../../../shared/api-analysis'
import type { StudySession } from '../study-session'
import type { HandlersOf } from './handlers'

/** Handlers of the cross-case analyses. */
export function createAnalysisHandlers(_s: StudySession): HandlersOf<typeof analysisApi> {
  return {}
}
