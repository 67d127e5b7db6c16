import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultLogDir, errorFacts, openAppLog } from '../../electron/core/log/app-log'
import { WerkbankError } from '../../shared/errors'
import { tempDir } from '../helpers/study'

const QUOTE = 'de leerlingen vonden de stage te kort'

function logText(dir: string): string {
  return readdirSync(dir).filter((f) => f.endsWith('.log')).map((f) => readFileSync(join(dir, f), 'utf8')).join('')
}

describe('the servers’ log', () => {
  it('writes an unexpected error with where it happened, its type and stack, and not its message', async () => {
    const dir = join(tempDir(), 'logs')
    const log = await openAppLog(dir)
    const bug = new TypeError(`cannot code "${QUOTE}"`)
    log.unexpected('codings:create', bug)
    log.unexpected('codes:list', new WerkbankError('code-not-found', { codeId: 3, quote: QUOTE }))
    await log.close()
    const lines = logText(dir).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ level: 50, where: 'codings:create', msg: 'unexpected error', error: { type: 'TypeError' } })
    const frames = (lines[0]!.error as { frames: string[] }).frames
    expect(frames.length).toBeGreaterThan(0)
    expect(frames[0]).toMatch(/^at .*app-log\.test\.ts/)
    expect(lines[1]).toMatchObject({ where: 'codes:list', error: { type: 'WerkbankError' } })
    expect(logText(dir)).not.toContain('leerlingen')
    expect(logText(dir)).not.toContain('cannot code')
  })

  it('rotates its files, keeping the newest few', async () => {
    const dir = join(tempDir(), 'logs')
    const log = await openAppLog(dir, { size: '1k', count: 2 })
    for (let i = 0; i < 200; i++) {
      log.unexpected(`m:${i}`, new Error('x'))
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2))
    }
    await log.close()
    const files = readdirSync(dir).filter((f) => f.endsWith('.log'))
    expect(files.length).toBeGreaterThan(1)
    expect(files.length).toBeLessThanOrEqual(3)
    expect(logText(dir)).toContain('"where":"m:199"')
    expect(logText(dir)).not.toContain('"where":"m:0"')
  })

  it('keeps facts only: code and frames, never the first line of a stack', () => {
    const e = Object.assign(new Error(`stuck at "${QUOTE}"`), { code: 'SQLITE_CORRUPT' })
    const facts = errorFacts(e)
    expect(facts).toMatchObject({ type: 'Error', code: 'SQLITE_CORRUPT' })
    expect(JSON.stringify(facts)).not.toContain('leerlingen')
    expect(errorFacts('a thrown string')).toEqual({ type: 'string', frames: [] })
  })

  it('lies where the platform keeps logs, or where WERKBANK_LOG_DIR says', () => {
    expect(defaultLogDir({ WERKBANK_LOG_DIR: '/x/logs' }, 'linux', '/home/a')).toBe('/x/logs')
    expect(defaultLogDir({}, 'linux', '/home/a')).toBe('/home/a/.local/state/werkbank/logs')
    expect(defaultLogDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Logs/Werkbank')
  })
})
