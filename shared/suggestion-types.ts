/** Types of suggestions ("find more like this"): ranked units of text for one code. */

/** One suggested unit (a sentence): where it is, its score (higher = more like the code), its text. */
export interface Suggestion {
  codeId: number
  documentId: number
  page: number
  start: number
  end: number
  score: number
  text: string
}

export interface SuggestionList {
  /** The method and its version, e.g. `logreg-terms@1` (an accepted suggestion's origin detail). */
  method: string
  /** The coder's segments of the code the ranking learned from. */
  segments: number
  items: Suggestion[]
}

/** One evaluated code of `suggest-eval`. */
export interface SuggestEvalCode {
  codeId: number
  path: string
  /** The coder's codings of the code outside the seed. */
  truth: number
  shown: number
  accepted: number
  precision: number
  recall: number
  baselineShown: number
  baselineAccepted: number
  baselineRecall: number
  /** Truth codings found: per code, for the overall micro-average. */
  found: number
  baselineFound: number
}

export interface SuggestEvalReport {
  method: string
  codes: SuggestEvalCode[]
  overall: {
    truth: number; shown: number; accepted: number; precision: number; recall: number
    baselineShown: number; baselineAccepted: number; baselinePrecision: number; baselineRecall: number
  }
  /** What the seed was: documents (first K by id) or a fraction of the text. */
  seed: { documents: number; fraction: number }
}
