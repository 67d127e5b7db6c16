import { createRequire } from 'node:module'
import { availableParallelism, freemem } from 'node:os'
import { dirname, join } from 'node:path'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { OcrPageResult, OcrWorkerMessage, OcrWorkerRequest } from './ocr-worker'

/** What one worker may use at most: its JS heap here; tesseract's wasm memory (~150–350 MB at 300 dpi) comes on top. */
const WORKER_HEAP_MB = 512
/** Memory a worker is counted at when deciding how many fit in free memory. */
const WORKER_BUDGET_BYTES = 700 * 1024 * 1024

/**
 * Workers by default: one per core, no more than memory allows (a worker needs up to ~700 MB at
 * 300 dpi), at least one, at most `max`.
 */
export function defaultOcrWorkers(max = 4): number {
  const byMemory = Math.floor(freemem() / WORKER_BUDGET_BYTES)
  return Math.max(1, Math.min(availableParallelism(), byMemory, max))
}

const BUNDLED_WORKER = new URL('./ocr-worker.mjs', import.meta.url)
const WORKER_URL = existsSync(fileURLToPath(BUNDLED_WORKER)) ? BUNDLED_WORKER : new URL('./ocr-worker.ts', import.meta.url)

function spawnWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB }
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { resourceLimits })
  // From TypeScript sources (tests, CLI, browser mode) the worker registers tsx first, as the
  // extraction pool's does.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const tsxApi = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}) })`
  return new Worker(boot, { eval: true, resourceLimits })
}

export interface OcrJobOptions {
  dpi: number
  /** "nld+eng" */
  langs: string
  /** Pages that paint no image are not read (reported as skipped). */
  onlyIfImages?: Set<number>
  /** After each page, in the order pages finish. */
  onPage?: (result: OcrPageResult, done: number, total: number) => void
  signal?: AbortSignal
}

export class OcrCancelled extends Error {
  constructor() {
    super('OCR cancelled')
  }
}

interface Slot {
  worker: Worker
  /** The job whose PDF this worker holds. */
  job: number
  busy: boolean
}

interface Job {
  id: number
  data: Uint8Array
  pages: number[]
  options: OcrJobOptions
  results: OcrPageResult[]
  inFlight: number
  resolve: (r: OcrPageResult[]) => void
  reject: (e: unknown) => void
}

/**
 * A pool of OCR workers. Documents are read one after another; the pages of the one being read
 * are spread over all workers. Cancel (the job's AbortSignal) hands out no more pages, lets the
 * pages being read finish in the background and rejects with `OcrCancelled`.
 */
export class OcrPool {
  private readonly slots: Slot[] = []
  private readonly jobs: Job[] = []
  private nextId = 1
  private closed = false

  constructor(readonly size = defaultOcrWorkers()) {}

  /** Reads `pages` (1-based) of the PDF; results come back in page order. */
  read(data: Uint8Array, pages: number[], options: OcrJobOptions): Promise<OcrPageResult[]> {
    if (this.closed) return Promise.reject(new Error('OCR pool is closed'))
    if (options.signal?.aborted) return Promise.reject(new OcrCancelled())
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, data, pages: [...pages], options, results: [], inFlight: 0, resolve, reject }
      const total = pages.length
      options.signal?.addEventListener('abort', () => {
        if (!this.jobs.includes(job)) return
        job.pages.length = 0
        this.finish(job, new OcrCancelled())
      }, { once: true })
      if (total === 0) return resolve([])
      this.jobs.push(job)
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.jobs.splice(0)) job.reject(new Error('OCR pool closed'))
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
    this.slots.length = 0
  }

  private finish(job: Job, error?: unknown): void {
    const i = this.jobs.indexOf(job)
    if (i < 0) return
    this.jobs.splice(i, 1)
    for (const s of this.slots) if (s.job === job.id) s.worker.postMessage({ type: 'forget', job: job.id } satisfies OcrWorkerRequest)
    if (error) job.reject(error)
    else job.resolve(job.results.sort((a, b) => a.pageNo - b.pageNo))
    this.pump()
  }

  private pump(): void {
    const job = this.jobs[0]
    if (!job) return
    while (job.pages.length > 0) {
      let slot = this.slots.find((s) => !s.busy)
      if (!slot && this.slots.length < this.size) slot = this.addSlot()
      if (!slot) return
      const pageNo = job.pages.shift()!
      slot.busy = true
      slot.worker.ref()
      job.inFlight++
      const first = slot.job !== job.id
      slot.job = job.id
      slot.worker.postMessage({
        type: 'page', job: job.id, pageNo, dpi: job.options.dpi, langs: job.options.langs,
        ...(job.options.onlyIfImages?.has(pageNo) ? { onlyIfImages: true } : {}),
        // Each worker gets the PDF once per document (a copy: the worker keeps it).
        ...(first ? { data: job.data.slice() } : {}),
      } satisfies OcrWorkerRequest)
    }
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: spawnWorker(), job: 0, busy: false }
    slot.worker.on('message', (msg: OcrWorkerMessage) => {
      slot.busy = false
      slot.worker.unref()
      const job = this.jobs.find((j) => j.id === msg.job)
      if (job) {
        job.inFlight--
        if (msg.type === 'error') {
          job.pages.length = 0
          this.finish(job, new Error(`OCR of page ${msg.pageNo} failed: ${msg.detail}`))
          return
        }
        job.results.push(msg.result)
        const total = job.results.length + job.pages.length + job.inFlight
        job.options.onPage?.(msg.result, job.results.length, total)
        if (job.pages.length === 0 && job.inFlight === 0) {
          this.finish(job)
          return
        }
      }
      this.pump()
    })
    const fail = (e: unknown) => {
      this.slots.splice(this.slots.indexOf(slot), 1)
      const job = this.jobs.find((j) => j.id === slot.job)
      if (job && slot.busy) {
        job.pages.length = 0
        this.finish(job, new Error(`OCR worker stopped: ${String(e)}`))
      }
      if (!this.closed) this.pump()
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`exit ${code}`))
    })
    slot.worker.unref()
    this.slots.push(slot)
    return slot
  }
}
