/**
 * Ownership in the workbench: a second coder sees the first coder's coding read only (recode,
 * resize handles, memo and delete off, saying whose it is) and changes it only with "Edit as
 * consensus / lead" on, which the undo names. In English and in Dutch, with screenshots.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INTEROP_PDF, ROOT } from './harness'
import { coderIs, openDocument, openWorkbench, waitPainted, type Workbench } from './workbench-helpers'
import { noticeShown } from './transient'

const TEXT_PDF = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')
const SHOTS = join(ROOT, '.cache', 'screenshots')

function shot(name: string): string {
  mkdirSync(SHOTS, { recursive: true })
  return join(SHOTS, `${name}.png`)
}

describe('each coder’s codings stay theirs (browser mode, Chromium)', () => {
  let wb: Workbench
  let page: Page
  let docId: number
  let annaCoding: number
  let benCoding: number
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    wb = await openWorkbench('ownership', async (call) => {
      const [kids] = await call('documents:import', { paths: [TEXT_PDF] })
      if (kids?.status !== 'imported') throw new Error('import failed')
      docId = kids.documentId
      ids.Moon = (await call('codes:create', { parentId: null, name: 'Moon', colour: '#f5c518' })).id
      ids.Bogs = (await call('codes:create', { parentId: null, name: 'Bogs', colour: '#4363d8' })).id
      ids.anna = (await call('coders:ensure', { name: 'Anna' })).id
      ids.ben = (await call('coders:ensure', { name: 'Ben' })).id
      const text = await call('documents:text', { id: docId })
      const a = text.indexOf('I give you my word.')
      annaCoding = (await call('codings:create', { documentId: docId, codeId: ids.Moon, coderId: ids.anna, start: a, end: a + 19, memo: 'Anna’s memo' })).id
      const b = text.indexOf('Pools of black water')
      benCoding = (await call('codings:create', { documentId: docId, codeId: ids.Moon, coderId: ids.ben, start: b, end: b + 20 })).id
      ids.kase = (await call('cases:create', { name: 'Project Moon' })).id
      await call('cases:update', { id: ids.kase, attributes: { 'fase:Anna': '2', sector: 'Zorg' }, actingCoderId: ids.anna })
    }, { coder: 'Ben' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Ben')
    await openDocument(page, docId)
    await waitPainted(page, 1, annaCoding)
    await waitPainted(page, 1, benCoding)
  })

  afterAll(async () => {
    await wb?.close()
  })

  const panel = () => page.getByTestId('coding-panel')
  const select = async (codingId: number) => {
    await page.locator(`[data-testid="stripes-1"] .stripe[data-coding-id="${codingId}"]`).click()
    await page.locator(`.hl-outline.selected[data-coding-id="${codingId}"]`).first().waitFor()
  }
  const annas = async () => (await wb.api('codings:list', { documentId: docId })).find((c) => c.id === annaCoding)

  it('leaves my own coding editable, with no owner note', async () => {
    await select(benCoding)
    expect(await panel().getByTestId('coding-coder').textContent()).toBe('Ben')
    expect(await panel().getByTestId('recode').isEnabled()).toBe(true)
    expect(await panel().getByTestId('delete-coding').isEnabled()).toBe(true)
    expect(await panel().getByTestId('memo').isEditable()).toBe(true)
    expect(await panel().getByTestId('coding-owner-note').count()).toBe(0)
    expect(await page.locator('.resize-handle.locked').count()).toBe(0)
  })

  it('shows another coder’s coding read only: recode, resize, memo and delete are off and say whose it is', async () => {
    await select(annaCoding)
    const p = panel()
    expect(await p.getByTestId('coding-coder').textContent()).toBe('Anna')
    await p.getByTestId('coding-owner-note').getByText('Anna’s coding — read only').waitFor()
    expect(await p.getByTestId('recode').isDisabled()).toBe(true)
    expect(await p.getByTestId('delete-coding').isDisabled()).toBe(true)
    expect(await p.getByTestId('memo').isEditable()).toBe(false)
    expect(await p.getByTestId('memo').inputValue()).toBe('Anna’s memo')
    expect(await p.getByTestId('extend-to-selection').isDisabled()).toBe(true)
    const why = 'Anna’s coding: only Anna can change it. Turn on “Edit as consensus / lead” to change it anyway.'
    for (const id of ['recode', 'delete-coding', 'memo']) expect(await p.getByTestId(id).getAttribute('title')).toBe(why)
    expect(await p.getByTestId('lead-mode').isChecked()).toBe(false)

    // The ends show, locked, with the same words; dragging one changes nothing.
    const knob = page.locator('.resize-handle.locked.end .knob')
    await knob.waitFor()
    expect(await knob.getAttribute('title')).toBe(why)
    const k = (await knob.boundingBox())!
    await page.mouse.move(k.x + k.width / 2, k.y + k.height / 2)
    await page.mouse.down()
    await page.mouse.move(k.x + 120, k.y + 20, { steps: 5 })
    expect(await page.locator('.ov-preview').count()).toBe(0)
    await page.mouse.up()
    // Typing into the memo does nothing either.
    await p.getByTestId('memo').click()
    await page.keyboard.type('Ben was here')
    expect(await p.getByTestId('memo').inputValue()).toBe('Anna’s memo')
    expect(await annas()).toMatchObject({ codeId: ids.Moon, memo: 'Anna’s memo', quote: 'I give you my word.' })
    await page.screenshot({ path: shot('ownership-read-only-en') })

    await page.getByTestId('lang').selectOption('nl')
    await p.getByTestId('coding-owner-note').getByText('Codering van Anna — alleen lezen').waitFor()
    expect(await p.getByTestId('delete-coding').getAttribute('title')).toBe(
      'Codering van Anna: alleen Anna kan haar wijzigen. Zet “Bewerken als consensus / leider” aan om dat toch te doen.',
    )
    expect(await p.getByText('Bewerken als consensus / leider').count()).toBe(1)
    await page.screenshot({ path: shot('ownership-read-only-nl') })
  })

  it('with “Edit as consensus / lead” on, recodes, writes the memo and deletes Anna’s coding; the undo names both', async () => {
    const p = panel()
    await p.getByTestId('lead-mode').check()
    await p.getByTestId('coding-owner-note').getByText('Je bewerkt de codering van Anna als consensus / leider; de geschiedenis legt dat vast.').waitFor()
    expect(await p.getByTestId('recode').isEnabled()).toBe(true)
    expect(await p.getByTestId('memo').isEditable()).toBe(true)
    expect(await page.locator('.resize-handle.locked').count()).toBe(0)

    await p.getByTestId('recode').selectOption(String(ids.Bogs))
    await expect.poll(async () => (await annas())?.codeId).toBe(ids.Bogs)
    expect((await annas())?.coderName).toBe('Anna')
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toBe('Ongedaan maken: codering van Anna wijzigen als leider (Ben) (Ctrl+Z)')

    await p.getByTestId('memo').fill('Besproken met Anna.')
    await p.getByRole('button', { name: 'Opslaan' }).click()
    await expect.poll(async () => (await annas())?.memo).toBe('Besproken met Anna.')
    await page.screenshot({ path: shot('ownership-as-lead-nl') })

    await page.getByTestId('lang').selectOption('en')
    await p.getByTestId('coding-owner-note').getByText('You are editing Anna’s coding as consensus / lead; the history records it.').waitFor()
    await page.screenshot({ path: shot('ownership-as-lead-en') })
    await p.getByTestId('delete-coding').click()
    await expect.poll(annas).toBeUndefined()

    await page.getByTestId('undo').click()
    await noticeShown(page, "Undone: delete Anna's coding as lead (Ben)")
    await expect.poll(async () => (await annas())?.coderName).toBe('Anna')
  })

  it('turned off again, leaves Anna’s coding read only', async () => {
    await select(annaCoding)
    await panel().getByTestId('lead-mode').uncheck()
    await panel().getByTestId('coding-owner-note').getByText('Anna’s coding — read only').waitFor()
    expect(await panel().getByTestId('delete-coding').isDisabled()).toBe(true)
    await page.locator('.resize-handle.locked').first().waitFor()
  })

  it('keeps Anna’s judgement of a case read only in the case dialog, editable as lead', async () => {
    const row = page.getByTestId(`case-${ids.kase}`)
    await row.hover()
    await row.getByRole('button', { name: 'Attributes: Project Moon' }).click()
    const dialog = page.getByTestId('case-dialog')
    const annaPhase = dialog.getByRole('textbox', { name: 'fase:Anna' })
    expect(await annaPhase.isEditable()).toBe(false)
    expect(await annaPhase.getAttribute('title')).toBe('Anna’s judgement: only Anna can change it. Turn on “Edit as consensus / lead” to change it anyway.')
    expect(await dialog.getByRole('button', { name: 'Remove attribute: fase:Anna' }).isDisabled()).toBe(true)
    // My own judgement and the other attributes stay mine to set.
    await dialog.getByTestId('attr-phase').selectOption('3')
    await dialog.getByTestId('attr-sector').fill('Techniek')
    await page.screenshot({ path: shot('ownership-judgement-en') })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await wb.api('cases:list', {})).find((c) => c.id === ids.kase)!.attributes).toEqual({ 'fase:Anna': '2', 'fase:Ben': '3', sector: 'Techniek' })

    await row.hover()
    await row.getByRole('button', { name: 'Attributes: Project Moon' }).click()
    await dialog.getByTestId('case-lead-mode').check()
    await annaPhase.fill('1')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await wb.api('cases:list', {})).find((c) => c.id === ids.kase)!.attributes['fase:Anna']).toBe('1')
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toBe("Undo: change case, with Anna's judgement, as lead (Ben) (Ctrl+Z)")
  })

  it('loads without CSP violations or script errors', () => {
    expect(wb.problems).toEqual([])
  })
})
