/**
 * The codebook panel: an ARIA tree worked from the keyboard, the code details dialog (with a
 * focus trap), merging codes, and moving codes by drag and drop (a cycle refused with a
 * translated message) — in Chromium against browser mode.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INTEROP_PDF, screenshotPath } from './harness'
import { coderIs, openWorkbench, type Workbench } from './workbench-helpers'
import { noticeShown } from './transient'

const TEXT_PDF = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')
const NVIVO_QDPX = join(INTEROP_PDF, '../qdpx/07_nvivo-12.6-win_oltas0517-hungarian.qdpx')
const ATLAS_QDPX = join(INTEROP_PDF, '../qdpx/02_atlasti-8.4-mac_REFI-standard-project.qdpx')

describe('codebook tree, details, merge and drag and drop (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    wb = await openWorkbench('codebook', async (call) => {
      const [kids] = await call('documents:import', { paths: [TEXT_PDF] })
      if (kids?.status !== 'imported') throw new Error('import failed')
      const documentId = kids.documentId
      ids.fase = (await call('codes:create', { parentId: null, name: 'Fase', colour: '#1f77b4' })).id
      ids.begeleiden = (await call('codes:create', { parentId: ids.fase, name: 'Samen begeleiden', colour: '#aec7e8' })).id
      ids.ontwerpen = (await call('codes:create', { parentId: ids.fase, name: 'Samen ontwerpen', colour: '#6baed6' })).id
      ids.verzet = (await call('codes:create', { parentId: null, name: 'Verzet', colour: '#d62728' })).id
      ids.leiderschap = (await call('codes:create', { parentId: null, name: 'Leiderschap', colour: '#2ca02c' })).id
      const anna = await call('coders:ensure', { name: 'Anna' })
      const text = await call('documents:text', { id: documentId })
      const a = text.indexOf('I give you my word.')
      await call('codings:create', { documentId, codeId: ids.leiderschap, coderId: anna.id, start: a, end: a + 19 })
      const b = text.indexOf('collection of bogs.')
      await call('codings:create', { documentId, codeId: ids.begeleiden, coderId: anna.id, start: b, end: b + 19 })
    }, { coder: 'Anna' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Anna')
  })

  afterAll(async () => {
    await wb?.close()
  })

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      // The code's name as the row shows it (the accessible name adds its count of codings).
      const name = el?.querySelector('.code-name')?.textContent ?? el?.getAttribute('aria-label') ?? ''
      return { role: el?.getAttribute('role') ?? el?.tagName ?? '', label: name, level: el?.getAttribute('aria-level') ?? '', expanded: el?.getAttribute('aria-expanded') ?? null }
    })
  const code = async (id: number) => (await wb.api('codes:list', {})).find((c) => c.id === id)

  it('is an ARIA tree worked from the keyboard: arrows move and fold, Enter retrieves, F2 renames, Insert adds, Delete asks', async () => {
    const tree = page.getByTestId('code-tree')
    expect(await tree.getAttribute('role')).toBe('tree')
    expect(await tree.locator('[role="group"]').count()).toBe(1)
    await page.getByRole('searchbox', { name: 'Filter codes…' }).focus()
    await page.keyboard.press('Tab')
    expect(await focused()).toEqual({ role: 'treeitem', label: 'Fase', level: '1', expanded: 'true' })
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toMatchObject({ label: 'Samen begeleiden', level: '2' })
    await page.keyboard.press('ArrowLeft')
    expect(await focused()).toMatchObject({ label: 'Fase' })
    await page.keyboard.press('ArrowLeft')
    expect(await focused()).toMatchObject({ label: 'Fase', expanded: 'false' })
    expect(await tree.locator('[role="treeitem"][aria-label^="Samen begeleiden "]').count()).toBe(0)
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toMatchObject({ label: 'Verzet' })
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toMatchObject({ label: 'Fase', expanded: 'true' })
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toMatchObject({ label: 'Samen begeleiden' })
    await page.keyboard.press('End')
    expect(await focused()).toMatchObject({ label: 'Leiderschap' })
    await page.keyboard.press('Home')
    expect(await focused()).toMatchObject({ label: 'Fase' })
    // Only one item is in the tab order.
    expect(await tree.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1)

    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('retrieval-summary').textContent()).toContain('“Fase”')

    await page.keyboard.press('F2')
    const name = page.getByRole('textbox', { name: 'Code name' })
    await expect.poll(() => name.inputValue()).toBe('Fase')
    await name.fill('Fase van samenwerking')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await code(ids.fase!))?.name).toBe('Fase van samenwerking')
    await expect.poll(async () => (await focused()).label).toBe('Fase van samenwerking')

    await page.keyboard.press('Insert')
    await page.getByRole('textbox', { name: 'Code name' }).fill('Samen innoveren')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await wb.api('codes:list', {})).find((c) => c.name === 'Samen innoveren')?.parentId).toBe(ids.fase)
    await page.screenshot({ path: screenshotPath('31-codebook-keyboard') })

    // Delete asks first, in a modal that keeps the focus and closes on Escape.
    await expect.poll(async () => (await focused()).label).toBe('Fase van samenwerking')
    await page.keyboard.press('Delete')
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    expect(await page.getByTestId('delete-code-text').textContent()).toBe('Delete code “Fase van samenwerking” and the 3 subcodes under it? This also removes 1 coding.')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await focused()).toMatchObject({ role: 'treeitem', label: 'Fase van samenwerking' })
    expect(await code(ids.fase!)).toBeDefined()
  })

  it('edits a code’s definition, criteria, example and place in the details dialog', async () => {
    await page.locator('[role="treeitem"][aria-label^="Leiderschap "]').focus()
    await page.keyboard.press('Alt+Enter')
    const dialog = page.getByTestId('code-details')
    await dialog.waitFor()
    expect(await dialog.getAttribute('role')).toBe('dialog')
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Leiderschap')
    await dialog.getByTestId('code-definition').fill('Gaps in leadership: vague ideas from the top, watered-down goals.')
    await dialog.getByTestId('code-inclusion').fill('Statements about management support or its absence.')
    await dialog.getByTestId('code-exclusion').fill('Not for leadership of students.')
    await dialog.getByTestId('code-example').fill('"De directie had er geen tijd voor."')
    await dialog.getByTestId('code-parent').selectOption({ label: 'Verzet' })
    // Tab never leaves the dialog.
    for (let i = 0; i < 14; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="code-details"]') !== null)).toBe(true)
    await page.screenshot({ path: screenshotPath('32-code-details') })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await code(ids.leiderschap!))?.parentId).toBe(ids.verzet)
    expect(await code(ids.leiderschap!)).toMatchObject({
      definition: 'Gaps in leadership: vague ideas from the top, watered-down goals.',
      inclusion: 'Statements about management support or its absence.',
      exclusion: 'Not for leadership of students.',
      example: '"De directie had er geen tijd voor."',
      path: 'Verzet/Leiderschap',
    })
    await expect.poll(() => dialog.count()).toBe(0)
  })

  it('merges a code into another after saying what moves; undo brings it back', async () => {
    const row = page.getByTestId(`code-${ids.leiderschap}`)
    await row.hover()
    await row.getByRole('button', { name: 'Merge: Leiderschap' }).click()
    const dialog = page.getByTestId('merge-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('merge-target').selectOption({ label: 'Fase van samenwerking/Samen ontwerpen' })
    expect(await dialog.getByTestId('merge-text').textContent()).toBe('The codings of “Leiderschap” (1 coding) go to “Fase van samenwerking/Samen ontwerpen”; “Leiderschap” is removed.')
    await page.screenshot({ path: screenshotPath('33-merge') })
    await dialog.getByRole('button', { name: 'Merge' }).click()
    await expect.poll(async () => await code(ids.leiderschap!)).toBeUndefined()
    expect((await code(ids.ontwerpen!))?.codingCount).toBe(1)
    await expect.poll(() => page.getByTestId(`code-${ids.ontwerpen}`).locator('.count').textContent()).toBe('1')

    await page.locator('body').click({ position: { x: 700, y: 880 } })
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await code(ids.leiderschap!))?.codingCount).toBe(1)
    expect((await code(ids.ontwerpen!))?.codingCount).toBe(0)
  })

  it('moves a code by drag and drop, refuses to move a code under its own subcode, and drops on the top level', async () => {
    await page.getByTestId(`code-${ids.verzet}`).dragTo(page.getByTestId(`code-${ids.ontwerpen}`))
    await expect.poll(async () => (await code(ids.verzet!))?.parentId).toBe(ids.ontwerpen)
    expect((await code(ids.leiderschap!))?.path).toBe('Fase van samenwerking/Samen ontwerpen/Verzet/Leiderschap')
    await noticeShown(page, 'Code “Verzet” moved.')

    // A code cannot go under its own subcode: the core says no, in words.
    await page.getByTestId(`code-${ids.fase}`).dragTo(page.getByTestId(`code-${ids.leiderschap}`))
    await page.getByTestId('error').getByText('A code cannot be moved under itself or one of its subcodes.').waitFor()
    expect((await code(ids.fase!))?.parentId).toBeNull()
    await page.getByTestId('error').getByRole('button', { name: 'Close' }).click()

    // While a code is dragged, a drop zone for the top level appears.
    const source = (await page.getByTestId(`code-${ids.verzet}`).boundingBox())!
    await page.mouse.move(source.x + 40, source.y + source.height / 2)
    await page.mouse.down()
    await page.mouse.move(source.x + 60, source.y + source.height / 2 + 10, { steps: 4 })
    const zone = page.getByTestId('drop-root')
    await zone.waitFor()
    const z = (await zone.boundingBox())!
    await page.mouse.move(z.x + z.width / 2, z.y + z.height / 2, { steps: 6 })
    await page.screenshot({ path: screenshotPath('34-codebook-drag') })
    await page.mouse.up()
    await expect.poll(async () => (await code(ids.verzet!))?.parentId).toBeNull()
    await expect.poll(() => zone.count()).toBe(0)
  })

  it('imports a codebook from an NVivo project and a .qdc, exports it as REFI-QDA, refuses a wrong file in words', async () => {
    const before = (await wb.api('codes:list', {})).length
    const choose = async (files: Parameters<Page['setInputFiles']>[1]) => {
      await page.getByTestId('codebook-menu').click()
      await page.getByTestId('codebook-import-file').setInputFiles(files)
    }
    await choose(NVIVO_QDPX)
    await noticeShown(page, '07_nvivo-12.6-win_oltas0517-hungarian.qdpx: 152 codes added, 0 updated.')
    expect((await wb.api('codes:list', {})).length).toBe(before + 152)
    await expect.poll(() => page.getByTestId('code-tree').getByText('2. Attitűd szint az oltáshoz', { exact: true }).count()).toBe(1)
    await page.keyboard.press('Escape')

    // The whole import is one step: undo takes all 152 codes back.
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await wb.api('codes:list', {})).length).toBe(before)

    // A .qdc, here from a file made in the page (a Dutch name with an ampersand and a subcode).
    const qdc = `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
      <Code guid="11111111-2222-3333-4444-555555555555" name="Werkzame bestanddelen &amp; meer" isCodable="true" color="#00aa55">
        <Description>Uit de documentenstudie.</Description>
        <Code guid="11111111-2222-3333-4444-555555555556" name="Ruimte voor experiment" isCodable="true"/>
      </Code></Codes></CodeBook>`
    await choose({ name: 'werkzaam.qdc', mimeType: 'application/xml', buffer: Buffer.from(qdc) })
    await noticeShown(page, 'werkzaam.qdc: 2 codes added, 0 updated.')
    const imported = (await wb.api('codes:list', {})).find((c) => c.path === 'Werkzame bestanddelen & meer')
    expect(imported).toMatchObject({ colour: '#00aa55', definition: 'Uit de documentenstudie.' })
    await page.screenshot({ path: screenshotPath('36-codebook-import') })
    await page.keyboard.press('Escape')

    // Export as REFI-QDA: the file the core writes, under the study's name.
    await page.getByTestId('codebook-menu').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('codebook-export-qdc').click()])
    expect(download.suggestedFilename()).toMatch(/-codebook\.qdc$/)
    const xml = readFileSync((await download.path())!, 'utf8')
    expect(xml).toBe(await wb.api('codebook:export', { format: 'qdc' }))
    expect(xml).toContain('name="Werkzame bestanddelen &amp; meer"')
    await page.keyboard.press('Escape')

    // A file that is no codebook: a translated message, nothing changed.
    const count = (await wb.api('codes:list', {})).length
    await choose({ name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') })
    await page.getByTestId('error').getByText('notes.docx is not a codebook file. Choose a .csv, .json, .qdc (REFI-QDA) or .qdpx file.').waitFor()
    await page.getByTestId('error').getByRole('button', { name: 'Close' }).click()
    await choose({ name: 'broken.qdc', mimeType: 'application/xml', buffer: Buffer.from('<CodeBook><Codes>') })
    await page.getByTestId('error').getByText(/^The codebook file cannot be imported: not well-formed XML/).waitFor()
    await page.getByTestId('error').getByRole('button', { name: 'Close' }).click()
    // The page opens a .qdpx itself (only the project XML is sent): the same words for a bad one.
    await choose({ name: 'fake.qdpx', mimeType: 'application/zip', buffer: Buffer.from('PK not really') })
    await page.getByTestId('error').getByText('The codebook file cannot be imported: not a .qdpx file (not a readable zip archive). Nothing was changed.').waitFor()
    await page.getByTestId('error').getByRole('button', { name: 'Close' }).click()
    await page.keyboard.press('Escape')
    expect((await wb.api('codes:list', {})).length).toBe(count)
  })

  it('writes a memo on a code and on a document, shows another coder’s, hides it when blind; undo takes a memo back', async () => {
    const bram = await wb.api('coders:ensure', { name: 'Bram' })
    await wb.api('memos:save', { targetType: 'code', targetId: ids.verzet!, coderId: bram.id, body: 'Bram: vaak passief.', actingCoderId: bram.id })
    const row = page.getByTestId(`code-${ids.verzet}`)
    await row.hover()
    await row.getByRole('button', { name: 'Memo: Verzet' }).click()
    const dialog = page.getByTestId('memo-dialog')
    await dialog.getByText('Bram: vaak passief.').waitFor()
    await dialog.getByTestId('memo-body').fill('Anna: let op middenmanagement.\nTweede regel.')
    await page.screenshot({ path: screenshotPath('39-memo') })
    await dialog.getByTestId('memo-save').click()
    await expect.poll(() => dialog.count()).toBe(0)
    const memos = await wb.api('memos:list', { targetType: 'code', targetId: ids.verzet! })
    expect(memos.map((m) => [m.coderName, m.body])).toEqual([['Anna', 'Anna: let op middenmanagement.\nTweede regel.'], ['Bram', 'Bram: vaak passief.']])

    // The same dialog for a document, from the cases panel.
    const docs = await wb.api('documents:list', {})
    const docRow = page.getByTestId(`doc-${docs[0]!.id}`)
    await docRow.hover()
    await docRow.getByRole('button', { name: `Memo: ${docs[0]!.title}` }).click()
    await dialog.getByTestId('memo-body').fill('Over dit verslag.')
    await dialog.getByTestId('memo-save').click()
    await expect.poll(() => dialog.count()).toBe(0)
    expect((await wb.api('memos:list', { targetType: 'document', targetId: docs[0]!.id })).map((m) => m.body)).toEqual(['Over dit verslag.'])

    // Undo takes the last memo back.
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await wb.api('memos:list', { targetType: 'document', targetId: docs[0]!.id })).length).toBe(0)

    // Coding blind: the other coder's memo is not shown.
    await page.getByRole('button', { name: /Blind/ }).click()
    await row.hover()
    await row.getByRole('button', { name: 'Memo: Verzet' }).click()
    await dialog.getByText('Blind coding: other coders’ memos stay hidden.').waitFor()
    expect(await dialog.getByText('Bram: vaak passief.').count()).toBe(0)
    // The memos load after the dialog opens (slow on a busy machine): wait for mine to appear.
    await expect.poll(() => dialog.getByTestId('memo-body').inputValue()).toBe('Anna: let op middenmanagement.\nTweede regel.')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: /Blind/ }).click()
  })

  it('saves the whole study as a REFI-QDA project (.qdpx) from the cases panel', async () => {
    await page.getByTestId('study-exchange').click()
    await page.screenshot({ path: screenshotPath('37-export-qdpx') })
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-qdpx').click()])
    expect(download.suggestedFilename()).toBe('codebook.qdpx')
    await noticeShown(page, 'codebook.qdpx saved.')
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)))
    const xml = new TextDecoder().decode(files['project.qde'])
    expect(xml).toContain('name="12_en_openoffice_pdkids"')
    // Both codings (on one page each) are there, as in the core's own export.
    expect(xml.match(/<PDFSelection /g)).toHaveLength((await wb.api('codings:list', {})).length)
    const pdf = Object.keys(files).filter((f) => f.startsWith('Sources/') && f.endsWith('.pdf'))
    expect(pdf).toHaveLength(1)
    expect(files[pdf[0]!]!.byteLength).toBe(readFileSync(TEXT_PDF).byteLength)
    await page.keyboard.press('Escape')
  })

  it('imports a REFI-QDA project: what came in and what did not, in a dialog; one undo takes it back', async () => {
    const before = (await wb.api('codes:list', {})).length
    await page.getByTestId('study-exchange').click()
    await page.getByTestId('import-qdpx-file').setInputFiles(ATLAS_QDPX)
    const result = page.getByTestId('project-import-result')
    await result.waitFor()
    await result.getByText('Codes added: 14').waitFor()
    await result.getByText('Documents: 0 new, 0 already in the study').waitFor()
    // The two PDFs, six texts and a picture the project names are not in its zip; an audio and
    // two videos are of kinds Werkbank does not code.
    const skipped = page.getByTestId('project-import-skipped').locator('li')
    expect(await skipped.count()).toBe(12)
    expect(await skipped.filter({ hasText: 'the file is not in the .qdpx' }).count()).toBe(9)
    expect(await skipped.filter({ hasText: 'audio or video, or a picture other than JPEG or PNG (Werkbank codes PDFs, texts and pictures)' }).count()).toBe(3)
    await page.screenshot({ path: screenshotPath('38-import-qdpx') })
    await page.getByTestId('project-import').getByRole('button', { name: 'OK' }).click()
    expect((await wb.api('codes:list', {})).length).toBe(before + 14)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await wb.api('codes:list', {})).length).toBe(before)

    // Not a .qdpx: the core's words, and the dialog goes away.
    await page.getByTestId('study-exchange').click()
    await page.getByTestId('import-qdpx-file').setInputFiles({ name: 'fake.qdpx', mimeType: 'application/zip', buffer: Buffer.from('not a zip') })
    await page.getByTestId('error').getByText('The REFI-QDA project cannot be imported: not a .qdpx file (not a readable zip archive). Nothing was changed.').waitFor()
    await expect.poll(() => page.getByTestId('project-import').count()).toBe(0)
    await page.getByTestId('error').getByRole('button', { name: 'Close' }).click()
    await page.keyboard.press('Escape')
  })

  it('loads without CSP violations or script errors', () => {
    expect(wb.problems).toEqual([])
  })
})
