/**
 * Suggestions in the workbench (Chromium, browser mode): two generated reports, the first with
 * the ground truth's passages of one code coded by Kees. In the second, the Suggestions tab lists
 * units best first; the current one is a dashed outline in the code's colour in the viewer with a
 * margin mark; Enter accepts (a coding of Kees with origin 'suggestion'), Delete rejects (never
 * listed again), Space skips, ↑ goes back. The agreement view offers "Suggestions (as Kees)".
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findLoose } from '../fixtures/build-demo'
import { FIXTURE_DIR, ensureFixtures } from '../fixtures/fixtures'
import { screenshotPath } from './harness'
import { coderIs, openDocument, openWorkbench, type Workbench } from './workbench-helpers'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** Serious and critical axe-core violations on the page as it stands (as accessibility.test.ts reads them). */
async function violations(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0)
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;true`)
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }> } }).axe
    return (await axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.html).join(' | ')}`)
}

const COLOUR = '#9467bd'
const COLOUR_RGB = 'rgb(148, 103, 189)'

describe('suggestions (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let seeded = 0
  let other = 0
  let codeId = 0
  let kees = 0
  let segments = 0

  beforeAll(async () => {
    const manifest = await ensureFixtures()
    wb = await openWorkbench('suggestions', async (call, s) => {
      const [a, b] = manifest.reports
      const outcomes = await call('documents:import', { paths: [join(FIXTURE_DIR, a!.file), join(FIXTURE_DIR, b!.file)] })
      if (outcomes.some((o) => o.status !== 'imported')) throw new Error('import failed')
      ;[seeded, other] = outcomes.map((o) => (o.status === 'imported' ? o.documentId : 0)) as [number, number]
      kees = (await call('coders:ensure', { name: 'Kees' })).id
      // A code of the first report with at least three ground-truth passages, all coded by Kees
      // (neighbouring passages join into one coding, so the codings are counted).
      const counts = new Map<string, number>()
      for (const p of a!.passages) counts.set(p.codeKey, (counts.get(p.codeKey) ?? 0) + 1)
      const text = s.documents.text(seeded)
      for (const [key] of [...counts].sort((x, y) => y[1] - x[1])) {
        codeId = (await call('codes:create', { parentId: null, name: `Suggest ${key}`, colour: COLOUR })).id
        for (const p of a!.passages.filter((q) => q.codeKey === key)) {
          const at = findLoose(text, p.text)
          if (!at) throw new Error(`passage not found: ${p.text.slice(0, 40)}`)
          await call('codings:create', { documentId: seeded, codeId, coderId: kees, ...at })
        }
        segments = (await call('codings:list', { documentId: seeded })).filter((c) => c.codeId === codeId).length
        if (segments >= 3) break
      }
      if (segments < 3) throw new Error('no code with three segments')
    }, { coder: 'Kees' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Kees')
  }, 180_000)

  afterAll(async () => {
    await wb?.close()
  })

  const options = () => page.getByTestId('suggestions-list').locator('[role="option"]')
  const listedKeys = () => options().evaluateAll((els) => els.map((e) => e.getAttribute('data-suggestion')!))
  const currentKey = () => page.getByTestId('suggestions-list').locator('[role="option"][aria-selected="true"]').getAttribute('data-suggestion')

  it('lists the suggestions of the open document best first and outlines the current one, dashed in the code\'s colour', async () => {
    await openDocument(page, other)
    await page.getByTestId('tab-suggestions').click()
    await page.getByTestId('suggestions-code').selectOption(String(codeId))
    // The status says how many, learnt from how many segments (or why there are none).
    await expect.poll(() => page.getByTestId('suggestions-status').textContent(), { timeout: 60_000 }).toContain(`learnt from ${segments} segments`)
    expect(await options().count()).toBeGreaterThanOrEqual(2)
    // Best first: the scores shown do not rise.
    const scores = (await page.getByTestId('suggestion-score').allTextContents()).map(Number)
    expect(scores.every((v, i) => i === 0 || v <= scores[i - 1]!)).toBe(true)
    // Every listed one is in the open document, and the first is current.
    const keys = await listedKeys()
    expect(keys.every((k) => k.startsWith(`${other}:`))).toBe(true)
    expect(await currentKey()).toBe(keys[0])

    // The viewer: a dashed outline in the code's colour for the current one, and a margin mark.
    const current = page.locator(`[data-overlay="sg-${keys[0]}"].ov-suggestion-current`).first()
    await current.waitFor({ state: 'attached', timeout: 20_000 })
    const style = await current.evaluate((el) => { const c = getComputedStyle(el); return { style: c.outlineStyle, colour: c.outlineColor } })
    expect(style).toEqual({ style: 'dashed', colour: COLOUR_RGB })
    const mark = page.locator(`[data-suggestion-mark="sg-${keys[0]}"]`).first()
    await mark.waitFor({ state: 'attached' })
    const markColour = await mark.evaluate((el) => getComputedStyle(el).borderLeftColor)
    expect(markColour).toBe(COLOUR_RGB)
    // The mark stands in the margin left of the page, beside the outline.
    const [mBox, oBox, pBox] = await Promise.all([mark.boundingBox(), current.boundingBox(), current.locator('xpath=ancestor::div[@data-page-no][1]').boundingBox()])
    expect(mBox!.x + mBox!.width).toBeLessThanOrEqual(pBox!.x + 1)
    expect(mBox!.y).toBeLessThanOrEqual(oBox!.y + 1)
    expect(mBox!.y + mBox!.height).toBeGreaterThanOrEqual(oBox!.y + oBox!.height - 1)
    // Other listed ones on screen are dashed too, lighter.
    await page.screenshot({ path: screenshotPath('95-suggestions-list') })
    // The new panel, with its list, passes axe-core (no serious or critical violation).
    expect(await violations(page)).toEqual([])
    // The current one is on screen in the viewer.
    const viewer = await page.getByTestId('viewer').boundingBox()
    expect(oBox!.y).toBeGreaterThanOrEqual(viewer!.y)
    expect(oBox!.y + oBox!.height).toBeLessThanOrEqual(viewer!.y + viewer!.height)
  })

  it('Space skips, ↑ goes back; Enter accepts the current one as a coding of the coder with origin suggestion', async () => {
    const keys = await listedKeys()
    await page.getByTestId('suggestions-list').focus()
    await page.keyboard.press('Space')
    await expect.poll(currentKey).toBe(keys[1])
    await page.locator(`[data-overlay="sg-${keys[1]}"].ov-suggestion-current`).first().waitFor({ state: 'attached' })
    await page.keyboard.press('ArrowUp')
    await expect.poll(currentKey).toBe(keys[0])

    const [, start, end] = keys[0]!.split(':').map(Number)
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await wb.api('codings:list', { documentId: other })).filter((c) => c.origin === 'suggestion').length, { timeout: 30_000 }).toBe(1)
    const [coding] = (await wb.api('codings:list', { documentId: other })).filter((c) => c.origin === 'suggestion')
    expect([coding!.codeId, coding!.coderId, coding!.start, coding!.end]).toEqual([codeId, kees, start, end])
    // The list is asked again: the accepted unit is gone, another is current.
    await expect.poll(listedKeys, { timeout: 30_000 }).not.toContain(keys[0])
    await expect.poll(currentKey).not.toBe(keys[0])
    // The accepted one is now a highlight of the page, no longer a suggestion outline.
    expect(await page.locator(`[data-overlay="sg-${keys[0]}"]`).count()).toBe(0)
    await page.screenshot({ path: screenshotPath('96-suggestion-accepted') })
  })

  it('Delete rejects the current one: never listed again for that coder and code', async () => {
    const rejected = (await currentKey())!
    expect(rejected).toBeTruthy()
    await page.getByTestId('suggestions-list').focus()
    await page.keyboard.press('Delete')
    await expect.poll(listedKeys, { timeout: 30_000 }).not.toContain(rejected)
    expect(await page.locator(`[data-overlay="sg-${rejected}"]`).count()).toBe(0)
    // Not a coding, and not offered by the engine in any document, nor after choosing again.
    expect((await wb.api('codings:list', { documentId: other })).filter((c) => `${c.documentId}:${c.start}:${c.end}` === rejected)).toEqual([])
    const all = await wb.api('suggestions:list', { codeId, coderId: kees, limit: 1000 })
    expect(all.items.map((i) => `${i.documentId}:${i.start}:${i.end}`)).not.toContain(rejected)
    await page.getByTestId('suggestions-scope').selectOption('all')
    await expect.poll(() => options().count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2)
    expect(await listedKeys()).not.toContain(rejected)
    // The current one may be in the other document: it is opened and outlined there.
    await page.locator(`[data-overlay="sg-${(await currentKey())!}"].ov-suggestion-current`).first().waitFor({ state: 'attached', timeout: 20_000 })
    await page.screenshot({ path: screenshotPath('97-suggestions-all-documents') })
  })

  it('the agreement view offers the suggestion method as a coder, "Suggestions (as Kees)", and measures it', async () => {
    await page.getByTestId('mode-analysis').click()
    await page.getByTestId('analysis-tab-agreement').click()
    const pseudo = page.getByTestId(`agreement-suggestions-${kees}`)
    await pseudo.waitFor()
    expect(await pseudo.locator('xpath=..').textContent()).toBe('Suggestions (as Kees)')
    await page.getByTestId(`agreement-coder-${kees}`).check()
    await pseudo.check()
    await page.getByTestId('agreement-table').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('agreement-row').count()).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('98-agreement-suggestions') })
    expect(wb.problems.filter((p) => !/favicon/.test(p))).toEqual([])
  })
})
