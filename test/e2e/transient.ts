/**
 * Reading transient UI states without racing them. A flash fades after a moment (and, on a
 * busy machine, may fade before a test gets to it); the viewer keeps the last flash in the page
 * as an invisible `ov-flash-done` until the next one, each overlay naming its flash in
 * `data-overlay` (`flash<N>-…`). These helpers find and measure it inside the page, in one go.
 */
import type { Page } from 'playwright-core'
import type { Box } from './workbench-helpers'

interface FlashSeen {
  nonce: number
  box: Box
}

/** The newest flash in the page with its first box, or null when none was ever drawn. */
function newestFlash(page: Page): Promise<FlashSeen | null> {
  return page.evaluate(() => {
    let best: { nonce: number; box: { left: number; top: number; right: number; bottom: number } } | null = null
    for (const el of document.querySelectorAll<HTMLElement>('.ov-flash, .ov-flash-done')) {
      const nonce = Number(/^flash(\d+)-/.exec(el.dataset.overlay ?? '')?.[1])
      if (!Number.isFinite(nonce) || (best && nonce <= best.nonce)) continue
      const r = el.getBoundingClientRect()
      best = { nonce, box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } }
    }
    return best
  })
}

/** The number of the newest flash so far (0: none): call before the action that should flash. */
export async function lastFlashNonce(page: Page): Promise<number> {
  return (await newestFlash(page))?.nonce ?? 0
}

/**
 * Waits for a flash newer than `after` and returns its box once it stands still (the jump may
 * still be scrolling when the flash is first drawn).
 */
export async function flashAfter(page: Page, after: number, timeout = 20_000): Promise<Box> {
  const end = Date.now() + timeout
  let previous: Box | null = null
  for (;;) {
    const seen = await newestFlash(page)
    if (seen && seen.nonce > after) {
      const b = seen.box
      if (previous && (['left', 'top', 'right', 'bottom'] as const).every((k) => Math.abs(previous![k] - b[k]) < 0.5)) return b
      previous = b
    }
    if (Date.now() > end) throw new Error(`no flash after #${after} within ${timeout} ms (newest: ${JSON.stringify(seen)})`)
    await page.waitForTimeout(50)
  }
}

/**
 * Waits until the last notice the page showed holds `text`. A notice fades after 5 s; the banners
 * keep the last one's text (`data-last-notice`), so a busy machine cannot make a test miss it.
 */
export async function noticeShown(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('[data-testid="banners"]')?.getAttribute('data-last-notice')?.includes(t) === true, text, { timeout })
}
