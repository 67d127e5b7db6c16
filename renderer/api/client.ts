/**
 * The UI's one door to the core: `call(method, args)`. Two transports: the Electron preload
 * bridge (`window.werkbank`) when present, else HTTP to browser mode with the launch token.
 * Errors arrive as data ({@link AppError}) and are thrown as {@link ApiError} for the store to
 * translate; never as stack traces.
 */
import type { Args, Events, Method, Reply, Result } from '../../shared/api'
import type { AppError } from '../../shared/errors'
import { SAVE_FILE_CALL } from '../../shared/ipc'
import type { ImportOutcome, QdpxImportResult } from '../../shared/types'
import { download } from '../io/download'

/** What electron/preload exposes through contextBridge. */
export interface Bridge {
  call(method: string, args: unknown): Promise<Reply<Method>>
  on(event: string, cb: (payload: unknown) => void): () => void
}

declare global {
  interface Window {
    werkbank?: Bridge
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(`${error.code} ${JSON.stringify(error.params)}`)
    this.name = 'ApiError'
  }
}

export const TOKEN_HEADER = 'x-werkbank-token'
const TOKEN_KEY = 'werkbank.token'

/**
 * The browser-mode token: from the URL fragment (`#token=…`) at launch, then kept in this tab's
 * sessionStorage so a reload still works; the fragment is removed from the address bar.
 */
function readToken(): string {
  const m = /(?:^#|&)token=([\w-]+)/.exec(location.hash)
  if (m) {
    const token = m[1]!
    try {
      sessionStorage.setItem(TOKEN_KEY, token)
    } catch {
      // Storage may be off; the token still works until the next reload.
    }
    history.replaceState(null, '', location.pathname + location.search)
    return token
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? ''
  } catch {
    return ''
  }
}

let token: string | undefined
function httpToken(): string {
  token ??= readToken()
  return token
}

function bridge(): Bridge | undefined {
  return typeof window !== 'undefined' ? window.werkbank : undefined
}

/** True in the desktop app (preload bridge), false in browser mode. */
export function isDesktop(): boolean {
  return bridge() !== undefined
}

async function httpReply<T>(res: Response): Promise<{ ok: true; data: T } | { ok: false; error: AppError }> {
  if (res.status === 403) {
    return { ok: false, error: { code: 'internal', params: { detail: 'access refused (403): open the address that Werkbank printed' } } }
  }
  try {
    return (await res.json()) as { ok: true; data: T } | { ok: false; error: AppError }
  } catch {
    return { ok: false, error: { code: 'internal', params: { detail: `HTTP ${res.status}` } } }
  }
}

/** Calls one operation of the API contract; throws {@link ApiError} on failure. */
export async function call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
  const b = bridge()
  let reply: Reply<M>
  if (b) {
    reply = (await b.call(method, args)) as Reply<M>
  } else {
    let res: Response
    try {
      res = await fetch(`api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: httpToken() },
        body: JSON.stringify(args ?? {}),
      })
    } catch (e) {
      throw new ApiError({ code: 'internal', params: { detail: `no connection to Werkbank (${String((e as Error)?.message ?? e)})` } })
    }
    reply = (await httpReply<Result<M>>(res)) as Reply<M>
  }
  if (!reply.ok) throw new ApiError(reply.error)
  return reply.data
}

/** Subscribes to core events; returns the unsubscribe function. */
export function on<E extends keyof Events>(event: E, cb: (payload: Events[E]) => void): () => void {
  const b = bridge()
  if (b) return b.on(event, (p) => cb(p as Events[E]))
  const source = new EventSource(`api/events?token=${encodeURIComponent(httpToken())}`)
  const listener = (e: MessageEvent<string>) => {
    try {
      cb(JSON.parse(e.data) as Events[E])
    } catch {
      // A malformed frame is dropped.
    }
  }
  source.addEventListener(event, listener as EventListener)
  return () => {
    source.removeEventListener(event, listener as EventListener)
    source.close()
  }
}

/** A command from the desktop app's native menu (see electron/main/menu.ts). */
export interface MenuCommandEvent {
  command: string
  reply?: Reply<'documents:import'>
  path?: string
}

/** Subscribes to the native menu's commands; in browser mode there is no menu and no event. */
export function onMenuCommand(cb: (e: MenuCommandEvent) => void): () => void {
  const b = bridge()
  if (!b) return () => undefined
  return b.on('menu:command', (p) => {
    if (p && typeof p === 'object' && typeof (p as MenuCommandEvent).command === 'string') cb(p as MenuCommandEvent)
  })
}

/**
 * The PDF bytes of a document, for the viewer: `api/document/<id>/pdf` beside the page. Browser
 * mode serves it with the token; the desktop app's own protocol (app://werkbank/) is to serve
 * the same path from the open study, so the viewer needs no byte transport over IPC.
 */
export async function fetchPdf(documentId: number): Promise<Uint8Array> {
  const headers: Record<string, string> = bridge() ? {} : { [TOKEN_HEADER]: httpToken() }
  let res: Response
  try {
    res = await fetch(`api/document/${documentId}/pdf`, { headers })
  } catch (e) {
    throw new ApiError({ code: 'internal', params: { detail: `the PDF could not be loaded (${String((e as Error)?.message ?? e)})` } })
  }
  if (!res.ok) {
    const reply = await httpReply<never>(res)
    throw new ApiError(reply.ok ? { code: 'document-not-found', params: { documentId } } : reply.error)
  }
  return new Uint8Array(await res.arrayBuffer())
}

/** The methods whose result is a file that may be too large for a reply (see electron/core/handlers/downloads.ts). */
export type DownloadMethod = 'export:qdpx'

/**
 * Saves the file a download method makes, never as base64 in a reply (a .qdpx may be larger
 * than a string can hold). The desktop app asks where (its save dialog) and streams it there;
 * browser mode fetches the bytes from api/download/ and offers them as a download. Returns the
 * saved file's name, or null when the user cancelled.
 */
export async function saveDownload<M extends DownloadMethod>(method: M, args: Args<M>, fileName: string): Promise<string | null> {
  const b = bridge()
  if (b) {
    const reply = (await b.call(SAVE_FILE_CALL, { method, args, fileName })) as { ok: true; data: { file: string } | null } | { ok: false; error: AppError }
    if (!reply.ok) throw new ApiError(reply.error)
    return reply.data?.file ?? null
  }
  let res: Response
  try {
    res = await fetch(`api/download/${method}?args=${encodeURIComponent(JSON.stringify(args ?? {}))}`, { headers: { [TOKEN_HEADER]: httpToken() } })
  } catch (e) {
    throw new ApiError({ code: 'internal', params: { detail: `no connection to Werkbank (${String((e as Error)?.message ?? e)})` } })
  }
  if (!res.ok) {
    const reply = await httpReply<never>(res)
    throw new ApiError(reply.ok ? { code: 'internal', params: { detail: `HTTP ${res.status}` } } : reply.error)
  }
  // A Blob, not a string: Chromium keeps a large one on disk.
  download(fileName, await res.blob())
  return fileName
}

/**
 * Imports one PDF chosen in or dropped on the page. In the desktop app its bytes go over IPC
 * (`documents:importBytes`, a structured clone); in browser mode they are posted to the server.
 */
export async function uploadPdf(file: File, caseId: number | null): Promise<ImportOutcome> {
  if (bridge()) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    return call('documents:importBytes', { fileName: file.name, bytes, caseId })
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/pdf',
    [TOKEN_HEADER]: httpToken(),
    'x-werkbank-file-name': encodeURIComponent(file.name),
  }
  if (caseId !== null) headers['x-werkbank-case-id'] = String(caseId)
  const res = await fetch('api/import', { method: 'POST', headers, body: file })
  const reply = await httpReply<ImportOutcome>(res)
  if (!reply.ok) throw new ApiError(reply.error)
  return reply.data
}

/**
 * A REFI-QDA project into the study. The desktop app hands the bytes over IPC; browser mode
 * posts the file as it is to /api/import-qdpx (JSON could not carry its PDFs).
 */
export async function uploadQdpx(file: File): Promise<QdpxImportResult> {
  if (bridge()) return call('project:importQdpx', { bytes: new Uint8Array(await file.arrayBuffer()) })
  const res = await fetch('api/import-qdpx', {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip', [TOKEN_HEADER]: httpToken() },
    body: file,
  })
  const reply = await httpReply<QdpxImportResult>(res)
  if (!reply.ok) throw new ApiError(reply.error)
  return reply.data
}
