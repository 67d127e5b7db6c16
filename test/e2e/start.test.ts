import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INTEROP_PDF, tempDir } from '../helpers/study'
import { StudySession } from '../../electron/core/study-session'

const ROOT = join(import.meta.dirname, '../..')

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('npm start where Electron cannot run', () => {
  it('says so in one line and serves the app in browser mode on the given study', async () => {
    const dir = tempDir()
    const study = join(dir, 's.werkbank')
    const s = await StudySession.open(study, { create: true })
    await s.importer.importFiles([join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')])
    await s.close()
    const env = { ...process.env }
    delete env.DISPLAY
    delete env.WAYLAND_DISPLAY
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/start.ts', study, '--no-open'], { cwd: ROOT, env })
    try {
      let out = ''
      let err = ''
      child.stderr.on('data', (c: Buffer) => (err += c.toString()))
      const pageUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL after 90 s\n${out}\n${err}`)), 90_000)
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out)
          if (m) {
            clearTimeout(timer)
            resolve(m[1]!)
          }
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}\n${out}\n${err}`)))
      })
      expect(err.split('\n').filter((l) => l.startsWith('Electron cannot start here'))).toEqual([
        'Electron cannot start here (there is no display); opening Werkbank in your browser instead.',
      ])
      const [base, token] = pageUrl.split('#token=') as [string, string]
      const page = await get(base)
      expect(page.status).toBe(200)
      expect(page.body).toContain('<div id="root">')
      const api = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${base}api/documents:list`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-werkbank-token': token } }, (res) => {
          let body = ''
          res.on('data', (c) => (body += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        })
        req.on('error', reject)
        req.end('{}')
      })
      expect(api.status).toBe(200)
      expect(JSON.parse(api.body)).toMatchObject({ ok: true, data: [{ pageCount: 1 }] })
    } finally {
      child.kill('SIGTERM')
    }
  }, 120_000)
})
