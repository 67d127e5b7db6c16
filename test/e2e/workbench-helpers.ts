/**
 * What the workbench's end-to-end tests share: a study, browser mode and a Chromium page per
 * test file, and the gestures a reader makes (select words, drag a rectangle) with the
 * readings the tests compare (text-layer boxes, highlight outlines, painted pixels).
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Args, Method, Result } from '../../shared/api'
import { startServer, type RunningServer } from '../../electron/server'
import type { StudySession } from '../../electron/core/study-session'
import { buildUi } from './build-ui'
import { apiCall, launchChromium, tempDir, withStudy } from './harness'

export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

export type StudyCall = <M extends Method>(method: M, args: Args<M>) => Promise<Result<M>>

export interface Workbench {
  server: RunningServer
  browser: Browser
  context: BrowserContext
  page: Page
  /** Console errors, page errors and server log lines seen so far. */
  problems: string[]
  api<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>
  close(): Promise<void>
}

/**
 * Builds the UI, prepares a study with `seed`, starts browser mode and opens a page. With
 * `coder`, the page starts as that coder (no prompt).
 */
export async function openWorkbench(
  prefix: string,
  seed: (call: StudyCall, session: StudySession) => Promise<void>,
  options: { coder?: string; viewport?: { width: number; height: number }; lang?: 'nl' | 'en'; copyOf?: string } = {},
): Promise<Workbench> {
  const tmp = tempDir(`werkbank-${prefix}-`)
  const studyPath = join(tmp.dir, `${prefix}.werkbank`)
  const built = buildUi(join(tmp.dir, 'ui'))
  // A copy of a ready study (the demo), seeded further, or a new one.
  if (options.copyOf) copyFileSync(options.copyOf, studyPath)
  await withStudy(studyPath, seed)
  await built
  const problems: string[] = []
  const server = await startServer({ studyPath, uiDir: join(tmp.dir, 'ui'), log: (l) => problems.push(l) })
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, locale: 'en-US' })
  if (options.coder || options.lang) {
    await context.addInitScript(({ coder, lang }) => {
      if (!sessionStorage.getItem('werkbank.init')) {
        sessionStorage.setItem('werkbank.init', '1')
        if (coder) localStorage.setItem('werkbank.coder', coder)
        if (lang) localStorage.setItem('werkbank.lang', lang)
      }
    }, { coder: options.coder ?? '', lang: options.lang ?? '' })
  }
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|differs from the stored page text/i.test(m.text())) problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  return {
    server,
    browser,
    context,
    page,
    problems,
    api: (method, args) => apiCall(server.url, server.token, method, args),
    async close() {
      await browser.close()
      await server.close()
      tmp.remove()
    },
  }
}

/** Waits until the coder is set (the coder menu shows the name). */
export async function coderIs(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (n) => (document.querySelector<HTMLSelectElement>('[data-testid="coder-select"]')?.selectedOptions[0]?.textContent ?? '') === n,
    name,
  )
}

export async function openDocument(page: Page, documentId: number, pageNo = 1): Promise<void> {
  await page.click(`[data-testid="doc-${documentId}"]`)
  await waitForPage(page, pageNo)
}

/** Waits until a page stands rendered with its text layer. */
export async function waitForPage(page: Page, pageNo: number): Promise<void> {
  await page.waitForSelector(`[data-page-no="${pageNo}"] .textLayer .endOfContent`, { state: 'attached', timeout: 20_000 })
}

/** Viewport box of `needle` in the text layer of a page (within one item), with that item and where in it. */
export async function textBox(page: Page, pageNo: number, needle: string): Promise<Box & { item: number; from: number; text: string }> {
  return page.evaluate(
    ({ pageNo, needle }) => {
      const spans = document.querySelectorAll<HTMLElement>(`[data-page-no="${pageNo}"] .textLayer span[data-i]`)
      for (const span of spans) {
        const text = span.firstChild as Text | null
        const from = text?.data.indexOf(needle) ?? -1
        if (!text || from < 0) continue
        const r = document.createRange()
        r.setStart(text, from)
        r.setEnd(text, from + needle.length)
        const b = r.getBoundingClientRect()
        return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, item: Number(span.dataset.i), from, text: r.toString() }
      }
      throw new Error(`"${needle}" is not in the text layer of page ${pageNo}`)
    },
    { pageNo, needle },
  )
}

/** Drags the mouse over `needle` on a page, as a reader selects. */
export async function dragSelect(page: Page, pageNo: number, needle: string): Promise<void> {
  const points = await page.evaluate(
    ({ pageNo, needle }) => {
      const spans = document.querySelectorAll<HTMLElement>(`[data-page-no="${pageNo}"] .textLayer span[data-i]`)
      for (const span of spans) {
        const text = span.firstChild as Text | null
        const from = text?.data.indexOf(needle) ?? -1
        if (!text || from < 0) continue
        const r = document.createRange()
        r.setStart(text, from)
        r.setEnd(text, from + 1)
        const a = r.getBoundingClientRect()
        r.setStart(text, from + needle.length - 1)
        r.setEnd(text, from + needle.length)
        const b = r.getBoundingClientRect()
        return { x1: a.left + 1, y1: (a.top + a.bottom) / 2, x2: b.right - 1, y2: (b.top + b.bottom) / 2 }
      }
      throw new Error(`"${needle}" is not on page ${pageNo}`)
    },
    { pageNo, needle },
  )
  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  await page.mouse.move(points.x1, points.y1)
  await page.mouse.down()
  await page.mouse.move((points.x1 + points.x2) / 2, points.y2, { steps: 4 })
  await page.mouse.move(points.x2, points.y2, { steps: 4 })
  await page.mouse.up()
}

/** Boxes of the outlines drawn for a coding (selected or hovered). */
export async function outlineBoxes(page: Page, codingId: number, kind: 'selected' | 'hovered' = 'selected'): Promise<Box[]> {
  return page.$$eval(`.hl-outline.${kind}[data-coding-id="${codingId}"]`, (els) =>
    els.map((el) => {
      const b = el.getBoundingClientRect()
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom }
    }),
  )
}

/** The colour painted on a page's highlight canvas at a point of the viewport ([r, g, b, a]). */
export async function paintedAt(page: Page, pageNo: number, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ({ pageNo, x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-page-no="${pageNo}"] canvas.hl-canvas`)
      if (!canvas) throw new Error(`page ${pageNo} has no highlight canvas`)
      const b = canvas.getBoundingClientRect()
      const px = Math.floor(((x - b.left) / b.width) * canvas.width)
      const py = Math.floor(((y - b.top) / b.height) * canvas.height)
      return Array.from(canvas.getContext('2d')!.getImageData(px, py, 1, 1).data)
    },
    { pageNo, x, y },
  )
}

/** Waits until a coding is painted on a page's highlight canvas. */
export async function waitPainted(page: Page, pageNo: number, codingId: number, state: 'painted' | 'gone' = 'painted'): Promise<void> {
  const sel = `[data-page-no="${pageNo}"] canvas.hl-canvas`
  await page.waitForFunction(
    ({ sel, id, want }) => {
      const c = document.querySelector<HTMLElement>(sel)
      if (!c) return want === 'gone'
      const ids = (c.dataset.codingIds ?? '').split(' ')
      return want === 'painted' ? ids.includes(String(id)) : !ids.includes(String(id))
    },
    { sel, id: codingId, want: state },
  )
}

/** Whether a box lies inside the viewer's visible area. */
export async function inViewer(page: Page, box: Box): Promise<boolean> {
  const v = await page.getByTestId('viewer').boundingBox()
  return v !== null && box.top >= v.y && box.bottom <= v.y + v.height && box.left >= v.x - 1 && box.right <= v.x + v.width + 1
}

export function near(a: Box, b: Box, tolerance = 1.5): boolean {
  return (['left', 'top', 'right', 'bottom'] as const).every((k) => Math.abs(a[k] - b[k]) < tolerance)
}
