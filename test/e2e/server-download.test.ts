/**
 * Browser mode's downloads: a file too large for a JSON reply (a .qdpx holds every PDF) comes
 * as a stream of bytes from GET /api/download/<method>, checked and mapped like every call.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDownloads, type Downloads, type FileBody } from '../../electron/core/handlers/downloads'
import { startServer, type RunningServer } from '../../electron/server'
import { WerkbankError } from '../../shared/errors'
import { tempDir } from './harness'

const MB = 1024 * 1024
/** Above the ~400 MB where base64 in a JSON string fails. */
const LARGE = 420 * MB

/** A file of `size` bytes made as it is read, 1 MB at a time (never whole in memory). */
function* largeChunks(size: number): Generator<Uint8Array> {
  const chunk = new Uint8Array(MB)
  for (let at = 0, i = 0; at < size; at += MB, i++) {
    chunk.fill(i % 251)
    chunk[0] = i & 0xff
    yield chunk.subarray(0, Math.min(MB, size - at))
  }
}

function hashOf(chunks: Iterable<Uint8Array>): string {
  const h = createHash('sha256')
  for (const c of chunks) h.update(c)
  return h.digest('hex')
}

describe('browser mode downloads', () => {
  const tmp = tempDir('werkbank-download-')
  let server: RunningServer
  const logged: string[] = []
  let fake: (() => FileBody) | null = null

  beforeAll(async () => {
    const uiDir = join(tmp.dir, 'ui')
    mkdirSync(uiDir, { recursive: true })
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>Werkbank</title>')
    server = await startServer({
      studyPath: join(tmp.dir, 'groot.werkbank'),
      create: true,
      uiDir,
      log: (l) => logged.push(l),
      makeDownloads: (s): Downloads => {
        const real = createDownloads(s)
        return { 'export:qdpx': (args) => (fake ? fake() : real['export:qdpx'](args)) }
      },
    })
  })

  afterAll(async () => {
    await server?.close()
    tmp.remove()
  })

  const get = (path: string, token = server.token) => fetch(`${server.url}api/download/${path}`, { headers: { 'x-werkbank-token': token } })

  it('streams a file above 400 MB in full, with its name and size', async () => {
    fake = () => ({ fileName: 'groot één.qdpx', contentType: 'application/zip', size: LARGE, chunks: largeChunks(LARGE) })
    const res = await get('export:qdpx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-length')).toBe(String(LARGE))
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('groot één.qdpx')}`)
    const h = createHash('sha256')
    let bytes = 0
    const reader = res.body!.getReader()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      h.update(value)
      bytes += value.byteLength
    }
    expect(bytes).toBe(LARGE)
    expect(h.digest('hex')).toBe(hashOf(largeChunks(LARGE)))
  }, 120_000)

  it('gives the study as a .qdpx, the same bytes the JSON call gives as base64', async () => {
    fake = null
    const res = await get('export:qdpx')
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''groot.qdpx")
    const streamed = Buffer.from(await res.arrayBuffer())
    expect(streamed.subarray(0, 2).toString('latin1')).toBe('PK')
    const viaJson = await (await fetch(`${server.url}api/export:qdpx`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-werkbank-token': server.token }, body: '{}' })).json() as { data: string }
    // A zip carries times: compare what is inside, not the bytes.
    const { unzipSync } = await import('fflate')
    const names = (b: Uint8Array) => Object.keys(unzipSync(b)).sort()
    expect(names(new Uint8Array(streamed))).toEqual(names(Buffer.from(viaJson.data, 'base64')))
  })

  it('answers refusals as the calls do: token, unknown method, bad input, a service error, a bug', async () => {
    expect((await get('export:qdpx', 'wrong')).status).toBe(403)
    expect(await (await get('codes:list')).json()).toEqual({ ok: false, error: { code: 'unknown-method', params: { method: 'codes:list' } } })
    const bad = await get('export:qdpx?args=%7Bnot')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'bad-input' } })

    fake = () => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    }
    const locked = await get('export:qdpx')
    expect(locked.status).toBe(422)
    expect(await locked.json()).toEqual({ ok: false, error: { code: 'study-locked', params: {} } })
    fake = () => {
      throw new WerkbankError('codebook-empty')
    }
    expect(await (await get('export:qdpx')).json()).toEqual({ ok: false, error: { code: 'codebook-empty', params: {} } })
    expect(logged).toEqual([])

    fake = () => {
      throw new TypeError('boom')
    }
    const bug = await get('export:qdpx')
    expect(bug.status).toBe(500)
    expect(await bug.json()).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(logged.some((l) => l.includes('export:qdpx') && l.includes('TypeError'))).toBe(true)
  })

  it('cuts a download short when the file fails while it is read, and logs it', async () => {
    logged.length = 0
    fake = () => ({
      fileName: 'half.qdpx',
      contentType: 'application/zip',
      chunks: (function* () {
        yield new Uint8Array(1000)
        throw new RangeError('the zip broke')
      })(),
    })
    // Never a whole-looking file: the request or the reading of its body fails.
    await expect(get('export:qdpx').then((res) => res.arrayBuffer())).rejects.toThrow()
    await expect.poll(() => logged.some((l) => l.includes('download export:qdpx') && l.includes('RangeError'))).toBe(true)
  })
})
