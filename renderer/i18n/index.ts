import { interpolate, type Lang } from '../../shared/i18n/messages'
import { useApp } from '../store'
import { STRINGS, type StringKey } from './strings'

export type { Lang } from '../../shared/i18n/messages'
export type Translate = (key: StringKey, params?: Record<string, string | number>) => string

const LANG_KEY = 'werkbank.lang'

/** The language chosen before, else the browser's (Dutch for nl-*, English otherwise). */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY)
    if (saved === 'nl' || saved === 'en') return saved
  } catch {
    // No storage: fall through.
  }
  const langs = typeof navigator !== 'undefined' ? [...(navigator.languages ?? []), navigator.language] : []
  return langs.some((l) => l?.toLowerCase().startsWith('nl')) ? 'nl' : 'en'
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang)
  } catch {
    // Not remembered; still switched.
  }
}

export function translate(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return interpolate(STRINGS[key][lang], params)
}

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useApp((s) => s.lang)
  return (key, params) => translate(lang, key, params)
}
