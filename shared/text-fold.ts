/**
 * Text folded for matching, one UTF-16 unit for one so that an offset in the folded text is an
 * offset in the original: lower case, without diacritics ("Coördinatie" → "coordinatie"), white
 * space as a space. Find in the viewer and the query language of search and auto-coding use it.
 */

/** One character folded: lower case without diacritics, white space as a space. */
export function foldChar(c: string): string {
  if (/\s/.test(c)) return ' '
  const lower = c.toLowerCase()
  const base = lower.normalize('NFD')[0] ?? lower
  return base.length === 1 && lower.length === 1 ? base : c
}

export function foldText(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!)
  return out
}
