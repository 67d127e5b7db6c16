/** API operations of suggestions ("find more like this", issue 11 item 4). */
import { z } from 'zod'
import { op } from './api-op'
import type { SuggestEvalReport, SuggestionList } from './suggestion-types'
import type { Coding } from './types'

const id = z.number().int().positive()
const offset = z.number().int().min(0)

/** A suggested unit, for one code and the coder who judges it. */
const target = z.object({ codeId: id, coderId: id, documentId: id, start: offset, end: offset })
  .refine((t) => t.end > t.start, 'end must come after start')

/**
 * Prefix of a pseudo-coder name in `agreement:measure`: `suggestions:Anna` is the suggestion
 * method trained on Anna's codings, coding each of her documents without seeing its codings.
 */
export const SUGGESTION_CODER_PREFIX = 'suggestions:'

export const suggestionsApi = {
  /** The best units for a code in the chosen documents (default all), for the coder; those above the method's threshold, at least its best two. */
  'suggestions:list': op<SuggestionList>()(
    z.object({ codeId: id, coderId: id, documentIds: z.array(id).max(100_000).optional(), limit: z.number().int().min(1).max(1000).optional() }),
  ),
  /** Accepts one: a coding of the coder with origin 'suggestion' and the method as detail (undoable). */
  'suggestions:accept': op<Coding>()(target),
  /** Rejects one: remembered in the study, never offered again to that coder for that code. */
  'suggestions:reject': op<null>()(target),
  /**
   * The simulated coder of `suggest-eval`: the coder's codings in a seed (the first `seedDocs`
   * documents by id, default 3, or the first `seedFraction` of the text) are known, the rest is
   * the truth suggestions are checked against, in rounds. Changes nothing.
   */
  'suggestions:evaluate': op<SuggestEvalReport>()(
    z.object({
      coder: z.string().trim().min(1).max(200),
      seedDocs: z.number().int().min(1).max(100_000).optional(),
      seedFraction: z.number().gt(0).lt(1).optional(),
      rounds: z.number().int().min(1).max(1000).optional(),
      perRound: z.number().int().min(1).max(1000).optional(),
      codeIds: z.array(id).max(10_000).optional(),
    }).refine((a) => a.seedDocs === undefined || a.seedFraction === undefined, 'give seedDocs or seedFraction, not both'),
  ),
} as const
