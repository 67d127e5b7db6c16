/**
 * DejaVu Sans for the PDFs Werkbank lays out itself (a text source of a REFI-QDA project
 * becomes PDF pages; the test fixtures' reports): parsed once per process, with fontkit's
 * shaping replaced by a plain per-code-point glyph lookup. pdf-lib asks for a layout on every
 * drawText and width query, and full shaping costs ~100 µs a call; Latin text with precomposed
 * characters needs no more (no ligatures or kerning: pdf-lib ignores glyph positions anyway).
 * A character the font lacks throws rather than drawing .notdef: callers leave such characters
 * out first (`hasGlyph`).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkitNs from '@pdf-lib/fontkit'
import type { Font, Glyph } from '@pdf-lib/fontkit'
import { PDFDocument, type PDFFont } from 'pdf-lib'

// The UMD bundle of fontkit lands on `default` when imported from ESM.
const fontkit = (fontkitNs as unknown as { default?: typeof fontkitNs }).default ?? fontkitNs

const require = createRequire(import.meta.url)

export type FontKey = 'regular' | 'bold'

interface LoadedFont {
  bytes: Uint8Array
  font: Font
  glyphs: Map<number, Glyph | null>
}

let loaded: Record<FontKey, LoadedFont> | undefined

function fonts(): Record<FontKey, LoadedFont> {
  if (loaded) return loaded
  const load = (file: string): LoadedFont => {
    const bytes = new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)))
    const font = fontkit.create(bytes)
    const f: LoadedFont = { bytes, font, glyphs: new Map() }
    const layout = (text: string) => {
      const out: Glyph[] = []
      for (const ch of text) out.push(glyphOf(f, ch.codePointAt(0) as number))
      return { glyphs: out }
    }
    ;(font as unknown as { layout: typeof layout }).layout = layout
    return f
  }
  loaded = { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') }
  return loaded
}

function lookup(f: LoadedFont, cp: number): Glyph | null {
  let g = f.glyphs.get(cp)
  if (g === undefined) {
    const found = f.font.glyphForCodePoint(cp)
    g = found && found.id !== 0 ? found : null
    f.glyphs.set(cp, g)
  }
  return g
}

function glyphOf(f: LoadedFont, cp: number): Glyph {
  const g = lookup(f, cp)
  if (!g) throw new Error(`DejaVu lacks U+${cp.toString(16).toUpperCase().padStart(4, '0')}`)
  return g
}

/** Whether DejaVu Sans (`key`) can draw the code point. */
export function hasGlyph(key: FontKey, cp: number): boolean {
  return lookup(fonts()[key], cp) !== null
}

/**
 * Width of `text` at size 1 (multiply by the font size): glyph advances, looked up once per
 * code point (not cached per string, which would grow with every text laid out).
 */
export function unitWidth(key: FontKey, text: string): number {
  const f = fonts()[key]
  let w = 0
  for (const ch of text) w += glyphOf(f, ch.codePointAt(0) as number).advanceWidth
  return w / f.font.unitsPerEm
}

/** pdf-lib asks this object to parse font bytes; hand it the shared, already parsed fonts. */
const sharedFontkit = {
  create(bytes: Uint8Array): Font {
    const f = fonts()
    if (bytes === f.regular.bytes) return f.regular.font
    if (bytes === f.bold.bytes) return f.bold.font
    return fontkit.create(bytes)
  },
}

/** A new PDF with DejaVu Sans and DejaVu Sans Bold embedded (subset). */
export async function createDocument(): Promise<{ doc: PDFDocument; font: Record<FontKey, PDFFont> }> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(sharedFontkit as never)
  const f = fonts()
  const regular = await doc.embedFont(f.regular.bytes, { subset: true, customName: 'DejaVuSans' })
  const bold = await doc.embedFont(f.bold.bytes, { subset: true, customName: 'DejaVuSans-Bold' })
  return { doc, font: { regular, bold } }
}
