/** The IPC channels between Electron's main process and the preload bridge. */
export const CALL_CHANNEL = 'werkbank:call'
export const EVENT_CHANNEL_PREFIX = 'werkbank:event:'
/**
 * The desktop app's own call on the call channel (not a method of the contract): asks where to
 * save the file a download method makes (electron/core/handlers/downloads.ts) and writes it
 * there, streamed. Arguments: `{ method, args, fileName }`; reply: the saved file's name and
 * size, or null when the dialog was cancelled.
 */
export const SAVE_FILE_CALL = 'file:save'
/** Events the bridge lets the page subscribe to. */
export const BRIDGE_EVENTS = ['import:progress', 'menu:command'] as const
