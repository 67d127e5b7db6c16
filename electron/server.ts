/**
 * Browser mode: the same handler table as the desktop app, over HTTP on 127.0.0.1, serving the
 * built UI (dist/ui). For machines where Electron cannot run, and for the end-to-end tests.
 *
 *   npm run web -- [STUDY] [--no-open] [--port N]
 *
 * Every /api request carries a per-launch token (header `x-werkbank-token`; the page gets it in
 * the URL fragment, which browsers never send to a server or write to logs). Host and Origin
 * are checked so that another web site cannot reach the study through DNS rebinding or a
 * cross-site form post.
 */
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { spawn } from 'node:child_process'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize, relative, resolve, sep, isAbsolute } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { Events } from '../shared/api'
import type { AppError } from '../shared/errors'
import { errorMessage, type Lang } from '../shared/i18n/messages'
import { toAppError } from './core/app-error'
import { dispatch } from './core/handlers/dispatch'
import { createHandlers } from './core/handlers/handlers'
import { createDownloads, dispatchDownload, pipeFile, type Downloads } from './core/handlers/downloads'
import { DEFAULT_MAX_BYTES } from './core/services/import.service'
import { QDPX_MAX_BYTES } from '../shared/qdpx'
import { StudySession } from './core/study-session'
import { isStudyFileName, STUDY_EXTENSION } from '../shared/study-file'
import { ensureUi } from './ui-build'
import { defaultLogDir, openAppLog, type AppLog } from './core/log/app-log'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const DEFAULT_UI_DIR = join(ROOT, 'dist', 'ui')
export const DEMO_STUDY = join(ROOT, '.cache', 'demo', `demo${STUDY_EXTENSION}`)

export const TOKEN_HEADER = 'x-werkbank-token'
export const FILE_NAME_HEADER = 'x-werkbank-file-name'
export const CASE_HEADER = 'x-werkbank-case-id'

/** JSON bodies: the largest argument is a codebook file (20 MB in the contract). */
const MAX_JSON_BYTES = 25 * 1024 * 1024

export { CONTENT_SECURITY_POLICY }

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pfb': 'application/octet-stream',
  '.bcmap': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.icc': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
}

export interface ServerOptions {
  studyPath: string
  /** 0 or absent: a free port. */
  port?: number
  /** Open the page in the default browser. */
  open?: boolean
  /** Where the built UI lies (tests build their own); default dist/ui. */
  uiDir?: string
  /** Create the study when the file does not exist. */
  create?: boolean
  /** Logs unexpected errors (bugs); default: stderr. */
  log?: (line: string) => void
  /** The files of the study's downloads (tests hand in fakes); default: createDownloads. */
  makeDownloads?: (session: StudySession) => Downloads
  /** The log folder: unexpected errors go to a rotating file there too (`npm run web` passes the platform's). */
  logDir?: string
}

export interface RunningServer {
  /** The server's origin with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string
  /** The page to open: `url` with the token in the fragment. */
  pageUrl: string
  token: string
  session: StudySession
  close(): Promise<void>
}

/** Starts browser mode on an open study. Listens on 127.0.0.1 only. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'))
  const uiDir = resolve(options.uiDir ?? DEFAULT_UI_DIR)
  const token = randomBytes(24).toString('base64url')
  const tokenBytes = Buffer.from(token)
  const appLog: AppLog | undefined = options.logDir === undefined ? undefined : await openAppLog(options.logDir)
  let session: StudySession
  try {
    session = await StudySession.open(options.studyPath, { create: options.create === true })
  } catch (e) {
    await appLog?.close()
    throw e
  }

  const streams = new Set<ServerResponse>()
  const emit = <E extends keyof Events>(event: E, payload: Events[E]) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of streams) res.write(frame)
  }
  const handlers = createHandlers(session, emit)
  const downloads = (options.makeDownloads ?? createDownloads)(session)
  const onInternalError = (method: string, e: unknown) => {
    log(`[werkbank] ${method}: ${String((e as Error)?.stack ?? e)}`)
    appLog?.unexpected(method, e)
  }

  let port = 0
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  const tokenOk = (given: string | undefined | null): boolean => {
    if (!given) return false
    const b = Buffer.from(given)
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')

    // DNS rebinding: a foreign name that resolves to 127.0.0.1 arrives with its own Host.
    const host = (req.headers.host ?? '').toLowerCase()
    if (!allowedHosts().has(host)) return forbidden(res)
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) return forbidden(res)

    const url = new URL(req.url ?? '/', `http://${host}`)
    const path = url.pathname

    if (path === '/api' || path.startsWith('/api/')) {
      res.setHeader('Cache-Control', 'no-store')
      if (req.headers['sec-fetch-site'] === 'cross-site') return forbidden(res)
      // EventSource cannot send headers: the event stream takes the token from the query.
      const given = path === '/api/events' ? url.searchParams.get('token') : header(req, TOKEN_HEADER)
      if (!tokenOk(given)) return forbidden(res)
      return api(req, res, path)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    return serveStatic(req, res, path)
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }

    const pdf = /^\/api\/document\/(\d+)\/pdf$/.exec(path)
    if (pdf && (req.method === 'GET' || req.method === 'HEAD')) {
      const id = Number(pdf[1])
      const bytes = Number.isSafeInteger(id) ? session.documents.bytes(id) : undefined
      if (!bytes) return json(res, 404, { ok: false, error: { code: 'document-not-found', params: { documentId: pdf[1]! } } })
      res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': bytes.byteLength })
      res.end(req.method === 'HEAD' ? undefined : bytes)
      return
    }

    // A file too large for a JSON reply: the bytes as they come, checked and mapped like a call.
    const download = /^\/api\/download\/([\w:.-]{1,100})$/.exec(path)
    if (download && req.method === 'GET') {
      let args: unknown = {}
      const raw = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('args')
      try {
        if (raw) args = JSON.parse(raw)
      } catch {
        return json(res, 400, failure('bad-input', { detail: 'args is not JSON' }))
      }
      const reply = await dispatchDownload(downloads, download[1]!, args, onInternalError)
      if (!reply.ok) {
        const status = reply.error.code === 'bad-input' ? 400 : reply.error.code === 'unknown-method' ? 404 : reply.error.code === 'internal' ? 500 : 422
        return json(res, status, reply)
      }
      const { file } = reply
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        ...(file.size !== undefined ? { 'Content-Length': file.size } : {}),
      })
      try {
        await pipeFile(file, (chunk) => writeOrWait(res, chunk))
        res.end()
      } catch (e) {
        // The headers are out: all that is left is to cut the response short. A client that
        // left is no bug; a file that failed while being read is.
        if (!res.destroyed) onInternalError(`download ${download[1]}`, e)
        res.destroy()
      }
      return
    }

    if (req.method !== 'POST') return json(res, 405, failure('bad-input', { detail: 'POST expected' }))

    // Files come as the body itself (a PDF, a REFI-QDA project holding every PDF: too large for
    // JSON), then go through dispatch like every call: the contract's checks, one error mapping.
    if (path === '/api/import') {
      const rawName = header(req, FILE_NAME_HEADER)
      let fileName = 'upload.pdf'
      try {
        if (rawName) fileName = decodeURIComponent(rawName).replace(/[\\/]/g, '_').slice(0, 255) || fileName
      } catch {
        return json(res, 400, failure('bad-input', { detail: `${FILE_NAME_HEADER} is not URI-encoded` }))
      }
      const caseRaw = header(req, CASE_HEADER)
      const caseId = caseRaw ? Number(caseRaw) : null
      if (caseId !== null && (!Number.isSafeInteger(caseId) || caseId <= 0)) {
        return json(res, 400, failure('bad-input', { detail: `${CASE_HEADER} must be a positive whole number` }))
      }
      const body = await readBody(req, DEFAULT_MAX_BYTES)
      if (body === 'too-large') {
        return json(res, 413, failure('file-too-large', { file: fileName, sizeMb: '>' + DEFAULT_MAX_BYTES / 1024 / 1024, limitMb: DEFAULT_MAX_BYTES / 1024 / 1024 }))
      }
      return json(res, 200, await dispatch(handlers, 'documents:importBytes', { fileName, bytes: view(body), caseId }, onInternalError))
    }

    if (path === '/api/import-qdpx') {
      const body = await readBody(req, QDPX_MAX_BYTES)
      if (body === 'too-large') {
        return json(res, 413, failure('file-too-large', { file: 'project.qdpx', sizeMb: '>' + QDPX_MAX_BYTES / 1024 / 1024, limitMb: QDPX_MAX_BYTES / 1024 / 1024 }))
      }
      return json(res, 200, await dispatch(handlers, 'project:importQdpx', { bytes: view(body) }, onInternalError))
    }

    const method = path.slice('/api/'.length)
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    // A cross-site form can only post "simple" content types: insisting on JSON shuts that door too.
    if (type !== 'application/json') return json(res, 415, failure('bad-input', { detail: 'Content-Type must be application/json' }))
    const body = await readBody(req, MAX_JSON_BYTES)
    if (body === 'too-large') return json(res, 413, failure('bad-input', { detail: 'request too large' }))
    let args: unknown
    try {
      args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch {
      return json(res, 400, failure('bad-input', { detail: 'the body is not JSON' }))
    }
    const reply = await dispatch(handlers, method, args, onInternalError)
    return json(res, 200, reply)
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad path')
    }
    if (decoded.includes('\0')) return send(res, 400, 'text/plain; charset=utf-8', 'Bad path')
    const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded
    const file = resolve(uiDir, '.' + normalize(wanted))
    const rel = relative(uiDir, file)
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden')
    }
    let data: Buffer
    try {
      const info = await stat(file)
      if (!info.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
      data = await readFile(file)
    } catch {
      if (wanted === '/index.html') {
        return send(res, 503, 'text/plain; charset=utf-8', `The UI is not built (${uiDir} is missing). Run: npm run build:ui`)
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    }
    const ext = extname(file).toLowerCase()
    const type = CONTENT_TYPES[ext] ?? 'application/octet-stream'
    if (ext === '.html') {
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      res.setHeader('Cache-Control', 'no-store')
    } else {
      // Vite puts a content hash in asset names; the rest (fonts, cmaps) never changes per version.
      res.setHeader('Cache-Control', rel.startsWith('assets' + sep) ? 'public, max-age=31536000, immutable' : 'no-cache')
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': data.byteLength })
    res.end(req.method === 'HEAD' ? undefined : data)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      // The route, not the URL: a query may carry the token.
      onInternalError(`${req.method} ${(req.url ?? '').split('?')[0]}`, e)
      if (!res.headersSent) json(res, 500, failure('internal', { detail: 'server error' }))
      else res.end()
    })
  })
  server.keepAliveTimeout = 5_000

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail)
      ok()
    })
  }).catch(async (e) => {
    await session.close()
    await appLog?.close()
    throw e
  })
  appLog?.info('browser mode started')
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/`
  const pageUrl = `${url}#token=${token}`
  if (options.open) openBrowser(pageUrl)

  let closed: Promise<void> | undefined
  return {
    url,
    pageUrl,
    token,
    session,
    close() {
      closed ??= (async () => {
        for (const res of streams) res.end()
        streams.clear()
        await new Promise<void>((ok) => {
          server.close(() => ok())
          server.closeAllConnections()
        })
        await session.close()
        appLog?.info('browser mode stopped')
        await appLog?.close()
      })()
      return closed
    },
  }
}

/** Writes a chunk, waiting for the socket to drain when it is full; throws when the client left. */
async function writeOrWait(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  if (res.destroyed) throw new Error('the client closed the download')
  if (res.write(chunk)) return
  await new Promise<void>((done) => {
    const finish = () => {
      res.off('drain', finish)
      res.off('close', finish)
      done()
    }
    res.once('drain', finish)
    res.once('close', finish)
  })
  if (res.destroyed) throw new Error('the client closed the download')
}

/** A view of a request body, not a copy: it may be a gigabyte. */
function view(body: Buffer): Uint8Array {
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

function failure(code: AppError['code'], params: AppError['params']): { ok: false; error: AppError } {
  return { ok: false, error: { code, params } }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

function forbidden(res: ServerResponse): void {
  send(res, 403, 'text/plain; charset=utf-8', 'Forbidden')
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.byteLength
      if (size > limit) {
        over = true
        chunks.length = 0
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => ok(over ? 'too-large' : Buffer.concat(chunks)))
    req.on('error', fail)
  })
}

/** Opens a URL in the default browser; a failure (no desktop) is not an error. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]]
      : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // No browser to open: the URL is printed anyway.
  }
}

/** The demo study, built on first use (an empty study when the demo builder is not there). */
export async function ensureDemoStudy(path = DEMO_STUDY, log: (line: string) => void = () => undefined): Promise<void> {
  if (existsSync(path)) return
  mkdirSync(dirname(path), { recursive: true })
  let build: ((path: string) => Promise<void>) | undefined
  try {
    // A computed specifier: the builder lives with the test fixtures and may be absent in a package.
    const specifier = pathToFileURL(join(ROOT, 'test', 'fixtures', 'build-demo.ts')).href
    const mod = (await import(specifier)) as { buildDemo?: (path: string) => Promise<void> }
    build = mod.buildDemo
  } catch {
    build = undefined
  }
  if (build) {
    log(`Building the demo study at ${path} …`)
    await build(path)
    return
  }
  log(`No demo builder found; creating an empty study at ${path}.`)
  const session = await StudySession.open(path, { create: true })
  await session.close()
}

function pickLang(): Lang {
  return (process.env.LANG ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en'
}

/** The command line of browser mode; returns the exit code, or -1 while the server runs. */
export async function main(argv: string[]): Promise<number> {
  const usage = 'Usage: npm run web -- [STUDY] [--no-open] [--port N]'
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { 'no-open': { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    process.stdout.write(usage + '\n')
    return 0
  }
  if (positionals.length > 1) {
    process.stderr.write(`Name one study.\n${usage}\n`)
    return 2
  }
  let port = 0
  if (values.port !== undefined) {
    port = Number(values.port)
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) {
      process.stderr.write(`--port is a number from 1 to 65535\n${usage}\n`)
      return 2
    }
  }
  const log = (line: string) => process.stderr.write(line + '\n')
  let studyPath = positionals[0]
  let create = false
  if (studyPath === undefined) {
    studyPath = DEMO_STUDY
    await ensureDemoStudy(studyPath, log)
  } else {
    studyPath = resolve(studyPath)
    // A new study only for a name that says so: a typo should not leave a stray file.
    create = !existsSync(studyPath) && isStudyFileName(studyPath)
  }
  try {
    await ensureUi(log, DEFAULT_UI_DIR)
  } catch (e) {
    log(`The user interface could not be built (${String((e as Error)?.message ?? e)}); run  npm run build:ui  and see why.`)
    return 1
  }

  let running: RunningServer
  try {
    running = await startServer({ studyPath, port, open: values['no-open'] !== true, create, log, logDir: defaultLogDir() })
  } catch (e) {
    const error = toAppError(e)
    log(error.code === 'internal' ? String((e as Error)?.message ?? e) : errorMessage(error, pickLang()))
    return 1
  }
  process.stdout.write(`Werkbank (${running.session.path}) runs at\n  ${running.pageUrl}\nPress Ctrl+C to stop.\n`)
  const stop = () => {
    void running.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return -1
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const code = await main(process.argv.slice(2))
  if (code >= 0) process.exitCode = code
}
