/**
 * The coding workbench in Chromium against browser mode: a real PDF, a real selection in the
 * text layer, codings that come back after a reload over the same words.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../electron/server'
import { buildUi } from './build-ui'
import { apiCall, INTEROP_PDF, launchChromium, screenshotPath, tempDir, withStudy } from './harness'
import { coderIs, dragSelect, outlineBoxes, paintedAt, textBox, waitPainted } from './workbench-helpers'
import { noticeShown } from './transient'

const PDF = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')
const SMALL_PDF = join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')
const SENTENCE = 'I give you my word.'

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

describe('coding workbench (browser mode, Chromium)', () => {
  const tmp = tempDir('werkbank-e2e-')
  const studyPath = join(tmp.dir, 'e2e.werkbank')
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let documentId: number
  let moonId: number
  const problems: string[] = []

  const api = <M extends Parameters<typeof apiCall>[2]>(method: M, args: Parameters<typeof apiCall<M>>[3]) =>
    apiCall(server.url, server.token, method, args)

  beforeAll(async () => {
    const built = buildUi(join(tmp.dir, 'ui'))
    await withStudy(studyPath, async (call) => {
      const [outcome] = await call('documents:import', { paths: [PDF] })
      if (outcome?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`)
      documentId = outcome.documentId
      moonId = (await call('codes:create', { parentId: null, name: 'Moon', colour: '#f5c518' })).id
      const landscape = await call('codes:create', { parentId: null, name: 'Landscape', colour: '#3cb44b' })
      await call('codes:create', { parentId: landscape.id, name: 'Bogs', colour: '#4363d8' })
    })
    await built
    server = await startServer({ studyPath, uiDir: join(tmp.dir, 'ui'), log: (l) => problems.push(l) })
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })
    page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|differs from the stored page text/i.test(m.text())) problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    tmp.remove()
  })



  async function highlightBoxes(codingId: number): Promise<Box[]> {
    return outlineBoxes(page, codingId)
  }

  async function openDocument(): Promise<void> {
    await page.click(`[data-testid="doc-${documentId}"]`)
    await page.waitForSelector('[data-page-no="1"] .textLayer span[data-i]', { timeout: 20_000 })
    await page.waitForSelector('[data-page-no="1"] .textLayer .endOfContent', { state: 'attached' })
  }

  it('asks for the coder’s name on first start and remembers it', async () => {
    await page.goto(server.pageUrl)
    await page.waitForSelector('[data-testid="coder-name"]')
    await page.screenshot({ path: screenshotPath('01-coder-prompt') })
    await page.fill('[data-testid="coder-name"]', 'Anna')
    await page.keyboard.press('Enter')
    await coderIs(page, 'Anna')
    expect((await api('coders:list', {})).map((c) => c.name)).toEqual(['Anna'])

    // The token moved from the address bar into the tab; a reload keeps both it and the coder.
    expect(new URL(page.url()).hash).toBe('')
    await page.reload()
    await coderIs(page, 'Anna')
    expect(await page.locator('[data-testid="coder-name"]').count()).toBe(0)
  })

  it('codes a selected sentence through the popover; after a reload the highlight covers the same words', async () => {
    await openDocument()
    await page.screenshot({ path: screenshotPath('02-document') })

    await dragSelect(page, 1, SENTENCE)
    const picker = page.locator('.code-picker input')
    await picker.waitFor()
    // The selection to be coded stays marked while the picker (which takes the focus) is open.
    const pending = await page.locator('[data-page-no="1"] .ov-pending').first().boundingBox()
    const sentence = await textBox(page, 1, SENTENCE)
    expect(Math.abs(pending!.x - sentence.left)).toBeLessThan(1.5)
    expect(Math.abs(pending!.x + pending!.width - sentence.right)).toBeLessThan(1.5)
    await picker.fill('moo')
    await page.screenshot({ path: screenshotPath('03-picker') })
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-page-no="1"] canvas.hl-canvas:not([data-coding-ids=""])')

    const codings = await api('codings:list', { documentId })
    expect(codings).toHaveLength(1)
    const coding = codings[0]!
    expect(coding.quote).toBe(SENTENCE)
    expect(coding.codeId).toBe(moonId)
    expect(coding.coderName).toBe('Anna')
    const text = await api('documents:text', { id: documentId })
    expect(text.slice(coding.start, coding.end)).toBe(SENTENCE)
    expect(text.indexOf(SENTENCE)).toBe(coding.start)
    await page.screenshot({ path: screenshotPath('04-coded') })

    await page.reload()
    // The workspace comes back: the same document, open at the same page.
    await waitPainted(page, 1, coding.id)
    const words = await textBox(page, 1, SENTENCE)
    // Painted over the words, and nowhere near the line above.
    const mid = { x: (words.left + words.right) / 2, y: (words.top + words.bottom) / 2 }
    expect((await paintedAt(page, 1, mid.x, mid.y))[3]).toBeGreaterThan(40)
    expect((await paintedAt(page, 1, mid.x, words.top - 30))[3]).toBe(0)
    await page.mouse.click(mid.x, mid.y)
    await page.waitForSelector(`.hl-outline.selected[data-coding-id="${coding.id}"]`)
    const boxes = await highlightBoxes(coding.id)
    expect(boxes).toHaveLength(1)
    const hl = boxes[0]!
    for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(hl[side] - words[side])).toBeLessThan(1.5)

    // Independently of the text layer: the importer's rectangle for the coding lies on it too.
    const stored = coding.rects[0]!
    const pageBox = await page.locator('[data-page-no="1"]').boundingBox()
    const cx = pageBox!.x + (stored.x + stored.w / 2) * pageBox!.width
    const cy = pageBox!.y + (stored.y + stored.h / 2) * pageBox!.height
    expect(cx).toBeGreaterThan(hl.left)
    expect(cx).toBeLessThan(hl.right)
    expect(cy).toBeGreaterThan(hl.top)
    expect(cy).toBeLessThan(hl.bottom)
    await page.screenshot({ path: screenshotPath('05-after-reload') })
  })

  it('opens a coding in the side panel when its highlight is clicked; the memo is saved', async () => {
    const words = await textBox(page, 1, 'give you')
    await page.mouse.click((words.left + words.right) / 2, (words.top + words.bottom) / 2)
    const panel = page.locator('[data-testid="coding-panel"]')
    await panel.waitFor()
    expect(await panel.locator('[data-testid="coding-quote"]').textContent()).toBe(SENTENCE)
    expect(await panel.locator('[data-testid="coding-coder"]').textContent()).toBe('Anna')
    await panel.locator('[data-testid="memo"]').fill('The narrator vouches for the tale.')
    await panel.getByRole('button', { name: 'Save' }).click()
    await panel.getByText('Memo saved.').waitFor()
    // The memo went to the one coding there is, the one clicked.
    const codings = await api('codings:list', { documentId })
    expect(codings.map((c) => [c.quote, c.memo])).toEqual([[SENTENCE, 'The narrator vouches for the tale.']])
    await page.screenshot({ path: screenshotPath('06-panel') })

    const bogs = (await api('codes:list', {})).find((c) => c.name === 'Bogs')!
    await panel.getByTestId('recode').selectOption(String(bogs.id))
    await expect.poll(async () => (await api('codings:list', { documentId }))[0]!.codeId).toBe(bogs.id)
    await panel.getByTestId('recode').selectOption(String(moonId))
    await expect.poll(async () => (await api('codings:list', { documentId }))[0]!.codeId).toBe(moonId)
  })

  it('keeps highlights on their words when zooming, and goes to a page by number', async () => {
    const [coding] = await api('codings:list', { documentId })
    const onWords = async () => {
      const words = await textBox(page, 1, SENTENCE)
      const [hl] = await highlightBoxes(coding!.id)
      return hl !== undefined && (['left', 'top', 'right', 'bottom'] as const).every((k) => Math.abs(hl[k] - words[k]) < 1.5)
    }
    const before = await page.getByTestId('zoom-level').textContent()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(() => page.getByTestId('zoom-level').textContent()).not.toBe(before)
    await expect.poll(onWords).toBe(true)
    await page.locator(`.hl-outline.selected[data-coding-id="${coding!.id}"]`).first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('07-zoomed') })
    await page.getByRole('button', { name: 'Fit width' }).click()
    await expect.poll(() => page.getByTestId('zoom-level').textContent()).toBe(before)
    await expect.poll(onWords).toBe(true)

    await page.locator('.page-box input').fill('5')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-page-no="5"] .textLayer span[data-i]')
    const viewer = (await page.getByTestId('viewer').boundingBox())!
    const page5 = (await page.locator('[data-page-no="5"]').boundingBox())!
    expect(Math.abs(page5.y - viewer.y)).toBeLessThan(30)
    expect(await page.locator('.page-box input').inputValue()).toBe('5')
    // Only the pages on screen and their neighbours are rendered.
    const rendered = await page.$$eval('.page canvas.page-canvas', (els) => els.map((el) => Number(el.closest<HTMLElement>('.page')!.dataset.pageNo)))
    expect(rendered.length).toBeLessThanOrEqual(5)
    expect(rendered).toContain(5)
    expect(rendered).not.toContain(1)
  })

  it('lists the codings of a code and jumps to one', async () => {
    await page.getByTestId(`code-name-${moonId}`).click()
    const items = page.locator('.retrieval-item')
    await items.first().waitFor()
    expect(await items.count()).toBe(1)
    expect(await items.first().textContent()).toContain(SENTENCE)
    await items.first().click()
    await expect.poll(() => page.locator('.page-box input').inputValue()).toBe('1')
    await page.waitForSelector('.hl-outline.selected')
    expect(await page.getByTestId('coding-quote').textContent()).toBe(SENTENCE)
    await page.screenshot({ path: screenshotPath('08-retrieval') })
  })

  it('codes a selection across a page break with key 1 (the recent code), and Ctrl+Z undoes it', async () => {
    // Page 1's last item and page 2's first item, selected as a reader would with the keyboard.
    const expected = await page.evaluate(() => {
      const last = [...document.querySelectorAll<HTMLElement>('[data-page-no="1"] .textLayer span[data-i]')].pop()!
      const first = document.querySelector<HTMLElement>('[data-page-no="2"] .textLayer span[data-i]')!
      const a = last.firstChild as Text
      const b = first.firstChild as Text
      const from = Math.max(0, a.data.length - 12)
      const to = Math.min(b.data.length, 10)
      window.getSelection()!.setBaseAndExtent(a, from, b, to)
      first.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }))
      return { tail: a.data.slice(from), head: b.data.slice(0, to) }
    })
    await page.locator('.code-picker input').waitFor()
    await page.keyboard.press('1')
    await expect.poll(async () => (await api('codings:list', { documentId })).length).toBe(2)
    const cross = (await api('codings:list', { documentId })).find((c) => c.pageTo === 2)!
    expect(cross.pageFrom).toBe(1)
    expect(cross.codeId).toBe(moonId)
    expect(cross.quote.startsWith(expected.tail)).toBe(true)
    expect(cross.quote.endsWith(expected.head)).toBe(true)
    expect(cross.quote).toContain('\f')
    await waitPainted(page, 2, cross.id)
    await page.locator('[data-page-no="2"]').scrollIntoViewIfNeeded()
    await expect.poll(() => page.locator('.page-box input').inputValue()).toBe('2')
    await page.screenshot({ path: screenshotPath('09-cross-page') })

    await page.locator('body').click({ position: { x: 5, y: 880 } })
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await api('codings:list', { documentId })).length).toBe(1)
    await waitPainted(page, 1, cross.id, 'gone')
    await waitPainted(page, 2, cross.id, 'gone')
    await noticeShown(page, 'Undone: code passage')

    await page.keyboard.press('Control+Shift+z')
    await expect.poll(async () => (await api('codings:list', { documentId })).length).toBe(2)
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await api('codings:list', { documentId })).length).toBe(1)
  })

  it('says how many codings a code deletion touches before it deletes', async () => {
    const row = page.getByTestId(`code-${moonId}`)
    await row.hover()
    await row.getByRole('button', { name: 'Delete: Moon' }).click()
    try {
      const text = await page.getByTestId('delete-code-text').textContent()
      expect(text).toBe('Delete code “Moon”? This also removes 1 coding.')
      await page.screenshot({ path: screenshotPath('10-delete-code') })
    } finally {
      await page.getByRole('button', { name: 'Cancel' }).click()
    }
    expect((await api('codes:list', {})).some((c) => c.id === moonId)).toBe(true)
  })

  it('creates and renames codes in the tree, and shows a refused name as a translated error', async () => {
    await page.getByRole('button', { name: '+ New code' }).click()
    await page.getByRole('textbox', { name: 'Code name' }).fill('Granny')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await api('codes:list', {})).map((c) => c.name)).toContain('Granny')
    const granny = (await api('codes:list', {})).find((c) => c.name === 'Granny')!
    await page.getByTestId(`code-name-${granny.id}`).dblclick()
    const rename = page.getByRole('textbox', { name: 'Code name' })
    await rename.fill('Grandmother')
    await rename.press('Enter')
    await expect.poll(async () => (await api('codes:list', {})).find((c) => c.id === granny.id)?.name).toBe('Grandmother')

    await page.getByRole('button', { name: '+ New code' }).click()
    await page.getByRole('textbox', { name: 'Code name' }).fill('Moon')
    await page.keyboard.press('Enter')
    await page.getByTestId('error').getByText('There is already a code named "Moon" at this place in the codebook.').waitFor()
    await page.getByTestId('error').getByRole('button', { name: 'Close' }).click()
  })

  it('switches the interface language', async () => {
    await page.getByRole('heading', { name: 'Codebook' }).waitFor()
    await page.getByTestId('lang').selectOption('nl')
    await page.getByRole('heading', { name: 'Codeboek' }).waitFor()
    expect(await page.getByRole('button', { name: /Ongedaan maken/ }).count()).toBe(1)
    await page.screenshot({ path: screenshotPath('11-dutch') })
    await page.getByTestId('lang').selectOption('en')
    await page.getByRole('heading', { name: 'Codebook' }).waitFor()
  })

  it('imports a PDF uploaded from the page', async () => {
    await page.getByTestId('import-input').setInputFiles(SMALL_PDF)
    await page.getByTestId('import-start').click()
    // With both cores busy an import (a worker starting, pdf.js) took over 20 s: allow the test's time.
    await expect.poll(async () => (await api('documents:list', {})).length, { timeout: 50_000 }).toBe(2)
    await noticeShown(page, 'Import done: 1 imported.')
  })

  it('builds the text layer from the same text the importer stored (ligatures, CJK, right-to-left)', async () => {
    const files = ['08_en_pdftex_2col_tracemonkey.pdf', '10_ja_dvipdfmx_issue16538.pdf', '11_ar_pstopdf_ArabicCIDTrueType.pdf']
    const ids: number[] = []
    for (const file of files) {
      const res = await fetch(`${server.url}api/import`, {
        method: 'POST',
        headers: { 'x-werkbank-token': server.token, 'x-werkbank-file-name': encodeURIComponent(file) },
        body: readFileSync(join(INTEROP_PDF, file)),
      })
      const outcome = ((await res.json()) as { data: { documentId: number } }).data
      ids.push(outcome.documentId)
    }
    await page.reload()
    await coderIs(page, 'Anna')
    const before = problems.length
    for (const id of ids) {
      await page.click(`[data-testid="doc-${id}"]`)
      const pages = await api('documents:pages', { id })
      for (const info of pages.slice(0, 3)) {
        await page.locator('.page-box input').fill(String(info.pageNo))
        await page.keyboard.press('Enter')
        await page.waitForSelector(`[data-page-no="${info.pageNo}"] .textLayer .endOfContent`, { state: 'attached' })
        // Every item of the text layer stands where the stored page text has it.
        const layer = await page.$$eval(`[data-page-no="${info.pageNo}"] .textLayer span[data-i]`, (els) => els.map((el) => el.textContent ?? ''))
        const joined = layer.join('')
        expect(joined.replace(/\s+/g, '')).toBe(info.text.replace(/\s+/g, ''))
      }
    }
    await page.screenshot({ path: screenshotPath('12-arabic') })
    expect(problems.slice(before).filter((p) => /differs from the stored page text/.test(p))).toEqual([])
  })

  it('loads without CSP violations or script errors', () => {
    expect(problems).toEqual([])
  })
})
