/**
 * Names in full where they decide (issue 14 item 3), on the demo study whose codebook has two
 * sub-codes under "Krachtige loopbaangerichte leeromgeving": the side panel, the picker, the
 * retrieval list and the agreement table show the leaf whole and the parents shortened in the
 * middle, with the whole path as a title and as text for screen readers; the agreement table
 * uses its width.
 */
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Code } from '../../shared/types'
import { childColour, hueOf } from '../../shared/code-colour'
import { ensureDemo } from '../fixtures/build-demo'
import { screenshotPath } from './harness'
import { coderIs, dragSelect, openDocument, openWorkbench, type Workbench } from './workbench-helpers'

const PARENT = 'Krachtige loopbaangerichte leeromgeving'

/** Whether a CodePathLabel's leaf is shown whole: nothing of it cut by itself or a clipping ancestor. */
function leafShownWhole(label: Locator): Promise<boolean> {
  return label.evaluate((el) => {
    const leaf = el.querySelector<HTMLElement>('.cpl-leaf')
    if (!leaf) return false
    const r = leaf.getBoundingClientRect()
    if (r.width === 0 || leaf.scrollWidth > leaf.clientWidth + 1) return false
    for (let a = leaf.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a)
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue
      const b = a.getBoundingClientRect()
      if (r.left < b.left - 1 || r.right > b.right + 1) return false
    }
    return true
  })
}

/** The label's leaf, title and screen-reader text. */
async function label(l: Locator): Promise<{ leaf: string; title: string | null; spoken: string }> {
  return {
    leaf: (await l.locator('.cpl-leaf').textContent()) ?? '',
    title: await l.getAttribute('title'),
    spoken: (await l.locator('.sr-only').textContent()) ?? '',
  }
}

describe('code names in full where they decide (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let codes: Code[]
  let parent: Code

  beforeAll(async () => {
    wb = await openWorkbench('codepaths', async () => undefined, { coder: 'Anna de Vries', lang: 'en', copyOf: await ensureDemo() })
    page = wb.page
  })

  afterAll(async () => {
    await wb?.close()
  })

  it('retrieval and the side panel: the leaf whole, the parents cut in the middle, the whole path on hover and for screen readers', async () => {
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Anna de Vries')
    codes = await wb.api('codes:list', {})
    parent = codes.find((c) => c.name === PARENT)!
    await page.getByTestId(`code-name-${parent.id}`).click()
    const items = page.locator('[data-testid="retrieval-list"] [role="option"]')
    await expect.poll(() => items.count()).toBeGreaterThan(2)
    for (const leaf of ['Praktijkgericht', 'Dialogisch']) {
      const l = items.filter({ hasText: `${PARENT}/${leaf}` }).first().locator('.cpl')
      expect(await label(l)).toEqual({ leaf, title: `${PARENT}/${leaf}`, spoken: `${PARENT}/${leaf}` })
      expect(await leafShownWhole(l)).toBe(true)
    }
    // (dispatched: the item lies below the fold of the panel's own scroll area)
    await items.filter({ hasText: `${PARENT}/Dialogisch` }).first().dispatchEvent('click')
    const panel = page.getByTestId('coding-code').locator('.cpl')
    await panel.waitFor()
    expect(await label(panel)).toEqual({ leaf: 'Dialogisch', title: `${PARENT}/Dialogisch`, spoken: `${PARENT}/Dialogisch` })
    expect(await leafShownWhole(panel)).toBe(true)
    // The recode menu names every code by its leaf too.
    const options = await page.getByTestId('recode').locator('option').allTextContents()
    expect(options.filter((o) => o.endsWith('/ Dialogisch') || o.endsWith('/ Praktijkgericht'))).toHaveLength(2)
    await page.getByTestId('coding-panel').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('62-names-panel-retrieval') })
  })

  it('the picker', async () => {
    const docs = await wb.api('documents:list', {})
    await openDocument(page, docs.at(-1)!.id, 1)
    const text = await page.locator('[data-page-no="1"] .textLayer span[data-i]').nth(3).textContent()
    await dragSelect(page, 1, text!.trim().split(' ').slice(0, 2).join(' '))
    const picker = page.locator('.code-picker input')
    await picker.waitFor()
    await picker.fill('gericht')
    const option = page.locator('.code-picker-list [role="option"]').filter({ hasText: `${PARENT}/Praktijkgericht` }).locator('.cpl')
    expect(await label(option)).toEqual({ leaf: 'Praktijkgericht', title: `${PARENT}/Praktijkgericht`, spoken: `${PARENT}/Praktijkgericht` })
    expect(await leafShownWhole(option)).toBe(true)
    await page.screenshot({ path: screenshotPath('63-names-picker') })
    await page.keyboard.press('Escape')
  })

  it('the picker creates Parent/Child inline, under an existing or a new parent, the child in a shade of the parent’s colour; a new path is one undo step', async () => {
    const docs = await wb.api('documents:list', {})
    const doc = docs.at(-1)!
    const words = async (n: number) => (await page.locator('[data-page-no="1"] .textLayer span[data-i]').nth(n).textContent())!.trim().split(' ').slice(0, 2).join(' ')
    const codeWith = async (n: number, typed: string, label: string) => {
      await dragSelect(page, 1, await words(n))
      const picker = page.locator('.code-picker input')
      await picker.waitFor()
      await picker.fill(typed)
      expect(await page.getByTestId('picker-create').textContent()).toBe(`+ ${label}`)
      if (typed.startsWith('Gebrek')) await page.screenshot({ path: screenshotPath('65-picker-create-path') })
      await page.keyboard.press('Enter')
      await picker.waitFor({ state: 'detached' })
    }
    const mine = async () => (await wb.api('codings:list', { documentId: doc.id })).filter((c) => c.coderName === 'Anna de Vries')
    const before = (await mine()).length

    await codeWith(5, 'Gebrek aan leiderschap/ Financiering onzeker', 'Create and apply code “Financiering onzeker” under “Gebrek aan leiderschap”')
    await expect.poll(async () => (await mine()).length).toBe(before + 1)
    let codes = await wb.api('codes:list', {})
    const parent = codes.find((c) => c.path === 'Gebrek aan leiderschap')!
    const child = codes.find((c) => c.path === 'Gebrek aan leiderschap/Financiering onzeker')!
    expect(child.parentId).toBe(parent.id)
    expect(child.colour).toBe(childColour(parent.colour, codes.filter((c) => c.parentId === parent.id).length - 1))
    expect((await mine()).some((c) => c.codeId === child.id)).toBe(true)

    await codeWith(7, 'Nieuw thema/Eerste sub', 'Create and apply code “Eerste sub” under “Nieuw thema”')
    await expect.poll(async () => (await mine()).length).toBe(before + 2)
    codes = await wb.api('codes:list', {})
    expect(codes.filter((c) => c.path.startsWith('Nieuw thema')).map((c) => c.path)).toEqual(['Nieuw thema', 'Nieuw thema/Eerste sub'])
    // Undo: the coding, then the new path, both codes at once.
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await mine()).length).toBe(before + 1)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await wb.api('codes:list', {})).filter((c) => c.path.startsWith('Nieuw thema')).length).toBe(0)
    expect((await wb.api('codes:list', {})).some((c) => c.id === child.id)).toBe(true)
  })

  it('the codebook’s new-code inputs say what to type, and a sub-code made there gets a shade of its parent', async () => {
    await page.getByRole('button', { name: '+ New code' }).click()
    const input = page.getByTestId('new-code-input')
    expect(await input.getAttribute('placeholder')).toBe('New code’s name (Parent/Child makes a subcode)')
    await input.fill('Verzet tegen cultuurverandering/ Stil verzet')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await wb.api('codes:list', {})).some((c) => c.path === 'Verzet tegen cultuurverandering/Stil verzet')).toBe(true)
    const codes = await wb.api('codes:list', {})
    const parent = codes.find((c) => c.path === 'Verzet tegen cultuurverandering')!
    const made = codes.find((c) => c.path === 'Verzet tegen cultuurverandering/Stil verzet')!
    expect(hueOf(made.colour)! - hueOf(parent.colour)!).toBeCloseTo(0, 0)
  })

  it('the agreement table: every row’s leaf whole, the table as wide as its room', async () => {
    await page.getByTestId('mode-analysis').click()
    await page.getByTestId('analysis-tab-agreement').click()
    await page.waitForSelector('[data-testid="agreement-table"] [data-testid="agreement-total"]')
    const rows = page.locator('[data-testid="agreement-row"] .ag-label .cpl')
    expect(await rows.count()).toBeGreaterThan(5)
    for (let i = 0; i < (await rows.count()); i++) expect(await leafShownWhole(rows.nth(i))).toBe(true)
    const sub = page.locator('[data-testid="agreement-row"] .ag-label .cpl').filter({ hasText: `${PARENT}/Praktijkgericht` }).first()
    expect((await label(sub)).leaf).toBe('Praktijkgericht')
    const table = (await page.getByTestId('agreement-table').boundingBox())!
    const room = (await page.locator('.analysis-main').boundingBox())!
    expect(table.width).toBeGreaterThan(room.width * 0.9)
    await page.screenshot({ path: screenshotPath('64-names-agreement') })
  })
})
