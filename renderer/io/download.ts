import { studyStem } from '../../shared/study-file'

/**
 * Saving a file the page made or the core wrote (CSV, a codebook): a Blob and a link with
 * `download`, which both browser mode and the desktop app (its save dialog) understand. No
 * inline script, no data URL.
 */

/** Offers `text` as a file called `name`. */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  download(name, new Blob([text], { type }))
}

/** Offers bytes that came as base64 (a .qdpx) as a file called `name`. */
export function downloadBase64(name: string, base64: string, type: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  download(name, new Blob([bytes], { type }))
}

/** Offers a Blob (a file fetched as it is, however large) as a file called `name`. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A CSV file name from words: lower case, no characters a file system might refuse. */
export function fileName(...parts: string[]): string {
  return fileNameWith('csv', ...parts)
}

/** The same, with another extension. */
export function fileNameWith(ext: string, ...parts: string[]): string {
  const stem = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
  return `${stem || 'export'}.${ext}`
}

/** The study file's name without folder and extension, to name what is saved from it. */
export function studyName(path: string | undefined): string {
  return studyStem(path ?? '')
}
