/**
 * The Electron main process: the only module that imports 'electron'. It wires the tested
 * parts (security, protocol, IPC, menu, settings, single instance, backups) to Electron and
 * stays thin; everything it calls is tested in Node with the API injected.
 */
import { app, BrowserWindow, Menu, dialog, ipcMain, net, protocol, session, shell } from 'electron'
import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Events } from '../../shared/api'
import { EVENT_CHANNEL_PREFIX } from '../../shared/ipc'
import { dispatch } from '../core/handlers/dispatch'
import { createHandlers, type Handlers } from '../core/handlers/handlers'
import { BackupService, defaultBackupDir } from '../core/services/backup.service'
import { StudySession } from '../core/study-session'
import { documentPdfId, resolveAppFile } from './app-protocol'
import { registerIpc } from './ipc'
import { buildMenuTemplate, type MenuCommand } from './menu'
import { APP_ORIGIN, APP_SCHEME, hardenSession, hardenWebContents } from './security'
import { createMainWindow } from './window'
import { SettingsStore } from './settings'
import { setupSingleInstance, studyFromArgv } from './single-instance'

const HERE = dirname(fileURLToPath(import.meta.url))
const UI_DIR = process.env.WERKBANK_UI_DIR ?? join(HERE, '..', 'dist', 'ui')
const PRELOAD = join(HERE, 'preload.cjs')

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

const settings = new SettingsStore(join(app.getPath('userData'), 'settings.json'))
// Backups live beside the study (NAME.backups), where a merge's backup goes too.
const backupsOf = (studyPath: string) => new BackupService(defaultBackupDir(studyPath), settings.get().backupsToKeep)
let window: BrowserWindow | null = null
let study: StudySession | null = null
let handlers: Handlers | null = null
let backupTimer: NodeJS.Timeout | undefined

function send<E extends keyof Events | 'menu:command'>(event: E, payload: unknown): void {
  window?.webContents.send(EVENT_CHANNEL_PREFIX + event, payload)
}

async function openStudy(path: string, create = false): Promise<void> {
  try {
    const next = await StudySession.open(path, {
      create,
      ...(process.env.WERKBANK_NATIVE_BINDING ? { nativeBinding: process.env.WERKBANK_NATIVE_BINDING } : {}),
    })
    await closeStudy()
    study = next
    handlers = createHandlers(next, (event, payload) => send(event, payload))
    settings.addRecent(path)
    clearInterval(backupTimer)
    backupTimer = setInterval(() => void backupsOf(next.path).backup(next).catch(() => undefined), settings.get().backupIntervalMinutes * 60_000)
    refreshMenu()
    window?.setTitle(`Werkbank — ${path}`)
    window?.webContents.reload()
  } catch (e) {
    dialog.showErrorBox('Werkbank', String((e as { code?: string }).code ?? (e as Error).message))
  }
}

async function closeStudy(): Promise<void> {
  clearInterval(backupTimer)
  const current = study
  study = null
  handlers = null
  if (current) {
    await backupsOf(current.path).backup(current, 'on-close').catch(() => undefined)
    await current.close()
  }
}

async function runCommand(command: MenuCommand, arg?: string): Promise<void> {
  if (!window) return
  const filters = [{ name: 'Werkbank', extensions: ['werkbank'] }]
  switch (command) {
    case 'study:new': {
      const r = await dialog.showSaveDialog(window, { filters, defaultPath: 'studie.werkbank' })
      if (!r.canceled && r.filePath) await openStudy(r.filePath, true)
      return
    }
    case 'study:open': {
      const r = await dialog.showOpenDialog(window, { filters, properties: ['openFile'] })
      if (!r.canceled && r.filePaths[0]) await openStudy(r.filePaths[0])
      return
    }
    case 'study:open-recent':
      if (arg) await openStudy(arg)
      return
    case 'study:close':
      await closeStudy()
      window.webContents.reload()
      return
    case 'import:pdfs': {
      const r = await dialog.showOpenDialog(window, { filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['openFile', 'multiSelections'] })
      if (!r.canceled && r.filePaths.length > 0 && handlers) {
        const reply = await dispatch(handlers, 'documents:import', { paths: r.filePaths })
        send('menu:command', { command: 'import:done', reply })
      }
      return
    }
    case 'export:codings':
    case 'export:codebook': {
      if (!study || !handlers) return
      const r = await dialog.showSaveDialog(window, { filters: [{ name: 'CSV', extensions: ['csv'] }] })
      if (r.canceled || !r.filePath) return
      if (command === 'export:codebook') writeFileSync(r.filePath, study.transfer.export('csv', { bom: true }))
      else send('menu:command', { command, path: r.filePath })
      return
    }
    case 'backup:restore': {
      if (!study) return
      const path = study.path
      const r = await dialog.showOpenDialog(window, {
        defaultPath: defaultBackupDir(path),
        filters: [{ name: 'Backup', extensions: ['werkbank-backup'] }],
        properties: ['openFile'],
      })
      if (r.canceled || !r.filePaths[0]) return
      const ok = await dialog.showMessageBox(window, { type: 'warning', buttons: ['Cancel', 'Restore'], defaultId: 0, cancelId: 0, message: `Replace ${path} with this backup? Its current state is backed up first.` })
      if (ok.response !== 1) return
      await closeStudy()
      backupsOf(path).restore(r.filePaths[0], path)
      await openStudy(path)
      return
    }
    case 'view:zoom-in':
      window.webContents.setZoomLevel(window.webContents.getZoomLevel() + 0.5)
      return
    case 'view:zoom-out':
      window.webContents.setZoomLevel(window.webContents.getZoomLevel() - 0.5)
      return
    case 'view:zoom-reset':
      window.webContents.setZoomLevel(0)
      return
    case 'view:lang-nl':
    case 'view:lang-en':
      settings.update({ lang: command === 'view:lang-nl' ? 'nl' : 'en' })
      refreshMenu()
      send('menu:command', { command })
      return
    case 'help:logs':
      await shell.openPath(app.getPath('logs'))
      return
    default:
      // Undo, redo and about are the UI's: it knows what to refresh.
      send('menu:command', { command })
  }
}

function refreshMenu(): void {
  const template = buildMenuTemplate({
    lang: settings.get().lang ?? (app.getLocale().startsWith('nl') ? 'nl' : 'en'),
    platform: process.platform,
    recent: settings.get().recent.filter((p) => existsSync(p)),
    run: (c, a) => void runCommand(c, a),
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

if (setupSingleInstance(app, (p) => void openStudy(p), () => window?.focus())) {
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents))
  app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    protocol.handle(APP_SCHEME, (request) => {
      const pdf = documentPdfId(request.url)
      if (pdf !== null) {
        const bytes = study?.documents.bytes(pdf)
        return bytes
          ? new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store' } })
          : new Response('Not found', { status: 404 })
      }
      const file = resolveAppFile(UI_DIR, request.url)
      if (!file || !existsSync(file)) return new Response('Not found', { status: 404 })
      return net.fetch(pathToFileURL(file).href)
    })
    registerIpc(ipcMain, async (method, args) =>
      handlers ? dispatch(handlers, method, args) : { ok: false, error: { code: 'study-not-found', params: { path: '' } } },
    )
    refreshMenu()
    createWindow()
    const initial = studyFromArgv(process.argv) ?? process.env.WERKBANK_STUDY ?? settings.get().recent[0]
    if (initial) await openStudy(initial)
  })
  app.on('window-all-closed', () => {
    void closeStudy().then(() => app.quit())
  })
}
