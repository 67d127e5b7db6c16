import { interpolate, type Lang } from '../../shared/i18n/messages'
import { useApp } from '../store'
import { STRINGS, type StringKey } from './strings'

export type { Lang } from '../../shared/i18n/messages'
export { initialLang, rememberLang } from './lang'
export type Translate = (key: StringKey, params?: Record<string, string | number>) => string

export function translate(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return interpolate(STRINGS[key][lang], params)
}

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useApp((s) => s.lang)
  return (key, params) => translate(lang, key, params)
}
