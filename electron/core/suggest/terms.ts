/**
 * Terms of a text for the suggestion scorer: words in lower case, stop words dropped, each word
 * stemmed with Snowball for its language (Dutch, English, Hungarian), diacritics removed after
 * stemming, plus the pairs of adjacent kept words. Stemmers and stop-word lists are read from
 * node_modules (snowball-stemmers, stopwords-iso): nothing is downloaded.
 */
import { createRequire } from 'node:module'

interface Stemmer {
  stem(word: string): string
}
interface Snowball {
  algorithms(): string[]
  newStemmer(name: string): Stemmer
}

const require = createRequire(import.meta.url)
const snowball = require('snowball-stemmers') as Snowball
const stopwordLists = require('stopwords-iso') as Record<string, string[]>

/** Languages told apart (by their stop words) and the Snowball algorithm of each. */
export const LANGUAGES = { nl: 'dutch', en: 'english', hu: 'hungarian' } as const
export type Language = keyof typeof LANGUAGES | 'other'

const STOP: Record<keyof typeof LANGUAGES, Set<string>> = {
  nl: new Set(stopwordLists.nl),
  en: new Set(stopwordLists.en),
  hu: new Set(stopwordLists.hu),
}
const STEMMERS = new Map<Language, Stemmer>()
function stemmer(lang: Language): Stemmer | null {
  if (lang === 'other') return null
  let s = STEMMERS.get(lang)
  if (!s) STEMMERS.set(lang, (s = snowball.newStemmer(LANGUAGES[lang])))
  return s
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu
const DIACRITICS = /\p{M}/gu

/** The words of a text in lower case, in order (letters and digits; a hyphen splits). */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? []
}

/**
 * The language of a text: the one whose most frequent stop words (the list's first 100, which
 * stopwords-iso orders by use) occur most often, if they make up at least 5% of the words.
 */
export function detectLanguage(text: string): Language {
  const ws = words(text.slice(0, 200_000))
  if (ws.length === 0) return 'other'
  let best: Language = 'other'
  let bestCount = ws.length * 0.05
  for (const lang of Object.keys(STOP) as (keyof typeof LANGUAGES)[]) {
    const common = new Set(stopwordLists[lang]!.slice(0, 100))
    let n = 0
    for (const w of ws) if (common.has(w)) n++
    if (n > bestCount) {
      best = lang
      bestCount = n
    }
  }
  return best
}

/** Whether a word (in lower case) is a stop word of the language. */
export function isStopword(word: string, lang: Language): boolean {
  return lang !== 'other' && STOP[lang].has(word)
}

const stemCache = new Map<string, string>()

/**
 * The terms of a text: stemmed words without stop words (words of one letter and numbers are
 * dropped too) and, as `a_b`, each pair of neighbouring kept words. Pairs catch phrases
 * ("water bij de wijn" → `water_wijn`) that single stems blur.
 */
export function terms(text: string, lang: Language): string[] {
  const stop = lang === 'other' ? null : STOP[lang]
  const st = stemmer(lang)
  const kept: string[] = []
  for (const w of words(text)) {
    if (w.length < 2 || /^\d+$/.test(w) || stop?.has(w)) continue
    const key = `${lang}:${w}`
    let s = stemCache.get(key)
    if (s === undefined) {
      s = (st ? st.stem(w) : w).normalize('NFD').replace(DIACRITICS, '')
      if (stemCache.size > 200_000) stemCache.clear()
      stemCache.set(key, s)
    }
    kept.push(s)
  }
  const out = kept.slice()
  for (let i = 1; i < kept.length; i++) out.push(`${kept[i - 1]}_${kept[i]}`)
  return out
}

/** Whether Snowball has a stemmer for the language (for the report of what was done). */
export function hasStemmer(lang: Language): boolean {
  return lang !== 'other' && snowball.algorithms().includes(LANGUAGES[lang])
}
