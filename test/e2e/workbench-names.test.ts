/**
 * Document names and the REFI-QDA import report in the page (Chromium, browser mode): a document
 * is named after its file, the PDF's own Title metadata is offered in the document dialog; the
 * project import dialog says which way the project's PDF boxes were read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshotPath } from './harness'
import { coderIs, openWorkbench, type Workbench } from './workbench-helpers'

const JUNK = 'Microsoft Word - 20110301_verslag def.doc'

describe('document names and the project import report (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let documentId = 0
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-names-'))

  beforeAll(async () => {
    const doc = await PDFDocument.create()
    const font = await doc.embedFont(StandardFonts.Helvetica)
    doc.addPage([595, 842]).drawText('Verslag van de werkplaats over het jaar 2024, met de bevindingen van de begeleiders.', { x: 50, y: 760, size: 11, font })
    doc.setTitle(JUNK)
    const file = join(dir, 'Verslag 2024.pdf')
    writeFileSync(file, await doc.save())
    wb = await openWorkbench('names', async (call) => {
      const [o] = await call('documents:import', { paths: [file] })
      if (o?.status !== 'imported') throw new Error('import failed')
      documentId = o.documentId
      const code = await call('codes:create', { parentId: null, name: 'Bevinding', colour: '#1f77b4' })
      const anna = await call('coders:ensure', { name: 'Anna' })
      const text = await call('documents:text', { id: documentId })
      const at = text.indexOf('bevindingen')
      await call('codings:create', { documentId, codeId: code.id, coderId: anna.id, start: at, end: at + 11 })
    }, { coder: 'Anna' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Anna')
  })

  afterAll(async () => {
    await wb?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('names the document after its file and offers the PDF’s Title metadata in its dialog', async () => {
    const row = page.getByTestId(`doc-${documentId}`)
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Verslag 2024')
    expect(await row.textContent()).not.toContain('Microsoft Word')
    // The row's buttons show while the pointer is on it; a re-render under load can take the
    // hover away between the two steps, so hover and click are tried together.
    await expect.poll(async () => {
      await row.hover()
      return row.getByRole('button', { name: 'Document and case: Verslag 2024' }).click({ timeout: 2_000 }).then(() => true, () => false)
    }, { timeout: 30_000 }).toBe(true)
    const dialog = page.getByTestId('document-dialog')
    const title = dialog.getByRole('textbox').first()
    expect(await title.inputValue()).toBe('Verslag 2024')
    expect(await dialog.getByTestId('document-pdf-title').textContent()).toContain(`Title in the PDF: ${JUNK}`)
    await page.screenshot({ path: screenshotPath('60-document-pdf-title') })
    await dialog.getByRole('button', { name: 'Use this title' }).click()
    expect(await title.inputValue()).toBe(JUNK)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect((await wb.api('documents:list', {}))[0]!.title).toBe('Verslag 2024')
  })

  it('says in the project import dialog which way the PDF boxes were read', async () => {
    const qdpx = Buffer.from(await wb.api('export:qdpx', {}), 'base64')
    await page.getByTestId('study-exchange').click()
    await page.getByTestId('import-qdpx-file').setInputFiles({ name: 'eigen.qdpx', mimeType: 'application/zip', buffer: qdpx })
    const result = page.getByTestId('project-import-result')
    await result.waitFor()
    expect(await result.getByTestId('project-pdf-boxes').textContent()).toBe('PDF selections read from the bottom left of the page, as the standard has them')
    await page.screenshot({ path: screenshotPath('61-import-qdpx-pdf-boxes') })
    await page.getByTestId('project-import').getByRole('button', { name: 'OK' }).click()
  })
})
