/**
 * The servers' log (desktop app and browser mode): pino writing JSON lines to a rotating file
 * in the log folder (pino-roll: 5 MB a file, the newest 5 kept). It records what a bug report
 * needs and nothing of the study: the method or route, the error's type and code, and the stack
 * frames, never an error's message (a service's message may quote the study's text), never a
 * study's path or arguments.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'
import roll from 'pino-roll'

export interface AppLog {
  /** An unexpected failure (a bug) at `where` (a method name or a route). */
  unexpected(where: string, error: unknown): void
  /** A plain event (start, stop) with a few facts that say nothing of the study. */
  info(event: string, facts?: Record<string, string | number | boolean>): void
  /** Where the log files are. */
  readonly dir: string
  close(): Promise<void>
}

/** The log's file name stem: files are `werkbank.1.log`, `werkbank.2.log`, … */
export const LOG_FILE_STEM = 'werkbank'

/** Log files of a few megabytes; the newest few kept, the oldest removed. */
const ROTATE = { size: '5m', count: 5 } as const

/**
 * What is logged of an error: its type, code and stack frames. The message (the stack's first
 * line) is left out, and so is every frame's text that is not a place in the code.
 */
export function errorFacts(error: unknown): { type: string; code?: string; frames: string[] } {
  const e = error as { name?: unknown; code?: unknown; stack?: unknown } | null
  const type = typeof e?.name === 'string' ? e.name : typeof error
  const code = typeof e?.code === 'string' || typeof e?.code === 'number' ? String(e.code) : undefined
  const stack = typeof e?.stack === 'string' ? e.stack : ''
  const frames = stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 30)
  return code === undefined ? { type, frames } : { type, code, frames }
}

/** Opens the log in `dir` (created when missing); `rotate` is for the tests. */
export async function openAppLog(dir: string, rotate: { size: string; count: number } = ROTATE): Promise<AppLog> {
  const stream = await roll({
    file: join(dir, LOG_FILE_STEM),
    extension: '.log',
    size: rotate.size,
    limit: { count: rotate.count },
    mkdir: true,
    // A crash right after the line must not lose it.
    sync: true,
  })
  const logger: Logger = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, stream)
  let closed: Promise<void> | undefined
  return {
    dir,
    unexpected(where, error) {
      logger.error({ where: where.slice(0, 120), error: errorFacts(error) }, 'unexpected error')
    },
    info(event, facts = {}) {
      logger.info(facts, event)
    },
    close() {
      closed ??= new Promise<void>((done) => {
        stream.once('close', done)
        stream.end()
      })
      return closed
    },
  }
}

/**
 * The log folder of browser mode (the desktop app uses Electron's): WERKBANK_LOG_DIR, else the
 * platform's place for an application's logs.
 */
export function defaultLogDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string {
  if (env.WERKBANK_LOG_DIR) return env.WERKBANK_LOG_DIR
  if (platform === 'darwin') return join(home, 'Library', 'Logs', 'Werkbank')
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Werkbank', 'logs')
  return join(env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'werkbank', 'logs')
}

/**
 * The log at once, for a caller that cannot wait (Electron's main process must register its
 * handlers before the app is ready): lines written before the file is open wait for it. A log
 * folder that cannot be written leaves a log that writes nothing, rather than no app.
 */
export function openAppLogSoon(dir: string, onFailure: (e: unknown) => void = () => undefined): AppLog {
  let log: AppLog | undefined
  let waiting: ((log: AppLog) => void)[] = []
  const opening = openAppLog(dir).catch((e: unknown): AppLog => {
    onFailure(e)
    return { dir, unexpected: () => undefined, info: () => undefined, close: async () => undefined }
  }).then((opened) => {
    log = opened
    for (const write of waiting) write(opened)
    waiting = []
    return opened
  })
  const when = (write: (log: AppLog) => void) => (log ? write(log) : waiting.push(write))
  return {
    dir,
    unexpected: (where, error) => when((l) => l.unexpected(where, error)),
    info: (event, facts) => when((l) => l.info(event, facts)),
    close: async () => (await opening).close(),
  }
}
