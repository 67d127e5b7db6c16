import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentPdfId, resolveAppFile } from '../../electron/main/app-protocol'
import { registerIpc, type IpcMainLike } from '../../electron/main/ipc'
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, type SessionLike, type WebContentsLike } from '../../electron/main/security'
import { createMainWindow } from '../../electron/main/window'
import { createBridge, exposeBridge, type IpcRendererLike } from '../../electron/preload/bridge'
import { createHandlers } from '../../electron/core/handlers/handlers'
import { dispatch } from '../../electron/core/handlers/dispatch'
import { CALL_CHANNEL, EVENT_CHANNEL_PREFIX } from '../../shared/ipc'
import { tempStudy } from '../helpers/study'

describe("the window follows Electron's security checklist", () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    let options: { webPreferences: Record<string, unknown>; show: boolean; width: number } | undefined
    class FakeWindow {
      constructor(o: typeof options) {
        options = o
      }
    }
    const win = createMainWindow(FakeWindow as never, '/app/preload.cjs', { width: 1200, height: 800 })
    expect(win).toBeInstanceOf(FakeWindow)
    expect(options).toMatchObject({ width: 1200, show: false })
    const prefs = options!.webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('sets a strict CSP on every response, replacing any other, and refuses all permissions', () => {
    let onHeaders: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] | undefined
    let onRequest: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined
    let onCheck: ((...a: unknown[]) => boolean) | undefined
    hardenSession({
      webRequest: { onHeadersReceived: (l) => (onHeaders = l) },
      setPermissionRequestHandler: (h) => (onRequest = h),
      setPermissionCheckHandler: (h) => (onCheck = h),
    })
    let headers: Record<string, string[] | string> = {}
    onHeaders!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders))
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(headers['content-security-policy']).toBeUndefined()
    expect(headers['Content-Type']).toEqual(['text/html'])
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src '))!
    expect(scriptSrc.split(' ').sort()).toEqual(["'self'", "'wasm-unsafe-eval'", 'script-src'])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/)
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      let granted: boolean | undefined
      onRequest!({}, permission, (g) => (granted = g))
      expect(granted, permission).toBe(false)
    }
    expect(onCheck!()).toBe(false)
  })

  it('refuses navigation away from the app, new windows and webviews', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>()
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined
    const contents: WebContentsLike = {
      on: (event: string, l: (e: { preventDefault(): void }, url: string) => void) => void listeners.set(event, l),
      setWindowOpenHandler: (h) => (openHandler = h),
    } as WebContentsLike
    hardenWebContents(contents)
    const attempt = (event: string, url: string) => {
      let prevented = false
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    expect(attempt('will-navigate', 'https://example.org/')).toBe(true)
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(attempt('will-navigate', 'app://evil/index.html')).toBe(true)
    expect(attempt('will-navigate', 'app://werkbank/index.html')).toBe(false)
    expect(attempt('will-redirect', 'http://127.0.0.1:9/')).toBe(true)
    expect(attempt('will-attach-webview', 'app://werkbank/')).toBe(true)
    expect(openHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'app://werkbank/x' })).toEqual({ action: 'deny' })
  })

  it('serves only files inside the UI folder from app://werkbank', () => {
    const ui = mkdtempSync(join(tmpdir(), 'werkbank-ui-'))
    mkdirSync(join(ui, 'assets'))
    writeFileSync(join(ui, 'index.html'), '<!doctype html>')
    expect(resolveAppFile(ui, 'app://werkbank/')).toBe(join(ui, 'index.html'))
    expect(resolveAppFile(ui, 'app://werkbank/assets/app.js')).toBe(join(ui, 'assets', 'app.js'))
    // Whatever the URL, the file is inside the UI folder or refused.
    for (const url of [
      'app://werkbank/../secret.txt',
      'app://werkbank/%2e%2e/%2e%2e/etc/passwd',
      'app://werkbank/assets/..%2f..%2f..%2fsecret',
      'app://werkbank/..%5c..%5csecret',
    ]) {
      const file = resolveAppFile(ui, url)
      expect(file === null || file.startsWith(ui + '/'), `${url} → ${file}`).toBe(true)
    }
    for (const url of ['app://werkbank/a%00.html', 'app://werkbank/..%5c..%5csecret', 'app://other/index.html', 'file:///etc/passwd', 'not a url', 'app://werkbank/%E0%A4%A']) {
      expect(resolveAppFile(ui, url), url).toBeNull()
    }
  })
})

describe('PDF bytes over the app protocol', () => {
  it('answers only app://werkbank/api/document/<id>/pdf with a document id', () => {
    expect(documentPdfId('app://werkbank/api/document/12/pdf')).toBe(12)
    for (const url of ['app://werkbank/api/document/12/pdf/..', 'app://werkbank/api/document/x/pdf', 'app://other/api/document/1/pdf', 'https://werkbank/api/document/1/pdf', 'app://werkbank/api/document/1/pdf?x=../../etc']) {
      const id = documentPdfId(url)
      if (url.includes('?x=')) expect(id).toBe(1) // the query is not part of the path
      else expect(id, url).toBeNull()
    }
  })
})

describe('the IPC door', () => {
  async function wiredIpc() {
    const s = await tempStudy()
    const handlers = createHandlers(s)
    let handler: Parameters<IpcMainLike['handle']>[1] | undefined
    let channel = ''
    registerIpc({ handle: (c, h) => ((channel = c), (handler = h)) }, (method, args) => dispatch(handlers, method, args))
    const from = (url: string, parent?: unknown) => ({ senderFrame: { url, parent } })
    return { s, channel, call: (frame: ReturnType<typeof from> | { senderFrame: null }, ...args: unknown[]) => handler!(frame, ...args), from }
  }

  it('passes calls from the app frame to the handler table', async () => {
    const { channel, call, from } = await wiredIpc()
    expect(channel).toBe(CALL_CHANNEL)
    const reply = await call(from('app://werkbank/index.html'), 'codes:create', { parentId: null, name: 'Fase' })
    expect(reply).toMatchObject({ ok: true, data: { name: 'Fase', path: 'Fase' } })
  })

  it('refuses calls from a foreign frame or a subframe, and invalid input, with typed errors', async () => {
    const { s, call, from } = await wiredIpc()
    for (const frame of [from('https://example.org/'), from('file:///tmp/x.html'), from('app://werkbank/index.html', {}), { senderFrame: null }]) {
      expect(await call(frame, 'codes:create', { parentId: null, name: 'X' })).toEqual({ ok: false, error: { code: 'forbidden', params: {} } })
    }
    expect(await call(from('app://werkbank/'), 'codes:create', { parentId: null, name: 42 })).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(await call(from('app://werkbank/'), { toString: () => 'codes:list' }, {})).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(s.codebook.list()).toHaveLength(0)
  })
})

describe('the preload bridge', () => {
  function fakeIpc() {
    const listeners = new Map<string, Set<(e: unknown, p: unknown) => void>>()
    const invoked: unknown[][] = []
    const ipc: IpcRendererLike = {
      invoke: async (...args) => (invoked.push(args), { ok: true, data: null }),
      on: (c, l) => void (listeners.get(c) ?? listeners.set(c, new Set()).get(c)!).add(l),
      removeListener: (c, l) => void listeners.get(c)?.delete(l),
    }
    const emit = (event: string, payload: unknown) => listeners.get(EVENT_CHANNEL_PREFIX + event)?.forEach((l) => l({ sender: 'secret' }, payload))
    return { ipc, invoked, emit, listeners }
  }

  it('exposes only call and on, frozen, under window.werkbank', () => {
    const { ipc } = fakeIpc()
    const exposed: Record<string, unknown> = {}
    exposeBridge({ exposeInMainWorld: (k, v) => (exposed[k] = v) }, ipc)
    expect(Object.keys(exposed)).toEqual(['werkbank'])
    const api = exposed.werkbank as object
    expect(Object.keys(api).sort()).toEqual(['call', 'on'])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('invokes the one call channel and passes event payloads without the IPC event; on() unsubscribes', async () => {
    const { ipc, invoked, emit } = fakeIpc()
    const bridge = createBridge(ipc)
    await bridge.call('codes:list', {})
    expect(invoked).toEqual([[CALL_CHANNEL, 'codes:list', {}]])
    const seen: unknown[][] = []
    const off = bridge.on('import:progress', (...args) => seen.push(args))
    emit('import:progress', { page: 1 })
    off()
    emit('import:progress', { page: 2 })
    expect(seen).toEqual([[{ page: 1 }]])
    expect(() => bridge.on('ipc:anything', () => undefined)).toThrow()
  })
})
