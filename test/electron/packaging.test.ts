import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

describe('packaging (electron-builder.yml)', () => {
  const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

  it('names the app and builds AppImage and deb, NSIS and dmg', () => {
    expect(config.productName).toBe('Werkbank')
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toBe('nsis')
    expect(config.mac.target).toBe('dmg')
  })

  it('starts the bundled main process and ships the UI, the migrations and an icon', () => {
    expect(config.extraMetadata.main).toBe('dist-electron/main.mjs')
    expect(pkg.main).toBe('dist-electron/main.mjs')
    expect(config.files).toEqual(expect.arrayContaining(['dist-electron/**', 'dist/ui/**', 'migrations/**']))
    expect(readFileSync(join(ROOT, config.icon)).subarray(1, 4).toString()).toBe('PNG')
  })

  it('unpacks the native module and the PDF workers from the asar, and rebuilds natives for Electron', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/better-sqlite3/**', 'dist-electron/extract-worker.mjs', 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs']),
    )
    expect(config.npmRebuild).toBe(true)
  })

  it('associates .werkbank study files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'werkbank', name: 'Werkbank study' })])
  })

  it('has a dist script, and keeps Electron and its installer out of npm install scripts', () => {
    expect(pkg.scripts.dist).toContain('electron-builder')
    expect(pkg.allowScripts).toMatchObject({ electron: false, 'electron-winstaller': false, 'better-sqlite3': true })
  })
})
