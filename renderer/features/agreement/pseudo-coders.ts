import { SUGGESTION_CODER_PREFIX } from '../../../shared/api-suggestions'

/**
 * The suggestion method as a coder (`suggestions:NAME`, learnt from NAME's codings): offered in
 * the agreement view beside the human coders; the disagreements view compares humans only.
 */
export const suggestionCoder = (teacher: string): string => `${SUGGESTION_CODER_PREFIX}${teacher}`

/** The teacher of a pseudo-coder name, or null for a human coder. */
export function teacherOf(name: string): string | null {
  return name.startsWith(SUGGESTION_CODER_PREFIX) ? name.slice(SUGGESTION_CODER_PREFIX.length) : null
}

/** The human coders among chosen names. */
export const humanCoders = (names: readonly string[]): string[] => names.filter((n) => teacherOf(n) === null)
