import type { searchApi } from '../../../shared/api-search'
import { WerkbankError } from '../../../shared/errors'
import { QuerySearchService } from '../search/query-search.service'
import type { StudySession } from '../study-session'
import type { HandlersOf } from './handlers'

/** Handlers of search and auto-coding with the query language. */
export function createSearchHandlers(s: StudySession): HandlersOf<typeof searchApi> {
  // Made on first use; it keeps the prepared text of the documents searched last.
  let service: QuerySearchService | undefined
  const q = () => (service ??= new QuerySearchService(s.study.db, s.documents, s.codings, s.history))
  return {
    'search:run': (args) => q().search(args),
    'autocode:preview': (args) => q().preview(args),
    'autocode:apply': (args) => q().apply(args),
    'queries:list': () => q().listSaved(),
    'queries:save': ({ name, query, options }) => ({ id: q().save(name, query, options ?? {}) }),
    'queries:delete': ({ id }) => {
      q().deleteSaved(id)
      return null
    },
    'queries:run': ({ id, limit }) => q().runSaved(id, limit),
    'units:around': ({ documentId, kind, offset }) => {
      if (!s.documents.get(documentId)) throw new WerkbankError('document-not-found', { documentId })
      return s.documents.units.around(documentId, kind, offset) ?? s.documents.units.all(documentId, kind).find((u) => u.start >= offset) ?? null
    },
  }
}
