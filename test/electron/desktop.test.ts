import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACCELERATORS, buildMenuTemplate, type MenuCommand, type MenuItem } from '../../electron/main/menu'
import { SettingsStore } from '../../electron/main/settings'
import { setupSingleInstance, studyFromArgv } from '../../electron/main/single-instance'
import { tempDir } from '../helpers/study'

function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])])
}

describe('the native menu', () => {
  const ALL: MenuCommand[] = [
    'study:new', 'study:open', 'import:pdfs', 'export:codings', 'export:codebook', 'backup:restore', 'study:close',
    'edit:undo', 'edit:redo', 'view:zoom-in', 'view:zoom-out', 'view:zoom-reset', 'view:lang-nl', 'view:lang-en',
    'help:about', 'help:logs',
  ]

  it('holds every action once, with its accelerator, and each item sends its command', () => {
    const sent: [string, string | undefined][] = []
    const items = flatten(buildMenuTemplate({ lang: 'en', platform: 'linux', recent: ['/s/a.werkbank', '/s/b.werkbank'], run: (c, a) => sent.push([c, a]) }))
    for (const command of ALL) {
      const found = items.filter((i) => i.id === command)
      expect(found, command).toHaveLength(1)
      expect(found[0]!.accelerator, command).toBe(ACCELERATORS[command])
      found[0]!.click!()
    }
    expect(sent.map(([c]) => c)).toEqual(ALL)
    const recent = items.filter((i) => i.id === 'study:open-recent')
    expect(recent.map((i) => i.label)).toEqual(['/s/a.werkbank', '/s/b.werkbank'])
    recent[1]!.click!()
    expect(sent.at(-1)).toEqual(['study:open-recent', '/s/b.werkbank'])
    expect(items.some((i) => i.role === 'quit')).toBe(true)
  })

  it('uses the platform conventions: an app menu on macOS, undo on Ctrl/Cmd+Z, redo on Shift+Ctrl/Cmd+Z', () => {
    const mac = buildMenuTemplate({ lang: 'nl', platform: 'darwin', recent: [], run: () => undefined })
    expect(mac[0]!.label).toBe('Werkbank')
    expect(mac[1]!.label).toBe('Bestand')
    const win = buildMenuTemplate({ lang: 'nl', platform: 'win32', recent: [], run: () => undefined })
    expect(win[0]!.label).toBe('Bestand')
    const items = flatten(win)
    expect(items.find((i) => i.id === 'edit:undo')).toMatchObject({ label: 'Ongedaan maken', accelerator: 'CmdOrCtrl+Z' })
    expect(items.find((i) => i.id === 'edit:redo')!.accelerator).toBe('Shift+CmdOrCtrl+Z')
    expect(items.find((i) => i.label === 'Recente studies')!.enabled).toBe(false)
  })
})

describe('settings', () => {
  it('start from defaults, save atomically, and survive a damaged file', () => {
    const path = join(tempDir(), 'settings.json')
    const store = new SettingsStore(path)
    expect(store.get()).toMatchObject({ coder: '', backupIntervalMinutes: 10, backupsToKeep: 20, recent: [] })
    store.update({ coder: 'Anna', lang: 'nl', window: { x: 10, y: 20, width: 1200, height: 800 } })
    expect(new SettingsStore(path).get()).toMatchObject({ coder: 'Anna', lang: 'nl', window: { width: 1200 } })
    expect(existsSync(path + '.tmp')).toBe(false)
    writeFileSync(path, '{ broken')
    expect(new SettingsStore(path).get().coder).toBe('')
    expect(() => store.update({ backupsToKeep: 0 })).toThrow()
    expect(readFileSync(path, 'utf8')).toBe('{ broken') // a refused change writes nothing
  })

  it('keep ten recent studies, most recent first, without duplicates', () => {
    const store = new SettingsStore(join(tempDir(), 's.json'))
    for (let i = 0; i < 12; i++) store.addRecent(`/s/${i}.werkbank`)
    store.addRecent('/s/5.werkbank')
    const recent = store.get().recent
    expect(recent).toHaveLength(10)
    expect(recent[0]).toBe('/s/5.werkbank')
    expect(recent.filter((p) => p === '/s/5.werkbank')).toHaveLength(1)
    expect(recent).not.toContain('/s/0.werkbank')
  })
})

describe('one running instance', () => {
  function fakeApp(gotLock: boolean) {
    const listeners = new Map<string, (...a: never[]) => void>()
    let quitted = false
    const app = {
      requestSingleInstanceLock: () => gotLock,
      quit: () => void (quitted = true),
      on: (e: string, l: (...a: never[]) => void) => void listeners.set(e, l),
    }
    return { app, listeners, quitted: () => quitted }
  }

  it('a second launch hands its study file to the first, which comes to the front', () => {
    const dir = tempDir()
    const study = join(dir, 'team.werkbank')
    writeFileSync(study, '')
    const first = fakeApp(true)
    const opened: string[] = []
    let focused = 0
    expect(setupSingleInstance(first.app, (p) => opened.push(p), () => focused++)).toBe(true)
    ;(first.listeners.get('second-instance') as (e: unknown, argv: string[]) => void)({}, ['/usr/bin/werkbank', '--flag', study])
    expect(opened).toEqual([study])
    expect(focused).toBe(1)
    const second = fakeApp(false)
    expect(setupSingleInstance(second.app, () => undefined, () => undefined)).toBe(false)
    expect(second.quitted()).toBe(true)
  })

  it('reads a study path from the command line only when it is an existing .werkbank file', () => {
    const dir = tempDir()
    const study = join(dir, 'a.werkbank')
    writeFileSync(study, '')
    expect(studyFromArgv(['werkbank', study])).toBe(study)
    expect(studyFromArgv(['werkbank', join(dir, 'missing.werkbank')])).toBeNull()
    expect(studyFromArgv(['werkbank', join(dir, 'x.pdf')])).toBeNull()
    expect(studyFromArgv([study])).toBeNull() // argv[0] is the program
  })
})
