/**
 * Coding with the keyboard alone (Chromium, browser mode): the document is opened from the
 * documents tree with Enter, Find (Ctrl+F) selects its hit, Ctrl+Shift+→ extends the selection by
 * words, Enter opens the code picker, typing and Enter code it; S takes the sentence and a digit
 * codes it with a recent code. No mouse event is sent: every step is a key press (the first focus
 * is given as Tab would give it).
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURE_DIR, ensureFixtures } from '../fixtures/fixtures'
import { screenshotPath } from './harness'
import { coderIs, openWorkbench, waitForPage, type Workbench } from './workbench-helpers'

describe('keyboard coding (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let documentId = 0
  let codeId = 0
  let text = ''

  beforeAll(async () => {
    const manifest = await ensureFixtures()
    wb = await openWorkbench('keyboard', async (call) => {
      const [o] = await call('documents:import', { paths: [join(FIXTURE_DIR, manifest.reports[1]!.file)] })
      if (o?.status !== 'imported') throw new Error('import failed')
      documentId = o.documentId
      codeId = (await call('codes:create', { parentId: null, name: 'Samenwerking', colour: '#2ca02c' })).id
      await call('coders:ensure', { name: 'Kees' })
      text = await call('documents:text', { id: documentId })
    }, { coder: 'Kees' })
    page = wb.page
    // Any mouse event would show here: the test must not send one.
    await page.addInitScript(() => {
      for (const type of ['mousedown', 'pointerdown', 'click']) {
        window.addEventListener(type, (e) => { if (e.isTrusted) (window as unknown as { mouseUsed: boolean }).mouseUsed = true }, true)
      }
    })
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Kees')
  })

  afterAll(async () => {
    await wb?.close()
  })

  it('finds a word, extends the selection by words and codes it through the picker', async () => {
    // As Tab would: focus the document in the tree, then Enter opens it.
    await page.getByTestId(`doc-${documentId}`).locator('xpath=ancestor::li[@role="treeitem"][1]').focus()
    await page.keyboard.press('Enter')
    await waitForPage(page, 1)
    const word = 'samenwerking'
    const at = text.toLowerCase().indexOf(word)
    expect(at).toBeGreaterThan(0)
    await page.keyboard.press('Control+f')
    await page.keyboard.type(word)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('find-status').textContent()).toMatch(/1\b/)
    await page.keyboard.press('Escape')
    // Two words further with Ctrl+Shift+→.
    await page.keyboard.press('Control+Shift+ArrowRight')
    await page.keyboard.press('Control+Shift+ArrowRight')
    await page.screenshot({ path: screenshotPath('70-keyboard-selection') })
    await page.keyboard.press('Enter')
    await page.keyboard.type('Samenw')
    await page.screenshot({ path: screenshotPath('71-keyboard-picker') })
    await page.keyboard.press('Enter')
    const expectedEnd = (() => {
      let i = at + word.length
      for (let n = 0; n < 2; n++) {
        while (i < text.length && !/[\p{L}\p{N}]/u.test(text[i]!)) i++
        while (i < text.length && /[\p{L}\p{N}]/u.test(text[i]!)) i++
      }
      return i
    })()
    await expect.poll(async () => (await wb.api('codings:list', { documentId })).length).toBe(1)
    const [k] = await wb.api('codings:list', { documentId })
    expect([k!.codeId, k!.start, k!.end, k!.origin]).toEqual([codeId, at, expectedEnd, 'keyboard'])
    expect(k!.quote.toLowerCase().startsWith(word)).toBe(true)
  })

  it('takes the sentence with S and codes it with a recent code by its digit', async () => {
    // The caret stands after the last coding; a few words on, S takes that sentence.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('viewer')
    for (let i = 0; i < 12; i++) await page.keyboard.press('Control+ArrowRight')
    await page.keyboard.press('s')
    // The sentence is fetched from the core, then shown as the selection.
    await page.locator('[data-overlay="kbd"].ov-pending').first().waitFor()
    await page.keyboard.press('1')
    await expect.poll(async () => (await wb.api('codings:list', { documentId })).length).toBe(2)
    const codings = (await wb.api('codings:list', { documentId })).sort((a, b) => a.start - b.start)
    const sentence = codings[1]!
    const unit = await wb.api('units:around', { documentId, kind: 'sentence', offset: sentence.start })
    expect([sentence.start, sentence.end]).toEqual([unit!.start, unit!.end])
    expect(sentence.origin).toBe('keyboard')
    await page.screenshot({ path: screenshotPath('72-keyboard-sentence') })
    // Undo with the keyboard too.
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await wb.api('codings:list', { documentId })).length).toBe(1)
    expect(await page.evaluate(() => (window as unknown as { mouseUsed?: boolean }).mouseUsed ?? false)).toBe(false)
    expect(wb.problems).toEqual([])
  })
})
