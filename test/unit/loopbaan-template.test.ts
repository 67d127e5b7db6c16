import { describe, it, expect } from 'vitest'
import { LOOPBAAN, templateById } from '../../shared/codebook/loopbaan'
import type { Lang, TemplateCode } from '../../shared/codebook/template-types'

const LANGS: Lang[] = ['nl', 'en']

const EXPECTED: Array<[key: string, parentKey: string | null]> = [
  ['fase', null],
  ['fase-0', 'fase'],
  ['fase-1', 'fase'],
  ['fase-2', 'fase'],
  ['fase-3', 'fase'],
  ['leeromgeving', null],
  ['leeromgeving-praktijkgericht', 'leeromgeving'],
  ['leeromgeving-dialogisch', 'leeromgeving'],
  ['leeromgeving-vraaggericht', 'leeromgeving'],
  ['verzet', null],
  ['verzet-actief', 'verzet'],
  ['verzet-passief', 'verzet'],
  ['verzet-docenten', 'verzet'],
  ['verzet-middenmanagement', 'verzet'],
  ['leiderschap', null],
  ['leiderschap-vage-ideeen', 'leiderschap'],
  ['leiderschap-losse-projectgroep', 'leiderschap'],
  ['leiderschap-water-bij-de-wijn', 'leiderschap'],
  ['leiderschap-verantwoordingsdruk', 'leiderschap'],
  ['leiderschap-doelen-herhalen', 'leiderschap'],
  ['bestanddelen', null],
  ...Array.from({ length: 9 }, (_, i): [string, string] => [`wb-${i + 1}`, 'bestanddelen']),
]

const TEXT_FIELDS = ['name', 'definition', 'inclusion', 'exclusion', 'example'] as const

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
}

function hue([r, g, b]: [number, number, number]): number {
  const max = Math.max(r, g, b)
  const d = max - Math.min(r, g, b)
  if (d === 0) return 0
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return (h * 60 + 360) % 360
}

/** WCAG relative luminance of the colour laid at 35% opacity over white, as a highlight is. */
function tintLuminance(hex: string): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  const [r, g, b] = rgb(hex).map((c) => lin(1 - 0.35 * (1 - c / 255))) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function rootOf(code: TemplateCode, byKey: Map<string, TemplateCode>): TemplateCode {
  let c = code
  while (c.parentKey !== null) c = byKey.get(c.parentKey)!
  return c
}

describe('the loopbaan codebook template', () => {
  const codes = LOOPBAAN.codes
  const byKey = new Map(codes.map((c) => [c.key, c]))

  it('has the thirty codes of the seed framework, with the listed keys and parents, in order', () => {
    expect(codes.map((c) => [c.key, c.parentKey])).toEqual(EXPECTED)
  })

  it('uses kebab-case keys that are unique', () => {
    for (const c of codes) expect(c.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(byKey.size).toBe(codes.length)
  })

  it('lists every parent before its children', () => {
    codes.forEach((c, i) => {
      if (c.parentKey === null) return
      const parentIndex = codes.findIndex((p) => p.key === c.parentKey)
      expect(parentIndex, `${c.key} → ${c.parentKey}`).toBeGreaterThanOrEqual(0)
      expect(parentIndex, `${c.key} → ${c.parentKey}`).toBeLessThan(i)
    })
  })

  it('gives siblings unique names in each language, none containing the path separator', () => {
    for (const lang of LANGS) {
      const seen = new Map<string | null, Set<string>>()
      for (const c of codes) {
        const name = c.name[lang]
        expect(name, `${c.key}.name.${lang}`).not.toContain('/')
        const siblings = seen.get(c.parentKey) ?? new Set<string>()
        expect(siblings.has(name), `duplicate ${lang} name "${name}"`).toBe(false)
        siblings.add(name)
        seen.set(c.parentKey, siblings)
      }
    }
  })

  it('fills every text in both languages, without stray whitespace', () => {
    const texts: Array<[string, string]> = []
    for (const lang of LANGS) {
      texts.push([`template.name.${lang}`, LOOPBAAN.name[lang]])
      texts.push([`template.description.${lang}`, LOOPBAAN.description[lang]])
      for (const c of codes) for (const f of TEXT_FIELDS) texts.push([`${c.key}.${f}.${lang}`, c[f][lang]])
    }
    for (const [where, text] of texts) {
      expect(text.trim().length, where).toBeGreaterThan(0)
      expect(text, where).toBe(text.trim())
      expect(text, where).not.toMatch(/\s{2,}/)
    }
  })

  it('gives every code a valid colour, all distinct and far enough apart to tell apart', () => {
    for (const c of codes) expect(c.colour, c.key).toMatch(/^#[0-9A-F]{6}$/)
    expect(new Set(codes.map((c) => c.colour)).size).toBe(codes.length)
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) {
        const [a, b] = [rgb(codes[i]!.colour), rgb(codes[j]!.colour)]
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
        expect(distance, `${codes[i]!.key} vs ${codes[j]!.key}`).toBeGreaterThan(30)
      }
    }
  })

  it('keeps each group within one hue family', () => {
    for (const c of codes) {
      const root = rootOf(c, byKey)
      const d = Math.abs(hue(rgb(c.colour)) - hue(rgb(root.colour)))
      expect(Math.min(d, 360 - d), `${c.key} vs ${root.key}`).toBeLessThanOrEqual(30)
    }
  })

  it('orders the phases from light to dark', () => {
    const phases = ['fase-0', 'fase-1', 'fase-2', 'fase-3'].map((k) => tintLuminance(byKey.get(k)!.colour))
    expect([...phases].sort((a, b) => b - a)).toEqual(phases)
  })

  it('picks colours that stay visible and keep black text readable at 35% opacity', () => {
    for (const c of codes) {
      const l = tintLuminance(c.colour)
      // Contrast of black text at least 9:1, yet clearly off white.
      expect(l, c.key).toBeGreaterThanOrEqual(0.4)
      expect(l, c.key).toBeLessThanOrEqual(0.88)
    }
  })

  it('quotes the seed for the four phases and the nine pieces of advice', () => {
    expect(byKey.get('fase-0')!.definition.nl).toContain('zonder dat zij hierover inhoudelijke en procedurele afspraken maken')
    expect(byKey.get('fase-1')!.definition.nl).toContain('afspraken over ieders taken bij een stage of project')
    expect(byKey.get('fase-2')!.definition.nl).toContain('ontwerpen samen leerarrangementen')
    expect(byKey.get('fase-3')!.definition.nl).toContain('intensieve onderlinge kennisuitwisseling')
    for (let n = 1; n <= 9; n++) {
      const wb = byKey.get(`wb-${n}`)!
      expect(wb.name.nl.startsWith(`${n} `), wb.key).toBe(true)
      expect(wb.name.en.startsWith(`${n} `), wb.key).toBe(true)
    }
    expect(byKey.get('wb-6')!.definition.nl).toContain('SMART')
    expect(byKey.get('wb-8')!.definition.nl).toContain('Zorg voor studenten moet in evenwicht zijn met het bieden van uitdaging.')
  })

  it('is found by its id, and an unknown id finds nothing', () => {
    expect(templateById('loopbaan')).toBe(LOOPBAAN)
    expect(templateById('onbekend')).toBeUndefined()
    expect(templateById('')).toBeUndefined()
  })
})
