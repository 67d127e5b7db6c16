/** API operations of intercoder agreement (team merge, agreement measures, disagreements). */
import { z } from 'zod'
import { op } from './api-op'
import type {
  AgreementReport, Disagreement, ExportForCoderResult, JudgementReport, MergeReport, SettleResult,
} from './agreement-types'

const id = z.number().int().positive()
const offset = z.number().int().min(0)
const name = z.string().trim().min(1).max(200)
const filePath = z.string().min(1).max(4096)
/** Two or more coders, by name. */
const coders = z.array(name).min(2).max(100)
const codeIds = z.array(id).max(10_000).optional()
const documentIds = z.array(id).max(100_000).optional()
/** Minimum overlap of two segments, in percent of their union (segment level; default 90). */
const overlap = z.number().min(0).max(100).optional()
/** Bootstrap resamples for alpha's interval (default 1000; 0: no interval) and their seed (default 1). */
const samples = z.number().int().min(0).max(100_000).optional()
const seed = z.number().int().min(0).max(2 ** 32 - 1).optional()

export const agreementApi = {
  /** Writes a copy of the study for one coder: documents and codebook, none of the others' codings. */
  'agreement:exportForCoder': op<ExportForCoderResult>()(z.object({ coder: name, path: filePath })),
  /** Brings a coder's study (opened read-only) into this one: one undoable action, all or nothing. */
  'agreement:merge': op<MergeReport>()(z.object({ path: filePath })),
  /** Agreement at document, segment or character level, per code, per document and overall. */
  'agreement:measure': op<AgreementReport>()(
    z.object({ coders, level: z.enum(['document', 'segment', 'character']), codeIds, documentIds, overlap, samples, seed }),
  ),
  /** Every place where the coders' segments differ, with each coder's segments and the consensus so far. */
  'agreement:disagreements': op<Disagreement[]>()(
    z.object({ coders, codeIds, documentIds, overlap, consensus: name.optional() }),
  ),
  /** Settles a place: the accepted codings (one side, both, none) become the consensus coder's. Undoable. */
  'agreement:settle': op<SettleResult>()(
    z.object({ documentId: id, codeId: id, start: offset, end: offset, accept: z.array(id).max(1000), consensus: name.optional() }),
  ),
  /** Agreement of case judgements stored as case attributes `ATTRIBUTE:CODER` (default `fase`). */
  'agreement:judgements': op<JudgementReport>()(
    z.object({
      attribute: z.string().trim().min(1).max(100).optional(),
      coders: coders.optional(),
      level: z.enum(['nominal', 'ordinal', 'interval', 'ratio']).optional(),
      samples,
      seed,
    }),
  ),
} as const
