/**
 * Selections as in a good PDF reader (issue 14 item 2): a drag that starts or ends in white
 * space — the margin, an indent, after a line's end, between columns, below a paragraph —
 * codes the words from the nearest character in reading order. A generated page holds each
 * layout (one column, a first-line indent, an indented block, two columns); every drag is
 * coded through the picker and the coded quote compared with the intended words, at two
 * zoom levels.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocument, unitWidth } from '../fixtures/pdf-layout'
import { screenshotPath, tempDir } from './harness'
import { coderIs, openDocument, openWorkbench, textBox, type Workbench } from './workbench-helpers'

const SIZE = 11
const LEAD = 15

const ONE_COLUMN = 'De evaluatie van het programma laat zien dat docenten de nieuwe werkwijze waarderen, maar dat de invoering meer tijd kost dan verwacht. Teams die samen lessen ontwerpen melden minder werkdruk en meer plezier in het vak. De schoolleiding speelt daarbij een sleutelrol, want zonder ruimte in het rooster komt overleg niet van de grond. Dit wordt verder uitgewerkt in het volgende hoofdstuk van de analyse en daarmee afgerond.'
const INDENTED = 'Bij de tweede meting bleek dat vooral de begeleiding van startende docenten was verbeterd. Mentoren kregen uren voor hun taak en werden zelf ook geschoold in coaching. Het verloop onder nieuwe docenten daalde in twee jaar van negen naar vier procent.'
const BLOCK = 'Een docent vertelde: we hebben eindelijk tijd om bij elkaar in de klas te kijken, en dat verandert hoe je over je eigen lessen nadenkt. Het gesprek gaat nu over leren en niet meer alleen over roosters en regels. Dat had ik niet verwacht toen we begonnen.'
const LEFT = 'In de linkerkolom staat de opzet van het onderzoek: vijf scholen, drie meetmomenten en interviews met docenten, leerlingen en schoolleiders over hun ervaringen.'
const RIGHT = 'In de rechterkolom volgen de uitkomsten: de samenwerking is sterker geworden en leerlingen merken dat lessen beter op elkaar aansluiten, al blijft de planning een zorg voor de teams in het exposé.'

/** Word-wraps `text` at `width` points; the lines in order. */
function wrap(text: string, width: number, firstIndent = 0): string[] {
  const lines: string[] = []
  let cur = ''
  for (const word of text.split(' ')) {
    const next = cur ? `${cur} ${word}` : word
    const room = width - (lines.length === 0 ? firstIndent : 0)
    if (cur && unitWidth('regular', next) * SIZE > room) {
      lines.push(cur)
      cur = word
    } else cur = next
  }
  if (cur) lines.push(cur)
  return lines
}

/** One A4 page: a paragraph, a paragraph with a first-line indent, an indented block, two columns. */
async function layoutPdf(path: string): Promise<Record<'one' | 'indented' | 'block' | 'left' | 'right', string[]>> {
  const { doc, font } = await createDocument()
  const page = doc.addPage([595.28, 841.89])
  let y = 770
  const draw = (lines: string[], x: number, firstIndent = 0) => {
    lines.forEach((l, i) => {
      page.drawText(l, { x: x + (i === 0 ? firstIndent : 0), y, size: SIZE, font: font.regular })
      y -= LEAD
    })
    y -= 12
  }
  const out = {
    one: wrap(ONE_COLUMN, 455),
    indented: wrap(INDENTED, 455, 28),
    block: wrap(BLOCK, 375),
    left: wrap(LEFT, 215),
    right: wrap(RIGHT, 215),
  }
  draw(out.one, 70)
  draw(out.indented, 70, 28)
  draw(out.block, 110)
  const top = y
  draw(out.left, 70)
  y = top
  draw(out.right, 310)
  writeFileSync(path, await doc.save())
  return out
}

describe('selections that start or end in white space (browser mode, Chromium)', () => {
  const tmp = tempDir('werkbank-selection-pdf-')
  let wb: Workbench
  let page: Page
  let documentId: number
  let codeId: number
  let anna: number
  let lines: Awaited<ReturnType<typeof layoutPdf>>
  let text: string

  beforeAll(async () => {
    const pdf = join(tmp.dir, 'Opmaak.pdf')
    lines = await layoutPdf(pdf)
    wb = await openWorkbench('selection', async (call) => {
      const [outcome] = await call('documents:import', { paths: [pdf] })
      if (outcome?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`)
      documentId = outcome.documentId
      codeId = (await call('codes:create', { parentId: null, name: 'Citaat', colour: '#3cb44b' })).id
      anna = (await call('coders:ensure', { name: 'Anna' })).id
    }, { coder: 'Anna' })
    page = wb.page
    await page.goto(wb.server.pageUrl)
    await coderIs(page, 'Anna')
    await openDocument(page, documentId)
    text = await wb.api('documents:text', { id: documentId })
  })

  afterAll(async () => {
    await wb?.close()
    tmp.remove()
  })

  /** Text from the start of `from` to the end of `to` (both lines or line starts in the document text, `to` after `from`). */
  function between(from: string, to: string): string {
    const a = text.indexOf(from)
    const b = text.indexOf(to, a)
    expect(a).toBeGreaterThanOrEqual(0)
    expect(b).toBeGreaterThanOrEqual(a)
    return text.slice(a, b + to.length)
  }

  type Spot = { needle: string; edge: 'left' | 'right'; dx: number; dy?: 'mid' | number }

  /** A point beside a word: `dx` px left or right of its edge, at the line's middle or `dy` px below its bottom. */
  async function spot(s: Spot): Promise<{ x: number; y: number }> {
    const b = await textBox(page, 1, s.needle)
    const x = s.edge === 'left' ? b.left - s.dx : b.right + s.dx
    const y = s.dy === undefined || s.dy === 'mid' ? (b.top + b.bottom) / 2 : b.bottom + s.dy
    return { x, y }
  }

  /** Drags from one spot to another, codes the selection through the picker, returns the quote (and deletes the coding). */
  async function codeDrag(from: Spot, to: Spot, shot?: string): Promise<string> {
    await page.evaluate((needle) => {
      const spans = document.querySelectorAll<HTMLElement>('[data-page-no="1"] .textLayer span[data-i]')
      for (const s of spans) if (s.textContent?.includes(needle)) return s.scrollIntoView({ block: 'center' })
    }, from.needle)
    const a = await spot(from)
    const b = await spot(to)
    await page.evaluate(() => window.getSelection()?.removeAllRanges())
    await page.mouse.move(a.x, a.y)
    await page.mouse.down()
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 })
    await page.mouse.move(b.x, b.y, { steps: 4 })
    await page.mouse.up()
    const picker = page.locator('.code-picker input')
    await picker.waitFor({ timeout: 5000 })
    if (shot) await page.screenshot({ path: screenshotPath(shot) })
    await picker.fill('Citaat')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await wb.api('codings:list', { documentId })).length).toBe(1)
    const [coding] = await wb.api('codings:list', { documentId })
    await wb.api('codings:delete', { id: coding!.id, actingCoderId: anna })
    await expect.poll(async () => (await wb.api('codings:list', { documentId })).length).toBe(0)
    await page.evaluate(() => window.getSelection()?.removeAllRanges())
    return coding!.quote
  }

  async function allLayouts(zoom: string): Promise<void> {
    const { one, indented, block, left, right } = lines
    // Needles are whole lines (unique on the page); a line's left edge is its first letter, its right edge its last.
    const upTo = (line: string, words: number) => line.split(' ').slice(0, words).join(' ')
    // One column: from the left margin beside line 2 to a word on line 3.
    const part3 = upTo(one[2]!, 4)
    expect(await codeDrag({ needle: one[1]!, edge: 'left', dx: 24 }, { needle: part3, edge: 'right', dx: -1 }, `60-selection-margin-${zoom}`))
      .toBe(between(one[1]!, part3))
    // To 8 px right of a paragraph's final full stop.
    const lastLine = one.at(-1)!
    const penult = one.at(-2)!
    expect(await codeDrag({ needle: penult, edge: 'left', dx: -1 }, { needle: lastLine, edge: 'right', dx: 8 }))
      .toBe(between(penult, lastLine))
    // To 60 px right of it and a little below the line: still the paragraph's end, not the line above.
    expect(await codeDrag({ needle: penult, edge: 'left', dx: -1 }, { needle: lastLine, edge: 'right', dx: 60, dy: 4 }))
      .toBe(between(penult, lastLine))
    // From inside a first-line indent to just after the end of the paragraph's first line.
    expect(await codeDrag({ needle: indented[0]!, edge: 'left', dx: 10 }, { needle: indented[0]!, edge: 'right', dx: 15 }))
      .toBe(indented[0]!)
    // An indented block: from its left margin beside line 2 to the margin beside line 4 (ends after line 3).
    expect(await codeDrag({ needle: block[1]!, edge: 'left', dx: 30 }, { needle: block[3]!, edge: 'left', dx: 30 }))
      .toBe(between(block[1]!, block[2]!))
    // Two columns: from the gap between the columns beside the right column's line 2 to below its paragraph.
    expect(await codeDrag({ needle: right[1]!, edge: 'left', dx: 8 }, { needle: right.at(-1)!, edge: 'left', dx: -4, dy: 10 }, `61-selection-columns-${zoom}`))
      .toBe(between(right[1]!, right.at(-1)!))
    // The left column's first word to just after its paragraph's short last line (in the gap, nearer the left column).
    expect(await codeDrag({ needle: left[0]!, edge: 'left', dx: -1 }, { needle: left.at(-1)!, edge: 'right', dx: 6 }))
      .toBe(between(left[0]!, left.at(-1)!))
    // Starting below the left column's paragraph and dragging up onto line 2: from line 2 to the paragraph's end.
    expect(await codeDrag({ needle: left.at(-1)!, edge: 'left', dx: -20, dy: 12 }, { needle: left[1]!, edge: 'left', dx: -1 }))
      .toBe(between(left[1]!, left.at(-1)!))
  }

  it('codes the intended words at the fitted width', async () => {
    await allLayouts('fit')
    expect(wb.problems).toEqual([])
  })

  it('and zoomed in', async () => {
    const before = await page.getByTestId('zoom-level').textContent()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(() => page.getByTestId('zoom-level').textContent()).not.toBe(before)
    await page.waitForSelector('[data-page-no="1"] .textLayer .endOfContent', { state: 'attached' })
    await page.waitForTimeout(300)
    await allLayouts('zoomed')
    expect(wb.problems).toEqual([])
  })

  it('a click (no drag) selects nothing and opens no picker', async () => {
    const a = await spot({ needle: lines.one[0]!, edge: 'left', dx: 20 })
    await page.mouse.click(a.x, a.y)
    await page.waitForTimeout(200)
    expect(await page.locator('.code-picker').count()).toBe(0)
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('')
  })
})
