/**
 * Getting around in the workbench: retrieval (with or without subcodes, quotes in context)
 * jumps to a passage and flashes it, full-text search across documents jumps to a hit, find
 * in document steps through hits, and the panes and the workspace come back after a reload.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePaths } from '../fixtures/fixtures'
import { INTEROP_PDF, screenshotPath } from './harness'
import { coderIs, inViewer, openDocument, openWorkbench, waitForPage, type Box, type Workbench } from './workbench-helpers'
import { flashAfter, lastFlashNonce } from './transient'

const TEXT_PDF = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')

describe('retrieval, search, find and the workspace (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let kidsId: number
  let reportId: number
  let farQuote = ''
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    wb = await openWorkbench('navigation', async (call) => {
      const [kids, report] = await call('documents:import', { paths: [TEXT_PDF, fixturePaths().reports[0]!] })
      if (kids?.status !== 'imported' || report?.status !== 'imported') throw new Error('import failed')
      kidsId = kids.documentId
      reportId = report.documentId
      const landscape = await call('codes:create', { parentId: null, name: 'Landscape', colour: '#3cb44b' })
      const bogs = await call('codes:create', { parentId: landscape.id, name: 'Bogs', colour: '#4363d8' })
      ids.Landscape = landscape.id
      ids.Bogs = bogs.id
      const anna = await call('coders:ensure', { name: 'Anna' })
      const text = await call('documents:text', { id: kidsId })
      const pages = await call('documents:pages', { id: kidsId })
      // A line from the middle of page 12, far from the first page.
      const p12 = pages[11]!
      const line = p12.text.split('\n').find((l, i) => i > 4 && l.trim().length > 30)!.trim()
      farQuote = line
      const at = p12.startOffset + p12.text.indexOf(line)
      await call('codings:create', { documentId: kidsId, codeId: landscape.id, coderId: anna.id, start: at, end: at + line.length })
      const b = text.indexOf('collection of bogs.')
      await call('codings:create', { documentId: kidsId, codeId: bogs.id, coderId: anna.id, start: b, end: b + 'collection of bogs.'.length })
    }, { coder: 'Anna' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Anna')
  })

  afterAll(async () => {
    await wb?.close()
  })

  /** The flash that `jump` starts, in view: measured in the page, so a flash that already faded counts too. */
  async function flashInView(jump: () => Promise<void>): Promise<Box> {
    const before = await lastFlashNonce(page)
    await jump()
    const box = await flashAfter(page, before)
    expect(await inViewer(page, box)).toBe(true)
    return box
  }

  it('lists a code’s codings with or without its subcodes, quoted in context, and jumps to one, flashing it', async () => {
    await page.getByTestId(`code-name-${ids.Landscape}`).click()
    const items = page.locator('[data-testid="retrieval-list"] [role="option"]')
    await expect.poll(() => items.count()).toBe(2)
    expect(await page.getByTestId('retrieval-summary').textContent()).toContain('2 codings of “Landscape” (subcodes included)')
    // The subcode's coding names its code; quotes stand in their context.
    const bogsItem = items.filter({ hasText: 'collection of bogs.' })
    expect(await bogsItem.textContent()).toContain('Landscape/Bogs')
    expect(await bogsItem.locator('mark').textContent()).toBe('collection of bogs.')
    expect((await bogsItem.locator('.context').first().textContent())!.length).toBeGreaterThan(10)
    expect(await bogsItem.locator('.context').nth(1).textContent()).toMatch(/^ ?Pools of black water/)

    await page.getByTestId('with-subcodes').uncheck()
    await expect.poll(() => items.count()).toBe(1)
    expect(await page.getByTestId('retrieval-summary').textContent()).toContain('1 coding of “Landscape”')
    expect(await items.first().locator('mark').textContent()).toBe(farQuote)

    await flashInView(async () => {
      await items.first().click()
      await expect.poll(() => page.locator('.page-box input').inputValue()).toBe('12')
      await waitForPage(page, 12)
    })
    await page.locator('.hl-outline.selected').first().waitFor()
    expect(await page.getByTestId('coding-quote').textContent()).toBe(farQuote)
    await page.screenshot({ path: screenshotPath('23-retrieval-jump') })

    // From the keyboard: back to subcodes, arrow down to the other coding, Enter jumps.
    await page.getByTestId('with-subcodes').check()
    await expect.poll(() => items.count()).toBe(2)
    await page.getByTestId('retrieval-list').focus()
    const target = (await items.nth(0).textContent())!.includes('collection of bogs.') ? 0 : 1
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown')
    await flashInView(async () => {
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('.page-box input').inputValue()).toBe('1')
    })
    expect(await page.getByTestId('coding-quote').textContent()).toBe('collection of bogs.')
  })

  it('searches all documents and jumps to a hit, flashing it', async () => {
    await page.getByTestId('tab-search').click()
    await page.getByTestId('search-input').fill('tussock')
    await page.keyboard.press('Enter')
    const results = page.locator('[data-testid="search-results"] [role="option"]')
    await results.first().waitFor()
    expect(await results.first().locator('mark').first().textContent()).toMatch(/tussock/i)
    const flash = await flashInView(async () => {
      await results.first().click()
      await expect.poll(() => page.locator('.page-box input').inputValue()).not.toBe('1')
    })
    // The flash lies over the word.
    const hit = (await wb.api('search:run', { query: 'tussock' })).hits[0]!
    const word = await page.evaluate(({ pageNo }) => {
      const span = [...document.querySelectorAll<HTMLElement>(`[data-page-no="${pageNo}"] .textLayer span[data-i]`)].find((s) => /tussock/i.test(s.textContent ?? ''))!
      const t = span.firstChild as Text
      const i = t.data.toLowerCase().indexOf('tussock')
      const r = document.createRange()
      r.setStart(t, i)
      r.setEnd(t, i + 7)
      const b = r.getBoundingClientRect()
      return { left: b.left, right: b.right, top: b.top, bottom: b.bottom }
    }, { pageNo: hit.page })
    expect(Math.abs(flash.left - word.left)).toBeLessThan(2)
    expect(Math.abs(flash.right - word.right)).toBeLessThan(2)
    // Faded (after 2.6 s) the flash is gone from sight but not from the page: where the last
    // flash went can be read however slow the machine.
    const n = await lastFlashNonce(page)
    await page.waitForTimeout(2_800)
    expect(await page.locator('.ov-flash').count()).toBe(0)
    const faded = await flashAfter(page, n - 1)
    expect(Math.abs(faded.left - flash.left) + Math.abs(faded.top - flash.top)).toBeLessThan(1)

    // Another document, diacritics and case ignored: the report opens at its hit.
    await page.getByTestId('search-input').fill('Projectgroep')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await results.first().textContent()) ?? '').toContain('p01-samen-zorgen')
    const expected = await wb.api('search:run', { query: 'Projectgroep' })
    expect(expected.documents.map((d) => d.documentId)).toEqual([reportId])
    expect(await page.getByTestId('search-status').textContent()).toContain(`${expected.total} hits in 1 document`)
    await page.screenshot({ path: screenshotPath('24-search') })
    await flashInView(async () => {
      await results.first().click()
      await expect.poll(() => page.evaluate(() => document.querySelector('.viewer-toolbar .doc-title')?.textContent ?? '')).toContain('p01-samen-zorgen')
    })
    expect(expected.hits[0]!.documentId).toBe(reportId)
  })

  it('finds in the document with Ctrl+F, steps through the hits and marks the current one', async () => {
    await openDocument(page, kidsId)
    const text = await wb.api('documents:text', { id: kidsId })
    const count = (text.match(/moon/gi) ?? []).length
    await page.getByTestId('viewer').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+f')
    const input = page.getByTestId('find-input')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('find-input')
    await input.fill('MOON')
    await expect.poll(() => page.getByTestId('find-status').textContent()).toBe(`1 of ${count}`)
    const current = page.locator('.ov-find-current').first()
    await current.waitFor()
    const first = (await current.boundingBox())!
    expect(await inViewer(page, { left: first.x, top: first.y, right: first.x + first.width, bottom: first.y + first.height })).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('find-status').textContent()).toBe(`2 of ${count}`)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('find-status').textContent()).toBe(`4 of ${count}`)
    await page.screenshot({ path: screenshotPath('25-find') })
    await page.keyboard.press('Shift+Enter')
    await expect.poll(() => page.getByTestId('find-status').textContent()).toBe(`3 of ${count}`)
    // Hits far down the document are reached too.
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.press('Shift+Enter')
    await expect.poll(() => page.getByTestId('find-status').textContent()).toBe(`${count} of ${count}`)
    await page.locator('.ov-find-current').first().waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => input.count()).toBe(0)
    expect(await page.locator('.ov-find, .ov-find-current').count()).toBe(0)
  })

  it('resizes the panes by dragging and from the keyboard, and restores document, page, zoom and panes after a reload', async () => {
    const left = page.getByTestId('resize-left')
    const before = Number(await left.getAttribute('aria-valuenow'))
    await left.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => Number(await left.getAttribute('aria-valuenow'))).toBe(before + 32)
    expect(Math.round((await page.locator('aside.left').boundingBox())!.width)).toBe(before + 32)

    const right = page.getByTestId('resize-right')
    const rightBefore = Number(await right.getAttribute('aria-valuenow'))
    const rb = (await right.boundingBox())!
    await page.mouse.move(rb.x + rb.width / 2, rb.y + 200)
    await page.mouse.down()
    await page.mouse.move(rb.x + rb.width / 2 - 60, rb.y + 200, { steps: 5 })
    await page.mouse.up()
    await expect.poll(async () => Number(await right.getAttribute('aria-valuenow'))).toBe(rightBefore + 60)

    const split = page.getByTestId('split-left')
    const splitBefore = Number(await split.getAttribute('aria-valuenow'))
    await split.focus()
    await page.keyboard.press('Shift+ArrowDown')
    await expect.poll(async () => Number(await split.getAttribute('aria-valuenow'))).toBe(splitBefore + 64)

    await page.getByRole('button', { name: 'Zoom in' }).click()
    const zoom = await page.getByTestId('zoom-level').textContent()
    await page.locator('.page-box input').fill('7')
    await page.keyboard.press('Enter')
    await waitForPage(page, 7)
    await page.screenshot({ path: screenshotPath('26-panes') })
    // The workspace is saved a moment after it changes: wait for that save (page 7 and the
    // zoom), not a fixed time, which a busy machine outlasts.
    const saved = () =>
      page.evaluate(() => {
        const k = Object.keys(localStorage).find((name) => name.startsWith('werkbank.workspace:'))
        const ws = k ? (JSON.parse(localStorage.getItem(k) ?? '{}') as { page?: number; scale?: number }) : {}
        return ws.page
      })
    await expect.poll(saved, { timeout: 10_000 }).toBe(7)

    await page.reload()
    await coderIs(page, 'Anna')
    await waitForPage(page, 7)
    expect(await page.locator('.page-box input').inputValue()).toBe('7')
    expect(await page.getByTestId('zoom-level').textContent()).toBe(zoom)
    expect(await page.locator(`[data-testid="doc-${kidsId}"]`).getAttribute('class')).toContain('current')
    expect(Number(await page.getByTestId('resize-left').getAttribute('aria-valuenow'))).toBe(before + 32)
    expect(Number(await page.getByTestId('resize-right').getAttribute('aria-valuenow'))).toBe(rightBefore + 60)
    expect(Number(await page.getByTestId('split-left').getAttribute('aria-valuenow'))).toBe(splitBefore + 64)
    expect(Math.round((await page.locator('aside.right').boundingBox())!.width)).toBe(rightBefore + 60)
  })

  it('loads without CSP violations or script errors', () => {
    expect(wb.problems).toEqual([])
  })
})
