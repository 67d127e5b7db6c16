import { isWerkbankError, type AppError } from '../../shared/errors'

/**
 * The one mapping of anything thrown to what a door sends the user: a service's
 * {@link WerkbankError} as its code and parameters, a busy study as `study-locked`, anything
 * else as `internal` (a bug: {@link isUnexpected} says the door should log it).
 */
export function toAppError(e: unknown): AppError {
  if (isWerkbankError(e)) return e.toAppError()
  if (isBusy(e)) return { code: 'study-locked', params: {} }
  return { code: 'internal', params: { detail: String((e as Error)?.message ?? e).slice(0, 300) } }
}

/** True for a failure no rule of the app explains: a bug, logged by the door that caught it. */
export function isUnexpected(e: unknown): boolean {
  return !isWerkbankError(e) && !isBusy(e)
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}
