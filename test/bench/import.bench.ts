/**
 * Import speed and memory (issue "Study file core"): the 17 generated reports and one
 * 500-page report, in pages per second, beside poppler's pdftotext on the same files.
 * Target: within 3× of pdftotext's pages per second, and memory that does not grow with the
 * number of documents imported.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StudySession } from '../../electron/core/study-session'
import { ensureFixtures, ensureLongReport, fixturePaths } from '../fixtures/fixtures'
import type { BenchRow } from './run'

function ensurePdftotext(): boolean {
  if (spawnSync('pdftotext', ['-v']).status === 0) return true
  // The bench may install what it compares against (root on these machines).
  spawnSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], { stdio: 'ignore' })
  return spawnSync('pdftotext', ['-v']).status === 0
}

function pdftotextSeconds(files: string[]): number {
  const t0 = performance.now()
  for (const f of files) execFileSync('pdftotext', ['-q', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 28 })
  return (performance.now() - t0) / 1000
}

/** Samples RSS while `work` runs (worker threads count: they live in this process). */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  try {
    const value = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { value, peakMb: Math.round(peak / 1024 / 1024) }
  } finally {
    clearInterval(timer)
  }
}

async function timeImport(files: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-bench-'))
  const s = await StudySession.open(join(dir, 'bench.werkbank'), { create: true })
  try {
    // Warm the worker pool (one file per worker: each pays pdf.js's first-document cost of
    // about a second once) so that a batch's pages per second is measured, not start-up.
    await s.importer.importFiles(fixturePaths().reports.slice(0, 2))
    for (const d of s.documents.list()) s.deleteDocument(d.id)
    const t0 = performance.now()
    const { value: outcomes, peakMb } = await withPeakRss(() => s.importer.importFiles(files))
    const secs = (performance.now() - t0) / 1000
    const pages = outcomes.reduce((n, o) => n + (o.status === 'imported' ? o.pages : 0), 0)
    return { secs, pages, peakMb }
  } finally {
    await s.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchRow[]> {
  await ensureFixtures()
  const long = await ensureLongReport()
  const reports = fixturePaths().reports
  const rows: BenchRow[] = []
  const poppler = ensurePdftotext()

  // Files made by other programs too: our generated reports embed whole fonts, which makes
  // pdftotext unusually slow on them; these show the ratio on everyday PDFs.
  const interopDir = join(import.meta.dirname, '../../../shared/interop/pdf')
  const interop = existsSync(interopDir) ? readdirSync(interopDir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(interopDir, f)) : []
  const sets: [string, string[]][] = [['17 reports', reports], ['500-page report', [long]]]
  if (interop.length > 0) sets.push([`${interop.length} interop PDFs (Word, pdfTeX, Affinity, OpenOffice, …)`, interop])
  for (const [name, files] of sets) {
    const r = await timeImport([...files])
    const ours = r.pages / r.secs
    const row: BenchRow = { name: `import ${name}`, pages: r.pages, 'werkbank p/s': Math.round(ours), 'peak RSS MB': r.peakMb }
    if (poppler) {
      const theirs = r.pages / pdftotextSeconds([...files])
      row['pdftotext p/s'] = Math.round(theirs)
      row['pdftotext ÷ werkbank'] = Math.round((theirs / ours) * 100) / 100
      row.note = 'target ≤ 3'
    } else row.note = 'pdftotext not available'
    rows.push(row)
  }

  // Memory against the number of documents: import 4 batches of 17 distinct copies into one
  // study; RSS after each batch should level off, not climb with every batch.
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-bench-'))
  const s = await StudySession.open(join(dir, 'memory.werkbank'), { create: true })
  try {
    const rss: number[] = []
    for (let batch = 0; batch < 4; batch++) {
      const copies = reports.map((f, i) => {
        const copy = join(dir, `b${batch}-${i}.pdf`)
        writeFileSync(copy, Buffer.concat([readFileSync(f), Buffer.from(`\n%batch ${batch}\n`)]))
        return copy
      })
      await s.importer.importFiles(copies)
      ;(globalThis as { gc?: () => void }).gc?.()
      rss.push(Math.round(process.memoryUsage().rss / 1024 / 1024))
    }
    rows.push({
      name: 'RSS after each batch of 17 documents (MB)',
      note: `${rss.join(' → ')}; documents in study: ${s.documents.list().length}`,
    })
  } finally {
    await s.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}
