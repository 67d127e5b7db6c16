/**
 * What the preload script exposes to the page: `call(method, args)` and `on(event, cb)`, nothing
 * else (never ipcRenderer itself). `on` returns an unsubscribe function and passes only the
 * payload, never the IPC event (which would leak `sender`).
 */
import { BRIDGE_EVENTS, CALL_CHANNEL, EVENT_CHANNEL_PREFIX } from '../../shared/ipc'

const EVENTS = new Set<string>(BRIDGE_EVENTS)

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void
}

export function createBridge(ipc: IpcRendererLike) {
  return Object.freeze({
    call: (method: string, args: unknown) => ipc.invoke(CALL_CHANNEL, String(method), args),
    on: (event: string, callback: (payload: unknown) => void): (() => void) => {
      if (!EVENTS.has(event)) throw new Error(`unknown event ${String(event)}`)
      const channel = EVENT_CHANNEL_PREFIX + event
      const listener = (_event: unknown, payload: unknown) => callback(payload)
      ipc.on(channel, listener)
      return () => ipc.removeListener(channel, listener)
    },
  })
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  contextBridge.exposeInMainWorld('werkbank', createBridge(ipc))
}
