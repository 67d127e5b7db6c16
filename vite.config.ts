import react from '@vitejs/plugin-react'
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const root = dirname(fileURLToPath(import.meta.url))
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/** pdf.js loads these at run time by URL: standard fonts, CMaps, image decoders, colour profiles. */
const PDFJS_RESOURCES = ['standard_fonts', 'cmaps', 'wasm', 'iccs'] as const

/**
 * Copies pdf.js's run-time resources into the build under pdfjs/<folder>/ (and serves them from
 * node_modules in dev), so the viewer needs nothing from outside its own origin.
 */
function pdfjsResources(): Plugin {
  return {
    name: 'werkbank-pdfjs-resources',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pdfjs\/([a-z_]+)\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] ?? '')
        if (!m || !(PDFJS_RESOURCES as readonly string[]).includes(m[1]!)) return next()
        const file = join(pdfjsDir, m[1]!, m[2]!)
        try {
          if (!statSync(file).isFile()) return next()
        } catch {
          return next()
        }
        createReadStream(file).pipe(res)
      })
    },
    generateBundle() {
      for (const folder of PDFJS_RESOURCES) {
        for (const name of readdirSync(join(pdfjsDir, folder))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(pdfjsDir, folder, name)) })
        }
      }
    },
  }
}

export default defineConfig({
  root: resolve(root, 'renderer'),
  // Relative asset URLs: the same build is served over HTTP (browser mode) and loaded by Electron.
  base: './',
  plugins: [react(), pdfjsResources()],
  build: {
    outDir: resolve(root, 'dist/ui'),
    emptyOutDir: true,
    target: 'es2022',
    // pdf.js alone is ~1 MB minified; that is expected for a desktop app.
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  worker: { format: 'es' },
})
