/**
 * The workbench UI in Chromium against browser mode (issue "Coding workbench UI"):
 * - time from opening the generated 500-page report to its first page drawn with its text
 *   layer (target: under 1 s);
 * - JS heap after scrolling through all 500 pages, read after 50, 250 and 500 pages (after a
 *   forced garbage collection; target: bounded, not growing with the pages seen);
 * - time to draw the highlights of a page that holds 2,000 codings: measuring them on the text
 *   layer and painting them, read from the viewer's own `werkbank:highlights` measure (target:
 *   under one frame, 16 ms);
 * - the matrix view at 100 codes × 200 documents: render, columns chosen → table, sort.
 * The page marks `werkbank:open-document` and `werkbank:page-ready` come from the viewer.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startServer } from '../../electron/server'
import { StudySession } from '../../electron/core/study-session'
import { buildUi } from '../e2e/build-ui'
import { hasChromium, launchChromium } from '../e2e/harness'
import { ensureLongReport, LONG_REPORT_PAGES } from '../fixtures/fixtures'
import { buildWideMatrixStudy, WIDE_CODES, WIDE_DOCUMENTS } from '../fixtures/wide-matrix-study'
import type { BenchRow } from './run'

const CODINGS_ON_PAGE = 2000
const DENSE_PAGE = 120
const CODES = 50

interface Prepared {
  studyPath: string
  documentId: number
  densePage: number
}

/** A study with the long report and 2,000 codings on one page (50 codes × 40 passages, 2 coders). */
async function prepare(dir: string): Promise<Prepared> {
  const long = await ensureLongReport()
  const studyPath = join(dir, 'ui-bench.werkbank')
  const s = await StudySession.open(studyPath, { create: true })
  try {
    const [outcome] = await s.importer.importFiles([long])
    if (outcome?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`)
    const documentId = outcome.documentId
    const coders = [s.ensureCoder('Anna'), s.ensureCoder('Ben')]
    const codes = Array.from({ length: CODES }, (_, i) => s.codebook.create({ parentId: null, name: `Code ${i + 1}`, colour: `#${((i * 2654435761) >>> 8 & 0xffffff).toString(16).padStart(6, '0')}` }))
    const pages = s.documents.pages(documentId)
    // The first page from DENSE_PAGE on with enough text for 40 passages per code.
    const dense = pages.find((p) => p.pageNo >= DENSE_PAGE && p.text.length >= 1600) ?? pages.find((p) => p.text.length >= 1600)
    if (!dense) throw new Error('no page with enough text')
    const per = CODINGS_ON_PAGE / CODES
    const slot = Math.floor(dense.text.length / per)
    for (const [i, code] of codes.entries()) {
      for (let j = 0; j < per; j++) {
        // Passages of one code never touch (they would be joined into one): each has its own slot.
        const start = dense.startOffset + j * slot + (i % 7)
        const length = 4 + ((i * 3 + j * 5) % Math.max(5, slot - 12))
        s.codings.create({ documentId, codeId: code.id, coderId: coders[(i + j) % 2]!.id, start, end: start + length })
      }
    }
    const onPage = s.codings.list({ documentId }).filter((c) => c.pageFrom <= dense.pageNo && c.pageTo >= dense.pageNo).length
    if (onPage !== CODINGS_ON_PAGE) throw new Error(`expected ${CODINGS_ON_PAGE} codings on page ${dense.pageNo}, got ${onPage}`)
    return { studyPath, documentId, densePage: dense.pageNo }
  } finally {
    await s.close()
  }
}

/** Milliseconds from opening the document to page `pageNo` drawn with its text layer, in the page's clock. */
async function openTime(page: Page, documentId: number): Promise<{ ms: number; parts: string }> {
  await page.evaluate(() => {
    for (const m of ['open-document', 'pages-loaded', 'pdf-fetched', 'pdf-opened', 'page-ready']) performance.clearMarks(`werkbank:${m}`)
  })
  await page.click(`[data-testid="doc-${documentId}"]`)
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async () => {
    const deadline = performance.now() + 30_000
    let done: PerformanceEntry | undefined
    while (!done && performance.now() < deadline) {
      done = performance.getEntriesByName('werkbank:page-ready').find((e) => (e as PerformanceMark).detail?.page === 1)
      if (!done) await new Promise((r) => setTimeout(r, 5))
    }
    const open = performance.getEntriesByName('werkbank:open-document')[0]
    if (!open || !done) throw new Error('the first page was not drawn')
    const [text, pdf, opened] = ['pages-loaded', 'pdf-fetched', 'pdf-opened'].map((m) => Math.round((performance.getEntriesByName(`werkbank:${m}`)[0]?.startTime ?? NaN) - open.startTime))
    return { ms: done.startTime - open.startTime, parts: `text ${text}, pdf ${pdf}, opened ${opened}` }
  })
}

/** Scrolls page by page from `from` to `to`, each time until the page stands drawn with its text layer. */
async function scrollThrough(page: Page, from: number, to: number): Promise<void> {
  await page.evaluate(async ({ from, to }) => {
    const root = document.querySelector<HTMLElement>('[data-testid="viewer"]')!
    for (let p = from; p <= to; p++) {
      const el = root.querySelector<HTMLElement>(`[data-page-no="${p}"]`)!
      root.scrollTop = el.offsetTop
      const deadline = performance.now() + 10_000
      while (!el.querySelector('.textLayer .endOfContent') && performance.now() < deadline) await new Promise((r) => requestAnimationFrame(r))
    }
  }, { from, to })
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    return Math.round((usedSize / 1024 / 1024) * 10) / 10
  } finally {
    await cdp.detach()
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

export async function run(): Promise<BenchRow[]> {
  if (!hasChromium()) return [{ name: 'ui', note: 'skipped: no Chromium at /usr/bin/chromium' }]
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-ui-bench-'))
  const rows: BenchRow[] = []
  try {
    const built = buildUi(join(dir, 'ui'))
    const { studyPath, documentId, densePage } = await prepare(dir)
    await built
    const server = await startServer({ studyPath, uiDir: join(dir, 'ui'), log: () => undefined })
    const browser = await launchChromium()
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })
      await context.addInitScript(() => localStorage.setItem('werkbank.coder', 'Anna'))
      const page = await context.newPage()

      // 1. Opening the 500-page report: first page with its text layer. The first run includes
      //    loading pdf.js's worker; the next runs reopen from a fresh page (no workspace restore).
      const opens: number[] = []
      const parts: string[] = []
      for (let i = 0; i < 4; i++) {
        await page.goto(server.pageUrl)
        await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('werkbank.workspace:')).forEach((k) => localStorage.removeItem(k)))
        await page.reload()
        await page.waitForSelector(`[data-testid="doc-${documentId}"]`)
        const o = await openTime(page, documentId)
        opens.push(o.ms)
        parts.push(o.parts)
      }
      rows.push({ name: `open ${LONG_REPORT_PAGES}-page report → page 1 drawn with text layer (first)`, ms: opens[0]!, note: `target < 1000 ms; ms after opening: ${parts[0]}` })
      rows.push({ name: `open ${LONG_REPORT_PAGES}-page report → page 1 drawn with text layer (median of ${opens.length - 1} more)`, ms: median(opens.slice(1)), note: `${opens.slice(1).map((o) => Math.round(o)).join(', ')} ms; last: ${parts[parts.length - 1]}` })

      // 2. Heap while scrolling through every page.
      const heap0 = await heapMb(page)
      rows.push({ name: 'JS heap, document open at page 1', mb: heap0 })
      const t0 = performance.now()
      let at = 1
      for (const upto of [50, 250, LONG_REPORT_PAGES]) {
        await scrollThrough(page, at, upto)
        at = upto + 1
        const rendered = await page.$$eval('.page canvas.page-canvas', (els) => els.length)
        rows.push({ name: `JS heap after scrolling through ${upto} pages`, mb: await heapMb(page), note: `${rendered} pages rendered now` })
      }
      const scrollMs = performance.now() - t0
      rows.push({ name: `scroll through ${LONG_REPORT_PAGES} pages, each until drawn`, ms: scrollMs, note: `${Math.round(scrollMs / LONG_REPORT_PAGES)} ms per page` })

      // 3. A page with 2,000 codings: measure + paint, cold (first draw; garbage from the scroll
      //    collected first, so that a collection is not billed to the drawing), then after each
      //    of 6 zoom steps (a new text layer every time, measured afresh).
      await heapMb(page)
      await page.evaluate(() => performance.clearMeasures('werkbank:highlights'))
      await page.locator('.page-box input').fill(String(densePage))
      await page.keyboard.press('Enter')
      await page.waitForSelector(`[data-page-no="${densePage}"] .textLayer .endOfContent`, { state: 'attached', timeout: 30_000 })
      type Draw = { ms: number; measureMs: number; paintMs: number }
      const drawn = async (): Promise<Draw> => {
        await page.waitForFunction((n) => performance.getEntriesByName('werkbank:highlights').some((e) => (e as PerformanceMeasure).detail?.page === n && (e as PerformanceMeasure).detail?.codings > 0 && document.querySelector(`[data-page-no="${n}"] canvas.hl-canvas`)?.getAttribute('data-coding-ids')?.split(' ').length === 2000), densePage, { timeout: 30_000 })
        const all = await page.evaluate((n) => performance.getEntriesByName('werkbank:highlights').filter((e) => (e as PerformanceMeasure).detail?.page === n && (e as PerformanceMeasure).detail?.codings > 0).map((e) => ({ ms: e.duration, measureMs: (e as PerformanceMeasure).detail.measureMs as number, paintMs: (e as PerformanceMeasure).detail.paintMs as number })), densePage)
        await page.evaluate(() => performance.clearMeasures('werkbank:highlights'))
        return all.reduce((a, b) => (b.ms > a.ms ? b : a))
      }
      const first = await drawn()
      const painted = await page.$eval(`[data-page-no="${densePage}"] canvas.hl-canvas`, (c) => (c.getAttribute('data-coding-ids') ?? '').split(' ').filter(Boolean).length)
      rows.push({ name: `draw highlights of a page with ${CODINGS_ON_PAGE} codings (measure + paint, first draw)`, ms: first.ms, note: `target < 16 ms; measure ${first.measureMs.toFixed(1)} + paint ${first.paintMs.toFixed(1)} ms; ${painted} painted` })
      const again: Draw[] = []
      for (const button of ['Zoom in', 'Zoom in', 'Zoom out', 'Zoom out', 'Zoom out', 'Zoom in']) {
        await page.getByRole('button', { name: button }).click()
        await page.waitForTimeout(250)
        await page.locator(`[data-page-no="${densePage}"]`).scrollIntoViewIfNeeded()
        again.push(await drawn())
      }
      const ms = again.map((d) => d.ms)
      rows.push({ name: `draw highlights of a page with ${CODINGS_ON_PAGE} codings (after each of ${again.length} zooms)`, ms: median(ms), note: `target < 16 ms; median, max ${Math.max(...ms).toFixed(1)} ms; ${ms.map((x) => x.toFixed(1)).join(', ')}` })
      // Selecting one of them redraws outlines only, not the canvas.
      await page.evaluate(() => performance.clearMeasures('werkbank:highlights'))
      const stripe = page.locator(`[data-testid="stripes-${densePage}"] .stripe`).first()
      await stripe.click()
      await page.locator('.hl-outline.selected').first().waitFor()
      const after = await page.evaluate((n) => performance.getEntriesByName('werkbank:highlights').filter((e) => (e as PerformanceMeasure).detail?.page === n).length, densePage)
      rows.push({ name: 'canvas redraws when a coding is selected', note: String(after) })
    } finally {
      await browser.close()
      await server.close()
    }
    rows.push(...(await matrixRows(dir)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

/**
 * The matrix view at 100 codes × 200 documents (issue "Cross-project matrices…": it stays
 * responsive): the view's own `werkbank:matrix-render` measure (building the table's rows and
 * cells), the time from choosing document columns to all 200 standing in the page (the core's
 * answer included), and a sort by row totals (in the page, without the core).
 */
async function matrixRows(dir: string): Promise<BenchRow[]> {
  const studyPath = join(dir, 'wide.werkbank')
  await buildWideMatrixStudy(dir, studyPath)
  const server = await startServer({ studyPath, uiDir: join(dir, 'ui'), log: () => undefined })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })
    await context.addInitScript(() => localStorage.setItem('werkbank.coder', 'Anna de Vries'))
    const page = await context.newPage()
    await page.goto(server.pageUrl)
    await page.getByTestId('mode-analysis').click()
    await page.waitForSelector('[data-testid="matrix"] tbody tr')
    const renders: number[] = []
    const shown: number[] = []
    const sorts: number[] = []
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('matrix-by').selectOption('coders')
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="matrix"] thead th[data-col-key]').length === 1)
      await page.evaluate(() => performance.clearMeasures('werkbank:matrix-render'))
      const t0 = await page.evaluate(() => performance.now())
      await page.getByTestId('matrix-by').selectOption('documents')
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="matrix"] thead th[data-col-key]').length === 200, undefined, { timeout: 30_000 })
      shown.push((await page.evaluate(() => performance.now())) - t0)
      renders.push(await page.evaluate(() => Math.max(...performance.getEntriesByName('werkbank:matrix-render').map((e) => e.duration))))
      const s0 = await page.evaluate(() => performance.now())
      await page.getByTestId('sort-total').click()
      await page.waitForFunction(() => document.querySelector('[data-testid="sort-total"]')?.closest('th')?.getAttribute('aria-sort') === 'descending')
      sorts.push((await page.evaluate(() => performance.now())) - s0)
      await page.getByTestId('sort-total').click() // ascending
      await page.getByTestId('sort-total').click() // back to the codebook order
    }
    const note = (xs: number[]) => `median of ${xs.length}; ${xs.map((x) => Math.round(x)).join(', ')} ms`
    return [
      { name: `matrix ${WIDE_CODES} codes × ${WIDE_DOCUMENTS} documents: render (the view's measure)`, ms: median(renders), note: note(renders) },
      { name: `matrix ${WIDE_CODES} codes × ${WIDE_DOCUMENTS} documents: from choosing the columns to the table`, ms: median(shown), note: note(shown) },
      { name: `matrix ${WIDE_CODES} codes × ${WIDE_DOCUMENTS} documents: sort by row totals`, ms: median(sorts), note: note(sorts) },
    ]
  } finally {
    await browser.close()
    await server.close()
  }
}
