/**
 * Builds the UI for end-to-end tests into a folder of the test's own (not dist/ui, which a
 * developer may be serving), once per folder per process.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const builds = new Map<string, Promise<void>>()

export function buildUi(outDir: string): Promise<void> {
  const key = resolve(outDir)
  let job = builds.get(key)
  if (!job) {
    job = (async () => {
      const { build } = await import('vite')
      await build({
        configFile: resolve(ROOT, 'vite.config.ts'),
        logLevel: 'error',
        build: { outDir: key, emptyOutDir: true },
      })
    })()
    builds.set(key, job)
  }
  return job
}
