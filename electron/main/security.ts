/**
 * Electron's security checklist, as functions over the parts of Electron's API they need, so
 * that tests can hand in fakes (the Electron binary cannot run on the build machines).
 */
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'

/** The only origin the app's own pages have. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'werkbank'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export { CONTENT_SECURITY_POLICY }

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[] | string> },
  callback: (response: { responseHeaders: Record<string, string[] | string> }) => void,
) => void

export interface SessionLike {
  webRequest: { onHeadersReceived(listener: HeadersListener): void }
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void
}

/** Sends the CSP with every response and refuses every permission (camera, location, …). */
export function hardenSession(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) }
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key]
    callback({
      responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Content-Type-Options': ['nosniff'] },
    })
  })
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): void
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** No navigation away from the app, no new windows, no webviews. */
export function hardenWebContents(contents: WebContentsLike): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault()
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
