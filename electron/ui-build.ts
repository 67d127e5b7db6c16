/**
 * Builds the UI (vite) into dist/ui when it is missing or older than its sources, so that
 * `npm install && npm start` works on a fresh clone without a separate build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const UI_DIR = join(ROOT, 'dist', 'ui')

function newest(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs)
}

export function uiIsCurrent(outDir = UI_DIR): boolean {
  const index = join(outDir, 'index.html')
  if (!existsSync(index)) return false
  const sources = Math.max(newest(join(ROOT, 'renderer')), newest(join(ROOT, 'shared')), statSync(join(ROOT, 'vite.config.ts')).mtimeMs)
  return statSync(index).mtimeMs >= sources
}

export async function ensureUi(log: (line: string) => void = () => undefined, outDir = UI_DIR): Promise<void> {
  if (uiIsCurrent(outDir)) return
  log('Building the user interface …')
  const { build } = await import('vite')
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } })
}
