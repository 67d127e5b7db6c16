/**
 * The analysis views in Chromium against browser mode, on a copy of the demo study (17 reports,
 * two coders who agree partly): the matrix shows what analysis:matrix computes, sorts, lists the
 * segments behind a cell and jumps to one; its CSV reads back as the table; co-occurrence and
 * phases; the agreement view shows agreement:measure's figures with Krippendorff's reading; a
 * disagreement settled into the consensus leaves the list and comes back with undo. Then a
 * generated study of 100 codes × 200 documents renders its whole matrix and sorts it in the page
 * (its speed: `npm run bench -- ui`).
 */
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MatrixResult } from '../../shared/analysis-types'
import type { Args, Method, Result } from '../../shared/api'
import { startServer, type RunningServer } from '../../electron/server'
import { ensureDemo } from '../fixtures/build-demo'
import { buildWideMatrixStudy } from '../fixtures/wide-matrix-study'
import { buildUi } from './build-ui'
import { apiCall, launchChromium, screenshotPath, tempDir } from './harness'
import { readXlsx, type ReadSheet } from '../helpers/xlsx-read'

const CODERS = ['Anna de Vries', 'Bram Jansen']
const en = (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const pct = (v: number) => `${en(1).format(v * 100)} %`
/** A coverage cell as the view should show it: blank when empty, area codings named beside. */
function shownCoverage(m: MatrixResult, i: number, j: number): string {
  const v = m.values[i]![j]!
  const n = m.areas!.values[i]![j]!
  if (n === 0) return v === 0 ? '' : pct(v)
  return `${pct(v)} + ${n} ${n === 1 ? 'area' : 'areas'}`
}
const coef = (v: number) => en(3).format(v)
/** Krippendorff's bands, stated here on their own so the test does not borrow the UI's code. */
const band = (v: number) => (v >= 0.8 ? 'reliable' : v >= 0.667 ? 'tentative' : 'not reliable')

interface Running {
  server: RunningServer
  context: BrowserContext
  page: Page
  api<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>
}

/** Browser mode on a study, and a page in Chromium that starts as `coder`, in English. */
async function open(browser: Browser, studyPath: string, uiDir: string, problems: string[]): Promise<Running> {
  const server = await startServer({ studyPath, uiDir, log: (l) => problems.push(l) })
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', acceptDownloads: true })
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('werkbank.init')) {
      sessionStorage.setItem('werkbank.init', '1')
      localStorage.setItem('werkbank.coder', 'Anna de Vries')
      localStorage.setItem('werkbank.lang', 'en')
    }
  })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  return { server, context, page, api: (method, args) => apiCall(server.url, server.token, method, args) }
}

/** The code ids of the matrix rows, top to bottom. */
function rowIds(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid="matrix"] tbody tr', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.codeId)))
}

/** The keys of the matrix columns, left to right. */
function columnKeys(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="matrix"] thead th[data-col-key]', (ths) => ths.map((th) => (th as HTMLElement).dataset.colKey!))
}

function cell(page: Page, codeId: number, column: number) {
  return page.locator(`[data-testid="matrix"] tbody tr[data-code-id="${codeId}"] td[data-c="${column}"]`)
}

/**
 * Shows a sheet read back from a workbook as a table with its fills and percentage formats, for
 * a screenshot of what Excel will show (no spreadsheet program on these machines).
 */
async function renderSheet(browser: Browser, sheet: ReadSheet, path: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const view = await context.newPage()
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const cell = (c: ReadSheet['rows'][number][number] | undefined, r: number) => {
    const v = c?.value
    const text = typeof v === 'number' && c!.format === '0.0%' ? `${(v * 100).toFixed(1)}%` : v === null || v === undefined ? '' : String(v)
    const fill = c?.fill ? `background:#${c.fill};` : ''
    const tag = r === 0 ? 'th' : 'td'
    return `<${tag} style="${fill}">${esc(text)}</${tag}>`
  }
  const html = `<style>body{font:12px Calibri,Carlito,sans-serif;margin:0}table{border-collapse:collapse}td,th{border:1px solid #d4d4d4;padding:1px 4px;white-space:nowrap}td{text-align:right}td:first-child{text-align:left}th{background:#f3f3f3}</style>
    <div style="background:#217346;color:#fff;padding:4px 8px">${esc(sheet.name)} — read back from the .xlsx</div>
    <table>${sheet.rows.map((row, r) => `<tr>${row.map((c) => cell(c, r)).join('')}</tr>`).join('')}</table>`
  await view.setContent(html)
  await view.screenshot({ path })
  await context.close()
}

/** Clicks an export button in the export menu and returns the downloaded file's text. */
async function exportCsv(page: Page, testId: string, options: { delimiter: ',' | ';'; decimalComma: boolean; bom: boolean }): Promise<string> {
  await page.getByTestId('export').click()
  await page.getByTestId('csv-delimiter').selectOption(options.delimiter)
  await page.getByTestId('csv-decimal-comma').setChecked(options.decimalComma)
  await page.getByTestId('csv-bom').setChecked(options.bom)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const text = readFileSync((await download.path())!, 'utf8')
  await page.keyboard.press('Escape')
  return text
}

describe('analysis views (browser mode, Chromium)', () => {
  const tmp = tempDir('werkbank-analysis-e2e-')
  const uiDir = join(tmp.dir, 'ui')
  const problems: string[] = []
  let browser: Browser
  let demo: Running
  let page: Page

  beforeAll(async () => {
    const built = buildUi(uiDir)
    const studyPath = join(tmp.dir, 'demo.werkbank')
    copyFileSync(await ensureDemo(), studyPath)
    await built
    browser = await launchChromium()
    demo = await open(browser, studyPath, uiDir, problems)
    page = demo.page
    await page.goto(demo.server.pageUrl)
    await page.getByTestId('mode-analysis').click()
    await page.waitForSelector('[data-testid="matrix"] tbody tr')
  })

  afterAll(async () => {
    await browser?.close()
    await demo?.server.close()
    tmp.remove()
  })

  it('shows the numbers analysis:matrix computes, per measure, with totals', async () => {
    const m = await demo.api('analysis:matrix', { by: 'cases', measure: 'segments' })
    expect(await rowIds(page)).toEqual(m.rows.map((r) => r.codeId))
    expect(await columnKeys(page)).toEqual(m.columns.map((c) => `case:${c.id}`))
    for (const i of [1, 3, 6, 12, 25]) {
      for (const j of [0, 1, 9, 16]) {
        expect(await cell(page, m.rows[i]!.codeId, j).textContent()).toBe(String(m.values[i]![j]))
      }
      expect(await page.locator(`tr[data-code-id="${m.rows[i]!.codeId}"] td.mx-total`).textContent()).toBe(String(m.rowTotals[i]))
    }
    expect(await page.getByTestId('matrix-total').textContent()).toBe(String(m.total))
    // The fullest cell is shaded in the accent colour (a class per shade: no style attributes).
    const shade = (codeId: number, j: number) => cell(page, codeId, j).evaluate((el) => getComputedStyle(el).backgroundColor)
    const top = m.values.flatMap((row, i) => row.map((v, j) => ({ i, j, v: v ?? 0 }))).sort((a, b) => b.v - a.v)[0]!
    expect(await shade(m.rows[top.i]!.codeId, top.j)).toMatch(/^rgba?\(31, 95, 191/)
    await page.screenshot({ path: screenshotPath('30-matrix') })

    await page.getByTestId('matrix-measure').selectOption('coverage')
    const c = await demo.api('analysis:matrix', { by: 'cases', measure: 'coverage' })
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('coverage')
    for (const [i, j] of [[1, 0], [3, 1], [6, 9]] as const) {
      expect(await cell(page, c.rows[i]!.codeId, j).textContent()).toBe(shownCoverage(c, i, j))
    }
    await page.getByTestId('matrix-measure').selectOption('segments')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('segments')
  })

  it('sorts the rows by a column and the columns by a row when their headings are clicked', async () => {
    const m = await demo.api('analysis:matrix', { by: 'cases', measure: 'segments' })
    const j = 1
    const byColumn = (dir: 1 | -1) =>
      m.rows.map((r, i) => ({ id: r.codeId, v: m.values[i]![j]!, i })).sort((a, b) => dir * (a.v - b.v) || a.i - b.i).map((x) => x.id)
    const heading = page.locator(`th[data-col-key="case:${m.columns[j]!.id}"] button`)
    await heading.click()
    await expect.poll(() => rowIds(page)).toEqual(byColumn(-1))
    await heading.click()
    await expect.poll(() => rowIds(page)).toEqual(byColumn(1))
    await heading.click()
    await expect.poll(() => rowIds(page)).toEqual(m.rows.map((r) => r.codeId))

    // A row heading orders the columns by that code's counts, largest first.
    const i = 1
    const byRow = m.columns.map((c, k) => ({ key: `case:${c.id}`, v: m.values[i]![k]!, k })).sort((a, b) => b.v - a.v || a.k - b.k).map((x) => x.key)
    await page.locator(`tr[data-code-id="${m.rows[i]!.codeId}"] th button`).click()
    await expect.poll(() => columnKeys(page)).toEqual(byRow)
    // The cells moved with their headings.
    const first = m.columns.findIndex((c) => `case:${c.id}` === byRow[0])
    const cells = await page.$$eval(`tr[data-code-id="${m.rows[i]!.codeId}"] td.mx-cell`, (tds) => tds.map((td) => Number(td.textContent)))
    expect(cells[0]).toBe(m.values[i]![first])
    expect(cells).toEqual([...cells].sort((a, b) => b - a))
  })

  it('writes the matrix as shown to CSV that csv-parse reads back as the table (; decimal comma, BOM)', async () => {
    // Rows sorted by the total, columns still by the row heading clicked before.
    await page.getByTestId('sort-total').click()
    const m = await demo.api('analysis:matrix', { by: 'cases', measure: 'segments' })
    const ids = await rowIds(page)
    const keys = await columnKeys(page)
    const text = await exportCsv(page, 'export-wide', { delimiter: ';', decimalComma: true, bom: true })
    expect(text.startsWith('\uFEFFcode;')).toBe(true)
    const rows = parse(text, { delimiter: ';', bom: true }) as string[][]
    const label = (key: string) => m.columns.find((c) => `case:${c.id}` === key)!.label
    expect(rows[0]).toEqual(['code', ...keys.map(label), 'total'])
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual(ids.map((id) => m.rows.find((r) => r.codeId === id)!.path))
    // Every number equals the table on screen.
    const shown = await page.$$eval('[data-testid="matrix"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/,/g, ''))))
    expect(rows.slice(1, -1).map((r) => r.slice(1))).toEqual(shown)
    expect(rows.at(-1)).toEqual(['total', ...keys.map((k) => String(m.columnTotals[m.columns.findIndex((c) => `case:${c.id}` === k)])), String(m.total)])

    // Unsorted, the same export is the core's own wide export byte for byte.
    await page.getByTestId('sort-total').click()
    await page.getByTestId('sort-total').click()
    for (let k = 0; k < 3; k++) await page.getByTestId('sort-columns-total').click()
    await expect.poll(() => rowIds(page)).toEqual(m.rows.map((r) => r.codeId))
    await expect.poll(() => columnKeys(page)).toEqual(m.columns.map((c) => `case:${c.id}`))
    const plain = await exportCsv(page, 'export-wide', { delimiter: ',', decimalComma: false, bom: false })
    expect(plain).toBe(await demo.api('export:matrix', { by: 'cases', measure: 'segments' }))

    // Long form: one value per line, totals included; coverage with decimal commas.
    await page.getByTestId('matrix-measure').selectOption('coverage')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('coverage')
    const long = parse(await exportCsv(page, 'export-long', { delimiter: ';', decimalComma: true, bom: true }), { delimiter: ';', bom: true }) as string[][]
    const cov = await demo.api('analysis:matrix', { by: 'cases', measure: 'coverage' })
    expect(long[0]).toEqual(['row', 'column', 'measure', 'value', 'areas'])
    expect(long).toHaveLength(1 + cov.rows.length * cov.columns.length + cov.rows.length + cov.columns.length + 1)
    expect(Number(long[2]![3]!.replace(',', '.'))).toBeCloseTo(cov.values[0]![1]!, 12)
    await page.getByTestId('matrix-measure').selectOption('segments')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('segments')

    const codings = parse(await exportCsv(page, 'export-codings', { delimiter: ',', decimalComma: false, bom: false }), { columns: true }) as Record<string, string>[]
    expect(codings).toHaveLength(m.total!)

    // The memos, as the core writes them.
    const coder = (await demo.api('coders:list', {})).find((c) => c.name === 'Anna de Vries')!
    await demo.api('memos:save', { targetType: 'study', targetId: null, coderId: coder.id, body: 'Studiememo; met "quotes"', actingCoderId: coder.id })
    const memos = parse(await exportCsv(page, 'export-memos', { delimiter: ',', decimalComma: false, bom: false }), { columns: true }) as Record<string, string>[]
    expect(memos.map((r) => [r.about, r.coder, r.memo])).toEqual([['study', 'Anna de Vries', 'Studiememo; met "quotes"']])
    await demo.api('history:undo', {}) // the tests after this one start with nothing to undo
  })

  it('names area codings beside coverage, lists them behind the cell, and writes coverage as shown', async () => {
    const before = await demo.api('analysis:matrix', { by: 'cases', measure: 'coverage' })
    // A code and case without any evidence yet: an area coding there is all the cell holds.
    const empty = before.values.flatMap((row, i) => row.map((v, j) => ({ i, j, v }))).find(({ i, j, v }) =>
      v === 0 && before.areas!.values[i]![j] === 0 && before.columns[j]!.kind === 'case')!
    const codeId = before.rows[empty.i]!.codeId
    const doc = (await demo.api('documents:list', {})).find((d) => d.caseId === before.columns[empty.j]!.id)!
    const anna = (await demo.api('coders:list', {})).find((c) => c.name === 'Anna de Vries')!
    await demo.api('codings:createArea', { documentId: doc.id, codeId, coderId: anna.id, page: 1, rect: { x: 0.2, y: 0.2, w: 0.3, h: 0.1 } })
    await page.getByTestId('matrix-measure').selectOption('coverage')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('coverage')
    const c = await demo.api('analysis:matrix', { by: 'cases', measure: 'coverage' })
    expect(c.areas!.values[empty.i]![empty.j]).toBe(1)
    await expect.poll(() => cell(page, codeId, empty.j).textContent()).toBe('0.0 % + 1 area')
    // Empty cells are blank, not "0.0 %".
    const blank = c.values.flatMap((row, i) => row.map((v, j) => ({ i, j, v }))).find(({ i, j, v }) => v === 0 && c.areas!.values[i]![j] === 0)!
    expect(await cell(page, c.rows[blank.i]!.codeId, blank.j).textContent()).toBe('')
    await cell(page, codeId, empty.j).scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('39-coverage-areas') })
    // The drill-down lists the area.
    await cell(page, codeId, empty.j).click()
    await expect.poll(() => page.getByTestId('segment-item').count()).toBe(1)
    expect(await page.getByTestId('segment-item').first().textContent()).toMatch(/area/i)

    // As shown: the percentages on screen (one decimal), blanks where the table is blank.
    const shownCsv = parse(await exportCsv(page, 'export-wide', { delimiter: ',', decimalComma: false, bom: false }), { relax_column_count: false }) as string[][]
    expect(shownCsv[0]!.slice(0, 1)).toEqual(['code (% of text)'])
    expect(shownCsv[0]!.at(-1)).toBe('areas')
    const onScreen = await page.$$eval('[data-testid="matrix"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!)))
    // The number before " %" on screen, and the CSV's cell, as numbers (0.0 % is written 0).
    const asNumber = (text: string) => (text === '' ? '' : String(Number(text.replace(/ %.*$/, ''))))
    onScreen.forEach((row, r) => expect(shownCsv[r + 1]!.slice(1, row.length + 1).map(asNumber)).toEqual(row.map(asNumber)))
    expect(onScreen.flat().some((x) => /^\d+\.\d %$/.test(x) && x !== '0.0 %')).toBe(true)
    await page.getByTestId('matrix-measure').selectOption('segments')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('segments')
    await demo.api('history:undo', {})
  })

  it('exports the matrix as shown to an Excel workbook, and all tables in one', async () => {
    await page.getByTestId('matrix-measure').selectOption('coverage')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('coverage')
    await page.getByTestId('sort-total').click()
    const ids = await rowIds(page)
    await page.getByTestId('export').click()
    await page.getByTestId('format-xlsx').click()
    // Excel has no CSV options; tables without a sheet are not offered.
    expect(await page.getByTestId('csv-delimiter').count()).toBe(0)
    await page.screenshot({ path: screenshotPath('41-export-menu-excel') })
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-wide').click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const [sheet] = readXlsx(readFileSync((await download.path())!))
    const m = await demo.api('analysis:matrix', { by: 'cases', measure: 'coverage' })
    // In the order on screen, real numbers with a percentage format, paths whole.
    expect(sheet!.rows.slice(1, -1).map((r) => r[0]!.value)).toEqual(ids.map((id) => m.rows.find((r) => r.codeId === id)!.path))
    const onScreen = await page.$$eval('[data-testid="matrix"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!)))
    onScreen.forEach((row, r) => row.forEach((text, c) => {
      const cell = sheet!.rows[r + 1]![c + 1]!
      expect(typeof cell.value).toBe('number')
      expect(cell.format).toBe('0.0%')
      if (text !== '') expect(((cell.value as number) * 100).toFixed(1)).toBe(text.replace(/ %.*$/, ''))
    }))
    await renderSheet(browser, sheet!, screenshotPath('42-workbook-matrix'))

    const [all] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workbook').click()])
    const names = readXlsx(readFileSync((await all.path())!)).map((s) => s.name)
    expect(names).toEqual(['Matrix', 'Matrix (long)', 'Codings', 'Co-occurrence', 'Memos', 'Codebook'])
    await page.getByTestId('format-csv').click()
    await page.keyboard.press('Escape')
    await page.getByTestId('sort-total').click()
    await page.getByTestId('sort-total').click()
    await page.getByTestId('matrix-measure').selectOption('segments')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('segments')
  })

  it('draws the saturation curve of new codes and cells per document, as analysis:saturation counts', async () => {
    await page.getByTestId('analysis-tab-saturation').click()
    await page.waitForSelector('[data-testid="saturation"] tbody tr')
    const s = await demo.api('analysis:saturation', {})
    const shown = await page.$$eval('[data-testid="saturation"] tbody tr', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.documentId)))
    expect(shown).toEqual(s.documents.map((d) => d.documentId))
    const last = await page.$$eval('[data-testid="saturation"] tbody tr:last-child td', (tds) => tds.map((td) => td.textContent))
    expect(last.at(-1)).toBe(String(s.documents.at(-1)!.totalCells))
    expect(await page.getByTestId('saturation-codes').getAttribute('points')).toMatch(/^[\d.]+,[\d.]+( [\d.]+,[\d.]+)+$/)
    await page.screenshot({ path: screenshotPath('43-saturation') })
    await page.getByTestId('analysis-tab-matrix').click()
    await page.waitForSelector('[data-testid="matrix"] tbody tr')
  })

  it('takes the CSV defaults from the locale, not the UI language', async () => {
    // An English UI on a Dutch system: Dutch Excel reads ; and decimal commas.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL', acceptDownloads: true })
    await context.addInitScript(() => {
      localStorage.setItem('werkbank.coder', 'Anna de Vries')
      localStorage.setItem('werkbank.lang', 'en')
    })
    const nl = await context.newPage()
    await nl.goto(demo.server.pageUrl)
    await nl.getByTestId('mode-analysis').click()
    await nl.waitForSelector('[data-testid="matrix"] tbody tr')
    await nl.getByTestId('export').click()
    expect(await nl.getByTestId('csv-delimiter').inputValue()).toBe(';')
    expect(await nl.getByTestId('csv-decimal-comma').isChecked()).toBe(true)
    expect(await nl.getByTestId('csv-flatten').isChecked()).toBe(true)
    await nl.screenshot({ path: screenshotPath('40-export-menu-nl-locale') })
    await context.close()
  })

  it('lists the segments behind a cell, and a segment opens the document at its passage', async () => {
    const m = await demo.api('analysis:matrix', { by: 'cases', measure: 'segments' })
    // The fullest cell.
    const { i, j } = m.values.flatMap((row, i) => row.map((v, j) => ({ i, j, v: v ?? 0 }))).sort((a, b) => b.v - a.v)[0]!
    await cell(page, m.rows[i]!.codeId, j).click()
    await expect.poll(() => page.getByTestId('segment-item').count()).toBe(m.values[i]![j])
    const docs = (await demo.api('documents:list', {})).filter((d) => d.caseId === m.columns[j]!.id).map((d) => d.id)
    const expected = (await demo.api('codings:list', { codeIds: [m.rows[i]!.codeId] })).filter((r) => docs.includes(r.documentId))
    const listed = await page.$$eval('[data-testid="segment-item"]', (els) => els.map((el) => Number((el as HTMLElement).dataset.codingId)))
    expect(listed.sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b))
    expect(await page.getByTestId('segments-title').textContent()).toBe(`${m.rows[i]!.path} × ${m.columns[j]!.label}`)
    await page.screenshot({ path: screenshotPath('30-matrix-cell') })

    // The last one (further into the document), in the coding view.
    const target = expected.find((r) => r.id === listed.at(-1))!
    await page.locator(`[data-testid="segment-item"][data-coding-id="${target.id}"]`).click()
    await page.getByTestId('viewer').waitFor()
    await expect.poll(() => page.locator('.page-box input').inputValue()).toBe(String(target.pageFrom))
    expect(await page.locator('.doc-title').textContent()).toBe(target.documentTitle)
    await page.waitForSelector(`.hl-outline.selected[data-coding-id="${target.id}"]`, { timeout: 20_000 })
    const outline = (await page.locator(`.hl-outline.selected[data-coding-id="${target.id}"]`).first().boundingBox())!
    const viewer = (await page.getByTestId('viewer').boundingBox())!
    expect(outline.y).toBeGreaterThan(viewer.y)
    expect(outline.y).toBeLessThan(viewer.y + viewer.height)
    await page.screenshot({ path: screenshotPath('30-matrix-jump') })

    await page.getByTestId('mode-analysis').click()
    await page.waitForSelector('[data-testid="matrix"] tbody tr')
  })

  it('draws the same table as stacked bars per case', async () => {
    const m = await demo.api('analysis:matrix', { by: 'cases', measure: 'segments' })
    await page.getByTestId('view-chart').click()
    await page.getByTestId('chart').waitFor()
    const nonZero = m.values.flat().filter((v) => (v ?? 0) > 0).length
    expect(await page.getByTestId('chart-piece').count()).toBe(nonZero)
    expect(await page.locator('.chart-sum').allTextContents()).toEqual(m.columnTotals.map(String))
    const piece = page.getByTestId('chart-piece').first()
    const r = Number(await piece.getAttribute('data-r'))
    const c = Number(await piece.getAttribute('data-c'))
    await piece.click()
    await expect.poll(() => page.getByTestId('segment-item').count()).toBe(m.values[r]![c])
    await page.screenshot({ path: screenshotPath('31-chart') })
    await page.getByTestId('view-table').click()
  })

  it('shows co-occurrence of codes as analysis:cooccurrence counts them', async () => {
    await page.getByTestId('analysis-tab-cooccurrence').click()
    await page.waitForSelector('[data-testid="cooccurrence"] tbody tr')
    const c = await demo.api('analysis:cooccurrence', { scope: 'overlap' })
    const shown = await page.$$eval('[data-testid="cooccurrence"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))))
    expect(shown).toEqual(c.values)
    await page.screenshot({ path: screenshotPath('32-cooccurrence') })
    await page.getByTestId('cooc-scope').selectOption('document')
    const d = await demo.api('analysis:cooccurrence', { scope: 'document' })
    const cells = () => page.$$eval('[data-testid="cooccurrence"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))))
    await expect.poll(cells).toEqual(d.values)

    // Strongest co-occurrence first: rows and columns in one order, by the sum off the diagonal
    // (worked out here from the core's table), so the table stays the same table.
    await page.getByTestId('cooc-order').check()
    const sum = d.values.map((row, i) => row.reduce((n, v, j) => (j === i ? n : n + v), 0))
    const want = d.rows.map((_, i) => i).sort((a, b) => sum[b]! - sum[a]! || a - b)
    expect(sum[want[0]!]!).toBeGreaterThan(sum[want.at(-1)!]!)
    await expect.poll(cells).toEqual(want.map((i) => want.map((j) => d.values[i]![j]!)))
    const heads = await page.$$eval('[data-testid="cooccurrence"] thead th[data-code-id]', (ths) => ths.map((th) => Number((th as HTMLElement).dataset.codeId)))
    expect(heads).toEqual(want.map((i) => d.rows[i]!.codeId))
    await page.getByTestId('cooc-order').uncheck()
    await expect.poll(cells).toEqual(d.values)
  })

  it('shows per case the evidence per phase beside the assigned phase, flagging where they differ', async () => {
    await page.getByTestId('analysis-tab-phases').click()
    await page.waitForSelector('[data-testid="phases"] tbody tr')
    const p = await demo.api('analysis:phases', {})
    const flagged = await page.$$eval('[data-testid="phases"] tbody tr[data-differs="true"]', (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.caseId)))
    expect(flagged).toEqual(p.cases.filter((c) => c.differs).map((c) => c.caseId))
    expect(flagged.length).toBeGreaterThan(0)
    const first = p.cases[0]!
    const segments = await page.$$eval(`[data-testid="phases"] tr[data-case-id="${first.caseId}"] td[data-phase]`, (tds) => tds.map((td) => Number((td as HTMLElement).dataset.value)))
    expect(segments).toEqual(first.segments)
    await page.screenshot({ path: screenshotPath('33-phases') })
  })

  it('shows the figures of agreement:measure with a plain-language reading, and exports them', async () => {
    await page.getByTestId('analysis-tab-agreement').click()
    await page.waitForSelector('[data-testid="agreement-table"] [data-testid="agreement-total"]')
    const seg = await demo.api('agreement:measure', { coders: CODERS, level: 'segment', overlap: 90 })
    const total = page.getByTestId('agreement-total')
    expect(await total.locator('td[data-k="units"]').textContent()).toBe(String(seg.total.units))
    expect(await total.locator('td[data-k="percent"]').textContent()).toBe(pct(seg.total.percent.value!))
    expect(await total.locator('td[data-k="kappa"]').textContent()).toBe(coef(seg.total.kappa.value!))
    expect(await total.locator('td[data-k="reading"]').textContent()).toBe(`${band(seg.total.kappa.value!)} (on κ)`)
    const rows = page.getByTestId('agreement-row')
    expect(await rows.count()).toBe(seg.byCode.length)
    for (const k of [0, 7, 13]) {
      const r = seg.byCode[k]!
      const row = page.locator(`[data-testid="agreement-row"][data-code-id="${r.codeId}"]`)
      expect(await row.locator('td[data-k="kappa"]').textContent()).toBe(coef(r.kappa.value!))
      expect(await row.locator('td[data-k="reading"]').textContent()).toBe(`${band(r.kappa.value!)} (on κ)`)
    }
    expect(await page.getByTestId('reading-legend').textContent()).toContain('α ≥ 0.800 reliable')

    await page.getByTestId('agreement-level').selectOption('character')
    await expect.poll(() => page.getByTestId('agreement-table').getAttribute('data-level')).toBe('character')
    const chr = await demo.api('agreement:measure', { coders: CODERS, level: 'character' })
    const alpha = chr.total.alpha!
    expect(await total.locator('td[data-k="alpha"]').textContent()).toBe(`${coef(alpha.value!)} [${coef(alpha.low!)}; ${coef(alpha.high!)}]`)
    expect(await total.locator('td[data-k="reading"]').textContent()).toBe(`${band(alpha.value!)} (on α)`)
    await page.screenshot({ path: screenshotPath('34-agreement') })

    const csv = parse(await exportCsv(page, 'export-agreement', { delimiter: ',', decimalComma: false, bom: false }), { columns: true }) as Record<string, string>[]
    expect(csv).toHaveLength(chr.byCode.length + 1)
    const last = csv.at(-1)!
    expect(last.code).toBe('total')
    expect(Number(last.alpha)).toBeCloseTo(alpha.value!, 12)
    expect(Number(last.kappa)).toBeCloseTo(chr.total.kappa.value!, 12)
    expect(last.reading).toBe(`${band(alpha.value!)} (on α)`)
    await page.getByTestId('agreement-level').selectOption('segment')
  })

  it('settles a disagreement into the consensus coder: it leaves the list, and undo brings it back', async () => {
    await page.getByTestId('analysis-tab-disagreements').click()
    const all = await demo.api('agreement:disagreements', { coders: CODERS, overlap: 90 })
    await expect.poll(() => page.getByTestId('disagreement').count()).toBe(all.length)
    expect(await page.getByTestId('review-summary').textContent()).toBe(`${all.length} open · 0 settled · ${all.length} places`)

    // A place where both coders coded, but differently.
    const d = all.find((x) => x.missing.length === 0 && x.overlap > 30)!
    await page.locator(`[data-key="${d.key}"]`).click()
    const ids = d.segments.map((s) => String(s.codingId))
    await page.waitForFunction(
      (want) => [...document.querySelectorAll<HTMLElement>('[data-testid="disagreement-page"] canvas.hl-canvas')].some((c) => want.every((id) => (c.dataset.codingIds ?? '').split(' ').includes(id))),
      ids,
      { timeout: 20_000 },
    )
    // Each coder named in the stripes beside the page.
    expect(new Set(await page.locator('[data-testid="disagreement-page"] .stripe-label').allTextContents())).toEqual(new Set(CODERS))
    await page.screenshot({ path: screenshotPath('35-disagreements') })

    const anna = d.segments.filter((s) => s.coder === CODERS[0])
    await page.getByTestId('accept-0').click()
    await expect.poll(() => page.locator(`[data-key="${d.key}"]`).count()).toBe(0)
    await expect.poll(() => page.getByTestId('review-summary').textContent()).toBe(`${all.length - 1} open · 1 settled · ${all.length} places`)
    const settled = (await demo.api('agreement:disagreements', { coders: CODERS, overlap: 90 })).find((x) => x.key === d.key)!
    expect(settled.consensus.map((s) => [s.start, s.end])).toEqual(anna.map((s) => [s.start, s.end]))
    expect((await demo.api('history:state', {})).undoLabel).toBe('agreement-settle')

    await page.getByTestId('undo-decision').click()
    await expect.poll(() => page.locator(`[data-key="${d.key}"]`).count()).toBe(1)
    await expect.poll(() => page.getByTestId('review-summary').textContent()).toBe(`${all.length} open · 0 settled · ${all.length} places`)
    expect((await demo.api('agreement:disagreements', { coders: CODERS, overlap: 90 })).find((x) => x.key === d.key)!.consensus).toEqual([])

    // "Neither" leaves nothing in the file to undo; the list still forgets and recalls it.
    await page.locator(`[data-key="${d.key}"]`).click()
    await page.keyboard.press('n')
    await expect.poll(() => page.locator(`[data-key="${d.key}"]`).count()).toBe(0)
    await page.getByTestId('undo-decision').click()
    await expect.poll(() => page.locator(`[data-key="${d.key}"]`).count()).toBe(1)
    expect((await demo.api('history:state', {})).canUndo).toBe(false)
  })

  it('remembers the analysis choices of this study across a reload', async () => {
    await page.getByTestId('analysis-tab-matrix').click()
    await page.getByTestId('matrix-by').selectOption('documents')
    await page.getByTestId('matrix-measure').selectOption('coverage')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('coverage')
    await page.reload()
    await page.getByTestId('mode-analysis').click()
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('coverage')
    expect(await page.getByTestId('matrix-by').inputValue()).toBe('documents')
    expect(await page.getByTestId('matrix-measure').inputValue()).toBe('coverage')
    const m = await demo.api('analysis:matrix', { by: 'documents', measure: 'coverage' })
    expect(await columnKeys(page)).toEqual(m.columns.map((c) => `document:${c.id}`))
    // Back to what the tests before expect.
    await page.getByTestId('matrix-by').selectOption('cases')
    await page.getByTestId('matrix-measure').selectOption('segments')
    await expect.poll(() => page.getByTestId('matrix').getAttribute('data-measure')).toBe('segments')
  })

  it('loads without CSP violations or script errors', () => {
    expect(problems).toEqual([])
  })
})

describe('a matrix of 100 codes × 200 documents', () => {
  const tmp = tempDir('werkbank-analysis-big-')
  const uiDir = join(tmp.dir, 'ui')
  const problems: string[] = []
  let browser: Browser
  let big: Running

  beforeAll(async () => {
    const built = buildUi(uiDir)
    const studyPath = join(tmp.dir, 'big.werkbank')
    await buildWideMatrixStudy(tmp.dir, studyPath)
    await built
    browser = await launchChromium()
    big = await open(browser, studyPath, uiDir, problems)
  })

  afterAll(async () => {
    await browser?.close()
    await big?.server.close()
    tmp.remove()
  })

  // How fast is measured by `npm run bench -- ui` (test/bench/ui.bench.ts), not here: a timed
  // assertion fails on a busy machine, not on a slow table.
  it('renders the codes × documents table whole, and sorts it without asking the core again', async () => {
    const page = big.page
    await page.goto(big.server.pageUrl)
    await page.getByTestId('mode-analysis').click()
    await page.waitForSelector('[data-testid="matrix"] tbody tr')
    await page.evaluate(() => performance.clearMeasures('werkbank:matrix-render'))
    await page.getByTestId('matrix-by').selectOption('documents')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="matrix"] thead th[data-col-key]').length === 200, undefined, { timeout: 10_000 })
    expect(await page.locator('[data-testid="matrix"] tbody tr').count()).toBe(100)
    expect(await page.locator('[data-testid="matrix"] td.mx-cell').count()).toBe(100 * 200)
    // The view marks each render, which the benchmark reads.
    expect(await page.evaluate(() => performance.getEntriesByName('werkbank:matrix-render').length)).toBeGreaterThan(0)

    const m = await big.api('analysis:matrix', { by: 'documents', measure: 'segments' })
    expect(await page.getByTestId('matrix-total').textContent()).toBe(en(0).format(m.total!))
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.getByTestId('sort-total').click()
    const want = m.rows.map((r, i) => ({ id: r.codeId, v: m.rowTotals[i]!, i })).sort((a, b) => b.v - a.v || a.i - b.i).map((x) => x.id)
    await expect.poll(() => rowIds(page)).toEqual(want)
    expect(requests.filter((u) => u.includes('/api/'))).toEqual([])
    expect(problems).toEqual([])
  })
})
