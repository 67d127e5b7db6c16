import type { suggestionsApi } from '../../../shared/api-suggestions'
import { SUGGESTION_CODER_PREFIX } from '../../../shared/api-suggestions'
import { WerkbankError } from '../../../shared/errors'
import type { PseudoCoder } from '../agreement/agreement.service'
import type { StudySession } from '../study-session'
import type { HandlersOf } from './handlers'

/** Handlers of suggestions. */
export function createSuggestionHandlers(s: StudySession): HandlersOf<typeof suggestionsApi> {
  return {
    'suggestions:list': (args) => s.suggestions.list(args),
    'suggestions:accept': (args) => s.suggestions.accept(args),
    'suggestions:reject': (args) => {
      s.suggestions.reject(args)
      return null
    },
    'suggestions:evaluate': (args) => s.suggestions.evaluate(args),
  }
}

/**
 * The pseudo-coders among coder names (`suggestions:TEACHER`, or `suggestions:METHOD:TEACHER`
 * naming the method's version): the method's segments learnt from the teacher, as
 * SuggestionService.asCoder makes them. Negative ids keep them apart from the study's coders.
 */
export async function pseudoCoders(
  s: StudySession, names: readonly string[], documentIds?: number[], codeIds?: number[],
): Promise<PseudoCoder[]> {
  const out: PseudoCoder[] = []
  for (const raw of names) {
    const name = raw.trim()
    if (!name.startsWith(SUGGESTION_CODER_PREFIX)) continue
    let teacherName = name.slice(SUGGESTION_CODER_PREFIX.length)
    const method = s.suggestions.method
    if (teacherName.startsWith(`${method}:`)) teacherName = teacherName.slice(method.length + 1)
    else if (/^[\w.-]+@\d+:/.test(teacherName)) {
      throw new WerkbankError('suggestion-method-unknown', { name: teacherName.slice(0, teacherName.indexOf(':')), known: method })
    }
    const teacher = s.coders.byName(teacherName)
    if (!teacher) throw new WerkbankError('agreement-coder-unknown', { name })
    const id = -(out.length + 1)
    const spans = await s.suggestions.asCoder(teacher.id, documentIds, codeIds)
    out.push({
      coder: { id, name },
      rows: spans.map((p, i) => ({
        id: -(i + 1), document_id: p.documentId, code_id: p.codeId, coder_id: id, kind: 'text', start_offset: p.start, end_offset: p.end,
      })),
    })
  }
  return out
}
