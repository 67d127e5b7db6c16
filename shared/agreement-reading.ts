/**
 * Reading an agreement coefficient in words, as Krippendorff (2004, Content Analysis: An
 * Introduction to Its Methodology, 2nd ed., on standards for data reliability) advises: rely
 * on variables with α ≥ .800; consider those with .667 ≤ α < .800 only for tentative
 * conclusions; below that, do not rely on them. Where there is no alpha (segment level) kappa
 * is read with the same bands, and the view says so. Pure.
 */
import type { AgreementReport, AgreementRow, AgreementUndefinedReason, KappaKind } from './agreement-types'
import type { Cell } from './csv'

export type Band = 'reliable' | 'tentative' | 'unreliable'

export const RELIABLE = 0.8
export const TENTATIVE = 0.667

export function band(v: number): Band {
  return v >= RELIABLE ? 'reliable' : v >= TENTATIVE ? 'tentative' : 'unreliable'
}

export interface Reading {
  basis: 'alpha' | 'kappa'
  value: number | null
  band: Band | null
  reason?: AgreementUndefinedReason
}

/** Alpha where the level has it (document, character), else the kappa of the level. */
export function readRow(row: AgreementRow): Reading {
  const c = row.alpha ?? row.kappa
  const basis = row.alpha ? 'alpha' : 'kappa'
  return { basis, value: c.value, band: c.value === null ? null : band(c.value), ...(c.reason ? { reason: c.reason } : {}) }
}

/** The report's table (per code or per document, then the total) as CSV cells, numbers as numbers. */
export function agreementCells(report: AgreementReport, by: 'code' | 'document', words: (r: Reading) => string): Cell[][] {
  const rows = by === 'code' ? report.byCode : report.byDocument
  const header = [
    by, 'level', 'units', 'agreements', 'disagreements', 'percent', 'kappa', 'kappa_kind',
    'alpha', 'alpha_low', 'alpha_high', 'kappa_weighted', 'reading_on', 'reading',
  ]
  const line = (r: AgreementRow, label: string): Cell[] => {
    const reading = readRow(r)
    return [
      label, report.level, r.units, r.agreements, r.disagreements, r.percent.value, r.kappa.value, report.kappaKind,
      r.alpha?.value ?? null, r.alpha?.low ?? null, r.alpha?.high ?? null, r.kappaWeighted?.value ?? null,
      reading.basis, words(reading),
    ]
  }
  return [
    header,
    ...rows.map((r) => line(r, (by === 'code' ? r.codePath : r.documentTitle) ?? '')),
    line(report.total, 'total'),
  ]
}

export const KAPPA_KEYS: Record<KappaKind, 'kappaCohen' | 'kappaFleiss' | 'kappaBrennan' | 'kappaLight'> = {
  cohen: 'kappaCohen',
  fleiss: 'kappaFleiss',
  'brennan-prediger': 'kappaBrennan',
  light: 'kappaLight',
}
