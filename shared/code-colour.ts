/**
 * Colours for sub-codes: a shade of the parent's hue, so a sub-code reads as its parent's in
 * the codebook, the highlights and the stripes. Children step lighter and darker in turn.
 */

const STEPS = [0.14, -0.12, 0.26, -0.22, 0.36, 0.07, -0.06, 0.2]

function hexToHsl(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) return null
  const n = parseInt(m[1]!, 16)
  const r = ((n >> 16) & 255) / 255
  const g = ((n >> 8) & 255) / 255
  const b = (n & 255) / 255
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const l = (max + min) / 2
  if (max === min) return [0, 0, l]
  const d = max - min
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min)
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return [h * 60, s, l]
}

function hslToHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))
  const hex = (x: number) => Math.round(x * 255).toString(16).padStart(2, '0')
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`
}

/** The colour of a parent's `index`-th child (0-based): the parent's hue, lighter or darker. */
export function childColour(parent: string, index: number): string {
  const hsl = hexToHsl(parent)
  if (!hsl) return parent
  const [h, s, l] = hsl
  const step = STEPS[index % STEPS.length]!
  // Away from the ends, so the shade neither vanishes on white nor turns black.
  let next = l + step
  if (next > 0.85 || next < 0.2) next = l - step
  return hslToHex(h, s, Math.min(0.85, Math.max(0.2, next)))
}

/** The hue of a colour in degrees (for tests and checks), or null for one that is not #rrggbb. */
export function hueOf(colour: string): number | null {
  const hsl = hexToHsl(colour)
  return hsl ? hsl[0] : null
}
