/**
 * The API contract: every operation once, with the schema of its input and the type of its
 * result. Electron's IPC, the browser-mode HTTP bridge and the CLI all call the same handler
 * table through `dispatch`, which validates input against these schemas.
 */
import { z } from 'zod'
import type { AppError } from './errors'
import type {
  Case, Code, Coder, Coding, CodingRow, DocumentSummary, HistoryState, ImportOutcome, Memo, PageInfo, QdpxImportResult, SearchHit, StudyInfo,
} from './types'

const id = z.number().int().positive()
const offset = z.number().int().min(0)
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #RRGGBB')
const text = (max = 100_000) => z.string().max(max)
const name = z.string().trim().min(1).max(200)
const unit = z.number().min(0).max(1)
const memoTarget = z.enum(['study', 'case', 'document', 'code'])
/**
 * Who changes a coder's work (a coding, its memo, a memo): the acting coder, required. Only
 * the work's own coder may change it, unless `asLead` (consensus / lead mode) is set for that
 * call; the core refuses otherwise and records a lead's change in the undo history.
 */
const actor = { actingCoderId: id, asLead: z.boolean().optional() }
/** The same where most changes belong to nobody (case attributes): needed only for a judgement. */
const optionalActor = { actingCoderId: id.optional(), asLead: z.boolean().optional() }

const codeFields = {
  name: name.optional(),
  colour: colour.optional(),
  definition: text().optional(),
  inclusion: text().optional(),
  exclusion: text().optional(),
  example: text().optional(),
}

import { searchApi } from './api-search'
import { logApi } from './api-log'
import { joinParts, op } from './api-op'
import { QDPX_MAX_BYTES } from './qdpx'
import { analysisApi } from './api-analysis'
import { agreementApi } from './api-agreement'
import { suggestionsApi } from './api-suggestions'
import { ocrApi } from './api-ocr'

/** Operations on the study file itself: documents, cases, codebook, codings, search, undo. */
export const coreApi = {
  'study:info': op<StudyInfo>()(z.object({})),

  'cases:list': op<Case[]>()(z.object({})),
  'cases:create': op<Case>()(z.object({ name })),
  'cases:ensure': op<Case>()(z.object({ name })),
  'cases:rename': op<Case>()(z.object({ id, name })),
  // One undo step for a whole case dialog: a new name and any attributes ('' removes one).
  // A coder's judgement (`fase:Anna`) changes only with the acting coder: its own, or as lead.
  'cases:update': op<Case>()(
    z.object({ id, name: name.optional(), attributes: z.record(name.max(100), text(1000)).optional(), ...optionalActor }),
  ),
  'cases:setAttribute': op<Case>()(
    z.object({ id, name: name.max(100), value: text(1000), ...optionalActor }),
  ),

  'documents:list': op<DocumentSummary[]>()(z.object({})),
  'documents:get': op<DocumentSummary>()(z.object({ id })),
  'documents:text': op<string>()(z.object({ id, page: id.optional() })),
  'documents:pages': op<PageInfo[]>()(z.object({ id })),
  'documents:assignCase': op<DocumentSummary>()(
    z.object({ documentId: id, caseId: id.nullable() }),
  ),
  'documents:rename': op<DocumentSummary>()(z.object({ id, title: name.max(500) })),
  'documents:delete': op<{ deletedCodings: number }>()(z.object({ id })),
  'documents:import': op<ImportOutcome[]>()(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000), caseId: id.nullable().optional() }),
  ),

  // PDF bytes without a path: files dropped on the desktop app's window (structured clone over
  // IPC). Browser mode uploads bytes over HTTP instead (POST /api/import).
  'documents:importBytes': op<ImportOutcome>()(
    z.object({
      fileName: z.string().min(1).max(255),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 1024 * 1024 * 1024, 'at most 1 GB'),
      caseId: id.nullable().optional(),
    }),
  ),

  'codes:list': op<Code[]>()(z.object({})),
  'codes:create': op<Code>()(
    z.object({ parentId: id.nullable(), ...codeFields, name }),
  ),
  'codes:byPath': op<Code>()(z.object({ path: z.string().min(1).max(2000) })),
  'codes:ensurePath': op<Code>()(
    z.object({ path: z.string().min(1).max(2000), colour: colour.optional(), definition: text().optional() }),
  ),
  // With parentId, also moves the code: one undo step for a whole details dialog.
  'codes:update': op<Code>()(
    z.object({ id, ...codeFields, parentId: id.nullable().optional() }),
  ),
  'codes:move': op<Code>()(z.object({ id, parentId: id.nullable() })),
  'codes:merge': op<Code>()(z.object({ sourceId: id, targetId: id })),
  'codes:delete': op<{ deletedCodes: number; deletedCodings: number }>()(
    z.object({ id, withCodings: z.boolean().optional() }),
  ),
  'codes:applyTemplate': op<Code[]>()(
    z.object({ template: z.string().min(1).max(100), lang: z.enum(['nl', 'en']) }),
  ),
  // qdc: REFI-QDA's codebook XML, for ATLAS.ti, MAXQDA, NVivo, QualCoder, Taguette.
  'codebook:export': op<string>()(
    z.object({ format: z.enum(['csv', 'json', 'qdc']), delimiter: z.enum([',', ';', '\t']).optional(), bom: z.boolean().optional() }),
  ),
  // qdc reads REFI-QDA XML: a codebook (.qdc) or a project's XML (.qde, which the page takes out
  // of a .qdpx itself). A whole .qdpx (a zip) comes as base64 bytes (the command line).
  'codebook:import': op<{ created: number; updated: number }>()(
    z.discriminatedUnion('format', [
      z.object({ format: z.enum(['csv', 'json', 'qdc']), content: z.string().max(20_000_000) }),
      z.object({ format: z.literal('qdpx'), base64: z.base64().max(200_000_000) }),
    ]),
  ),

  // A REFI-QDA project (.qdpx): its PDFs, codebook, cases and codings. Bytes by structured
  // clone (desktop app, CLI); browser mode posts the file to /api/import-qdpx instead.
  'project:importQdpx': op<QdpxImportResult>()(
    z.object({ bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= QDPX_MAX_BYTES, 'at most 1 GB') }),
  ),

  // Memos on the study, a case, a document or a code: one per coder and target.
  'memos:list': op<Memo[]>()(z.object({ targetType: memoTarget, targetId: id.nullable() })),
  // `coderId` is whose memo it is; `actingCoderId` who writes it (see `actor`).
  'memos:save': op<Memo | null>()(z.object({ targetType: memoTarget, targetId: id.nullable(), coderId: id, body: text(), ...actor })),

  'coders:list': op<Coder[]>()(z.object({})),
  'coders:ensure': op<Coder>()(z.object({ name })),

  'codings:list': op<CodingRow[]>()(
    z.object({
      documentId: id.optional(),
      documentIds: z.array(id).max(100_000).optional(),
      codeIds: z.array(id).max(10_000).optional(),
      coderIds: z.array(id).max(1000).optional(),
    }),
  ),
  'codings:create': op<Coding>()(
    z.object({
      documentId: id, codeId: id, coderId: id, start: offset, end: offset, memo: text().optional(),
      // How the passage was chosen, for the coding's provenance (default: a selection on the page).
      origin: z.enum(['selection', 'keyboard', 'cli']).optional(),
    }),
  ),
  'codings:createByQuote': op<Coding>()(
    z.object({ documentId: id, codeId: id, coderId: id, quote: z.string().min(1).max(1_000_000), memo: text().optional() }),
  ),
  'codings:createArea': op<Coding>()(
    z.object({
      documentId: id, codeId: id, coderId: id, page: id,
      rect: z.object({ x: unit, y: unit, w: unit, h: unit }).refine((r) => r.w > 0 && r.h > 0 && r.x + r.w <= 1.0001 && r.y + r.h <= 1.0001, 'the area must lie on the page'),
      memo: text().optional(),
    }),
  ),
  'codings:update': op<Coding>()(
    z.object({ id, codeId: id.optional(), start: offset.optional(), end: offset.optional(), memo: text().optional(), ...actor }),
  ),
  'codings:delete': op<null>()(z.object({ id, ...actor })),

  'search:query': op<SearchHit[]>()(
    z.object({ query: z.string().max(1000), limit: z.number().int().min(1).max(10_000).optional() }),
  ),

  'history:state': op<HistoryState>()(z.object({})),
  // What was undone or redone: its label and the label's parameters (a lead's edit names both coders).
  'history:undo': op<HistoryState & { label: string; params: Record<string, string | number> }>()(z.object({})),
  'history:redo': op<HistoryState & { label: string; params: Record<string, string | number> }>()(z.object({})),
} as const

/** Every operation: the core, the cross-case analyses, intercoder agreement and suggestions. */
export const api = joinParts(coreApi, analysisApi, agreementApi, suggestionsApi, searchApi, logApi, ocrApi)

export type Api = typeof api
export type Method = keyof Api
export type Args<M extends Method> = z.infer<Api[M]['args']>
export type Result<M extends Method> = Api[M]['result']
export type Reply<M extends Method> = { ok: true; data: Result<M> } | { ok: false; error: AppError }

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name)
}

/** Events the core sends to the UI (import progress). */
export interface Events {
  'import:progress': import('./types').ImportProgress
  /** Reading a document's scanned pages (OCR): after each page. */
  'ocr:progress': import('./ocr-types').OcrProgress
  /** Background OCR after an import finished for a document (its pages changed), or failed. */
  'ocr:done': { documentId: number; result?: import('./ocr-types').OcrRunResult; error?: import('./errors').AppError }
}
