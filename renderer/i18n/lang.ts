import type { Lang } from '../../shared/i18n/messages'

const LANG_KEY = 'werkbank.lang'

/** The language chosen before, else the browser's (Dutch for nl-*, English otherwise). */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY)
    if (saved === 'nl' || saved === 'en') return saved
  } catch {
    // No storage: fall through.
  }
  const first = typeof navigator !== 'undefined' ? (navigator.language ?? '') : ''
  return first.toLowerCase().startsWith('nl') ? 'nl' : 'en'
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang)
  } catch {
    // Not remembered; still switched.
  }
}
