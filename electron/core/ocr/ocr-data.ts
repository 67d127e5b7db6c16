import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Languages the app ships trained data for (npm @tesseract.js-data/*, 4.0.0_best_int). */
export const OCR_LANGUAGES = ['nld', 'eng'] as const
export type OcrLanguage = (typeof OCR_LANGUAGES)[number]

/** The data set: "best" LSTM models quantised to integers (fast, accurate; ~3 MB gzip each). */
const DATA_VARIANT = '4.0.0_best_int'

const require = createRequire(import.meta.url)

/** The gzip trained data of one language as shipped in node_modules. */
export function trainedDataFile(lang: OcrLanguage): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), DATA_VARIANT, `${lang}.traineddata.gz`)
}

/** tesseract.js's own worker script and core (wasm) in node_modules: nothing is fetched. */
export function tesseractPaths(): { workerPath: string; corePath: string } {
  const root = dirname(require.resolve('tesseract.js/package.json'))
  return {
    workerPath: join(root, 'src/worker-script/node/index.js'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
  }
}

let dataDir: string | undefined

/**
 * One folder holding every language's trained data, for tesseract.js's `langPath` (it reads
 * `${langPath}/${lang}.traineddata.gz` for each language, so the two npm packages' folders must
 * be seen as one). Hard links where the temp folder is on the same disk, copies otherwise; made
 * once per process and reused while the files match in size.
 */
export function ocrDataDir(): string {
  if (dataDir) return dataDir
  const dir = join(tmpdir(), `werkbank-tessdata-${DATA_VARIANT}`)
  mkdirSync(dir, { recursive: true })
  for (const lang of OCR_LANGUAGES) {
    const from = trainedDataFile(lang)
    const to = join(dir, `${lang}.traineddata.gz`)
    if (existsSync(to) && statSync(to).size === statSync(from).size) continue
    const tmp = `${to}.${process.pid}.tmp`
    try {
      linkSync(from, tmp)
    } catch {
      copyFileSync(from, tmp)
    }
    // A rename is atomic: another worker never reads a half-written file.
    renameSync(tmp, to)
  }
  dataDir = dir
  return dir
}

/** "nld+eng" → ['nld', 'eng']; unknown languages are refused by the caller's schema. */
export function parseLanguages(langs: string): OcrLanguage[] {
  const list = langs.split('+').map((l) => l.trim()).filter((l): l is OcrLanguage => (OCR_LANGUAGES as readonly string[]).includes(l))
  return list.length > 0 ? [...new Set(list)] : ['nld', 'eng']
}
