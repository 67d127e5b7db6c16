/**
 * Accessibility of the main screens (issue 14 item 7): axe-core, injected from node_modules (no
 * network), runs on the coding workbench with a document open, each analysis tab and the
 * dialogs, in Dutch and in English. No violation of serious or critical impact may remain.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureDemo } from '../fixtures/build-demo'
import { screenshotPath } from './harness'
import { coderIs, openWorkbench, waitForPage, type Workbench } from './workbench-helpers'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string; html: string }[]
}

/** The serious and critical violations axe finds on the page as it stands. */
async function violations(page: Page): Promise<string[]> {
  // The page at rest: the row toolbars that a hover reveals are judged by the tree's keys.
  await page.mouse.move(0, 0)
  // Evaluated, not added as a script tag: the page's CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;true`)
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations
  })
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} [${n.html}]`).join(' | ')}`)
}

for (const lang of ['en', 'nl'] as const) {
  describe(`accessibility of the main screens (${lang}, axe-core)`, () => {
    let wb: Workbench
    let page: Page
    let documentId = 0

    beforeAll(async () => {
      wb = await openWorkbench(`a11y-${lang}`, async (call) => {
        documentId = (await call('documents:list', {}))[0]!.id
      }, { coder: 'Anna de Vries', lang, copyOf: await ensureDemo() })
      page = wb.page
      await page.goto(wb.server.pageUrl)
      await coderIs(page, 'Anna de Vries')
    })

    afterAll(async () => {
      await wb?.close()
    })

    it('has none on the workbench with a document open and its codings', async () => {
      await page.click(`[data-testid="doc-${documentId}"]`)
      await waitForPage(page, 1)
      expect(await violations(page)).toEqual([])
    })

    it('has none in the memo and case dialogs', async () => {
      const row = page.locator('[data-testid^="case-"]').first()
      await row.hover()
      const memo = page.getByRole('button', { name: /memo/i }).first()
      await memo.click()
      await page.getByTestId('memo-body').waitFor()
      try {
        expect(await violations(page)).toEqual([])
      } finally {
        await page.getByTestId('memo-body').press('Escape')
        await page.getByTestId('memo-body').waitFor({ state: 'detached' })
      }
    })

    it('has none in the search-and-code panel and the study log', async () => {
      await page.getByTestId('tab-search').click()
      expect(await violations(page), 'search').toEqual([])
      await page.getByTestId('open-log').click()
      await page.getByTestId('study-log').waitFor()
      try {
        expect(await violations(page), 'log').toEqual([])
      } finally {
        await page.keyboard.press('Escape')
        await page.getByTestId('study-log').waitFor({ state: 'detached' })
      }
    })

    it('has none on each analysis tab', async () => {
      await page.getByTestId('mode-analysis').click()
      for (const tab of ['matrix', 'cooccurrence', 'phases', 'saturation', 'agreement', 'disagreements']) {
        await page.getByTestId(`analysis-tab-${tab}`).click()
        await page.waitForTimeout(300)
        const found = await violations(page)
        expect(found, tab).toEqual([])
      }
      await page.screenshot({ path: screenshotPath(`80-a11y-analysis-${lang}`) })
      await page.getByTestId('mode-coding').click()
    })
  })
}
