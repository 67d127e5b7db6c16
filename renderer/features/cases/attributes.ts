/**
 * Case attributes the UI knows by name. The keys are those of the demo study and the
 * seed's wording (Dutch); the phase a coder judges is `fase:CODER`, which intercoder agreement
 * reads (agreement:judgements).
 */
import type { StringKey } from '../../i18n/strings'

export const KNOWN_ATTRIBUTES: readonly { key: string; label: StringKey; numeric?: boolean }[] = [
  { key: 'school', label: 'attrSchool' },
  { key: 'bedrijf', label: 'attrCompany' },
  { key: 'sector', label: 'attrSector' },
  { key: 'jaar', label: 'attrYear', numeric: true },
]

export const PHASE_PREFIX = 'fase'

/** The attribute that holds a coder's judgement of a case's phase. */
export function phaseKey(coderName: string): string {
  return `${PHASE_PREFIX}:${coderName}`
}

/** The phases of school–company cooperation (the seed): value and label key. */
export const PHASES: readonly { value: string; label: StringKey }[] = [
  { value: '0', label: 'phase0' },
  { value: '1', label: 'phase1' },
  { value: '2', label: 'phase2' },
  { value: '3', label: 'phase3' },
]

/** One line under a case's name: school · company · sector · year. */
export function attributeSummary(attrs: Record<string, string>): string {
  return KNOWN_ATTRIBUTES.map((a) => attrs[a.key] ?? '').filter((v) => v !== '').join(' · ')
}

/** Whether an attribute is another coder's judgement (hidden in blind mode). */
export function isOthersJudgement(key: string, myName: string | undefined): boolean {
  return key.startsWith(`${PHASE_PREFIX}:`) && key !== phaseKey(myName ?? '')
}

/**
 * The coder whose judgement an attribute is (`ATTRIBUTE:CODER` naming a coder of the study, as
 * the core reads it), or undefined for an attribute that belongs to nobody.
 */
export function judgementOwner<C extends { name: string }>(key: string, coders: readonly C[]): C | undefined {
  const at = key.indexOf(':')
  if (at <= 0) return undefined
  const name = key.slice(at + 1).trim().toLowerCase()
  return coders.find((c) => c.name.toLowerCase() === name)
}
