import { join, normalize, relative, isAbsolute } from 'node:path'
import { APP_HOST, APP_SCHEME } from './security'

/**
 * Maps an `app://werkbank/...` URL to a file of the built UI, or null when the URL is not ours
 * or would leave the UI folder (`..`, encoded slashes, absolute paths).
 */
export function resolveAppFile(uiDir: string, url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const rel = normalize(path === '/' ? '/index.html' : path).replace(/^[/\\]+/, '')
  const file = join(uiDir, rel)
  const within = relative(uiDir, file)
  if (within === '' || within.startsWith('..') || isAbsolute(within)) return null
  return file
}

/**
 * The document whose PDF `app://werkbank/api/document/<id>/pdf` asks for (the viewer fetches
 * that relative path in both browser mode and the desktop app), or null.
 */
export function documentPdfId(url: string): number | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  const m = /^\/api\/document\/(\d{1,9})\/pdf$/.exec(u.pathname)
  return m ? Number(m[1]) : null
}
