/**
 * Every way a statistics call can refuse its input. The UI and the CLI translate these codes;
 * the message is only for logs and tests.
 */
export type StatsErrorCode =
  | 'ragged-data'
  | 'not-a-number'
  | 'ratio-negative-value'
  | 'unknown-level'
  | 'unknown-measure'
  | 'bad-option'
  | 'bad-table'
  | 'bad-weights'
  | 'kappa-needs-two-coders'
  | 'weights-need-numbers'
  | 'category-not-listed'
  | 'fleiss-needs-two-raters'
  | 'fleiss-unequal-raters'
  | 'too-few-categories'
  | 'level-needs-numbers'
  | 'table-empty'
  | 'table-no-units'
  | 'table-missing-unit-name'
  | 'table-missing-coder-name'
  | 'table-row-too-long'

/** Parameters travel as plain data so the error survives IPC and JSON unchanged. */
export type StatsErrorParams = Readonly<Record<string, string | number>>

/**
 * A refusal with a code and parameters, thrown by the statistics module.
 * Undefined coefficients (no variation, nothing to pair) are not errors: they come back as
 * `null` with a reason. This is only for input the coefficient cannot be asked about at all.
 */
export class StatsError extends Error {
  readonly code: StatsErrorCode
  readonly params: StatsErrorParams

  constructor(code: StatsErrorCode, params: StatsErrorParams = {}, message?: string) {
    super(message ?? `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`)
    this.name = 'StatsError'
    this.code = code
    this.params = params
  }
}
