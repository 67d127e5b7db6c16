/** The phase overview's rules: which codes are the phases, and how evidence is weighed. */
import { PHASES, type Phase, type PhaseCode } from '../../../shared/analysis-types'
import type { Code } from '../../../shared/types'

/** The case attributes that hold the assigned phase, in order of preference. */
export const PHASE_ATTRIBUTES = ['fase', 'phase'] as const

// "Fase 2 – samen ontwerpen", "Phase 0 – divided responsibility", "fase-3".
const PHASE_NAME = /^(?:fase|phase)[\s\-_]*([0-3])(?!\d)/i

/**
 * The code of each phase 0–3: the code with template key `fase-N` (the loopbaan template), or
 * else the first code, in tree order, whose name starts with "Fase N" or "Phase N".
 */
export function findPhaseCodes(codes: readonly Pick<Code, 'id' | 'name' | 'path' | 'templateKey'>[]): PhaseCode[] {
  return PHASES.map((phase) => {
    const code =
      codes.find((c) => c.templateKey === `fase-${phase}`) ??
      codes.find((c) => Number(PHASE_NAME.exec(c.name.trim())?.[1] ?? -1) === phase)
    return { phase, codeId: code?.id ?? null, path: code?.path ?? null }
  })
}

/** The phase a case attribute names ("2", "Fase 2", "phase-2"), or null. */
export function parsePhase(value: string | null | undefined): Phase | null {
  const m = /(?<!\d)([0-3])(?!\d)/.exec(value ?? '')
  return m ? (Number(m[1]) as Phase) : null
}

/**
 * The phases with the strongest evidence: the most codings, and among those the largest
 * coverage. Empty when there are no codings at all; more than one only on a full tie.
 */
export function strongestPhases(segments: readonly number[], coverage: readonly (number | null)[]): Phase[] {
  const most = Math.max(...segments)
  if (!(most > 0)) return []
  const bySegments = PHASES.filter((p) => segments[p] === most)
  const widest = Math.max(...bySegments.map((p) => coverage[p] ?? 0))
  return bySegments.filter((p) => (coverage[p] ?? 0) === widest)
}

/** A case is flagged when it has an assigned phase and evidence, and they do not agree. */
export function phaseDiffers(assigned: Phase | null, strongest: readonly Phase[]): boolean {
  return assigned !== null && strongest.length > 0 && !strongest.includes(assigned)
}
