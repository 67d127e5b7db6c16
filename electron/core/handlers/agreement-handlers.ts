import type { agreementApi } from '../../../shared/api-agreement'
import type { StudySession } from '../study-session'
import type { HandlersOf } from './handlers'

/** Handlers of intercoder agreement. */
export function createAgreementHandlers(_s: StudySession): HandlersOf<typeof agreementApi> {
  return {}
}
