/**
 * What the desktop app does with a study, apart from Electron: open and close it (its backups
 * kept as the user's settings say), the IPC door, and the native menu's commands. main.ts hands
 * in Electron's dialogs, shell, window and event sender; the tests hand in fakes.
 *
 * Every call into the study goes through `dispatch` (menu commands too), so the contract's
 * checks and the one error mapping apply; a failure is shown translated, and a bug is logged.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import { z } from 'zod'
import { basename } from 'node:path'
import type { Args, Method, Reply } from '../../shared/api'
import type { AppError } from '../../shared/errors'
import { errorMessage, type Lang } from '../../shared/i18n/messages'
import { SAVE_FILE_CALL } from '../../shared/ipc'
import { STUDY_EXTENSION } from '../../shared/study-file'
import { isUnexpected, toAppError } from '../core/app-error'
import { dispatch } from '../core/handlers/dispatch'
import { createHandlers, type Handlers } from '../core/handlers/handlers'
import { createDownloads, dispatchDownload, pipeFile, type Downloads } from '../core/handlers/downloads'
import type { AppLog } from '../core/log/app-log'
import { StudySession } from '../core/study-session'
import type { MenuCommand } from './menu'
import type { SettingsStore } from './settings'

interface FileFilter {
  name: string
  extensions: string[]
}

/** The part of Electron's `dialog` the shell uses, bound to the main window. */
export interface DialogLike {
  showSaveDialog(options: { filters?: FileFilter[]; defaultPath?: string }): Promise<{ canceled: boolean; filePath?: string }>
  showOpenDialog(options: { filters?: FileFilter[]; defaultPath?: string; properties?: ('openFile' | 'multiSelections')[] }): Promise<{ canceled: boolean; filePaths: string[] }>
  showMessageBox(options: { type?: 'warning'; buttons: string[]; defaultId?: number; cancelId?: number; message: string }): Promise<{ response: number }>
  showErrorBox(title: string, content: string): void
}

/** The part of a BrowserWindow the shell uses. */
export interface WindowLike {
  setTitle(title: string): void
  webContents: { reload(): void; getZoomLevel(): number; setZoomLevel(level: number): void }
}

export interface DesktopDeps {
  settings: SettingsStore
  dialog: DialogLike
  /** The main window, when there is one. */
  window(): WindowLike | null
  /** Sends an event to the page (`menu:command`, `import:progress`). */
  send(event: string, payload: unknown): void
  /** Rebuilds the native menu (language, recent studies). */
  refreshMenu(): void
  /** Opens a folder in the file manager (Electron's shell.openPath). */
  openPath(path: string): Promise<unknown>
  /** The system's language, when the settings name none. */
  systemLang(): Lang
  log: AppLog
  /** better-sqlite3 built for Electron's ABI. */
  nativeBinding?: string
  /** The files of the study's downloads (tests hand in fakes); default: createDownloads. */
  makeDownloads?: (session: StudySession) => Downloads
}

export interface Desktop {
  openStudy(path: string, create?: boolean): Promise<void>
  closeStudy(): Promise<void>
  runCommand(command: MenuCommand, arg?: string): Promise<void>
  /** The IPC door: one call of the contract on the open study, or the desktop's own `file:save`. */
  call(method: string, args: unknown): Promise<Reply<Method> | SaveReply>
  study(): StudySession | null
  lang(): Lang
}

const NO_STUDY = { ok: false, error: { code: 'study-not-found', params: { path: '' } } } as const

const SaveFileArgs = z.object({ method: z.string().max(100), args: z.unknown(), fileName: z.string().min(1).max(255) })
export type SaveReply = { ok: true; data: { file: string; bytes: number } | null } | { ok: false; error: AppError }

export function createDesktop(deps: DesktopDeps): Desktop {
  const { settings, dialog, log } = deps
  let study: StudySession | null = null
  let handlers: Handlers | null = null
  let downloads: Downloads | null = null
  let backupTimer: NodeJS.Timeout | undefined

  const lang = (): Lang => settings.get().lang ?? deps.systemLang()
  const onInternalError = (method: string, e: unknown) => log.unexpected(method, e)
  const call = async (method: string, args: unknown): Promise<Reply<Method> | SaveReply> => {
    if (!handlers) return NO_STUDY
    if (method === SAVE_FILE_CALL) return saveFile(args)
    return dispatch(handlers, method, args, onInternalError)
  }
  const callTyped = <M extends Method>(method: M, args: Args<M>) => call(method, args) as Promise<Reply<M>>
  const showError = (error: AppError) => dialog.showErrorBox('Werkbank', errorMessage(error, lang()))
  /** A failure outside dispatch (opening a study, writing a file): shown translated, a bug logged. */
  const showFailure = (where: string, e: unknown, error: AppError = toAppError(e)) => {
    if (isUnexpected(e)) log.unexpected(where, e)
    showError(error)
  }
  const filters = [{ name: 'Werkbank', extensions: [STUDY_EXTENSION.slice(1)] }]

  async function openStudy(path: string, create = false): Promise<void> {
    let next: StudySession
    try {
      next = await StudySession.open(path, {
        create,
        backupsToKeep: settings.get().backupsToKeep,
        ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
      })
    } catch (e) {
      showFailure('study:open', e)
      return
    }
    await closeStudy()
    study = next
    handlers = createHandlers(next, (event, payload) => deps.send(event, payload))
    downloads = (deps.makeDownloads ?? createDownloads)(next)
    settings.addRecent(path)
    backupTimer = setInterval(() => void backup(next, ''), settings.get().backupIntervalMinutes * 60_000)
    backupTimer.unref?.()
    deps.refreshMenu()
    deps.window()?.setTitle(`Werkbank — ${path}`)
    deps.window()?.webContents.reload()
  }

  async function backup(session: StudySession, tag: string): Promise<void> {
    await session.backups.backup(session, tag).catch((e: unknown) => log.unexpected('backup', e))
  }

  async function closeStudy(): Promise<void> {
    clearInterval(backupTimer)
    const current = study
    study = null
    handlers = null
    downloads = null
    if (current) {
      await backup(current, 'on-close')
      await current.close()
    }
  }

  /** Saves what the core made to a file the user chose; false when it could not be written. */
  async function save(path: string, data: string | Uint8Array): Promise<boolean> {
    try {
      await writeFile(path, data)
      return true
    } catch (e) {
      const reason = (e as { code?: unknown })?.code
      showFailure('save', e, { code: 'file-not-written', params: { file: basename(path), reason: typeof reason === 'string' ? reason : 'error' } })
      return false
    }
  }

  /**
   * A file too large for a reply (a .qdpx): asks where to save it, then streams it there. A
   * file that fails half-way is removed, not left looking whole.
   */
  async function saveFile(raw: unknown): Promise<SaveReply> {
    const parsed = SaveFileArgs.safeParse(raw)
    if (!parsed.success) return { ok: false, error: { code: 'bad-input', params: { detail: 'file:save takes method, args and fileName' } } }
    const { method, args, fileName } = parsed.data
    const from = downloads
    if (!from) return NO_STUDY
    const ext = /\.(\w{1,8})$/.exec(fileName)?.[1]
    const r = await dialog.showSaveDialog({ defaultPath: fileName, ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}) })
    if (r.canceled || !r.filePath) return { ok: true, data: null }
    const path = r.filePath
    const reply = await dispatchDownload(from, method, args, onInternalError)
    if (!reply.ok) return reply
    const out = createWriteStream(path)
    try {
      const bytes = await pipeFile(reply.file, async (chunk) => {
        if (!out.write(chunk)) await once(out, 'drain')
      })
      out.end()
      await once(out, 'finish')
      return { ok: true, data: { file: basename(path), bytes } }
    } catch (e) {
      out.destroy()
      await rm(path, { force: true })
      const code = (e as { code?: unknown })?.code
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { ok: false, error: { code: 'file-not-written', params: { file: basename(path), reason: code } } }
      if (isUnexpected(e)) log.unexpected(`save ${method}`, e)
      return { ok: false, error: toAppError(e) }
    }
  }

  async function runCommand(command: MenuCommand, arg?: string): Promise<void> {
    const window = deps.window()
    if (!window) return
    switch (command) {
      case 'study:new': {
        const r = await dialog.showSaveDialog({ filters, defaultPath: `${lang() === 'nl' ? 'studie' : 'study'}${STUDY_EXTENSION}` })
        if (!r.canceled && r.filePath) await openStudy(r.filePath, true)
        return
      }
      case 'study:open': {
        const r = await dialog.showOpenDialog({ filters, properties: ['openFile'] })
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
        if (!handlers) return
        const r = await dialog.showOpenDialog({ filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['openFile', 'multiSelections'] })
        if (r.canceled || r.filePaths.length === 0) return
        const reply = await callTyped('documents:import', { paths: r.filePaths })
        deps.send('menu:command', { command: 'import:done', reply })
        return
      }
      case 'export:codebook': {
        if (!handlers) return
        const r = await dialog.showSaveDialog({ filters: [{ name: 'CSV', extensions: ['csv'] }], defaultPath: lang() === 'nl' ? 'codeboek.csv' : 'codebook.csv' })
        if (r.canceled || !r.filePath) return
        const reply = await callTyped('codebook:export', { format: 'csv', bom: true })
        if (!reply.ok) return showError(reply.error)
        await save(r.filePath, reply.data)
        return
      }
      case 'backup:restore': {
        if (!study) return
        const path = study.path
        const backups = study.backups
        const r = await dialog.showOpenDialog({
          defaultPath: backups.dir,
          filters: [{ name: 'Backup', extensions: ['werkbank-backup'] }],
          properties: ['openFile'],
        })
        if (r.canceled || !r.filePaths[0]) return
        const ok = await dialog.showMessageBox({ type: 'warning', buttons: ['Cancel', 'Restore'], defaultId: 0, cancelId: 0, message: `Replace ${path} with this backup? Its current state is backed up first.` })
        if (ok.response !== 1) return
        await closeStudy()
        try {
          backups.restore(r.filePaths[0], path)
        } catch (e) {
          showFailure('backup:restore', e)
        }
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
        deps.refreshMenu()
        deps.send('menu:command', { command })
        return
      case 'help:logs':
        await mkdir(log.dir, { recursive: true })
        await deps.openPath(log.dir)
        return
      case 'export:codings':
      case 'edit:undo':
      case 'edit:redo':
      case 'help:about':
        // The page's: it knows the coder, the CSV choices and what to refresh, and saves files
        // through the download (a save dialog in the desktop app).
        deps.send('menu:command', { command })
        return
    }
  }

  return { openStudy, closeStudy, runCommand, call, study: () => study, lang }
}
