/**
 * Area coding (a rectangle on a scanned page), overlapping highlights, coding stripes in the
 * margin, and resizing a coding by its handles or to the selection — in Chromium against
 * browser mode.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePaths } from '../fixtures/fixtures'
import { INTEROP_PDF, screenshotPath } from './harness'
import { coderIs, dragSelect, openDocument, openWorkbench, paintedAt, textBox, waitPainted, waitForPage, type Workbench } from './workbench-helpers'

const TEXT_PDF = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')

describe('area coding, stripes and resizing (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let scanId: number
  let textId: number
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    wb = await openWorkbench('areas', async (call) => {
      const [scan, text] = await call('documents:import', { paths: [fixturePaths().bad.imageOnly, TEXT_PDF] })
      if (scan?.status !== 'imported' || text?.status !== 'imported') throw new Error('import failed')
      expect(scan.warning).toBe('no-text-layer')
      scanId = scan.documentId
      textId = text.documentId
      for (const [name, colour] of [['Figure', '#e6194b'], ['Table', '#4363d8'], ['Moon', '#f5c518'], ['Landscape', '#3cb44b']] as const) {
        ids[name] = (await call('codes:create', { parentId: null, name, colour })).id
      }
      ids.anna = (await call('coders:ensure', { name: 'Anna' })).id
    }, { coder: 'Anna' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Anna')
  })

  afterAll(async () => {
    await wb?.close()
  })

  /** Drags from one point to another, given in 0..1 of a page. */
  async function dragOnPage(pageNo: number, from: [number, number], to: [number, number], modifier?: 'Alt'): Promise<void> {
    const box = (await page.locator(`[data-page-no="${pageNo}"]`).boundingBox())!
    const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const
    const [x1, y1] = at(from)
    const [x2, y2] = at(to)
    if (modifier) await page.keyboard.down(modifier)
    await page.mouse.move(x1, y1)
    await page.mouse.down()
    await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 5 })
    await page.mouse.move(x2, y2, { steps: 5 })
    await page.mouse.up()
    if (modifier) await page.keyboard.up(modifier)
  }

  it('codes a rectangle on the image-only scan with the area tool, drawn as an outlined box', async () => {
    await openDocument(page, scanId)
    // A scan opens with the area tool on and says why.
    await expect.poll(() => page.getByTestId('area-tool').getAttribute('aria-pressed')).toBe('true')
    await page.getByRole('note').getByText('This document has no text layer').waitFor()

    await dragOnPage(1, [0.1, 0.1], [0.6, 0.3])
    const picker = page.locator('.code-picker input')
    await picker.waitFor()
    await page.locator('[data-page-no="1"] .ov-draft').waitFor()
    await picker.fill('fig')
    await page.keyboard.press('Enter')

    await expect.poll(async () => (await wb.api('codings:list', { documentId: scanId })).length).toBe(1)
    const [coding] = await wb.api('codings:list', { documentId: scanId })
    expect(coding!.kind).toBe('area')
    expect(coding!.codeId).toBe(ids.Figure)
    expect(coding!.pageFrom).toBe(1)
    const r = coding!.rects[0]!
    for (const [got, want] of [[r.x, 0.1], [r.y, 0.1], [r.w, 0.5], [r.h, 0.2]] as const) expect(Math.abs(got - want)).toBeLessThan(0.01)

    await waitPainted(page, 1, coding!.id)
    const box = (await page.locator('[data-page-no="1"]').boundingBox())!
    const inside = await paintedAt(page, 1, box.x + 0.35 * box.width, box.y + 0.2 * box.height)
    const edge = await paintedAt(page, 1, box.x + 0.1 * box.width + 1, box.y + 0.2 * box.height)
    const outside = await paintedAt(page, 1, box.x + 0.8 * box.width, box.y + 0.5 * box.height)
    expect(inside[3]).toBeGreaterThan(10)
    expect(edge[3]).toBeGreaterThan(200)
    expect(edge[3]).toBeGreaterThan(inside[3]!)
    expect(outside[3]).toBe(0)
    // Its stripe stands in the margin, with the coder's initials and the code's name.
    const stripe = page.locator(`[data-testid="stripes-1"] .stripe[data-coding-id="${coding!.id}"]`)
    expect(await stripe.textContent()).toBe('A Figure')
    // The panel shows it; the quote of a scan's area is empty (no text inside).
    await page.getByTestId('coding-panel').getByText('Area coding').waitFor()
    await page.screenshot({ path: screenshotPath('20-area-coding') })
  })

  it('draws an area with Alt held on page 2 and codes it with key 1 (the recent code)', async () => {
    await page.getByTestId('area-tool').click()
    expect(await page.getByTestId('area-tool').getAttribute('aria-pressed')).toBe('false')
    await page.locator('.page-box input').fill('2')
    await page.keyboard.press('Enter')
    await waitForPage(page, 2)
    await dragOnPage(2, [0.2, 0.5], [0.7, 0.65], 'Alt')
    await page.locator('.code-picker input').waitFor()
    await page.keyboard.press('1')
    await expect.poll(async () => (await wb.api('codings:list', { documentId: scanId })).filter((c) => c.pageFrom === 2).length).toBe(1)
    const c2 = (await wb.api('codings:list', { documentId: scanId })).find((c) => c.pageFrom === 2)!
    expect(c2.codeId).toBe(ids.Figure)
    await waitPainted(page, 2, c2.id)

    // A name the codebook does not have yet: the picker creates the code and applies it.
    await dragOnPage(2, [0.2, 0.7], [0.6, 0.8], 'Alt')
    await page.locator('.code-picker input').fill('Photo')
    await page.locator('.code-picker li.create').getByText('Create and apply code “Photo”').waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await wb.api('codes:list', {})).find((c) => c.name === 'Photo')?.codingCount).toBe(1)
  })

  it('keeps overlapping codings visible, with a stripe each; hovering a stripe outlines its passage, a click selects it', async () => {
    const text = await wb.api('documents:text', { id: textId })
    const a = text.indexOf('Pools of black water lay in the hollows')
    const b = text.indexOf('black water lay in the hollows, and little')
    const moon = await wb.api('codings:create', { documentId: textId, codeId: ids.Moon!, coderId: ids.anna!, start: a, end: a + 'Pools of black water lay in the hollows'.length })
    const land = await wb.api('codings:create', { documentId: textId, codeId: ids.Landscape!, coderId: ids.anna!, start: b, end: b + 'black water lay in the hollows, and little'.length })
    await openDocument(page, textId)
    await waitPainted(page, 1, moon.id)
    await waitPainted(page, 1, land.id)

    const pools = await textBox(page, 1, 'Pools')
    const hollows = await textBox(page, 1, 'hollows')
    const little = await textBox(page, 1, 'little')
    const mid = (bx: { left: number; right: number; top: number; bottom: number }) => [(bx.left + bx.right) / 2, (bx.top + bx.bottom) / 2] as const
    const onlyMoon = await paintedAt(page, 1, ...mid(pools))
    const both = await paintedAt(page, 1, ...mid(hollows))
    const onlyLand = await paintedAt(page, 1, ...mid(little))
    expect(onlyMoon[3]).toBeGreaterThan(40)
    expect(onlyLand[3]).toBeGreaterThan(40)
    // Where they overlap both colours stack: more opaque than either alone, and neither colour.
    expect(both[3]).toBeGreaterThan(onlyMoon[3]!)
    expect(both[3]).toBeGreaterThan(onlyLand[3]!)
    expect(both.slice(0, 3)).not.toEqual(onlyMoon.slice(0, 3))
    expect(both.slice(0, 3)).not.toEqual(onlyLand.slice(0, 3))

    const moonStripe = page.locator(`[data-testid="stripes-1"] .stripe[data-coding-id="${moon.id}"]`)
    const landStripe = page.locator(`[data-testid="stripes-1"] .stripe[data-coding-id="${land.id}"]`)
    expect(await moonStripe.textContent()).toBe('A Moon')
    expect(await landStripe.textContent()).toBe('A Landscape')
    // Side by side, in two lanes.
    expect((await moonStripe.boundingBox())!.x).not.toBe((await landStripe.boundingBox())!.x)

    await landStripe.hover()
    await page.locator(`.hl-outline.hovered[data-coding-id="${land.id}"]`).first().waitFor()
    const outline = (await page.locator(`.hl-outline.hovered[data-coding-id="${land.id}"]`).first().boundingBox())!
    expect(outline.x).toBeLessThan(hollows.left)
    await page.screenshot({ path: screenshotPath('21-stripes-overlap') })
    await landStripe.click()
    await expect.poll(() => page.getByTestId('recode').inputValue()).toBe(String(ids.Landscape))

    // Readable (issue 14 item 5): dark on light at 4.5:1 or more (its tab's alpha laid on black,
    // the worst case), 12 px or larger, the coder's initials; the full name and coder on hover.
    const look = await landStripe.locator('.stripe-label').evaluate((el) => {
      const s = getComputedStyle(el)
      return { color: s.color, bg: s.backgroundColor, size: parseFloat(s.fontSize) }
    })
    expect(contrast(look.color, look.bg)).toBeGreaterThanOrEqual(4.5)
    expect(look.size).toBeGreaterThanOrEqual(12)
    expect(await landStripe.getAttribute('title')).toBe('Landscape — Anna')

    // Clicks where both lie: the shorter coding, then the other, then round again; a list names both.
    const at = mid(hollows)
    await page.mouse.click(...at)
    await expect.poll(() => page.getByTestId('recode').inputValue()).toBe(String(ids.Moon))
    await page.mouse.click(...at)
    await expect.poll(() => page.getByTestId('recode').inputValue()).toBe(String(ids.Landscape))
    await page.mouse.click(...at)
    await expect.poll(() => page.getByTestId('recode').inputValue()).toBe(String(ids.Moon))
    const choices = page.getByTestId('overlap-choices').locator('.overlap-choice')
    expect(await choices.allTextContents()).toEqual(['MoonAnna', 'LandscapeAnna'])
    await page.screenshot({ path: screenshotPath('66-overlap-choices') })
    await choices.nth(1).click()
    await expect.poll(() => page.getByTestId('recode').inputValue()).toBe(String(ids.Landscape))
  })

  it('resizes the selected coding by dragging its ends, and extends it to a selection from the panel', async () => {
    const text = await wb.api('documents:text', { id: textId })
    const start = text.indexOf('collection of bogs.')
    const c = await wb.api('codings:create', { documentId: textId, codeId: ids.Figure!, coderId: ids.anna!, start, end: start + 'collection of bogs.'.length })
    await page.reload()
    await openDocument(page, textId)
    await waitPainted(page, 1, c.id)
    await page.locator(`[data-testid="stripes-1"] .stripe[data-coding-id="${c.id}"]`).click()
    await page.locator('.resize-handle.end').waitFor()

    // Drag the end to the end of "black water".
    const handleEnd = (await page.locator('.resize-handle.end .knob').boundingBox())!
    const target = await textBox(page, 1, 'black water')
    await page.mouse.move(handleEnd.x + handleEnd.width / 2, handleEnd.y + handleEnd.height / 2)
    await page.mouse.down()
    await page.mouse.move(target.right - 1, (target.top + target.bottom) / 2, { steps: 6 })
    await page.locator('.ov-preview').first().waitFor()
    await page.mouse.up()
    await expect.poll(async () => (await wb.api('codings:list', { documentId: textId })).find((x) => x.id === c.id)?.quote).toBe('collection of bogs. Pools of black water')

    // Drag the start to "of bogs".
    await page.locator('.resize-handle.start').waitFor()
    const handleStart = (await page.locator('.resize-handle.start .knob').boundingBox())!
    const of = await textBox(page, 1, 'of bogs')
    await page.mouse.move(handleStart.x + handleStart.width / 2, handleStart.y + handleStart.height / 2)
    await page.mouse.down()
    await page.mouse.move(of.left + 1, (of.top + of.bottom) / 2, { steps: 6 })
    await page.mouse.up()
    await expect.poll(async () => (await wb.api('codings:list', { documentId: textId })).find((x) => x.id === c.id)?.quote).toBe('of bogs. Pools of black water')
    await page.screenshot({ path: screenshotPath('22-resize') })

    // Select words further on, close the picker, and extend the coding to them.
    await dragSelect(page, 1, 'in the hollows')
    await page.locator('.code-picker input').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('extend-to-selection').click()
    await expect.poll(async () => (await wb.api('codings:list', { documentId: textId })).find((x) => x.id === c.id)?.quote).toBe('of bogs. Pools of black water lay in the hollows')

    // Each resize is one step of undo.
    await page.locator('body').click({ position: { x: 5, y: 880 } })
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await wb.api('codings:list', { documentId: textId })).find((x) => x.id === c.id)?.quote).toBe('of bogs. Pools of black water')
  })

  it('loads without CSP violations or script errors', () => {
    expect(wb.problems).toEqual([])
  })
})

/** WCAG contrast ratio of a text colour on a background (its alpha laid on black, the worst case for dark text). */
function contrast(fg: string, bg: string): number {
  const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
  const [r, g, b] = rgba(fg)
  const [br, bgg, bb, ba = 1] = rgba(bg)
  const lum = (cs: number[]) => {
    const [x, y, z] = cs.map((v) => {
      const s = v / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * x! + 0.7152 * y! + 0.0722 * z!
  }
  const l1 = lum([r!, g!, b!])
  const l2 = lum([br! * ba, bgg! * ba, bb! * ba])
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)
}
