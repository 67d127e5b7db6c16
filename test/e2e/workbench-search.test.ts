/**
 * Search and code in the workbench: a query that cannot be read says where and why while it is
 * typed (nl/en), a fixed one lists its hits in context with counts per document, unticking hits
 * (click and Space) changes the preview exactly as autocode:preview says, a hit click jumps
 * there, applying codes the ticked hits as the coder (tagged auto-coded with the query) in one
 * undo step; saved queries mark new hits; the study log lists the auto-coding and exports it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePaths } from '../fixtures/fixtures'
import { INTEROP_PDF, screenshotPath } from './harness'
import { coderIs, openWorkbench, type Workbench } from './workbench-helpers'
import { flashAfter, lastFlashNonce } from './transient'

const TEXT_PDF = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')

describe('search and code, provenance and the study log (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let kidsId: number
  let moonId: number
  let annaId: number
  const QUERY = 'moon'
  const options = { unit: 'sentence' as const, extend: 0, stemming: 'none' as const }

  beforeAll(async () => {
    wb = await openWorkbench('search', async (call) => {
      const [kids] = await call('documents:import', { paths: [TEXT_PDF, fixturePaths().reports[0]!] })
      if (kids?.status !== 'imported') throw new Error('import failed')
      kidsId = kids.documentId
      moonId = (await call('codes:create', { parentId: null, name: 'Moon', colour: '#4363d8' })).id
      annaId = (await call('coders:ensure', { name: 'Anna' })).id
    }, { coder: 'Anna' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Anna')
    await page.getByTestId('tab-search').click()
  }, 120_000)

  afterAll(async () => {
    await wb?.close()
  })

  const input = () => page.getByTestId('search-input')
  const hits = () => page.locator('[data-testid="search-results"] [role="option"]')

  it('says where and why a query cannot be read while it is typed, in the chosen language', async () => {
    await input().fill('moon OR "full')
    const error = page.getByTestId('query-error')
    await expect.poll(() => error.textContent()).toContain('The quote opened at character 9 is not closed.')
    expect(await error.locator('.query-at').textContent()).toBe('"')
    expect(await input().getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('form[role="search"] button[type="submit"]').isDisabled()).toBe(true)
    // Enter does not run a query that cannot be read.
    await input().press('Enter')
    expect(await page.getByTestId('search-status').count()).toBe(0)
    await page.getByTestId('lang').selectOption('nl')
    await expect.poll(() => error.textContent()).toContain('Het aanhalingsteken op positie 9 wordt niet gesloten.')
    await page.getByTestId('lang').selectOption('en')
    await input().fill('moon AND')
    await expect.poll(() => error.textContent()).toContain('Something is missing at character 6')
    await page.screenshot({ path: screenshotPath('80-search-query-error') })
    await input().fill(QUERY)
    await expect.poll(() => error.count()).toBe(0)
    expect(await input().getAttribute('aria-invalid')).toBe('false')
  })

  it('lists the hits in context with counts per document, all ticked, and previews what coding them makes', async () => {
    await page.getByTestId('query-unit').selectOption('sentence')
    await input().press('Enter')
    const expected = await wb.api('search:run', { query: QUERY, ...options, limit: 2000 })
    expect(expected.total).toBeGreaterThan(5)
    await expect.poll(() => hits().count()).toBe(expected.hits.length)
    // Only the tale speaks of the moon, not the Dutch report.
    expect(expected.documents.map((d) => d.documentId)).toEqual([kidsId])
    expect(await page.getByTestId('search-status').textContent()).toContain(`${expected.total} hits in 1 document`)
    const docs = page.locator('[data-testid="search-docs"] li')
    expect(await docs.count()).toBe(expected.documents.length)
    expect(await docs.first().textContent()).toContain(String(expected.documents[0]!.hits))
    // Each hit in context: the widened sentence marked, text either side.
    expect((await hits().nth(1).locator('mark').textContent())!.replace(/\s+/g, ' ')).toBe(expected.hits[1]!.text.replace(/\s+/g, ' '))
    expect(await page.locator('[data-testid="hit-check"]:checked').count()).toBe(expected.hits.length)

    await page.getByTestId('autocode-code').selectOption(String(moonId))
    const all = await wb.api('autocode:preview', { query: QUERY, ...options, codeId: moonId, coderId: annaId, exclude: [] })
    await expect.poll(() => page.getByTestId('autocode-preview').textContent())
      .toBe(`${expected.total} of ${expected.total} hits ticked: ${all.codings} new codings, ${all.merged} join existing ones.`)
  })

  it('unticks hits by click and by Space, and the preview follows autocode:preview', async () => {
    const expected = await wb.api('search:run', { query: QUERY, ...options, limit: 2000 })
    const key = (i: number) => `${expected.hits[i]!.documentId}:${expected.hits[i]!.start}:${expected.hits[i]!.end}`
    await hits().nth(1).getByTestId('hit-check').uncheck()
    // The keyboard: into the list, down to the third hit, Space unticks it (and does not jump).
    await page.getByTestId('search-results').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press(' ')
    await expect.poll(() => hits().nth(2).getByTestId('hit-check').isChecked()).toBe(false)
    expect(await page.locator('[data-testid="hit-check"]:checked').count()).toBe(expected.hits.length - 2)
    const preview = await wb.api('autocode:preview', { query: QUERY, ...options, codeId: moonId, coderId: annaId, exclude: [key(1), key(2)] })
    expect(preview.hits).toBe(expected.total - 2)
    await expect.poll(() => page.getByTestId('autocode-preview').textContent())
      .toBe(`${expected.total - 2} of ${expected.total} hits ticked: ${preview.codings} new codings, ${preview.merged} join existing ones.`)
    await page.screenshot({ path: screenshotPath('81-search-and-code') })

    // A click on a hit goes there and flashes it.
    const before = await lastFlashNonce(page)
    await hits().nth(4).click()
    await flashAfter(page, before)
    await expect.poll(() => page.locator('.page-box input').inputValue()).toBe(String(expected.hits[4]!.page))
  })

  it('codes the ticked hits in one undo step, tagged auto-coded with the query', async () => {
    const expected = await wb.api('search:run', { query: QUERY, ...options, limit: 2000 })
    const unticked = [expected.hits[1]!, expected.hits[2]!]
    await page.getByTestId('autocode-apply').click()
    await expect.poll(async () => (await wb.api('codings:list', { codeIds: [moonId] })).length, { timeout: 20_000 }).toBeGreaterThan(0)
    const codings = await wb.api('codings:list', { codeIds: [moonId] })
    expect(codings.length).toBe(expected.total - 2)
    expect(codings.every((c) => c.coderId === annaId && c.origin === 'autocode' && c.originDetail.includes(QUERY))).toBe(true)
    for (const h of unticked) expect(codings.some((c) => c.documentId === h.documentId && c.start < h.end && h.start < c.end)).toBe(false)

    // Retrieval shows how each was made: the tag, with the query as its title.
    await page.getByTestId(`code-name-${moonId}`).click()
    const items = page.locator('[data-testid="retrieval-list"] [role="option"]')
    await expect.poll(() => items.count()).toBe(codings.length)
    const tag = items.first().getByTestId('origin-tag')
    expect(await tag.textContent()).toBe('auto-coded')
    expect(await tag.getAttribute('title')).toContain(QUERY)
    await items.first().click()
    await expect.poll(() => page.getByTestId('coding-panel').getByTestId('origin-tag').textContent()).toBe('auto-coded')

    // One undo step takes all of them back.
    expect(await page.getByTestId('undo').getAttribute('title')).toContain(`auto-code (${expected.total - 2} hits)`)
    await page.getByTestId('undo').click()
    await expect.poll(async () => (await wb.api('codings:list', { codeIds: [moonId] })).length).toBe(0)
    await page.getByTestId('redo').click()
    await expect.poll(async () => (await wb.api('codings:list', { codeIds: [moonId] })).length).toBe(expected.total - 2)
  })

  it('saves a query, runs it again marking the hits new since the last run, and deletes it', async () => {
    await page.getByTestId('tab-search').click()
    // "Moon, not yet coded with Moon": after the auto-coding only the two unticked hits are left.
    await page.getByTestId('query-not-coded').selectOption(String(moonId))
    await page.locator('[data-testid="saved-queries"] summary').click()
    await page.getByTestId('save-query-name').fill('Moons left')
    await page.getByTestId('save-query').click()
    await expect.poll(async () => (await wb.api('queries:list', {})).length).toBe(1)
    const [saved] = await wb.api('queries:list', {})
    expect(saved).toMatchObject({ name: 'Moons left', query: QUERY, options: { unit: 'sentence', notCodedWith: { codeId: moonId } } })
    const run = page.getByTestId(`run-saved-${saved!.id}`)
    await run.click()
    await expect.poll(() => page.getByTestId('search-status').textContent()).toContain('2 hits in 1 document')
    expect(await page.getByTestId('hit-new').count()).toBe(0)
    // The auto-coding undone, its hits are back, and new since the last run.
    const total = (await wb.api('search:run', { query: QUERY, ...options })).total
    await page.getByTestId('undo').click()
    await expect.poll(async () => (await wb.api('codings:list', { codeIds: [moonId] })).length).toBe(0)
    await run.click()
    await expect.poll(() => page.getByTestId('hit-new').count()).toBe(total - 2)
    expect(await page.getByTestId('search-status').textContent()).toContain(`${total - 2} new since the last run`)
    await expect.poll(() => page.getByTestId(`saved-${saved!.id}`).textContent()).toContain(`${total} hits`)
    // The hits that were there before are not marked.
    const old = await page.locator('[data-testid="search-results"] [role="option"]:not(:has([data-testid="hit-new"]))').count()
    expect(old).toBe(2)
    await page.screenshot({ path: screenshotPath('83-saved-query-new-hits') })
    await page.getByTestId('redo').click()
    await expect.poll(async () => (await wb.api('codings:list', { codeIds: [moonId] })).length).toBe(total - 2)
    await page.getByTestId(`delete-saved-${saved!.id}`).click()
    await expect.poll(async () => (await wb.api('queries:list', {})).length).toBe(0)
    await expect.poll(() => page.getByTestId(`saved-${saved!.id}`).count()).toBe(0)
  })

  it('lists the auto-coding in the study log, filters it, and exports it as CSV', async () => {
    const created = (await wb.api('codings:list', { codeIds: [moonId] })).length
    await page.getByTestId('open-log').click()
    const dialog = page.getByTestId('study-log')
    await dialog.waitFor()
    expect(await dialog.getByTestId('log-limit').textContent()).toContain('last 500 actions')
    const rows = dialog.locator('[data-testid="log-table"] tbody tr')
    const log = await wb.api('log:list', { limit: 1000 })
    await expect.poll(() => rows.count()).toBe(log.entries.length)
    // The auto-coding (undone and redone) and its codings: who, what, how.
    const auto = log.entries.filter((e) => e.action === 'autocode')
    expect(auto.length).toBe(created)
    const first = rows.first()
    expect(await first.textContent()).toContain('Anna')
    expect(await first.textContent()).toContain('created')
    expect(await first.textContent()).toContain(`auto-code (${created} hits)`)
    expect(await first.getByTestId('origin-tag').textContent()).toBe('auto-coded')
    await page.screenshot({ path: screenshotPath('82-study-log') })

    await dialog.getByTestId('log-kind').selectOption('deleted')
    await expect.poll(() => dialog.getByTestId('log-count').textContent()).toBe('Nothing in the log (with these filters).')
    await dialog.getByTestId('log-kind').selectOption('created')
    await dialog.getByTestId('log-document').selectOption(String(kidsId))
    const filtered = await wb.api('log:list', { kinds: ['created'], documentId: kidsId })
    await expect.poll(() => dialog.getByTestId('log-count').textContent()).toBe(`${filtered.entries.length} of ${filtered.total} changes`)

    const download = page.waitForEvent('download')
    await dialog.getByTestId('log-export').click()
    const file = await (await download).path()
    const csv = readFileSync(file, 'utf8')
    expect(csv).toBe(await wb.api('log:export', { kinds: ['created'], documentId: kidsId, delimiter: ',', bom: true }))
    expect(csv.split('\r\n').filter((l) => l !== '').length).toBe(filtered.total + 1)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(wb.problems).toEqual([])
  })
})
