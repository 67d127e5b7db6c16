import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/study'

const ROOT = join(import.meta.dirname, '../..')
const run = promisify(execFile)

/**
 * Electronegativity (Doyensec) over the Electron code, as the security checklist asks.
 * PRELOAD_JS_CHECK only marks that a preload exists, for review: ours is reviewed and tested
 * (test/electron/security.test.ts: it exposes call and on, nothing else), so it is excluded.
 */
describe('static security scan of the Electron code', () => {
  it('finds nothing above low severity', async () => {
    const out = join(tempDir(), 'findings.csv')
    await run(
      join(ROOT, 'node_modules/.bin/electronegativity'),
      ['-i', join(ROOT, 'electron'), '-e', '41.7.1', '-x', 'PreloadJSCheck', '-o', out, '-v', 'false'],
      { cwd: ROOT, timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } },
    )
    const rows = readFileSync(out, 'utf8').trim().split(/\r?\n/).slice(1).filter((l) => l.trim() !== '')
    // Columns: issue, filename, location, severity, confidence, …
    const serious = rows.filter((r) => /,"?(MEDIUM|HIGH|CRITICAL)"?,/i.test(r))
    expect(serious, serious.join('\n')).toEqual([])
    // The scan did run over our code: it reviews the CSP we set in the session.
    expect(rows.some((r) => r.includes('CSP_GLOBAL_CHECK'))).toBe(true)
  }, 150_000)
})
