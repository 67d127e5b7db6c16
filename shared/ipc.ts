/** The IPC channels between Electron's main process and the preload bridge. */
export const CALL_CHANNEL = 'werkbank:call'
export const EVENT_CHANNEL_PREFIX = 'werkbank:event:'
/** Events the bridge lets the page subscribe to. */
export const BRIDGE_EVENTS = ['import:progress', 'menu:command'] as const
