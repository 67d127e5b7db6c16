/**
 * The heat-map scale of the analysis tables, shared by the page (CSS classes `heat-1` …
 * `heat-20`) and the Excel export (cell fills), so a workbook is shaded as the screen is.
 */

/** Shades of the heat map. */
export const HEAT_LEVELS = 20

/** The accent colour the shades are made of (rgb). */
export const HEAT_RGB = [31, 95, 191] as const

/**
 * The shade of a value: 0 (none) at 0, 20 at the maximum, on a square-root scale so small
 * counts stay visible beside one large one.
 */
export function heatLevel(v: number | null | undefined, max: number): number {
  if (v === null || v === undefined || v <= 0 || max <= 0) return 0
  return Math.min(HEAT_LEVELS, 1 + Math.floor(Math.sqrt(Math.min(1, v / max)) * (HEAT_LEVELS - 0.001)))
}

/** Opacity of a shade over white, as analysis.css has it (0.14 at level 1 … 0.90 at 20). */
export function heatAlpha(level: number): number {
  return level <= 0 ? 0 : 0.1 + 0.04 * level
}

/** From this shade on the text is white: below it dark text, above it white text keeps 4.5:1. */
export const HEAT_WHITE_TEXT = 19

/** The shade as an opaque colour on white, `RRGGBB`. */
export function heatHex(level: number): string {
  const a = heatAlpha(level)
  return HEAT_RGB.map((c) => Math.round(255 - a * (255 - c)).toString(16).padStart(2, '0')).join('').toUpperCase()
}
