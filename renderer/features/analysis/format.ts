/**
 * Numbers as the analysis views show them, per language (nl writes 0,5), and the heat-map
 * shading. Pure, apart from Intl.
 */
import type { MatrixMeasure } from '../../../shared/analysis-types'
import type { Lang } from '../../../shared/i18n/messages'
import { ta } from '../../i18n/analysis-strings'
import { heatLevel } from '../../../shared/heat'

// One scale for the page and the Excel export (shared/heat.ts); analysis.css has a class
// `heat-1` … `heat-20` for each shade.
export { HEAT_LEVELS, heatLevel } from '../../../shared/heat'

const formats = new Map<string, Intl.NumberFormat>()
function nf(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`
  let f = formats.get(key)
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })))
  return f
}

/** A proportion 0..1 as a percentage with one decimal ("12.5 %"). */
export function percent(lang: Lang, v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : `${nf(lang, digits).format(v * 100)} %`
}

/** A coefficient with three decimals ("0.812"), or a dash. */
export function coefficient(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  // A bound that rounds to zero is written 0.000, not -0.000.
  return nf(lang, 3).format(Math.abs(v) < 0.0005 ? 0 : v)
}

export function integer(lang: Lang, v: number): string {
  // Small whole numbers look the same in every locale; Intl is slow across a large table.
  return v >= 0 && v < 1000 && Number.isInteger(v) ? String(v) : nf(lang, 0).format(v)
}

/**
 * A matrix value as shown for its measure: counts, percentages of text, or ✓. Coverage names
 * the area codings beside the percentage ("0.0 % + 1 area": evidence that covers no text), and
 * an empty coverage cell stays blank, as in MAXQDA, so that evidence stands out.
 */
export function matrixValue(lang: Lang, measure: MatrixMeasure, v: number | null | undefined, areas = 0): string {
  if (measure === 'coverage') {
    const extra = areas > 0 ? ta(lang, areas === 1 ? 'areaOne' : 'areaMany', { n: integer(lang, areas) }) : ''
    if (v === null || v === undefined) return extra === '' ? '—' : `— + ${extra}`
    if (v === 0 && extra === '') return ''
    return extra === '' ? percent(lang, v) : `${percent(lang, v)} + ${extra}`
  }
  if (v === null || v === undefined) return '—'
  if (measure === 'presence') return v > 0 ? '✓' : '·'
  return integer(lang, v)
}

/**
 * The class of a shaded cell ('' when unshaded); from level 19 the text is white. Classes
 * rather than style attributes: one string per cell is the cheapest thing React can set on
 * twenty thousand of them.
 */
export function heatClass(v: number | null | undefined, max: number): string {
  const k = heatLevel(v, max)
  return k === 0 ? '' : ` heat-${k}`
}
