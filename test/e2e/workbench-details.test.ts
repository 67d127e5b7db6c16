/**
 * The smaller details of issue 14 item 6 (Chromium, browser mode, on a copy of the demo study),
 * each in Dutch and in English: a retrieved quote keeps the space it starts with; the area tool
 * turns itself off after one area; the first-start name prompt offers the existing coders; the
 * viewer toolbar stays on one row; the phases view explains its cell outlines; fast wheel
 * scrolling shows placeholders, not blank pages.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureDemo } from '../fixtures/build-demo'
import { screenshotPath } from './harness'
import { coderIs, dragSelect, openDocument, type Workbench, openWorkbench } from './workbench-helpers'

const ANNA = 'Anna de Vries'

describe('details of the workbench (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let spaceCodeId = 0

  beforeAll(async () => {
    wb = await openWorkbench('details', async (call) => {
      // A coding whose quote starts with the space before its first word (" in totaal").
      const text = await call('documents:text', { id: 1 })
      const at = text.indexOf('namen in totaal') + 'namen'.length
      spaceCodeId = (await call('codes:create', { parentId: null, name: 'Witruimte', colour: '#9467bd' })).id
      const coders = await call('coders:list', {})
      const anna = coders.find((c) => c.name === ANNA)!
      await call('codings:create', { documentId: 1, codeId: spaceCodeId, coderId: anna.id, start: at, end: at + ' in totaal'.length })
    }, { coder: ANNA, lang: 'nl', copyOf: await ensureDemo() })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, ANNA)
  })

  afterAll(async () => {
    await wb?.close()
  })

  async function setLang(lang: 'nl' | 'en'): Promise<void> {
    await page.getByTestId('lang').selectOption(lang)
    await expect.poll(() => page.evaluate(() => document.documentElement.lang || localStorage.getItem('werkbank.lang'))).toBe(lang)
  }

  it('a retrieved quote keeps the space it starts with ("om hier", not "omhier")', async () => {
    const [coding] = await wb.api('codings:list', { documentId: 1, codeIds: [spaceCodeId] })
    expect(coding?.quote.startsWith(' in totaal')).toBe(true)
    await page.getByTestId(`code-name-${spaceCodeId}`).click()
    const item = page.locator('[data-testid="retrieval-list"] [role="option"]')
    await expect.poll(() => item.count()).toBe(1)
    const snippet = item.getByTestId('retrieval-quote')
    expect(await snippet.locator('mark').textContent()).toBe(' in totaal')
    // As the reader sees it: the words apart, the space kept by the quote's white-space rule.
    expect(await snippet.innerText()).toMatch(/namen in totaal 89/)
    expect(await snippet.locator('mark').evaluate((m) => getComputedStyle(m).whiteSpace)).toMatch(/pre/)
    await item.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('90-retrieval-space-nl') })
    await setLang('en')
    expect(await snippet.innerText()).toMatch(/namen in totaal 89/)
    await page.screenshot({ path: screenshotPath('90-retrieval-space-en') })
    await setLang('nl')
  })

  /** Drags from one point to another, given in 0..1 of a page. */
  async function dragOnPage(pageNo: number, from: [number, number], to: [number, number], modifier?: 'Alt'): Promise<void> {
    const box = (await page.locator(`[data-page-no="${pageNo}"]`).boundingBox())!
    const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const
    const [x1, y1] = at(from)
    const [x2, y2] = at(to)
    if (modifier) await page.keyboard.down(modifier)
    await page.mouse.move(x1, y1)
    await page.mouse.down()
    await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 5 })
    await page.mouse.move(x2, y2, { steps: 5 })
    await page.mouse.up()
    if (modifier) await page.keyboard.up(modifier)
  }

  it('the area tool turns off after one area (coded or cancelled); Alt-drag still draws one', async () => {
    await openDocument(page, 1)
    const tool = page.getByTestId('area-tool')
    const picker = page.locator('.code-picker input')
    const draft = page.locator('[data-page-no="1"] .ov-draft')
    for (const lang of ['nl', 'en'] as const) {
      await setLang(lang)
      // Drawn and cancelled: the tool is off again.
      await tool.click()
      expect(await tool.getAttribute('aria-pressed')).toBe('true')
      await dragOnPage(1, [0.1, 0.55], [0.5, 0.75])
      await picker.waitFor()
      await draft.waitFor()
      expect(await tool.getAttribute('aria-pressed')).toBe('false')
      await page.screenshot({ path: screenshotPath(`91-area-tool-off-${lang}`) })
      await page.keyboard.press('Escape')
      await picker.waitFor({ state: 'detached' })
      expect(await tool.getAttribute('aria-pressed')).toBe('false')
      // A plain drag selects text again, no rectangle.
      await dragSelect(page, 1, 'Eindrapport')
      await picker.waitFor()
      expect(await draft.count()).toBe(0)
      expect(await page.locator('[data-page-no="1"] .ov-pending').count()).toBeGreaterThan(0)
      await page.keyboard.press('Escape')
      await picker.waitFor({ state: 'detached' })
    }
    // Drawn and coded: off as well.
    await tool.click()
    await dragOnPage(1, [0.1, 0.55], [0.5, 0.75])
    await picker.fill('Witruimte')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await wb.api('codings:list', { documentId: 1, codeIds: [spaceCodeId] })).length).toBe(2)
    expect(await tool.getAttribute('aria-pressed')).toBe('false')
    // Alt still draws an area with the tool off.
    await dragOnPage(1, [0.55, 0.55], [0.9, 0.7], 'Alt')
    await picker.waitFor()
    await draft.waitFor()
    await page.keyboard.press('Escape')
    await setLang('nl')
  })

  it('the first-start name prompt offers the study’s coders besides a new name', async () => {
    const before = (await wb.api('coders:list', {})).map((c) => c.name).sort()
    expect(before).toEqual([ANNA, 'Bram Jansen'])
    for (const lang of ['nl', 'en'] as const) {
      // A fresh browser: no coder remembered.
      const context = await wb.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })
      await context.addInitScript((l) => localStorage.setItem('werkbank.lang', l), lang)
      const p = await context.newPage()
      await p.goto(wb.server.pageUrl)
      const choices = p.getByTestId('coder-choice')
      await expect.poll(() => choices.allTextContents()).toEqual(before)
      expect(await p.locator('#coder-names option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).sort())).toEqual(before)
      expect(await p.getByTestId('coder-choices').getAttribute('aria-labelledby')).toBeTruthy()
      await p.screenshot({ path: screenshotPath(`92-coder-prompt-${lang}`) })
      if (lang === 'nl') {
        // Picking one continues as that coder; no new coder is made.
        await choices.filter({ hasText: 'Bram Jansen' }).click()
        await coderIs(p, 'Bram Jansen')
      } else {
        await p.getByTestId('coder-name').fill('Chris Smit')
        await p.keyboard.press('Enter')
        await coderIs(p, 'Chris Smit')
      }
      await context.close()
    }
    expect((await wb.api('coders:list', {})).map((c) => c.name).sort()).toEqual([ANNA, 'Bram Jansen', 'Chris Smit'])
  })

  it('the viewer toolbar stays on one row in Dutch and English at 1400×900 and 1280×800', async () => {
    await openDocument(page, 1)
    const toolbar = page.locator('.viewer-toolbar')
    const measure = () => toolbar.evaluate((el) => {
      const kids = [...el.children] as HTMLElement[]
      const mids = kids.filter((k) => k.offsetWidth > 0).map((k) => { const r = k.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2) })
      const title = el.querySelector<HTMLElement>('.doc-title')!
      return {
        rows: new Set(mids.map((m) => Math.round(m / 8))).size,
        height: el.getBoundingClientRect().height,
        overflow: el.scrollWidth - el.clientWidth,
        titleWidth: title.getBoundingClientRect().width,
        width: el.clientWidth,
      }
    })
    for (const [w, h] of [[1400, 900], [1280, 800]] as const) {
      await page.setViewportSize({ width: w, height: h })
      for (const lang of ['nl', 'en'] as const) {
        await setLang(lang)
        await expect.poll(async () => (await measure()).rows, { timeout: 5_000 }).toBe(1)
        const m = await measure()
        expect(m.height).toBeLessThan(44)
        expect(m.overflow).toBeLessThanOrEqual(0)
        // The title keeps some room (its whole text is its tooltip).
        expect(m.titleWidth).toBeGreaterThanOrEqual(56)
        // Every control keeps a name: its text or its label.
        const names = await toolbar.locator('button').evaluateAll((bs) => bs.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()))
        expect(names.every((n) => n.length > 0)).toBe(true)
        // The tools keep their labels where they fit (English at 1400 px).
        if (w === 1400 && lang === 'en') expect(await toolbar.getAttribute('class')).not.toContain('compact')
        // At 1400 px the area and stripes tools keep their labels in both languages.
        if (w === 1400) expect(await toolbar.locator('[data-testid="area-tool"] .sr-only').count()).toBe(0)
        await page.screenshot({ path: screenshotPath(`93-viewer-toolbar-${w}-${lang}`), clip: { x: 0, y: 0, width: w, height: 160 } })
      }
    }
    await page.setViewportSize({ width: 1400, height: 900 })
    await setLang('nl')
  })

  it('the phases view explains its cell outlines in a legend', async () => {
    await page.getByTestId('mode-analysis').click()
    await page.getByTestId('analysis-tab-phases').click()
    await page.waitForSelector('[data-testid="phases"] tbody tr')
    const legend = page.getByTestId('phases-legend')
    const style = (sel: string) => page.locator(sel).first().evaluate((el) => {
      const cs = getComputedStyle(el)
      return { shadow: cs.boxShadow, weight: cs.fontWeight }
    })
    // Each key looks as the cells it explains.
    await page.locator('[data-testid="phases"] td.is-assigned').first().waitFor()
    expect((await style('[data-testid="phases-legend"] .is-assigned')).shadow).toBe((await style('[data-testid="phases"] td.is-assigned:not(.sel)')).shadow)
    expect((await style('[data-testid="phases-legend"] .is-strongest')).weight).toBe((await style('[data-testid="phases"] td.is-strongest')).weight)
    await page.locator('[data-testid="phases"] td.ph-cell').first().click()
    expect((await style('[data-testid="phases-legend"] .sel')).shadow).toBe((await style('[data-testid="phases"] td.sel')).shadow)
    for (const lang of ['nl', 'en'] as const) {
      await setLang(lang)
      const items = await legend.locator('li').allTextContents()
      expect(items).toHaveLength(5)
      expect(items[0]).toContain(lang === 'nl' ? 'Zwarte rand: de fase die de casus is toegekend' : 'Black outline: the phase assigned to the case')
      expect(items[2]).toContain(lang === 'nl' ? 'Oranje rand' : 'Orange outline')
      expect(await legend.getAttribute('aria-label')).toBe(lang === 'nl' ? 'Legenda' : 'Legend')
      await page.screenshot({ path: screenshotPath(`94-phases-legend-${lang}`) })
    }
    await setLang('nl')
    await page.getByTestId('mode-coding').click()
  })

  it('fast wheel scrolling shows grey numbered placeholders, not blank pages, and renders ahead in the scroll direction', async () => {
    await openDocument(page, 17)
    const pageCount = await page.locator('[data-page-no]').count()
    expect(pageCount).toBeGreaterThan(30)
    // A page not drawn (far below): grey with its number, not white.
    const look = (n: number) => page.locator(`[data-page-no="${n}"]`).evaluate((el) => ({
      drawn: el.querySelector('.page-canvas') !== null,
      background: getComputedStyle(el).backgroundColor,
      number: getComputedStyle(el, '::before').content,
    }))
    const far = await look(pageCount)
    expect(far.drawn).toBe(false)
    expect(far.background).not.toBe('rgb(255, 255, 255)')
    expect(far.number).toContain(String(pageCount))
    /** The pages on screen, first and last. */
    const onScreen = () => page.getByTestId('viewer').evaluate((root) => {
      const r = root.getBoundingClientRect()
      const nos = [...root.querySelectorAll<HTMLElement>('[data-page-no]')].filter((p) => {
        const b = p.getBoundingClientRect()
        return b.bottom > r.top && b.top < r.bottom
      }).map((p) => Number(p.dataset.pageNo))
      return { first: Math.min(...nos), last: Math.max(...nos) }
    })
    const drawn = (n: number) => page.locator(`[data-page-no="${n}"] .page-canvas`).count()
    const box = (await page.getByTestId('viewer').boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    for (const lang of ['nl', 'en'] as const) {
      await setLang(lang)
      await page.getByTestId('viewer').evaluate((root) => { root.scrollTop = 0 })
      await expect.poll(() => drawn(1)).toBe(1)
      // Down fast: what is caught mid-render is a placeholder.
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 1400)
      await page.screenshot({ path: screenshotPath(`95-fast-scroll-${lang}`) })
      await expect.poll(async () => { const a = await onScreen(); await page.waitForTimeout(150); const b = await onScreen(); return a.last === b.last }).toBe(true)
      const down = await onScreen()
      // Rendered ahead: two pages below the last one on screen.
      await expect.poll(() => drawn(down.last + 2), { timeout: 10_000 }).toBe(1)
      // And up again: two pages above.
      for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -1400)
      await expect.poll(async () => { const a = await onScreen(); await page.waitForTimeout(150); const b = await onScreen(); return a.first === b.first }).toBe(true)
      const up = await onScreen()
      expect(up.first).toBeGreaterThan(2)
      await expect.poll(() => drawn(up.first - 2), { timeout: 10_000 }).toBe(1)
      // A jump far ahead: on the first frame the pages there are placeholders, grey with their number.
      const jumped = await page.getByTestId('viewer').evaluate((root, n) => {
        const el = root.querySelector<HTMLElement>(`[data-page-no="${n}"]`)!
        root.scrollTop = el.offsetTop - 40
        return { drawn: el.querySelector('.page-canvas') !== null, background: getComputedStyle(el).backgroundColor, number: getComputedStyle(el, '::before').content }
      }, lang === 'nl' ? 30 : 25)
      expect(jumped.drawn).toBe(false)
      expect(jumped.background).not.toBe('rgb(255, 255, 255)')
      expect(jumped.number).toContain(lang === 'nl' ? '30' : '25')
      await page.screenshot({ path: screenshotPath(`95-placeholder-${lang}`) })
    }
    await setLang('nl')
  })
})
