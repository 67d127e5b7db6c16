/**
 * The desktop shell with Electron's API faked: opening a study with the user's settings, the
 * IPC door, the native menu's commands, and the log behind "Open log folder".
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDownloads, type FileBody } from '../../electron/core/handlers/downloads'
import { openAppLog, type AppLog } from '../../electron/core/log/app-log'
import { createDesktop, type Desktop, type DialogLike } from '../../electron/main/desktop'
import { SettingsStore } from '../../electron/main/settings'
import { errorMessage } from '../../shared/i18n/messages'
import { tempDir } from '../helpers/study'

interface Fakes {
  desktop: Desktop
  settings: SettingsStore
  log: AppLog
  errors: string[]
  sent: [string, unknown][]
  opened: string[]
  saveAs: { path?: string }
  dir: string
}

const open: Fakes[] = []
afterEach(async () => {
  for (const f of open.splice(0)) {
    await f.desktop.closeStudy()
    await f.log.close()
  }
})

async function fakes(settings: Partial<ReturnType<SettingsStore['get']>> = {}, fakeFile?: () => FileBody): Promise<Fakes> {
  const dir = tempDir()
  const store = new SettingsStore(join(dir, 'settings.json'))
  store.update(settings)
  const log = await openAppLog(join(dir, 'logs'))
  const errors: string[] = []
  const sent: [string, unknown][] = []
  const opened: string[] = []
  const saveAs: { path?: string } = {}
  const dialog: DialogLike = {
    showSaveDialog: async () => (saveAs.path ? { canceled: false, filePath: saveAs.path } : { canceled: true }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async () => ({ response: 0 }),
    showErrorBox: (_title, content) => errors.push(content),
  }
  const window = { setTitle: () => undefined, webContents: { reload: () => undefined, getZoomLevel: () => 0, setZoomLevel: () => undefined } }
  const desktop = createDesktop({
    settings: store,
    dialog,
    window: () => window,
    send: (event, payload) => sent.push([event, payload]),
    refreshMenu: () => undefined,
    openPath: async (path) => opened.push(path),
    systemLang: () => 'en',
    log,
    makeDownloads: (session) => (fakeFile ? { 'export:qdpx': fakeFile } : createDownloads(session)),
  })
  const f = { desktop, settings: store, log, errors, sent, opened, saveAs, dir }
  open.push(f)
  return f
}

describe('the desktop shell', () => {
  it("opens a study whose backups, a team merge's too, are kept as the user's settings say", async () => {
    const f = await fakes({ backupsToKeep: 3 })
    const path = join(f.dir, 'team.werkbank')
    await f.desktop.openStudy(path, true)
    const study = f.desktop.study()!
    for (let i = 0; i < 5; i++) await study.backups.backup(study, `t${i}`)
    const notAStudy = join(f.dir, 'bram.werkbank')
    writeFileSync(notAStudy, 'not a study')
    expect(await f.desktop.call('agreement:merge', { path: notAStudy })).toMatchObject({ ok: false })
    const kept = study.backups.list(path)
    expect(kept).toHaveLength(3)
    expect(kept[0]!.path).toContain('before-merge')
  })

  it('shows a failed open as a translated message, in the language of the settings', async () => {
    const f = await fakes({ lang: 'nl' })
    const notAStudy = join(f.dir, 'notities.werkbank')
    writeFileSync(notAStudy, 'gewoon tekst')
    await f.desktop.openStudy(notAStudy)
    await f.desktop.openStudy(join(f.dir, 'weg.werkbank'))
    expect(f.errors).toEqual([
      errorMessage({ code: 'study-not-a-study', params: { path: notAStudy } }, 'nl'),
      errorMessage({ code: 'study-not-found', params: { path: join(f.dir, 'weg.werkbank') } }, 'nl'),
    ])
    expect(f.errors[0]).toContain('geen Werkbank-studiebestand')
    expect(f.desktop.study()).toBeNull()
    expect(await f.desktop.call('codes:list', {})).toEqual({ ok: false, error: { code: 'study-not-found', params: { path: '' } } })
  })

  it('exports the codebook from the menu through the handler table, and says so when the file cannot be written', async () => {
    const f = await fakes({ lang: 'en' })
    await f.desktop.openStudy(join(f.dir, 's.werkbank'), true)
    expect(await f.desktop.call('codes:create', { parentId: null, name: 'Begeleiding' })).toMatchObject({ ok: true })
    f.saveAs.path = join(f.dir, 'codeboek.csv')
    await f.desktop.runCommand('export:codebook')
    const expected = await f.desktop.call('codebook:export', { format: 'csv', bom: true })
    expect(expected.ok && readFileSync(f.saveAs.path, 'utf8')).toBe(expected.ok && expected.data)
    expect(readFileSync(f.saveAs.path, 'utf8')).toContain('Begeleiding')

    f.saveAs.path = join(f.dir, 'no-such-folder', 'codeboek.csv')
    await f.desktop.runCommand('export:codebook')
    expect(f.errors).toEqual(['codeboek.csv could not be saved (ENOENT).'])
  })

  it("hands the page what is the page's: export codings, about, undo and redo", async () => {
    const f = await fakes()
    for (const command of ['export:codings', 'help:about', 'edit:undo', 'edit:redo'] as const) await f.desktop.runCommand(command)
    expect(f.sent).toEqual([
      ['menu:command', { command: 'export:codings' }],
      ['menu:command', { command: 'help:about' }],
      ['menu:command', { command: 'edit:undo' }],
      ['menu:command', { command: 'edit:redo' }],
    ])
  })

  it('logs a bug behind an IPC call, so that "Open log folder" finds it, without the study\'s text', async () => {
    const f = await fakes()
    await f.desktop.openStudy(join(f.dir, 's.werkbank'), true)
    const study = f.desktop.study()!
    study.codebook.list = () => {
      throw new TypeError('no code for "de stage was te kort"')
    }
    expect(await f.desktop.call('codes:list', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
    await f.desktop.runCommand('help:logs')
    expect(f.opened).toEqual([f.log.dir])
    const files = readdirSync(f.log.dir)
    expect(files.length).toBeGreaterThan(0)
    const text = files.map((name) => readFileSync(join(f.log.dir, name), 'utf8')).join('')
    expect(text).toContain('"where":"codes:list"')
    expect(text).toContain('TypeError')
    expect(text).not.toContain('stage')
    expect(existsSync(f.log.dir)).toBe(true)
  })

  it('saves a download above 400 MB to the file chosen in the save dialog, streamed', async () => {
    const MB = 1024 * 1024
    const size = 420 * MB
    function* chunks() {
      const chunk = new Uint8Array(MB)
      for (let i = 0; i * MB < size; i++) {
        chunk.fill(i % 253)
        yield chunk
      }
    }
    const f = await fakes({}, () => ({ fileName: 'groot.qdpx', contentType: 'application/zip', size, chunks: chunks() }))
    await f.desktop.openStudy(join(f.dir, 'groot.werkbank'), true)
    f.saveAs.path = join(f.dir, 'uit.qdpx')
    const reply = await f.desktop.call('file:save', { method: 'export:qdpx', args: {}, fileName: 'groot.qdpx' })
    expect(reply).toEqual({ ok: true, data: { file: 'uit.qdpx', bytes: size } })
    expect(statSync(f.saveAs.path).size).toBe(size)
    const h = createHash('sha256')
    for await (const c of createReadStream(f.saveAs.path)) h.update(c as Buffer)
    const expected = createHash('sha256')
    for (const c of chunks()) expected.update(c)
    expect(h.digest('hex')).toBe(expected.digest('hex'))
  }, 120_000)

  it('saves the real .qdpx, says nothing when the dialog is cancelled, and leaves no half file', async () => {
    let fail = false
    const f = await fakes({}, () => ({
      fileName: 'x.qdpx',
      contentType: 'application/zip',
      chunks: (function* () {
        yield new Uint8Array(10)
        if (fail) throw new RangeError('the zip broke')
      })(),
    }))
    await f.desktop.openStudy(join(f.dir, 's.werkbank'), true)
    expect(await f.desktop.call('file:save', { method: 'export:qdpx', args: {}, fileName: 'x.qdpx' })).toEqual({ ok: true, data: null })
    f.saveAs.path = join(f.dir, 'half.qdpx')
    fail = true
    expect(await f.desktop.call('file:save', { method: 'export:qdpx', args: {}, fileName: 'x.qdpx' })).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(existsSync(f.saveAs.path)).toBe(false)
    expect(await f.desktop.call('file:save', { method: 'codes:list', args: {}, fileName: 'x.qdpx' })).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    expect(await f.desktop.call('file:save', { method: 'export:qdpx' })).toMatchObject({ ok: false, error: { code: 'bad-input' } })
  })

  it('saves the study as a .qdpx through the real export', async () => {
    const f = await fakes()
    await f.desktop.openStudy(join(f.dir, 's.werkbank'), true)
    f.saveAs.path = join(f.dir, 's.qdpx')
    const reply = await f.desktop.call('file:save', { method: 'export:qdpx', args: {}, fileName: 's.qdpx' })
    expect(reply).toMatchObject({ ok: true, data: { file: 's.qdpx' } })
    expect(readFileSync(f.saveAs.path).subarray(0, 2).toString('latin1')).toBe('PK')
  })
})
