/** Shared set-up for the end-to-end tests: a study with a real PDF, browser mode, Chromium. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import type { Args, Method, Result } from '../../shared/api'
import { dispatch } from '../../electron/core/handlers/dispatch'
import { createHandlers } from '../../electron/core/handlers/handlers'
import { StudySession } from '../../electron/core/study-session'

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots')
export const CHROMIUM = process.env.WERKBANK_CHROMIUM ?? '/usr/bin/chromium'
export const INTEROP_PDF = resolve(ROOT, '..', 'shared', 'interop', 'pdf')

export function hasChromium(): boolean {
  return existsSync(CHROMIUM)
}

export async function launchChromium(): Promise<Browser> {
  // The browser tests are part of npm test: without Chromium they fail and say why, rather
  // than pass having checked nothing.
  if (!hasChromium()) throw new Error(`Chromium is not at ${CHROMIUM}: install it (Debian: apt-get install -y chromium)`)
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return join(SCREENSHOTS, `${name}.png`)
}

/** Opens a study, runs `fn` with a typed `call` over the handler table, and closes it again. */
export async function withStudy<T>(
  path: string,
  fn: (call: <M extends Method>(method: M, args: Args<M>) => Promise<Result<M>>, session: StudySession) => Promise<T>,
): Promise<T> {
  const session = await StudySession.open(path, { create: true })
  try {
    const handlers = createHandlers(session)
    const call = async <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
      const reply = await dispatch(handlers, method, args)
      if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${JSON.stringify(reply.error.params)}`)
      return reply.data as Result<M>
    }
    return await fn(call, session)
  } finally {
    await session.close()
  }
}

/** Calls the running server's API from Node, as the page would. */
export async function apiCall<M extends Method>(baseUrl: string, token: string, method: M, args: Args<M>): Promise<Result<M>> {
  const res = await fetch(`${baseUrl}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-werkbank-token': token },
    body: JSON.stringify(args),
  })
  const reply = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown }
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`)
  return reply.data as Result<M>
}
