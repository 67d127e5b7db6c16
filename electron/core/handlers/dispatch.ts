import { api, isMethod, type Method, type Reply } from '../../../shared/api'
import type { AppError } from '../../../shared/errors'
import { isUnexpected, toAppError } from '../app-error'
import type { Handlers } from './handlers'

function fail(error: AppError): { ok: false; error: AppError } {
  return { ok: false, error }
}

/** A method's input checked against its schema in the contract: the parsed arguments, or `bad-input`. */
export function checkArgs(method: Method, raw: unknown): { ok: true; args: unknown } | { ok: false; error: AppError } {
  const parsed = api[method].args.safeParse(raw ?? {})
  if (parsed.success) return { ok: true, args: parsed.data }
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
    .join('; ')
  return fail({ code: 'bad-input', params: { detail } })
}

/** Called on an unexpected error (a bug): the door logs it; the caller gets a plain message. */
export type OnInternalError = (method: string, error: unknown) => void

/**
 * The single entry of every door (IPC, HTTP, CLI): checks the method and validates the input
 * against the contract, runs the handler, and returns errors as data, never as exceptions.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  raw: unknown,
  onInternalError: OnInternalError = () => undefined,
): Promise<Reply<Method>> {
  if (!isMethod(method)) return fail({ code: 'unknown-method', params: { method: String(method).slice(0, 100) } })
  const parsed = checkArgs(method, raw)
  if (!parsed.ok) return parsed
  try {
    const handler = handlers[method] as (args: unknown) => unknown
    return { ok: true, data: (await handler(parsed.args)) as never }
  } catch (e) {
    if (isUnexpected(e)) onInternalError(method, e)
    return fail(toAppError(e))
  }
}
