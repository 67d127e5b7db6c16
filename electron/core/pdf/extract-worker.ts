/**
 * Worker thread: extracts one PDF at a time, so that pdf.js never blocks the main thread and
 * both cores work during a batch import.
 */
import { parentPort } from 'node:worker_threads'
import { ExtractError, extractPdf, warmUp } from './extract'

export type WorkerRequest = { id: number; data: Uint8Array }
export type WorkerMessage =
  | { id: number; type: 'page'; done: number; total: number }
  | { id: number; type: 'done'; result: Awaited<ReturnType<typeof extractPdf>> }
  | { id: number; type: 'error'; code: 'pdf-encrypted' | 'pdf-corrupt'; detail: string }

const port = parentPort
if (!port) throw new Error('extract-worker must run in a worker thread')

// Load pdf.js while the main thread is still reading and hashing the first file.
void warmUp()

port.on('message', async ({ id, data }: WorkerRequest) => {
  try {
    const result = await extractPdf(data, (done, total) => port.postMessage({ id, type: 'page', done, total }))
    port.postMessage({ id, type: 'done', result } satisfies WorkerMessage)
  } catch (e) {
    const err = e instanceof ExtractError ? e : new ExtractError('pdf-corrupt', String(e))
    port.postMessage({ id, type: 'error', code: err.code, detail: err.detail } satisfies WorkerMessage)
  }
})
