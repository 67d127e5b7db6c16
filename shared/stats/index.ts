/**
 * Inter-coder agreement statistics: pure functions, no Node or DOM, used by the main process,
 * the CLI and the renderer alike.
 */
export { StatsError, type StatsErrorCode, type StatsErrorParams } from './errors'
export { mulberry32 } from './random'
export {
  krippendorffAlpha,
  LEVELS,
  type AlphaResult,
  type Level,
  type ReliabilityData,
  type UndefinedReason,
} from './krippendorff'
export {
  alphaBootstrap,
  type BootstrapMethod,
  type BootstrapOptions,
  type BootstrapResult,
  type FailureProbability,
} from './krippendorff-bootstrap'
export {
  brennanPrediger,
  cohenKappa,
  cohenKappaFromTable,
  fleissKappa,
  fleissKappaFromCounts,
  percentAgreement,
  type AgreementResult,
  type KappaWeights,
} from './kappa'
export { cohenKappa2x2, krippendorffAlpha2x2, percentAgreement2x2, type TwoByTwo } from './binary'
export {
  MEASURES,
  parseReliabilityTable,
  reliability,
  type Measure,
  type ParsedReliabilityTable,
  type ReliabilityOptions,
  type ReliabilityReport,
} from './reliability-table'
