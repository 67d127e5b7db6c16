/**
 * The desktop menu's commands that the page carries out, in Chromium: the page gets a stand-in
 * for the preload bridge (calls over HTTP, menu commands fired by the test) and must react to
 * "Export codings" (Ctrl+E) with a CSV download and to "About" with a dialog.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { INTEROP_PDF } from './harness'
import { coderIs, openWorkbench, type Workbench } from './workbench-helpers'

declare global {
  interface Window {
    menuCommand?: (command: string) => void
  }
}

describe('the desktop menu’s commands in the page (Chromium)', () => {
  let wb: Workbench
  let page: Page

  beforeAll(async () => {
    wb = await openWorkbench('menu', async (call) => {
      const [o] = await call('documents:import', { paths: [join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')] })
      if (o?.status !== 'imported') throw new Error('import failed')
      const code = await call('codes:create', { parentId: null, name: 'Markt', colour: '#1f77b4' })
      const anna = await call('coders:ensure', { name: 'Anna' })
      await call('codings:create', { documentId: o.documentId, codeId: code.id, coderId: anna.id, start: 0, end: 12 })
      await call('codings:create', { documentId: o.documentId, codeId: code.id, coderId: anna.id, start: 40, end: 60 })
    }, { coder: 'Anna' })
    page = wb.page
    // What electron/preload exposes, over browser mode's HTTP; the test plays the native menu.
    await wb.context.addInitScript((token: string) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>()
      window.werkbank = Object.freeze({
        call: async (method: string, args: unknown) =>
          (await fetch(`api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-werkbank-token': token }, body: JSON.stringify(args ?? {}) })).json(),
        on: (event: string, cb: (payload: unknown) => void) => {
          const set = listeners.get(event) ?? new Set()
          set.add(cb)
          listeners.set(event, set)
          return () => set.delete(cb)
        },
      })
      window.menuCommand = (command) => {
        for (const cb of listeners.get('menu:command') ?? []) cb({ command })
      }
    }, wb.server.token)
    await page.goto(wb.server.url)
    await coderIs(page, 'Anna')
  })

  afterAll(async () => {
    await wb?.close()
  })

  it('saves the codings as CSV on "Export codings", as the export operation writes them', async () => {
    const downloading = page.waitForEvent('download')
    await page.evaluate(() => window.menuCommand!('export:codings'))
    const download = await downloading
    expect(download.suggestedFilename()).toBe('codings-menu.csv')
    const text = readFileSync((await download.path())!, 'utf8')
    const expected = await wb.api('export:codings', { delimiter: ',', decimalComma: false, bom: true, flattenLineBreaks: true })
    expect(text).toBe(expected)
    expect(text.trim().split('\n')).toHaveLength(3)
    await expect.poll(() => page.getByText('codings-menu.csv saved.').count()).toBe(1)
  })

  it('opens the About dialog on "About", with the version, and closes it', async () => {
    await page.evaluate(() => window.menuCommand!('help:about'))
    const dialog = page.getByTestId('about-dialog')
    await dialog.waitFor()
    const version = (JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version
    expect(await dialog.getByRole('heading').textContent()).toBe('About Werkbank')
    expect(await dialog.textContent()).toContain(`Werkbank ${version}`)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(wb.problems).toEqual([])
  })
})
