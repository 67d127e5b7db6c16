import { CALL_CHANNEL } from '../../shared/ipc'
import { isAppUrl } from './security'

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string; parent?: unknown } | null }, ...args: unknown[]) => Promise<unknown>): void
}

/** dispatch on the open study (a reply of the contract), or the desktop's own file:save. */
export type DispatchFn = (method: string, args: unknown) => Promise<unknown>

/**
 * The IPC door: one channel, `call(method, args)`, passed to the same dispatch as browser mode
 * and the CLI (which validates the input). Calls from any frame but the app's own top frame
 * are refused.
 */
export function registerIpc(ipcMain: IpcMainLike, dispatch: DispatchFn): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method, args) => {
    const frame = event.senderFrame
    if (!frame || frame.parent || !isAppUrl(frame.url)) {
      return { ok: false, error: { code: 'forbidden', params: {} } }
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'bad-input', params: { detail: 'method must be a string' } } }
    return dispatch(method, args)
  })
}
