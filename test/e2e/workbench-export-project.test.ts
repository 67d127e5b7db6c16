/**
 * Saving the study as a REFI-QDA project from the page (browser mode, Chromium): the bytes come
 * from api/download/export:qdpx as they are (no base64 reply, whatever the size).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INTEROP_PDF } from './harness'
import { coderIs, openWorkbench, type Workbench } from './workbench-helpers'
import { noticeShown } from './transient'

describe('saving the study as a .qdpx from the page (Chromium)', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench('project', async (call) => {
      const [o] = await call('documents:import', { paths: [join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')] })
      if (o?.status !== 'imported') throw new Error('import failed')
      const code = await call('codes:create', { parentId: null, name: 'Markt', colour: '#1f77b4' })
      const anna = await call('coders:ensure', { name: 'Anna' })
      await call('codings:create', { documentId: o.documentId, codeId: code.id, coderId: anna.id, start: 0, end: 12 })
    }, { coder: 'Anna' })
    await wb.page.goto(wb.server.pageUrl)
    await coderIs(wb.page, 'Anna')
  })

  afterAll(async () => {
    await wb?.close()
  })

  it('downloads the project with its codebook and PDF, streamed from the server', async () => {
    const page = wb.page
    const downloads: string[] = []
    page.on('request', (r) => r.url().includes('/api/') && downloads.push(`${r.method()} ${new URL(r.url()).pathname}`))
    await page.getByTestId('study-exchange').click()
    const downloading = page.waitForEvent('download')
    await page.getByTestId('export-qdpx').click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('project.qdpx')
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)))
    expect(Object.keys(files)).toContain('project.qde')
    expect(Object.keys(files).filter((n) => n.startsWith('Sources/') && n.endsWith('.pdf'))).toHaveLength(1)
    expect(new TextDecoder().decode(files['project.qde'])).toContain('name="Markt"')
    expect(downloads).toContain('GET /api/download/export:qdpx')
    expect(downloads).not.toContain('POST /api/export:qdpx')
    await noticeShown(page, 'project.qdpx saved.')
    expect(wb.problems).toEqual([])
  })
})
