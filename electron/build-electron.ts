/**
 * Bundles the Electron shell: dist-electron/main.mjs (ESM main process), preload.cjs (the
 * sandboxed preload must be one CommonJS file), extract-worker.mjs (the PDF worker) and suggest-worker.mjs (the suggestion scorer).
 * Native and large packages stay external and load from node_modules.
 *
 *   node --import tsx electron/build-electron.ts
 */
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const ELECTRON_OUT = join(ROOT, 'dist-electron')

const external = [
  'electron',
  'better-sqlite3',
  'pdfjs-dist',
  /^pdfjs-dist\//,
  '@napi-rs/canvas',
  /^@napi-rs\//,
  // pino loads its helpers (thread-stream, sonic-boom) at run time: from node_modules, not the bundle.
  'pino',
  'pino-roll',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
]

async function bundle(entry: string, fileName: string, format: 'es' | 'cjs'): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: ELECTRON_OUT,
      emptyOutDir: false,
      minify: false,
      sourcemap: true,
      rollupOptions: {
        input: join(ROOT, entry),
        external,
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
  })
}

export async function buildElectron(): Promise<void> {
  await bundle('electron/main/main.ts', 'main.mjs', 'es')
  await bundle('electron/preload/index.ts', 'preload.cjs', 'cjs')
  await bundle('electron/core/pdf/extract-worker.ts', 'extract-worker.mjs', 'es')
  await bundle('electron/core/suggest/suggest-worker.ts', 'suggest-worker.mjs', 'es')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildElectron()
  console.log(`built ${ELECTRON_OUT}`)
}
