import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { TermLogisticScorer, type CodeProfile, type Feedback, type UnitText } from './scorer'
import type { SuggestRequest, SuggestResponse, WireUnit } from './suggest-worker'
import type { RankBackend } from './suggestion.service'

/** The bundled worker beside the bundled main process, else the TypeScript source (as extract-pool.ts). */
const BUNDLED_WORKER = new URL('./suggest-worker.mjs', import.meta.url)
const WORKER_URL = existsSync(fileURLToPath(BUNDLED_WORKER)) ? BUNDLED_WORKER : new URL('./suggest-worker.ts', import.meta.url)

function spawnWorker(): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL)
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const tsxApi = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}) })`
  return new Worker(boot, { eval: true })
}

/**
 * The suggestion scorer in one worker thread. Requests queue in the worker; each unit's text is
 * sent once (the worker keeps it and the scorer its features). A worker that dies fails its
 * requests and is started again, from nothing, at the next one.
 */
export class SuggestWorker implements RankBackend {
  readonly method = new TermLogisticScorer().method
  readonly threshold = new TermLogisticScorer().threshold
  readonly minimum = new TermLogisticScorer().minimum
  private worker: Worker | null = null
  private sent = new Set<string>()
  private readonly pending = new Map<number, { resolve: (s: Float64Array) => void; reject: (e: unknown) => void }>()
  private nextId = 1

  rank(code: CodeProfile, units: readonly UnitText[], feedback: Feedback): Promise<Float64Array> {
    const w = this.start()
    const wire = (u: UnitText): WireUnit => {
      if (this.sent.has(u.key)) return u.key
      this.sent.add(u.key)
      return { key: u.key, text: u.text, lang: u.lang }
    }
    const req: SuggestRequest = {
      id: this.nextId++,
      code,
      units: units.map(wire),
      feedback: { positive: feedback.positive.map(wire), negative: feedback.negative.map(wire), background: feedback.background.map(wire) },
    }
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject })
      w.ref()
      w.postMessage(req)
    })
  }

  async close(): Promise<void> {
    const w = this.worker
    this.worker = null
    this.failAll(new Error('suggestion worker closed'))
    await w?.terminate()
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const w = spawnWorker()
    this.sent = new Set()
    w.on('message', (msg: SuggestResponse) => {
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (this.pending.size === 0) w.unref()
      if ('error' in msg) p.reject(new Error(msg.error))
      else p.resolve(msg.scores)
    })
    const fail = (e: unknown) => {
      if (this.worker === w) this.worker = null
      this.failAll(e)
    }
    w.on('error', fail)
    w.on('exit', (code) => fail(new Error(`suggestion worker exited with code ${code}`)))
    w.unref()
    this.worker = w
    return w
  }

  private failAll(e: unknown): void {
    for (const p of this.pending.values()) p.reject(e)
    this.pending.clear()
  }
}
