/**
 * Browser mode's door: only the page that got the launch token, from its own origin, under its
 * own host name, reaches the study; the UI is served with a strict CSP and nothing outside it.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, startServer, type RunningServer } from '../../electron/server'
import type { ImportProgress } from '../../shared/types'
import { INTEROP_PDF, tempDir } from './harness'

const PDF = join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request exactly as written: no path normalisation, any Host header. */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', fail)
    req.end(options.body)
  })
}

describe('browser-mode server', () => {
  const tmp = tempDir('werkbank-server-')
  const uiDir = join(tmp.dir, 'ui')
  let server: RunningServer
  let port: number
  let host: string

  const post = (method: string, headers: Record<string, string>, body = '{}') =>
    raw(port, { method: 'POST', path: `/api/${method}`, headers: { host, 'content-type': 'application/json', ...headers }, body })

  beforeAll(async () => {
    mkdirSync(join(uiDir, 'assets'), { recursive: true })
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>Werkbank</title>')
    writeFileSync(join(uiDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(tmp.dir, 'secret.txt'), 'SECRET')
    server = await startServer({ studyPath: join(tmp.dir, 's.werkbank'), create: true, uiDir, log: () => undefined })
    port = Number(new URL(server.url).port)
    host = `127.0.0.1:${port}`
  })

  afterAll(async () => {
    await server?.close()
    tmp.remove()
  })

  it('listens on 127.0.0.1 and puts the token in the page URL’s fragment only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/`)
    expect(server.pageUrl).toBe(`${server.url}#token=${server.token}`)
    expect(server.token).toMatch(/^[\w-]{32}$/)
  })

  it('serves the UI with a strict Content-Security-Policy and nosniff', async () => {
    const res = await raw(port, { path: '/', headers: { host } })
    expect(res.status).toBe(200)
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'") // 'wasm-unsafe-eval' (pdf.js image decoders) is not JavaScript eval
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const js = await raw(port, { path: '/assets/app.js', headers: { host } })
    expect(js.headers['content-type']).toMatch(/^text\/javascript/)
  })

  it('answers the API only with the launch token', async () => {
    expect((await post('study:info', {})).status).toBe(403)
    expect((await post('study:info', { 'x-werkbank-token': 'x'.repeat(32) })).status).toBe(403)
    const ok = await post('study:info', { 'x-werkbank-token': server.token })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { documents: 0 } })
  })

  it('refuses a foreign Origin even with the token', async () => {
    const foreign = await post('study:info', { 'x-werkbank-token': server.token, origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    const own = await post('study:info', { 'x-werkbank-token': server.token, origin: `http://127.0.0.1:${port}` })
    expect(own.status).toBe(200)
  })

  it('refuses a foreign Host (DNS rebinding), also for the page itself', async () => {
    expect((await post('study:info', { 'x-werkbank-token': server.token, host: `evil.example:${port}` })).status).toBe(403)
    expect((await raw(port, { path: '/', headers: { host: 'evil.example' } })).status).toBe(403)
    expect((await raw(port, { path: '/', headers: { host: `localhost:${port}` } })).status).toBe(200)
  })

  it('insists on JSON, so a cross-site form cannot post', async () => {
    const res = await raw(port, {
      method: 'POST',
      path: '/api/codes:create',
      headers: { host, 'x-werkbank-token': server.token, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    })
    expect(res.status).toBe(415)
  })

  it('returns errors as data, translated by the caller', async () => {
    const unknown = JSON.parse((await post('nope:nothing', { 'x-werkbank-token': server.token })).body)
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown-method', params: { method: 'nope:nothing' } } })
    const bad = JSON.parse((await post('codes:create', { 'x-werkbank-token': server.token }, '{"name": 3}')).body)
    expect(bad.error.code).toBe('bad-input')
    expect((await post('study:info', { 'x-werkbank-token': server.token }, '{not json')).status).toBe(400)
  })

  it('serves nothing outside the UI folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await raw(port, { path, headers: { host } })
      expect(res.status, path).not.toBe(200)
      expect(res.body, path).not.toContain('SECRET')
    }
    expect((await raw(port, { path: '/missing.js', headers: { host } })).status).toBe(404)
  })

  it('imports an uploaded PDF, reports progress as server-sent events and serves its bytes', async () => {
    const events: ImportProgress[] = []
    expect((await raw(port, { path: '/api/events?token=wrong', headers: { host } })).status).toBe(403)
    const controller = new AbortController()
    const stream = await fetch(`${server.url}api/events?token=${server.token}`, { signal: controller.signal })
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reading = (async () => {
      const reader = stream.body!.getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
        if (done) return
        buffer += new TextDecoder().decode(value)
        for (const m of buffer.matchAll(/event: import:progress\ndata: (.*)\n\n/g)) events.push(JSON.parse(m[1]!) as ImportProgress)
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2)
      }
    })()

    const bytes = readFileSync(PDF)
    const res = await raw(port, {
      method: 'POST',
      path: '/api/import',
      headers: { host, 'x-werkbank-token': server.token, 'x-werkbank-file-name': encodeURIComponent('Verslag ROC één.pdf'), 'content-type': 'application/pdf' },
      body: bytes,
    })
    const reply = JSON.parse(res.body)
    expect(reply).toMatchObject({ ok: true, data: { status: 'imported', file: 'Verslag ROC één.pdf', pages: 1 } })
    await expect.poll(() => events.length).toBeGreaterThan(0)
    expect(events.at(-1)).toMatchObject({ file: 'Verslag ROC één.pdf', page: 1, pages: 1 })
    controller.abort()
    await reading

    const id = reply.data.documentId as number
    expect((await raw(port, { path: `/api/document/${id}/pdf`, headers: { host } })).status).toBe(403)
    const pdf = await fetch(`${server.url}api/document/${id}/pdf`, { headers: { 'x-werkbank-token': server.token } })
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await pdf.arrayBuffer()).equals(bytes)).toBe(true)
    const missing = await fetch(`${server.url}api/document/999/pdf`, { headers: { 'x-werkbank-token': server.token } })
    expect(missing.status).toBe(404)
  })

  it('refuses an upload that is not a PDF, as data', async () => {
    const res = await raw(port, {
      method: 'POST',
      path: '/api/import',
      headers: { host, 'x-werkbank-token': server.token, 'x-werkbank-file-name': 'notes.pdf' },
      body: 'just text',
    })
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { status: 'error', error: { code: 'file-not-pdf' } } })
  })

  it('maps errors of the file uploads as dispatch does: a study another program holds is locked, not a bug', async () => {
    const logged: string[] = []
    const study = join(tmp.dir, 'held.werkbank')
    const held = await startServer({ studyPath: study, create: true, uiDir, log: (l) => logged.push(l) })
    const qdpx = Buffer.from(await (await fetch(`${held.url}api/export:qdpx`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-werkbank-token': held.token }, body: '{}',
    })).json().then((r: { data: string }) => r.data), 'base64')
    const other = new Database(study)
    other.pragma('busy_timeout = 0')
    other.exec('BEGIN IMMEDIATE') // another program writes: the study stays busy past the 5 s timeout
    try {
      const upload = (path: string, body: Buffer, headers: Record<string, string> = {}) =>
        fetch(`${held.url}api/${path}`, { method: 'POST', headers: { 'x-werkbank-token': held.token, ...headers }, body: body as unknown as BodyInit }).then(async (r) => ({ status: r.status, reply: await r.json() }))
      const [pdf, project] = await Promise.all([
        upload('import', readFileSync(PDF), { 'x-werkbank-file-name': 'rapport.pdf' }),
        upload('import-qdpx', qdpx),
      ])
      expect(pdf).toMatchObject({ status: 200, reply: { ok: true, data: { status: 'error', error: { code: 'study-locked' } } } })
      expect(project).toMatchObject({ status: 200, reply: { ok: false, error: { code: 'study-locked', params: {} } } })
      expect(logged).toEqual([])
    } finally {
      other.exec('ROLLBACK')
      other.close()
      await held.close()
    }
  }, 30_000)

  it('checks an upload against the contract like every call', async () => {
    const res = await raw(port, {
      method: 'POST',
      path: '/api/import',
      headers: { host, 'x-werkbank-token': server.token, 'x-werkbank-case-id': '999', 'x-werkbank-file-name': 'a.pdf' },
      body: readFileSync(PDF),
    })
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'case-not-found', params: { caseId: 999 } } })
  })

  it('writes a bug to the log folder with the method and stack, and nothing of the study’s text', async () => {
    const logDir = join(tmp.dir, 'logs')
    const logged = await startServer({ studyPath: join(tmp.dir, 'logged.werkbank'), create: true, uiDir, log: () => undefined, logDir })
    try {
      const quote = 'de stage duurde te kort volgens de leerlingen'
      logged.session.codebook.list = () => {
        throw new RangeError(`no code for "${quote}"`)
      }
      const res = await fetch(`${logged.url}api/codes:list`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-werkbank-token': logged.token }, body: '{}' })
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'internal' } })
    } finally {
      await logged.close()
    }
    const text = readdirSync(logDir).map((f) => readFileSync(join(logDir, f), 'utf8')).join('')
    const bug = text.trim().split('\n').map((l) => JSON.parse(l) as { where?: string; error?: { type: string; frames: string[] } }).find((l) => l.where)
    expect(bug).toMatchObject({ where: 'codes:list', error: { type: 'RangeError' } })
    expect(bug!.error!.frames.some((f) => f.includes('server.test.ts'))).toBe(true)
    expect(text).not.toContain('leerlingen')
    expect(text).not.toContain('logged.werkbank')
  })
})
