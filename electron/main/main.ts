/**
 * The Electron main process: the only module that imports 'electron'. It wires the tested
 * parts (security, protocol, IPC, menu, settings, single instance, backups) to Electron and
 * stays thin; everything it calls is tested in Node with the API injected.
 */
import { app, BrowserWindow, Menu, dialog, ipcMain, net, protocol, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { EVENT_CHANNEL_PREFIX } from '../../shared/ipc'
import { openAppLogSoon } from '../core/log/app-log'
import { documentPdfId, resolveAppFile } from './app-protocol'
import { createDesktop } from './desktop'
import { registerIpc } from './ipc'
import { buildMenuTemplate } from './menu'
import { APP_ORIGIN, APP_SCHEME, hardenSession, hardenWebContents } from './security'
import { createMainWindow } from './window'
import { SettingsStore } from './settings'
import { setupSingleInstance, studyFromArgv } from './single-instance'

const HERE = dirname(fileURLToPath(import.meta.url))
const UI_DIR = process.env.WERKBANK_UI_DIR ?? join(HERE, '..', 'dist', 'ui')
const PRELOAD = join(HERE, 'preload.cjs')

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

const settings = new SettingsStore(join(app.getPath('userData'), 'settings.json'))
// Unexpected errors (IPC, menu, backups, the process itself) go to a rotating file in the folder
// that "Open log folder" opens.
const log = openAppLogSoon(app.getPath('logs'), (e) => process.stderr.write(`The log folder cannot be written: ${String(e)}\n`))
log.info('desktop app started', { version: app.getVersion(), platform: process.platform })
process.on('uncaughtException', (e) => log.unexpected('main process', e))
process.on('unhandledRejection', (e) => log.unexpected('main process (promise)', e))

let window: BrowserWindow | null = null

const desktop = createDesktop({
  settings,
  dialog: {
    showSaveDialog: (o) => (window ? dialog.showSaveDialog(window, o) : dialog.showSaveDialog(o)),
    showOpenDialog: (o) => (window ? dialog.showOpenDialog(window, o) : dialog.showOpenDialog(o)),
    showMessageBox: (o) => (window ? dialog.showMessageBox(window, o) : dialog.showMessageBox(o)),
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  },
  window: () => window,
  send: (event, payload) => window?.webContents.send(EVENT_CHANNEL_PREFIX + event, payload),
  refreshMenu: () => refreshMenu(),
  openPath: (path) => shell.openPath(path),
  systemLang: () => (app.getLocale().startsWith('nl') ? 'nl' : 'en'),
  log,
  ...(process.env.WERKBANK_NATIVE_BINDING ? { nativeBinding: process.env.WERKBANK_NATIVE_BINDING } : {}),
})

function refreshMenu(): void {
  const template = buildMenuTemplate({
    lang: desktop.lang(),
    platform: process.platform,
    recent: settings.get().recent.filter((p) => existsSync(p)),
    run: (c, a) => void desktop.runCommand(c, a).catch((e: unknown) => log.unexpected(`menu ${c}`, e)),
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]))
}

function createWindow(): void {
  const bounds = settings.get().window
  window = createMainWindow(BrowserWindow, PRELOAD, bounds ?? { width: 1400, height: 900 })
  window.once('ready-to-show', () => window?.show())
  window.on('close', () => {
    if (window) settings.update({ window: window.getBounds() })
  })
  window.on('closed', () => (window = null))
  void window.loadURL(`${APP_ORIGIN}/index.html`)
}

if (setupSingleInstance(app, (p) => void desktop.openStudy(p), () => window?.focus())) {
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents))
  app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    protocol.handle(APP_SCHEME, (request) => {
      const pdf = documentPdfId(request.url)
      if (pdf !== null) {
        const bytes = desktop.study()?.documents.bytes(pdf)
        return bytes
          ? new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store' } })
          : new Response('Not found', { status: 404 })
      }
      const file = resolveAppFile(UI_DIR, request.url)
      if (!file || !existsSync(file)) return new Response('Not found', { status: 404 })
      return net.fetch(pathToFileURL(file).href)
    })
    registerIpc(ipcMain, desktop.call)
    refreshMenu()
    createWindow()
    const initial = studyFromArgv(process.argv) ?? process.env.WERKBANK_STUDY ?? settings.get().recent[0]
    if (initial) await desktop.openStudy(initial)
  })
  app.on('window-all-closed', () => {
    void desktop.closeStudy().then(async () => {
      log.info('desktop app stopped')
      await log.close()
      app.quit()
    })
  })
}
