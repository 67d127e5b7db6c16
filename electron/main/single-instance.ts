import { existsSync } from 'node:fs'
import { isStudyFileName } from '../../shared/study-file'

/** The study named on a command line (double-click, "open with", a second launch). */
export function studyFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv.slice(1)) {
    if (!arg.startsWith('-') && isStudyFileName(arg) && existsSync(arg)) return arg
  }
  return null
}

export interface AppLike {
  requestSingleInstanceLock(): boolean
  quit(): void
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): void
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): void
}

/**
 * One running Werkbank: a second launch hands its study file to the first and quits. macOS
 * sends files as 'open-file' instead. Returns false in the instance that must quit.
 */
export function setupSingleInstance(app: AppLike, openStudy: (path: string) => void, focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', (_event, argv) => {
    focus()
    const study = studyFromArgv(argv)
    if (study) openStudy(study)
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (isStudyFileName(path)) openStudy(path)
  })
  return true
}
