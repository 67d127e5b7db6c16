import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildElectron, ELECTRON_OUT } from '../../electron/build-electron'
import { INTEROP_PDF } from '../helpers/study'

describe('the bundled Electron shell', () => {
  beforeAll(async () => {
    await buildElectron()
  }, 120_000)

  it('has a preload that needs nothing but Electron', () => {
    const preload = readFileSync(join(ELECTRON_OUT, 'preload.cjs'), 'utf8')
    const required = [...preload.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2])
    expect(required).toEqual(['electron'])
    expect(preload).toContain('exposeInMainWorld("werkbank"')
  })

  it('has a main process that finds the migrations and the bundled PDF worker', () => {
    const main = readFileSync(join(ELECTRON_OUT, 'main.mjs'), 'utf8')
    expect(main).toContain('"../migrations/"')
    expect(main).toContain('"./extract-worker.mjs"')
    // Whatever it imports, the packaged app has: Node's modules, Electron, or a dependency
    // (not a devDependency, which electron-builder leaves out).
    const deps = Object.keys((JSON.parse(readFileSync(join(ELECTRON_OUT, '..', 'package.json'), 'utf8')) as { dependencies: object }).dependencies)
    const imports = [...main.matchAll(/^import .* from "([^"]+)";?$/gm)].map((m) => m[1]!)
    expect(imports.length).toBeGreaterThan(0)
    for (const spec of imports) {
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
      expect(spec.startsWith('node:') || pkg === 'electron' || deps.includes(pkg), spec).toBe(true)
    }
  })

  it('has a PDF worker that runs without TypeScript tooling and extracts a real PDF', async () => {
    const worker = new Worker(join(ELECTRON_OUT, 'extract-worker.mjs'))
    try {
      const data = new Uint8Array(readFileSync(join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')))
      const result = await new Promise<{ type: string; result?: { pages: { text: string }[] } }>((resolve, reject) => {
        worker.on('message', (m: { type: string }) => m.type !== 'page' && resolve(m))
        worker.on('error', reject)
        worker.postMessage({ id: 1, data })
      })
      expect(result.type).toBe('done')
      expect(result.result!.pages[0]!.text).toContain('マーケットモデル')
    } finally {
      await worker.terminate()
    }
  })
})
