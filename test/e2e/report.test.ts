/**
 * The report of coded segments from the page, in Chromium against browser mode on a copy of the
 * demo study: the matrix view's export menu opens the report dialog, which saves an HTML page
 * and a Word file with the chosen code's subtree by the chosen coder; the HTML opens as a page
 * of its own (screenshots of both). The retrieval panel exports its list as CSV and Word.
 */
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, BrowserContext, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Args, Method, Result } from '../../shared/api'
import type { Code } from '../../shared/types'
import { startServer, type RunningServer } from '../../electron/server'
import { oneLine } from '../../electron/core/export/report-model'
import { ensureDemo } from '../fixtures/build-demo'
import { buildUi } from './build-ui'
import { readXlsx } from '../helpers/xlsx-read'
import { apiCall, launchChromium, screenshotPath, tempDir } from './harness'

const ANNA = 'Anna de Vries'
const BRAM = 'Bram Jansen'
const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
const docxText = (bytes: Uint8Array) => {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('')).join('\n')
}

describe('report of coded segments (browser mode, Chromium)', () => {
  const tmp = tempDir('werkbank-report-e2e-')
  const uiDir = join(tmp.dir, 'ui')
  const problems: string[] = []
  let browser: Browser
  let server: RunningServer
  let context: BrowserContext
  let page: Page
  const api = <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => apiCall(server.url, server.token, method, args)
  /** The code the report is about: the top-level code with subcodes that has the most codings. */
  let root: Code
  let subtree: number[]
  let annaId: number

  beforeAll(async () => {
    const built = buildUi(uiDir)
    const studyPath = join(tmp.dir, 'demo.werkbank')
    copyFileSync(await ensureDemo(), studyPath)
    await built
    server = await startServer({ studyPath, uiDir, log: (l) => problems.push(l) })
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', acceptDownloads: true })
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('werkbank.init')) {
        sessionStorage.setItem('werkbank.init', '1')
        localStorage.setItem('werkbank.coder', 'Anna de Vries')
        localStorage.setItem('werkbank.lang', 'en')
      }
    })
    page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    const codes = await api('codes:list', {})
    const below = (id: number): number[] => [id, ...codes.filter((c) => c.parentId === id).flatMap((c) => below(c.id))]
    root = codes
      .filter((c) => c.parentId === null && codes.some((k) => k.parentId === c.id))
      .map((c) => ({ c, n: below(c.id).reduce((n, id) => n + codes.find((k) => k.id === id)!.codingCount, 0) }))
      .sort((a, b) => b.n - a.n)[0]!.c
    subtree = below(root.id)
    annaId = (await api('coders:list', {})).find((c) => c.name === ANNA)!.id
    await page.goto(server.pageUrl)
    await page.getByTestId('mode-analysis').click()
    await page.waitForSelector('[data-testid="matrix"] tbody tr')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    tmp.remove()
  })

  /** Opens the dialog from the export menu and chooses the root code's subtree and Anna only. */
  async function openDialog(): Promise<void> {
    await page.getByTestId('export').click()
    await page.getByTestId('export-report').click()
    await page.getByTestId('report-dialog').waitFor()
    await page.getByTestId('report-codes').selectOption(String(root.id))
    await page.getByTestId('report-coders').getByLabel(BRAM).uncheck()
  }

  async function exportFrom(format: 'html' | 'docx'): Promise<Download> {
    await page.getByTestId(`report-${format}`).check()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()])
    await expect.poll(() => page.getByTestId('report-dialog').count()).toBe(0)
    return download
  }

  it('opens the dialog from the export menu and saves an HTML report of the chosen code and coder; the page itself reads well', async () => {
    await openDialog()
    expect(await page.getByTestId('report-cases').locator('input[type=checkbox]:checked').count()).toBe((await api('cases:list', {})).length)
    await page.screenshot({ path: screenshotPath('50-report-dialog') })
    const download = await exportFrom('html')
    expect(download.suggestedFilename()).toMatch(/^report-.*\.html$/)
    const html = readFileSync((await download.path())!, 'utf8')
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Report of coded segments')
    const expected = await api('codings:list', { codeIds: subtree, coderIds: [annaId] })
    expect(expected.length).toBeGreaterThan(3)
    const ids = [...html.matchAll(/data-coding="(\d+)"/g)].map((m) => Number(m[1]))
    expect(new Set(ids)).toEqual(new Set(expected.map((k) => k.id)))
    for (const k of expected.filter((x) => x.kind === 'text')) expect(html).toContain(`<blockquote>${htmlEscape(oneLine(k.quote))}</blockquote>`)
    expect(html).toContain(htmlEscape(root.name))
    expect(html).not.toContain(BRAM)
    expect(html).toContain('<table class="matrix">')
    expect(html).toContain('<svg')

    // The saved page on its own: its CSP allows its inline style and nothing else; it loads nothing.
    const report = await context.newPage()
    const requests: string[] = []
    report.on('request', (r) => requests.push(r.url()))
    const reportProblems: string[] = []
    report.on('console', (m) => reportProblems.push(m.text()))
    await report.setViewportSize({ width: 1000, height: 1400 })
    await report.setContent(html)
    expect(await report.title()).toContain('Report of coded segments')
    expect(await report.locator('figure.segment').count()).toBe(expected.length)
    expect(await report.locator('blockquote').first().evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe('solid')
    await report.screenshot({ path: screenshotPath('51-report-html') })
    await report.locator('figure.chart').evaluate((el) => el.scrollIntoView())
    await report.screenshot({ path: screenshotPath('52-report-html-chart') })
    await report.locator(`section.code[data-code="${root.path}"]`).evaluate((el) => el.scrollIntoView())
    await report.screenshot({ path: screenshotPath('53-report-html-segments') })
    await report.emulateMedia({ media: 'print' })
    expect(await report.locator('.title-page').evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page')
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([])
    expect(reportProblems).toEqual([])
    await report.close()
  })

  it('saves the same choice as a Word file', async () => {
    await openDialog()
    const download = await exportFrom('docx')
    expect(download.suggestedFilename()).toMatch(/^report-.*\.docx$/)
    const text = docxText(new Uint8Array(readFileSync((await download.path())!)))
    const expected = await api('codings:list', { codeIds: subtree, coderIds: [annaId] })
    for (const k of expected.filter((x) => x.kind === 'text')) expect(text).toContain(oneLine(k.quote))
    for (const k of expected) expect(text).toContain(`${k.documentTitle} · ${k.pageFrom === k.pageTo ? `p. ${k.pageFrom}` : `pp. ${k.pageFrom}–${k.pageTo}`} · ${ANNA}`)
    expect(text).not.toContain(BRAM)
    expect(text).toContain('Segments per code and case')
  })

  it('exports the retrieval list of a code as CSV and as Word, as the panel lists it', async () => {
    await page.getByTestId('mode-coding').click()
    await page.getByTestId(`code-name-${root.id}`).click()
    const items = page.locator('[data-testid="retrieval-list"] [role="option"]')
    await expect.poll(() => items.count()).toBeGreaterThan(0)
    const listed = await items.count()

    await page.getByTestId('retrieval-export').click()
    await page.screenshot({ path: screenshotPath('54-retrieval-export') })
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('retrieval-export-csv').click()])
    const rows = parse(readFileSync((await csv.path())!, 'utf8'), { bom: true, delimiter: ',' }) as string[][]
    expect(rows.length - 1).toBe(listed)

    // The same list as an Excel workbook (the menu stays open): a row per listed segment, ids as in the CSV.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('retrieval-export-xlsx').click()])
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
    const [sheet] = readXlsx(readFileSync((await xlsx.path())!))
    expect(sheet!.rows.slice(1).map((r) => r[0]!.value)).toEqual(rows.slice(1).map((r) => Number(r[0])))

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('retrieval-export-docx').click()])
    expect(docx.suggestedFilename()).toMatch(/\.docx$/)
    const text = docxText(new Uint8Array(readFileSync((await docx.path())!)))
    expect(text).toContain(`Segments of ${root.path}`)
    const shown = await page.locator('[data-testid="retrieval-list"] [data-testid="retrieval-quote"] mark').allTextContents()
    for (const q of shown.slice(0, 5)) if (!q.includes('…')) expect(text).toContain(oneLine(q))
    expect(problems).toEqual([])
  })
})
