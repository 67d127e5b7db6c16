/**
 * Worker thread: renders pages of one PDF and reads them with tesseract.js, one page at a time.
 * Each worker holds one tesseract engine (a wasm instance in its own thread, made once), so a
 * pool of N workers reads N pages at once.
 */
import { parentPort } from 'node:worker_threads'
import { createWorker, OEM, type Worker as Tesseract } from 'tesseract.js'
import { buildPageText, normaliseItemText, type ItemBox } from '../../../shared/page-text'
import { ocrDataDir, parseLanguages, tesseractPaths } from './ocr-data'
import { meanConfidence, ocrGeometry, wordsToItems, type OcrBlock } from './ocr-words'
import { openPdf, pageHasImages, renderPage, type OpenPdf } from './render'

export type OcrWorkerRequest =
  | { type: 'page'; job: number; pageNo: number; data?: Uint8Array; dpi: number; langs: string; onlyIfImages?: boolean }
  | { type: 'forget'; job: number }

/** What one page became: canonical text and boxes as the importer makes them, and confidences. */
export interface OcrPageResult {
  pageNo: number
  text: string
  boxes: ItemBox[]
  /** Confidence (0–100) of each box's word, in the order of `boxes`. */
  confidences: number[]
  meanConfidence: number
  width: number
  height: number
  /** The resolution read at (lower than asked for a very large page); 0 when not read (too large). */
  dpi: number
  /** Not read: the page paints no image (asked with `onlyIfImages`). */
  skipped?: boolean
  ms: number
}

export type OcrWorkerMessage =
  | { type: 'page'; job: number; result: OcrPageResult }
  | { type: 'error'; job: number; pageNo: number; detail: string }

const port = parentPort
if (!port) throw new Error('ocr-worker must run in a worker thread')

let engine: { langs: string; worker: Promise<Tesseract> } | undefined
let open: { job: number; pdf: Promise<OpenPdf> } | undefined

function tesseract(langs: string): Promise<Tesseract> {
  if (engine?.langs === langs) return engine.worker
  void engine?.worker.then((w) => w.terminate()).catch(() => undefined)
  const { workerPath, corePath } = tesseractPaths()
  const worker = createWorker(parseLanguages(langs).join('+'), OEM.LSTM_ONLY, {
    langPath: ocrDataDir(),
    gzip: true,
    // Never read or write a cache of the data in the working folder: it is on disk already.
    cacheMethod: 'none',
    workerPath,
    corePath,
    errorHandler: () => undefined,
  })
  engine = { langs, worker }
  return worker
}

async function readPage(req: Extract<OcrWorkerRequest, { type: 'page' }>): Promise<OcrPageResult> {
  const started = performance.now()
  if (open?.job !== req.job) {
    if (!req.data) throw new Error('no PDF for this job')
    void open?.pdf.then((p) => p.close())
    open = { job: req.job, pdf: openPdf(req.data) }
  }
  const pdf = await open.pdf
  if (req.onlyIfImages && !(await pageHasImages(pdf, req.pageNo))) {
    return { pageNo: req.pageNo, text: '', boxes: [], confidences: [], meanConfidence: 0, width: 0, height: 0, dpi: 0, skipped: true, ms: performance.now() - started }
  }
  const [rendered, ocr] = await Promise.all([renderPage(pdf, req.pageNo, req.dpi), tesseract(req.langs)])
  if (!rendered) {
    const page = await pdf.doc.getPage(req.pageNo)
    const vp = page.getViewport({ scale: 1 })
    return { pageNo: req.pageNo, text: '', boxes: [], confidences: [], meanConfidence: 0, width: vp.width, height: vp.height, dpi: 0, ms: performance.now() - started }
  }
  const image = Buffer.from(rendered.image.buffer, rendered.image.byteOffset, rendered.image.byteLength)
  const { data } = await ocr.recognize(image, {}, { blocks: true, text: false })
  const { items, confidences } = wordsToItems((data.blocks ?? []) as unknown as OcrBlock[], rendered.scale, rendered.height)
  const built = buildPageText(items, ocrGeometry(rendered.width, rendered.height))
  // Boxes are made for the items whose text is not empty after normalising: keep their confidences.
  const kept = confidences.filter((_, i) => normaliseItemText(items[i]!.str) !== '')
  return {
    pageNo: req.pageNo,
    text: built.text,
    boxes: built.boxes,
    confidences: kept.length === built.boxes.length ? kept : built.boxes.map(() => 0),
    meanConfidence: meanConfidence(items, confidences),
    width: rendered.width,
    height: rendered.height,
    dpi: rendered.dpi,
    ms: performance.now() - started,
  }
}

port.on('message', async (req: OcrWorkerRequest) => {
  if (req.type === 'forget') {
    if (open?.job === req.job) {
      void open.pdf.then((p) => p.close())
      open = undefined
    }
    return
  }
  try {
    port.postMessage({ type: 'page', job: req.job, result: await readPage(req) } satisfies OcrWorkerMessage)
  } catch (e) {
    port.postMessage({ type: 'error', job: req.job, pageNo: req.pageNo, detail: String((e as Error)?.message ?? e) } satisfies OcrWorkerMessage)
  }
})
