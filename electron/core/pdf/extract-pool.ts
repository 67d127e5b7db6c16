import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { ExtractError, type ExtractedDocument } from './extract'
import type { WorkerMessage } from './extract-worker'

interface Job {
  id: number
  data: Uint8Array
  onPage?: (done: number, total: number) => void
  resolve: (doc: ExtractedDocument) => void
  reject: (e: unknown) => void
}

interface Slot {
  worker: Worker
  job: Job | null
}

/** The bundled worker beside the bundled main process, else the TypeScript source. */
const BUNDLED_WORKER = new URL('./extract-worker.mjs', import.meta.url)
const WORKER_URL = existsSync(fileURLToPath(BUNDLED_WORKER)) ? BUNDLED_WORKER : new URL('./extract-worker.ts', import.meta.url)

function spawnWorker(): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL)
  // Run from TypeScript sources (tests, CLI, browser mode), the worker registers tsx's loader
  // before it loads its entry: on Node 20, `--import tsx` in execArgv comes too late for it.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const tsxApi = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}) })`
  return new Worker(boot, { eval: true })
}

/**
 * A small pool of extraction workers (one per core, at most `size`). Jobs queue when all are
 * busy. A worker that dies fails its job and is replaced.
 */
export class ExtractPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false

  constructor(private readonly size = Math.max(1, Math.min(availableParallelism(), 4))) {}

  extract(data: Uint8Array, onPage?: (done: number, total: number) => void): Promise<ExtractedDocument> {
    if (this.closed) return Promise.reject(new Error('extract pool is closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, data, onPage, resolve, reject })
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new Error('extract pool closed'))
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
    this.slots.length = 0
  }

  private pump(): void {
    // Start every worker at the first job: each loads pdf.js as it starts, in parallel.
    while (this.queue.length > 0 && this.slots.length < this.size) this.addSlot()
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null)
      if (!slot && this.slots.length < this.size) slot = this.addSlot()
      if (!slot) return
      const job = this.queue.shift()!
      slot.job = job
      slot.worker.ref()
      // Transfer, don't copy: a PDF can be tens of megabytes.
      const copy = job.data.slice()
      slot.worker.postMessage({ id: job.id, data: copy }, [copy.buffer])
    }
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: spawnWorker(), job: null }
    slot.worker.on('message', (msg: WorkerMessage) => {
      const job = slot.job
      if (!job || job.id !== msg.id) return
      if (msg.type === 'page') {
        job.onPage?.(msg.done, msg.total)
        return
      }
      slot.job = null
      slot.worker.unref()
      if (msg.type === 'done') job.resolve(msg.result)
      else job.reject(new ExtractError(msg.code, msg.detail))
      this.pump()
    })
    const fail = (e: unknown) => {
      const job = slot.job
      slot.job = null
      this.slots.splice(this.slots.indexOf(slot), 1)
      job?.reject(new ExtractError('pdf-corrupt', `extraction stopped: ${String(e)}`))
      if (!this.closed) this.pump()
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`worker exited with code ${code}`))
    })
    // Idle workers must not keep a CLI process alive.
    slot.worker.unref()
    this.slots.push(slot)
    return slot
  }
}
