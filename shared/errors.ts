/**
 * Errors travel as data (a code and parameters), never as stack traces: every door (IPC, HTTP,
 * CLI) sends an {@link AppError}, and the UI or CLI translates it with shared/i18n.
 */
export const ERROR_CODES = [
  'unknown-method',
  'forbidden',
  'bad-input',
  'internal',
  'study-not-found',
  'study-not-a-study',
  'study-newer-version',
  'study-unknown-migrations',
  'study-locked',
  'file-not-found',
  'file-empty',
  'file-too-large',
  'file-not-pdf',
  'pdf-encrypted',
  'pdf-corrupt',
  'pdf-duplicate',
  'document-not-found',
  'page-not-found',
  'case-not-found',
  'case-name-taken',
  'code-not-found',
  'code-path-not-found',
  'code-name-taken',
  'code-name-invalid',
  'code-move-cycle',
  'code-merge-self',
  'code-has-codings',
  'coder-not-found',
  'coder-name-invalid',
  'coding-not-found',
  'coding-range-invalid',
  'coding-quote-not-found',
  'coding-quote-ambiguous',
  'template-not-found',
  'codebook-import-invalid',
  'codebook-empty',
  'codebook-file-type',
  'project-import-invalid',
  'nothing-to-undo',
  'nothing-to-redo',
  'search-query-invalid',
  'team-export-exists',
  'team-merge-older-version',
  'team-merge-no-common-documents',
  'team-merge-document-missing',
  'team-merge-codebook-conflict',
  'team-merge-text-differs',
  'agreement-coder-unknown',
  'agreement-too-few-coders',
  'agreement-no-common-documents',
  'agreement-no-judgements',
  'agreement-judgement-invalid',
  'agreement-settle-invalid',
  'reliability-csv-invalid',
  'reliability-table-empty',
  'reliability-table-no-units',
  'reliability-unit-name-missing',
  'reliability-coder-name-missing',
  'reliability-row-too-long',
  'reliability-needs-numbers',
  'reliability-kappa-two-coders',
  'reliability-fleiss-unequal',
  'reliability-ratio-negative',
  'reliability-invalid',
  'coder-name-not-found',
  'case-name-not-found',
  'attribute-not-found',
  'phase-codes-not-found',
  'coding-of-other-coder',
  'memo-of-other-coder',
  'judgement-of-other-coder',
  'file-not-written',
  'query-empty',
  'query-unclosed-quote',
  'query-unclosed-regex',
  'query-unclosed-paren',
  'query-unexpected-paren',
  'query-missing-operand',
  'query-near-distance',
  'query-empty-phrase',
  'query-only-not',
  'query-bad-regex',
  'query-not-found',
  'suggestion-too-few-segments',
  'suggestion-method-unknown',
  // OCR (issue 13): a run refused or stopped, and what a page read gave (notes of a run).
  'ocr-running',
  'ocr-cancelled',
  'ocr-failed',
  'ocr-page-blank',
  'ocr-page-too-large',
  'ocr-page-unreadable',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]
export type ErrorParams = Record<string, string | number>

export interface AppError {
  code: ErrorCode
  params: ErrorParams
}

/** Thrown by services; caught at the door and turned into an {@link AppError}. */
export class WerkbankError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`)
    this.name = 'WerkbankError'
  }

  toAppError(): AppError {
    return { code: this.code, params: this.params }
  }
}

export function isWerkbankError(e: unknown): e is WerkbankError {
  return e instanceof WerkbankError
}
