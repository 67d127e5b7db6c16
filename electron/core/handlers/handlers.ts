import { basename } from 'node:path'
import type { Args, Events, Method, Result } from '../../../shared/api'
import type { coreApi } from '../../../shared/api'
import { joinParts } from '../../../shared/api-op'
import { createAgreementHandlers } from './agreement-handlers'
import { createAnalysisHandlers } from './analysis-handlers'
import { createSuggestionHandlers } from './suggestion-handlers'
import { createSearchHandlers } from './search-handlers'
import { createOcrHandlers } from './ocr-handlers'
import { createLogHandlers } from './log-handlers'
import { WerkbankError } from '../../../shared/errors'
import type { ImportOutcome } from '../../../shared/types'
import type { OcrRunResult } from '../../../shared/ocr-types'
import { toAppError } from '../app-error'
import type { StudySession } from '../study-session'

export type Handlers = { [M in Method]: (args: Args<M>) => Result<M> | Promise<Result<M>> }
/** The handlers of one part of the API (core, analysis, agreement). */
export type HandlersOf<Part> = { [M in keyof Part & Method]: (args: Args<M>) => Result<M> | Promise<Result<M>> }

export type Emit = <E extends keyof Events>(event: E, payload: Events[E]) => void

/**
 * The one implementation of every API operation. Handlers are thin: they translate the
 * contract's arguments into service calls.
 */
export function createHandlers(s: StudySession, emit: Emit = () => undefined): Handlers {
  // A method in two parts throws here, at start-up, instead of one part silently winning.
  return joinParts(createCoreHandlers(s, emit), createAnalysisHandlers(s), createAgreementHandlers(s), createSuggestionHandlers(s), createSearchHandlers(s), createLogHandlers(s), createOcrHandlers(s, emit))
}

function createCoreHandlers(s: StudySession, emit: Emit): HandlersOf<typeof coreApi> {
  const withHistory = <T extends object>(result: T) => ({ ...s.history.state(), ...result })
  return {
    'study:info': () => {
      const docs = s.documents.list()
      return {
        path: s.path,
        version: s.study.version,
        documents: docs.length,
        codes: s.codebook.list().length,
        codings: docs.reduce((n, d) => n + d.codingCount, 0),
        coders: s.coders.list().length,
      }
    },

    'cases:list': () => s.cases.list(),
    'cases:create': ({ name }) => s.cases.create(name),
    'cases:ensure': ({ name }) => s.cases.ensure(name),
    'cases:rename': ({ id, name }) => s.cases.rename(id, name),
    'cases:update': ({ id, name, attributes, actingCoderId, asLead }) =>
      s.cases.update(id, { name, attributes }, actingCoderId === undefined ? null : { coderId: actingCoderId, asLead }),
    'cases:setAttribute': ({ id, name, value, actingCoderId, asLead }) =>
      s.cases.setAttribute(id, name, value, actingCoderId === undefined ? null : { coderId: actingCoderId, asLead }),

    'documents:list': () => s.documents.list(),
    'documents:get': ({ id }) => document(s, id),
    'documents:text': ({ id, page }) => {
      document(s, id)
      if (page === undefined) return s.documents.text(id)
      const p = s.documents.page(id, page)
      if (!p) throw new WerkbankError('page-not-found', { documentId: id, page })
      return p.text
    },
    'documents:pages': ({ id }) => {
      document(s, id)
      return s.documents.pages(id)
    },
    'documents:assignCase': ({ documentId, caseId }) => s.documentService.assignCase(documentId, caseId),
    'documents:rename': ({ id, title }) => s.documentService.rename(id, title),
    'documents:delete': ({ id }) => s.deleteDocument(id),
    'documents:import': ({ paths, caseId }) => {
      if (caseId !== undefined && caseId !== null) s.cases.get(caseId)
      return s.importer.importFiles(paths, { caseId: caseId ?? null, onProgress: (p) => emit('import:progress', p) }).then((o) => readScans(s, emit, o))
    },

    'documents:importBytes': ({ fileName, bytes, caseId }) => {
      if (caseId !== undefined && caseId !== null) s.cases.get(caseId)
      return s.importer.importBytes(basename(fileName), bytes, { caseId: caseId ?? null, onProgress: (p) => emit('import:progress', p) })
        .then((o) => readScans(s, emit, [o])[0]!)
    },

    'codes:list': () => s.codebook.list(),
    'codes:create': (args) => s.codebook.create(args),
    'codes:byPath': ({ path }) => s.codebook.get(s.codebook.resolvePath(path)),
    'codes:ensurePath': ({ path, ...fields }) => s.codebook.ensurePath(path, fields),
    'codes:update': ({ id, parentId, ...fields }) => s.codebook.update(id, fields, parentId),
    'codes:move': ({ id, parentId }) => s.codebook.move(id, parentId),
    'codes:merge': ({ sourceId, targetId }) => s.codebook.merge(sourceId, targetId),
    'codes:delete': ({ id, withCodings }) => s.codebook.remove(id, withCodings ?? false),
    'codes:applyTemplate': ({ template, lang }) => s.codebook.applyTemplate(template, lang),
    'codebook:export': ({ format, delimiter, bom }) => s.transfer.export(format, { delimiter, bom }),
    'codebook:import': (args) =>
      args.format === 'qdpx'
        ? s.transfer.import('qdpx', new Uint8Array(Buffer.from(args.base64, 'base64')))
        : s.transfer.import(args.format, args.content),

    'project:importQdpx': ({ bytes }) => s.qdpx.import(bytes),

    'memos:list': ({ targetType, targetId }) => s.memos.list(targetType, targetId),
    'memos:save': ({ targetType, targetId, coderId, body, actingCoderId, asLead }) =>
      s.memos.save(targetType, targetId, coderId, body, { coderId: actingCoderId, asLead }),

    'coders:list': () => s.coders.list(),
    'coders:ensure': ({ name }) => s.ensureCoder(name),

    'codings:list': (filter) => s.codings.list(filter),
    'codings:create': (args) => s.codings.create(args),
    'codings:createByQuote': (args) => s.codings.createByQuote(args),
    'codings:createArea': (args) => s.codings.createArea(args),
    'codings:update': ({ id, actingCoderId, asLead, ...change }) => s.codings.update(id, change, { coderId: actingCoderId, asLead }),
    'codings:delete': ({ id, actingCoderId, asLead }) => {
      s.codings.remove(id, { coderId: actingCoderId, asLead })
      return null
    },

    'search:query': ({ query, limit }) => s.search.search(query, limit),

    'history:state': () => s.history.state(),
    'history:undo': () => withHistory(s.history.undo()),
    'history:redo': () => withHistory(s.history.redo()),
  }
}

function document(s: StudySession, id: number) {
  const doc = s.documents.get(id)
  if (!doc) throw new WerkbankError('document-not-found', { documentId: id })
  return doc
}

/** Starts background OCR of imported documents' pages without a text layer (OcrService.mode). */
function readScans<T extends ImportOutcome>(s: StudySession, emit: Emit, outcomes: T[]): T[] {
  const ids = outcomes.flatMap((o) => (o.status === 'imported' ? [o.documentId] : []))
  s.ocr.afterImport(ids, (p) => emit('ocr:progress', p), (documentId, r) =>
    emit('ocr:done', r instanceof Error || !(r as OcrRunResult)?.pagesRead ? { documentId, error: toAppError(r) } : { documentId, result: r as OcrRunResult }))
  return outcomes
}
