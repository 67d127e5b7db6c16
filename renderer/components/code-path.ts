/**
 * Code paths shortened where it costs least: the leaf name (what was applied) stays whole, the
 * parents lose their middle ("Krachtige loopb…leeromgeving / Praktijkgericht"), so two
 * sub-codes of one long parent no longer read the same. The whole path goes in a title and
 * to screen readers (CodePathLabel.tsx).
 */

/** A code path's parent part and its leaf ("A/B/C" → ["A/B", "C"]; a top-level code has no parent). */
export function splitPath(path: string): { parent: string; leaf: string } {
  const i = path.lastIndexOf('/')
  return i < 0 ? { parent: '', leaf: path } : { parent: path.slice(0, i), leaf: path.slice(i + 1) }
}

/** `text` cut to at most `max` characters by taking out its middle (an ellipsis in its place). */
export function middleEllipsis(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  if (max <= 1) return '…'
  const tail = Math.floor((max - 1) / 2)
  const head = max - 1 - tail
  return `${chars.slice(0, head).join('').trimEnd()}…${chars.slice(chars.length - tail).join('').trimStart()}`
}

/**
 * A code path as text of about `max` characters: the leaf whole (even when that is longer),
 * the parents shortened in the middle to the room left, joined by " / ".
 */
export function shortPath(path: string, max: number): string {
  const { parent, leaf } = splitPath(path)
  if (!parent) return leaf
  const shown = parent.split('/').join(' / ')
  if (Array.from(shown).length + 3 + Array.from(leaf).length <= max) return `${shown} / ${leaf}`
  const room = Math.max(8, max - Array.from(leaf).length - 3)
  return `${middleEllipsis(shown, room)} / ${leaf}`
}

/**
 * Where to cut a parent path for a width-following middle ellipsis in CSS: the head shrinks
 * with an ellipsis, the tail (the nearest parent's last characters) stays.
 */
export function headAndTail(text: string, tailChars = 14): [string, string] {
  const chars = Array.from(text)
  if (chars.length <= tailChars + 4) return [text, '']
  // The tail starts at a word where one starts near the cut ("…leeromgeving", not "…e leeromgeving").
  let cut = chars.length - tailChars
  for (let i = cut; i < chars.length - 3; i++) {
    if (/[\s/]/.test(chars[i - 1]!)) {
      cut = i
      break
    }
  }
  return [chars.slice(0, cut).join(''), chars.slice(cut).join('')]
}
