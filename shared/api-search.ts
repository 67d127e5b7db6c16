/** API operations of search and auto-coding with the query language (shared/query/query.ts). */
import { z } from 'zod'
import { analysisFilter } from './api-analysis'
import { op } from './api-op'
import type { AutocodeResult, QuerySearchResult, SavedQuery } from './query/search-types'

const id = z.number().int().positive()

/** A search: the query, stemming, the documents in scope, and what a hit becomes. */
const search = {
  query: z.string().trim().min(1).max(2000),
  stemming: z.enum(['none', 'nl', 'en']).optional(),
  // The documents in scope, narrowed as the analyses narrow them (one schema for both).
  documentIds: analysisFilter.shape.documentIds,
  caseIds: analysisFilter.shape.caseIds,
  attributes: analysisFilter.shape.attributes,
  notCodedWith: z.object({ codeId: id, coderId: id.optional() }).optional(),
  unit: z.enum(['hit', 'sentence', 'paragraph', 'page']).optional(),
  extend: z.number().int().min(0).max(50).optional(),
}

const autocode = {
  ...search,
  codeId: id,
  coderId: id,
  /** Hits the researcher unticked: "documentId:start:end" of the widened hit. */
  exclude: z.array(z.string().regex(/^\d+:\d+:\d+$/)).max(1_000_000).optional(),
}

const { query: _query, ...options } = search

export const searchApi = {
  /** Every hit of a query in the documents in scope (shown up to `limit`; counted all). */
  'search:run': op<QuerySearchResult>()(z.object({ ...search, limit: z.number().int().min(1).max(100_000).optional() })),
  /** What auto-coding these hits would create: hits, new codings, hits that join existing ones. */
  'autocode:preview': op<AutocodeResult>()(z.object(autocode)),
  /** Codes the hits (but the excluded) with the code as the coder: one undo step. */
  'autocode:apply': op<AutocodeResult>()(z.object(autocode)),
  'queries:list': op<SavedQuery[]>()(z.object({})),
  'queries:save': op<{ id: number }>()(z.object({ name: z.string().trim().min(1).max(200), query: search.query, options: z.object(options).optional() })),
  'queries:delete': op<null>()(z.object({ id })),
  /** The sentence or paragraph around an offset (or the next one, from white space): keyboard coding. */
  'units:around': op<{ start: number; end: number } | null>()(
    z.object({ documentId: id, kind: z.enum(['sentence', 'paragraph']), offset: z.number().int().min(0) }),
  ),
  /** Runs a saved query; hits new since its last run are marked. */
  'queries:run': op<QuerySearchResult>()(z.object({ id, limit: z.number().int().min(1).max(100_000).optional() })),
} as const
