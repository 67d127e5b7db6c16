import { WerkbankError } from '../../../shared/errors'
import { StatsError } from '../../../shared/stats'

/**
 * Turns a refusal of the statistics module into a translated error about a reliability table
 * (a CSV file, or the judgements of a case attribute). `units` and `coders` name the table's
 * columns and rows, so a message can say "unit U3" rather than "unit 2".
 */
export function reliabilityError(e: unknown, file: string, names: { units?: readonly string[]; coders?: readonly string[] } = {}): unknown {
  if (!(e instanceof StatsError)) return e
  const p = e.params
  const unit = (i: unknown) => (typeof i === 'number' ? (names.units?.[i] ?? String(i + 1)) : String(i ?? ''))
  const coder = (i: unknown) => (typeof i === 'number' ? (names.coders?.[i] ?? String(i + 1)) : String(i ?? ''))
  switch (e.code) {
    case 'table-empty':
      return new WerkbankError('reliability-table-empty', { file })
    case 'table-no-units':
      return new WerkbankError('reliability-table-no-units', { file })
    case 'table-missing-unit-name':
      return new WerkbankError('reliability-unit-name-missing', { file, column: p.column ?? '' })
    case 'table-missing-coder-name':
      return new WerkbankError('reliability-coder-name-missing', { file, row: p.row ?? '' })
    case 'table-row-too-long':
      return new WerkbankError('reliability-row-too-long', { file, row: p.row ?? '', coder: p.coder ?? '', units: p.units ?? '' })
    case 'level-needs-numbers':
    case 'weights-need-numbers':
      return new WerkbankError('reliability-needs-numbers', {
        file, value: p.value ?? '', coder: p.coder ?? '', unit: p.unit ?? '', level: String(p.level ?? p.weights ?? ''),
      })
    case 'kappa-needs-two-coders':
      return new WerkbankError('reliability-kappa-two-coders', { file, coders: p.coders ?? '' })
    case 'fleiss-unequal-raters':
      return new WerkbankError('reliability-fleiss-unequal', { file, unit: unit(p.unit), expected: p.expected ?? '', got: p.got ?? '' })
    case 'ratio-negative-value':
      return new WerkbankError('reliability-ratio-negative', { file, coder: coder(p.coder), unit: unit(p.unit), value: p.value ?? '' })
    default:
      return new WerkbankError('reliability-invalid', { file, detail: e.message })
  }
}
