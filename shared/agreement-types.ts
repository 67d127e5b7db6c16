/**
 * Result types of intercoder agreement: the team workflow (a copy for one coder, merging a
 * coder's study back) and the agreement measures at document, segment and character level.
 * Proportions are 0..1 (the CLI prints percent as 0..100); a coefficient that is undefined is
 * `null` with a reason, never NaN.
 */
import type { Level, TwoByTwo, UndefinedReason } from './stats'

/** The unit agreement is measured on. */
export type AgreementLevel = 'document' | 'segment' | 'character'
export const AGREEMENT_LEVELS: readonly AgreementLevel[] = ['document', 'segment', 'character']

/**
 * Why a coefficient has no value: those of the statistics module, plus `needs-two-coders`
 * (Cohen's kappa with more coders) and `one-code` (segment kappa with a single code, where
 * chance agreement 1/q is 1).
 */
export type AgreementUndefinedReason = UndefinedReason | 'needs-two-coders' | 'one-code'

export interface Coefficient {
  value: number | null
  reason?: AgreementUndefinedReason
}

/** Krippendorff's alpha with its bootstrap interval (`null` bounds: not bootstrapped or undefined). */
export interface AlphaEstimate extends Coefficient {
  low: number | null
  high: number | null
}

/** Which kappa the `kappa` column holds at this level and number of coders. */
export type KappaKind =
  /** Cohen (1960), two coders. */
  | 'cohen'
  /** Fleiss (1971), more than two coders (document level). */
  | 'fleiss'
  /** Brennan & Prediger (1981) with chance 1/q, q = codes compared (segment level, as MAXQDA). */
  | 'brennan-prediger'
  /** Light (1971): the mean of Cohen's kappa over all coder pairs (character level, > 2 coders). */
  | 'light'

/** The figures of one pair of coders, when more than two are compared. */
export interface PairFigures {
  coders: [string, string]
  agreements: number
  disagreements: number
  percent: Coefficient
  kappa: Coefficient
}

/**
 * One row of an agreement table: a code (over the documents), a document (over the codes), one
 * code in one document (a cell), or the total (both null).
 */
export interface AgreementRow {
  codeId: number | null
  codePath: string | null
  documentId: number | null
  documentTitle: string | null
  /** Units compared: documents or codes (document level), segments, or characters. */
  units: number
  /**
   * Document and character level: units on which all coders agree, and the others. Segment
   * level: segments (of either coder) that the other coder matched, and those not matched;
   * with more than two coders summed over the pairs.
   */
  agreements: number
  disagreements: number
  /**
   * Two coders: agreements / units. More coders: the mean agreement over coder pairs (document
   * level: Fleiss' P̄ per unit, averaged; segment and character level: the mean of the pairs).
   */
  percent: Coefficient
  /** See {@link AgreementReport.kappaKind}. */
  kappa: Coefficient
  /** Document level: Fleiss' kappa, for any number of coders. */
  fleiss?: Coefficient
  /** Document and character level: Krippendorff's nominal (binary) alpha. */
  alpha?: AlphaEstimate
  /**
   * Character level: the kappa of each document weighted by its length (NVivo's advice for an
   * average over sources). Documents where the kappa is undefined (neither coder used the code
   * there; NVivo shows κ = 1) are left out.
   */
  kappaWeighted?: Coefficient
  /** Two coders, document and character level: the 2×2 table (a both, b first only, c second only, d neither). */
  table?: TwoByTwo
  /** More than two coders, segment and character level. */
  pairs?: PairFigures[]
}

export interface AgreementReport {
  level: AgreementLevel
  coders: string[]
  /** Segment level: the minimum overlap in percent of the union of two segments. */
  overlap: number | null
  kappaKind: KappaKind
  /** The documents compared. */
  documents: { id: number; title: string; length: number }[]
  /**
   * Documents left out because some coder made no coding in them at all (not yet coded,
   * rather than coded with nothing); only when no documents were named.
   */
  skippedDocuments: { id: number; title: string }[]
  byCode: AgreementRow[]
  byDocument: AgreementRow[]
  /** Per code and document. */
  cells: AgreementRow[]
  total: AgreementRow
  /**
   * How the alpha intervals were made: `units` (alphaBootstrap over documents or codes,
   * document level) or `documents` (character level: documents drawn with replacement,
   * because characters within a document are not independent). `null`: no intervals.
   */
  bootstrap: { method: 'units' | 'documents'; samples: number; seed: number; confidence: number } | null
}

/** Case judgements: each coder's value per case, from case attributes `ATTRIBUTE:CODER`. */
export interface JudgementReport {
  attribute: string
  level: Level
  coders: string[]
  /** One row per case: its values in coder order (`null`: not judged). */
  cases: { caseId: number; name: string; values: (number | null)[] }[]
  /** Cases with at least two values: the units alpha uses. */
  units: number
  alpha: AlphaEstimate
  /** Mean agreement over coder pairs (exact equality of values). */
  percent: Coefficient
  samples: number
  seed: number
}

/** A disagreement for the review view: one place where the coders' segments of a code differ. */
export interface DisagreementSegment {
  codingId: number
  coder: string
  start: number
  end: number
  quote: string
}

export interface Disagreement {
  /** Stable while the codings do not change: `codeId:documentId:start:end`. */
  key: string
  codeId: number
  codePath: string
  documentId: number
  documentTitle: string
  /** Page (1-based) where the place starts. */
  page: number
  /** The span every segment of the place lies in. */
  start: number
  end: number
  /** Every compared coder's segments in this place (overlapping each other, transitively). */
  segments: DisagreementSegment[]
  /** Compared coders without a segment here. */
  missing: string[]
  /** Characters all coders coded, in percent of the characters any coder coded (0..100). */
  overlap: number
  /** The consensus coder's segments of this code that overlap the place: what was settled. */
  consensus: DisagreementSegment[]
}

export interface SettleResult {
  consensus: { id: number; name: string }
  /** Ids of the consensus codings now covering the place. */
  codingIds: number[]
  /** Consensus codings of the place that were replaced. */
  removed: number
}

export interface ExportForCoderResult {
  path: string
  coder: string
  /** The coder's own codings, kept in the copy. */
  codings: number
  removedCodings: number
  removedMemos: number
  removedCoders: number
}

/** What merging another coder's study brought in, matched, and left alone. */
export interface MergeReport {
  path: string
  documents: {
    matched: number
    /** Of those matched, by equal canonical text rather than equal file bytes. */
    matchedByText: number
    /** Documents of the other study absent here (they hold no codings or memos). */
    unmatched: string[]
  }
  codes: {
    added: string[]
    matchedByUuid: number
    matchedByPath: number
    /** Matched by uuid but at another path here (renamed or moved since the copy): ours is kept. */
    moved: { path: string; otherPath: string }[]
  }
  coders: { added: string[]; matched: string[] }
  cases: { added: string[] }
  codings: {
    added: number
    matched: number
    /** Same uuid, but changed on one side since the copy: ours is kept. */
    conflicted: { uuid: string; document: string; code: string; coder: string }[]
  }
  memos: { added: number; matched: number; conflicted: { title: string; coder: string | null }[] }
  /** Case attributes `NAME:CODER` (judgements such as `fase:Anna`). */
  judgements: { added: number; matched: number; conflicted: { case: string; attribute: string; ours: string; theirs: string }[] }
}
