/**
 * Coders and cases in the workbench: switching coder, whose codings are shown, blind coding;
 * recode and memo with undo and redo; cases with attributes; importing PDFs with a progress
 * bar per file and translated errors, from the file input and by dropping files on the window.
 */
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePaths } from '../fixtures/fixtures'
import { INTEROP_PDF, screenshotPath } from './harness'
import { coderIs, openDocument, openWorkbench, outlineBoxes, textBox, waitPainted, type Workbench } from './workbench-helpers'

const TEXT_PDF = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')

describe('coders, cases and import (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let docId: number
  let annaCoding: number
  let benCoding: number
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    wb = await openWorkbench('team', async (call) => {
      const [kids] = await call('documents:import', { paths: [TEXT_PDF] })
      if (kids?.status !== 'imported') throw new Error('import failed')
      docId = kids.documentId
      ids.Moon = (await call('codes:create', { parentId: null, name: 'Moon', colour: '#f5c518' })).id
      ids.Bogs = (await call('codes:create', { parentId: null, name: 'Bogs', colour: '#4363d8' })).id
      ids.anna = (await call('coders:ensure', { name: 'Anna' })).id
      ids.ben = (await call('coders:ensure', { name: 'Ben' })).id
      const text = await call('documents:text', { id: docId })
      const a = text.indexOf('I give you my word.')
      annaCoding = (await call('codings:create', { documentId: docId, codeId: ids.Moon, coderId: ids.anna, start: a, end: a + 19 })).id
      // Ben's coding, made in his own session (as the API would for a second coder).
      const b = text.indexOf('Pools of black water')
      benCoding = (await call('codings:create', { documentId: docId, codeId: ids.Moon, coderId: ids.ben, start: b, end: b + 20 })).id
    }, { coder: 'Anna' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Anna')
  })

  afterAll(async () => {
    await wb?.close()
  })

  const countOf = (codeId: number) => page.getByTestId(`code-${codeId}`).locator('.count').textContent()

  it('shows all coders’, my own or one coder’s codings; blind mode hides the others’; switching coder follows', async () => {
    await openDocument(page, docId)
    await waitPainted(page, 1, annaCoding)
    await waitPainted(page, 1, benCoding)

    await page.getByTestId('coder-scope').selectOption('mine')
    await waitPainted(page, 1, benCoding, 'gone')
    await waitPainted(page, 1, annaCoding)
    await page.getByTestId('coder-scope').selectOption({ label: "Ben's" })
    await waitPainted(page, 1, annaCoding, 'gone')
    await waitPainted(page, 1, benCoding)
    await page.getByTestId('coder-scope').selectOption('all')
    await waitPainted(page, 1, annaCoding)
    await waitPainted(page, 1, benCoding)
    expect(await countOf(ids.Moon!)).toBe('2')

    await page.getByTestId('blind').click()
    expect(await page.getByTestId('blind').getAttribute('aria-pressed')).toBe('true')
    await waitPainted(page, 1, benCoding, 'gone')
    await waitPainted(page, 1, annaCoding)
    expect(await page.getByTestId('coder-scope').isDisabled()).toBe(true)
    // Counts are my own, and retrieval lists only mine.
    await expect.poll(() => countOf(ids.Moon!)).toBe('1')
    await page.getByTestId(`code-name-${ids.Moon}`).click()
    await expect.poll(() => page.locator('[data-testid="retrieval-list"] [role="option"]').count()).toBe(1)
    expect(await page.locator('[data-testid="retrieval-list"]').textContent()).toContain('Anna')
    await page.screenshot({ path: screenshotPath('27-blind') })

    // Switching to Ben, still blind: now Ben's own codings show, Anna's do not.
    await page.getByTestId('coder-select').selectOption({ label: 'Ben' })
    await coderIs(page, 'Ben')
    await waitPainted(page, 1, annaCoding, 'gone')
    await waitPainted(page, 1, benCoding)
    await expect.poll(() => page.locator('[data-testid="retrieval-list"]').textContent()).toContain('Ben')

    // A new coder is asked for by name; Cancel keeps the current one.
    await page.getByTestId('coder-select').selectOption({ label: 'New coder…' })
    await page.getByTestId('coder-name').waitFor()
    await page.keyboard.press('Escape')
    await coderIs(page, 'Ben')
    await page.getByTestId('coder-select').selectOption({ label: 'New coder…' })
    await page.getByTestId('coder-name').fill('Cleo')
    await page.keyboard.press('Enter')
    await coderIs(page, 'Cleo')
    expect((await wb.api('coders:list', {})).map((c) => c.name).sort()).toEqual(['Anna', 'Ben', 'Cleo'])
    await waitPainted(page, 1, benCoding, 'gone')

    await page.getByTestId('coder-select').selectOption({ label: 'Anna' })
    await coderIs(page, 'Anna')
    await page.getByTestId('blind').click()
    await waitPainted(page, 1, benCoding)
  })

  it('recodes a coding and edits its memo; undo and redo take back and redo each step', async () => {
    const codingOf = async () => (await wb.api('codings:list', { documentId: docId })).find((c) => c.id === annaCoding)!
    const words = await textBox(page, 1, 'give you')
    await page.mouse.click((words.left + words.right) / 2, (words.top + words.bottom) / 2)
    await page.locator(`.hl-outline.selected[data-coding-id="${annaCoding}"]`).first().waitFor()
    expect((await outlineBoxes(page, annaCoding)).length).toBe(1)
    const panel = page.getByTestId('coding-panel')

    await panel.getByTestId('recode').selectOption(String(ids.Bogs))
    await expect.poll(async () => (await codingOf()).codeId).toBe(ids.Bogs)
    await page.locator('body').click({ position: { x: 5, y: 880 } })
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await codingOf()).codeId).toBe(ids.Moon)
    await page.getByTestId('notice').getByText('Undone: change coding').waitFor()
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(async () => (await codingOf()).codeId).toBe(ids.Bogs)
    await expect.poll(() => panel.getByTestId('recode').inputValue()).toBe(String(ids.Bogs))

    await panel.getByTestId('memo').fill('Ask Ben about this one.')
    await panel.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await codingOf()).memo).toBe('Ask Ben about this one.')
    await page.locator('body').click({ position: { x: 5, y: 880 } })
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await codingOf()).memo).toBe('')
    await expect.poll(() => panel.getByTestId('memo').inputValue()).toBe('')
    await page.getByTestId('redo').click()
    await expect.poll(async () => (await codingOf()).memo).toBe('Ask Ben about this one.')
    await expect.poll(() => panel.getByTestId('memo').inputValue()).toBe('Ask Ben about this one.')
    // Undo twice: the memo, then the recode.
    await page.getByTestId('undo').click()
    await page.getByTestId('undo').click()
    await expect.poll(async () => (await codingOf()).codeId).toBe(ids.Moon)
  })

  it('creates a case, gives it attributes (my judgement of its phase among them), renames it and takes in a document', async () => {
    await page.getByTestId('new-case').click()
    await page.getByTestId('case-name-input').fill('Project Moon')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await wb.api('cases:list', {})).map((c) => c.name)).toContain('Project Moon')
    const caseId = (await wb.api('cases:list', {})).find((c) => c.name === 'Project Moon')!.id
    const row = page.getByTestId(`case-${caseId}`)
    await row.hover()
    await row.getByRole('button', { name: 'Attributes: Project Moon' }).click()
    const dialog = page.getByTestId('case-dialog')
    await dialog.waitFor()
    expect(await dialog.getAttribute('role')).toBe('dialog')
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    await dialog.getByTestId('attr-school').fill('ROC Noord')
    await dialog.getByTestId('attr-bedrijf').fill('Bouwbedrijf De Vries')
    await dialog.getByTestId('attr-sector').fill('Techniek')
    await dialog.getByTestId('attr-jaar').fill('2012')
    await dialog.getByTestId('attr-phase').selectOption('2')
    await dialog.getByTestId('attr-new-name').fill('regio')
    await dialog.getByTestId('attr-new-value').fill('Noord')
    await page.screenshot({ path: screenshotPath('28-case-dialog') })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await wb.api('cases:list', {})).find((c) => c.id === caseId)!.attributes).toEqual({
      school: 'ROC Noord',
      bedrijf: 'Bouwbedrijf De Vries',
      sector: 'Techniek',
      jaar: '2012',
      'fase:Anna': '2',
      regio: 'Noord',
    })
    await expect.poll(() => row.locator('.case-attrs').textContent()).toBe('ROC Noord · Bouwbedrijf De Vries · Techniek · 2012')

    // The document goes to the case by drag and drop.
    await page.getByTestId(`doc-${docId}`).dragTo(row)
    await expect.poll(async () => (await wb.api('documents:list', {})).find((d) => d.id === docId)!.caseId).toBe(caseId)

    // Rename from the keyboard: F2 on the case in the tree.
    await page.locator(`[role="treeitem"][aria-label^="Project Moon"]`).focus()
    await page.keyboard.press('F2')
    await page.getByRole('textbox', { name: 'Case name' }).fill('Project Maan')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await wb.api('cases:list', {})).find((c) => c.id === caseId)!.name).toBe('Project Maan')
    await page.screenshot({ path: screenshotPath('29-cases') })
  })

  it('imports PDFs from the file input into a new case, with a progress bar per file and a translated error for a non-PDF', async () => {
    const pdf = fixturePaths().reports[1]!
    const notPdf = fixturePaths().bad.notPdf
    await page.getByTestId('import-input').setInputFiles([pdf, notPdf])
    const dialog = page.getByTestId('import-dialog')
    await dialog.waitFor()
    expect(await dialog.locator('.file-list li').count()).toBe(2)
    await dialog.getByTestId('case-choice').selectOption('new')
    await dialog.getByTestId('new-case-name').fill('Imported reports')
    await dialog.getByTestId('import-start').click()

    const items = page.getByTestId('import-item')
    await expect.poll(() => items.count()).toBe(2)
    await expect.poll(() => items.nth(0).getAttribute('data-status'), { timeout: 30_000 }).toBe('imported')
    await expect.poll(() => items.nth(1).getAttribute('data-status')).toBe('error')
    // The PDF's bar filled up as the core reported its pages.
    const done = items.nth(0).locator('progress')
    expect(await done.getAttribute('value')).toBe(await done.getAttribute('max'))
    expect(Number(await done.getAttribute('max'))).toBeGreaterThan(1)
    expect(Number(await items.nth(0).getAttribute('data-progress-events'))).toBeGreaterThan(0)
    expect(await items.nth(1).locator('.import-status').textContent()).toBe(`${basename(notPdf)} is not a PDF file.`)
    await page.getByTestId('notice').getByText('Import done: 1 imported, 1 failed (see the list).').waitFor()
    const docs = await wb.api('documents:list', {})
    expect(docs.find((d) => d.fileName === basename(pdf))?.caseName).toBe('Imported reports')
    await page.screenshot({ path: screenshotPath('30-import') })
  })

  it('imports files dropped on the window, with the no-text-layer warning and errors in Dutch', async () => {
    await page.getByTestId('lang').selectOption('nl')
    await page.getByRole('heading', { name: 'Codeboek' }).waitFor()
    const files = [
      { name: basename(fixturePaths().bad.imageOnly), type: 'application/pdf', data: readFileSync(fixturePaths().bad.imageOnly).toString('base64') },
      { name: 'aantekeningen.txt', type: 'text/plain', data: Buffer.from('Geen PDF.').toString('base64') },
    ]
    await page.evaluate((files) => {
      const dt = new DataTransfer()
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))
        dt.items.add(new File([bytes], f.name, { type: f.type }))
      }
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }))
    }, files)
    const dialog = page.getByTestId('import-dialog')
    await dialog.waitFor()
    expect(await dialog.getByRole('heading').textContent()).toBe('2 bestanden importeren')
    await dialog.getByTestId('import-start').click()
    const scan = page.getByTestId('import-item').filter({ hasText: files[0]!.name })
    const text = page.getByTestId('import-item').filter({ hasText: 'aantekeningen.txt' })
    await expect.poll(() => text.getAttribute('data-status'), { timeout: 20_000 }).toBe('error')
    expect(await scan.getAttribute('data-status')).toBe('imported')
    // The earlier imports were cleared from the list when these started.
    expect(await page.getByTestId('import-item').count()).toBe(2)
    expect(await scan.locator('.import-status').textContent()).toBe(`${files[0]!.name} heeft geen tekstlaag (een scan?); alleen gebiedscodering is mogelijk.`)
    expect(await text.locator('.import-status').textContent()).toBe('aantekeningen.txt is geen PDF-bestand.')
    await page.getByTestId('lang').selectOption('en')
    await page.getByRole('heading', { name: 'Codebook' }).waitFor()
  })

  it('loads without CSP violations or script errors', () => {
    expect(wb.problems).toEqual([])
  })
})
