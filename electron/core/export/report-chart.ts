/**
 * The report's chart, as the matrix view draws it: one horizontal bar per case, one piece per
 * code in the code's colour. Laid out once as shapes, then written as inline SVG (HTML) or
 * drawn on @napi-rs/canvas as a PNG (docx), so both reports show the same picture.
 */
import { createRequire } from 'node:module'
import type { Lang } from '../../../shared/i18n/messages'
import type { ReportMatrix } from './report-model'
import { rs } from './report-strings'

type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; title?: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; anchor: 'start' | 'end' | 'middle'; fill: string; bold?: boolean }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string }

export interface ChartLayout {
  width: number
  height: number
  title: string
  shapes: Shape[]
}

// About the width of the report's text column, so the SVG is shown near 1:1 and its text stays legible.
const WIDTH = 740
const LABEL_W = 200
const VALUE_W = 44
const BAR_H = 18
const GAP = 7
const TOP = 30
const LABEL_CHARS = 27
const LEGEND_ROW = 19
const LEGEND_COL_W = WIDTH / 2
const LEGEND_CHARS = 44
const FONT = "'DejaVu Sans', 'Segoe UI', Arial, sans-serif"

function short(label: string, max: number): string {
  return label.length <= max ? label : label.slice(0, max - 1) + '…'
}

/** 0 and a few round whole steps (counts) up to at least `max`. */
function ticks(max: number): number[] {
  if (max <= 0) return [0]
  const raw = max / 5
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = Math.max(1, Math.round([1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw))
  const out: number[] = []
  for (let v = 0; v <= max; v += step) out.push(v)
  if (out[out.length - 1]! < max) out.push(out[out.length - 1]! + step)
  return out
}

/** The chart's shapes, or null when there is nothing to draw. */
export function chartLayout(m: ReportMatrix, lang: Lang): ChartLayout | null {
  const bars = m.columns.map((label, j) => {
    let x = 0
    const pieces: { row: number; x: number; v: number }[] = []
    m.rows.forEach((r, i) => {
      const v = r.values[j] ?? 0
      if (v <= 0) return
      pieces.push({ row: i, x, v })
      x += v
    })
    return { label, sum: x, pieces }
  })
  const max = Math.max(0, ...bars.map((b) => b.sum))
  if (max === 0) return null
  const scale = ticks(max)
  const top = scale[scale.length - 1]!
  const plotW = WIDTH - LABEL_W - VALUE_W
  const xOf = (v: number) => LABEL_W + (v / top) * plotW
  const shapes: Shape[] = []
  const grey = '#555555'
  const barsBottom = TOP + bars.length * (BAR_H + GAP)

  for (const v of scale) {
    shapes.push({ kind: 'line', x1: xOf(v), y1: TOP - 6, x2: xOf(v), y2: barsBottom - GAP + 2, stroke: '#dddddd' })
    shapes.push({ kind: 'text', x: xOf(v), y: TOP - 10, text: String(v), size: 12, anchor: 'middle', fill: grey })
  }
  bars.forEach((b, k) => {
    const y = TOP + k * (BAR_H + GAP)
    shapes.push({ kind: 'text', x: LABEL_W - 8, y: y + BAR_H - 5, text: short(b.label, LABEL_CHARS), size: 13, anchor: 'end', fill: '#222222' })
    for (const p of b.pieces) {
      const r = m.rows[p.row]!
      shapes.push({ kind: 'rect', x: xOf(p.x), y, w: Math.max(1, xOf(p.x + p.v) - xOf(p.x)), h: BAR_H, fill: r.colour, title: `${b.label} · ${r.path}: ${p.v}` })
    }
    shapes.push({ kind: 'text', x: xOf(b.sum) + 6, y: y + BAR_H - 5, text: String(b.sum), size: 13, anchor: 'start', fill: '#222222', bold: true })
  })

  const legend = m.rows.filter((r) => r.total > 0)
  const legendTop = barsBottom + 14
  legend.forEach((r, i) => {
    const col = i % 2
    const row = Math.floor(i / 2)
    const x = col * LEGEND_COL_W + 4
    const y = legendTop + row * LEGEND_ROW
    shapes.push({ kind: 'rect', x, y: y - 11, w: 12, h: 12, fill: r.colour })
    // Names, not paths: the chart shows one code's subtree or a few codes, and paths repeat the parent.
    shapes.push({ kind: 'text', x: x + 18, y, text: short(r.name, LEGEND_CHARS), size: 12, anchor: 'start', fill: '#222222' })
  })
  const height = legendTop + Math.ceil(legend.length / 2) * LEGEND_ROW + 4
  return { width: WIDTH, height, title: rs(lang, 'chartTitle'), shapes }
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** A colour safe to put in an attribute: the codebook's #RRGGBB, anything else grey. */
function colour(c: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(c) ? c : '#888888'
}

/** The chart as an inline SVG element (no scripts, no external fonts or images). */
export function chartSvg(layout: ChartLayout): string {
  const parts = layout.shapes.map((s) => {
    switch (s.kind) {
      case 'rect':
        return `<rect x="${s.x.toFixed(1)}" y="${s.y.toFixed(1)}" width="${s.w.toFixed(1)}" height="${s.h.toFixed(1)}" fill="${colour(s.fill)}">${s.title ? `<title>${esc(s.title)}</title>` : ''}</rect>`
      case 'line':
        return `<line x1="${s.x1.toFixed(1)}" y1="${s.y1.toFixed(1)}" x2="${s.x2.toFixed(1)}" y2="${s.y2.toFixed(1)}" stroke="${colour(s.stroke)}" stroke-width="1"/>`
      case 'text':
        return `<text x="${s.x.toFixed(1)}" y="${s.y.toFixed(1)}" font-size="${s.size}" text-anchor="${s.anchor}" fill="${colour(s.fill)}"${s.bold ? ' font-weight="bold"' : ''}>${esc(s.text)}</text>`
    }
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" ` +
    `role="img" aria-label="${esc(layout.title)}" font-family="${esc(FONT)}">` +
    `<title>${esc(layout.title)}</title>${parts.join('')}</svg>`
  )
}

let fontsRegistered = false

/**
 * The chart as PNG bytes at `scale` times its size (crisp in Word at 100–200 %), its text in
 * DejaVu Sans (the fonts Werkbank already ships for the PDFs it lays out).
 */
export async function chartPng(layout: ChartLayout, scale = 2): Promise<Uint8Array> {
  const { createCanvas, GlobalFonts } = await import('@napi-rs/canvas')
  if (!fontsRegistered) {
    const require = createRequire(import.meta.url)
    GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), 'DejaVu Sans')
    GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), 'DejaVu Sans')
    fontsRegistered = true
  }
  const canvas = createCanvas(Math.ceil(layout.width * scale), Math.ceil(layout.height * scale))
  const ctx = canvas.getContext('2d')
  ctx.scale(scale, scale)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, layout.width, layout.height)
  for (const s of layout.shapes) {
    if (s.kind === 'rect') {
      ctx.fillStyle = colour(s.fill)
      ctx.fillRect(s.x, s.y, s.w, s.h)
    } else if (s.kind === 'line') {
      ctx.strokeStyle = colour(s.stroke)
      ctx.lineWidth = 1
      ctx.beginPath()
      ctx.moveTo(s.x1, s.y1)
      ctx.lineTo(s.x2, s.y2)
      ctx.stroke()
    } else {
      ctx.fillStyle = colour(s.fill)
      ctx.font = `${s.bold ? 'bold ' : ''}${s.size}px "DejaVu Sans"`
      ctx.textAlign = s.anchor === 'middle' ? 'center' : s.anchor === 'end' ? 'right' : 'left'
      ctx.fillText(s.text, s.x, s.y)
    }
  }
  return new Uint8Array(await canvas.encode('png'))
}
