/**
 * Coding without the mouse: a caret in the document's canonical text that the keyboard moves
 * and extends, kept as offsets (anchor, focus) — the same offsets a coding has — and drawn as an
 * overlay, so no browser selection in the text layer is needed.
 *
 *   ← →                 move the caret a character        Shift+← →        extend by a character
 *   Ctrl+← →            move a word                       Ctrl+Shift+← →   extend by a word
 *   S / P               select the sentence / paragraph around the caret (again: the next one too)
 *   Enter               open the code picker on the selection;  1–9  apply a recent code
 *   Escape              collapse the selection
 * Find (Ctrl+F) puts its current hit here as the selection. Pure apart from the hook below.
 */
import type { PageInfo } from '../../../shared/types'

export interface KeyboardSelection {
  anchor: number
  focus: number
}

/** The selection as a range (start ≤ end). */
export function rangeOf(k: KeyboardSelection): { start: number; end: number } {
  return { start: Math.min(k.anchor, k.focus), end: Math.max(k.anchor, k.focus) }
}

/** The document's canonical text from its pages (joined by the page separator). */
export function documentText(pages: readonly Pick<PageInfo, 'startOffset' | 'text'>[]): string {
  let out = ''
  for (const p of pages) {
    while (out.length < p.startOffset) out += '\f'
    out += p.text
  }
  return out
}

const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)

/** The offset one word on: past the white space and punctuation ahead, then past the word. */
export function wordForward(text: string, at: number): number {
  let i = at
  while (i < text.length && !isWord(text[i])) i++
  while (i < text.length && isWord(text[i])) i++
  return i
}

/** The offset one word back: to the start of the word before (or the one the caret is in). */
export function wordBackward(text: string, at: number): number {
  let i = at
  while (i > 0 && !isWord(text[i - 1])) i--
  while (i > 0 && isWord(text[i - 1])) i--
  return i
}

export type CaretKey = 'left' | 'right'

/** The selection after an arrow key: move (collapse) or extend, by a character or a word. */
export function step(text: string, k: KeyboardSelection, key: CaretKey, opts: { extend: boolean; word: boolean }): KeyboardSelection {
  const forward = key === 'right'
  let focus: number
  if (!opts.extend && k.anchor !== k.focus && !opts.word) {
    // A plain arrow on a selection goes to its edge, as in a text editor.
    const r = rangeOf(k)
    focus = forward ? r.end : r.start
  } else if (opts.word) focus = forward ? wordForward(text, k.focus) : wordBackward(text, k.focus)
  else focus = Math.min(text.length, Math.max(0, k.focus + (forward ? 1 : -1)))
  return opts.extend ? { anchor: k.anchor, focus } : { anchor: focus, focus }
}
