/**
 * Files the core makes that can be too large for a JSON reply (a `.qdpx` holds every PDF of
 * the study; base64 in a JSON string fails above ~400 MB): the same contract method, answered
 * as a stream of bytes instead of a string. Browser mode serves it as
 * `GET /api/download/<method>?args=<JSON>`; the desktop app writes it to the file chosen in a
 * save dialog. Input is checked against the method's schema and errors go through the one
 * `toAppError`, as in `dispatch`.
 */
import type { Args } from '../../../shared/api'
import type { AppError } from '../../../shared/errors'
import { studyStem } from '../../../shared/study-file'
import { isUnexpected, toAppError } from '../app-error'
import { QdpxExport } from '../export/qdpx-export'
import type { StudySession } from '../study-session'
import { checkArgs, type OnInternalError } from './dispatch'

/** The methods that can answer with a file. */
export const DOWNLOAD_METHODS = ['export:qdpx'] as const
export type DownloadMethod = (typeof DOWNLOAD_METHODS)[number]

/** A file as bytes in chunks, read once. */
export interface FileBody {
  /** A name to offer in the save dialog (the study's name and the format's extension). */
  fileName: string
  contentType: string
  /** The size when known before the bytes are read. */
  size?: number
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>
}

export type Downloads = { [M in DownloadMethod]: (args: Args<M>) => FileBody | Promise<FileBody> }

export function isDownloadMethod(method: string): method is DownloadMethod {
  return (DOWNLOAD_METHODS as readonly string[]).includes(method)
}

/** The files of one open study. */
export function createDownloads(s: StudySession): Downloads {
  let qdpx: QdpxExport | undefined
  return {
    'export:qdpx': () => {
      const bytes = (qdpx ??= new QdpxExport(s.study.db)).write(s.codebook.list(), studyStem(s.path))
      return { fileName: `${studyStem(s.path)}.qdpx`, contentType: 'application/zip', size: bytes.byteLength, chunks: [bytes] }
    },
  }
}

/** `dispatch` for files: checks the method and the input, runs it, maps what is thrown. */
export async function dispatchDownload(
  downloads: Downloads,
  method: string,
  raw: unknown,
  onInternalError: OnInternalError = () => undefined,
): Promise<{ ok: true; file: FileBody } | { ok: false; error: AppError }> {
  if (!isDownloadMethod(method)) return { ok: false, error: { code: 'unknown-method', params: { method: String(method).slice(0, 100) } } }
  const parsed = checkArgs(method, raw)
  if (!parsed.ok) return parsed
  try {
    return { ok: true, file: await downloads[method](parsed.args as Args<typeof method>) }
  } catch (e) {
    if (isUnexpected(e)) onInternalError(method, e)
    return { ok: false, error: toAppError(e) }
  }
}

/**
 * Reads a file's chunks into `write`, which may return a promise to hold the next chunk back
 * (backpressure). A failure while reading is mapped like any other.
 */
export async function pipeFile(file: FileBody, write: (chunk: Uint8Array) => void | Promise<void>): Promise<number> {
  let bytes = 0
  for await (const chunk of file.chunks) {
    bytes += chunk.byteLength
    await write(chunk)
  }
  return bytes
}
