/**
 * Search and auto-coding speed (issue 11: "auto-coding 1,000 hits ≤ 1 s"): the 17 generated
 * reports, a query with some thousands of hits, auto-coding the first 1,000 as sentences, as one
 * undo step. Also the search alone, cold (text prepared) and warm (prepared text cached), and a
 * SENTENCE(...) query.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StudySession } from '../../electron/core/study-session'
import { FIXTURE_DIR, ensureFixtures } from '../fixtures/fixtures'
import { dispatch } from '../../electron/core/handlers/dispatch'
import { createHandlers } from '../../electron/core/handlers/handlers'
import type { Args, Method, Result } from '../../shared/api'
import type { BenchRow } from './run'

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const v = await work()
  return [v, performance.now() - t]
}

export async function run(): Promise<BenchRow[]> {
  const manifest = await ensureFixtures()
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-bench-autocode-'))
  const s = await StudySession.open(join(dir, 'a.werkbank'), { create: true })
  try {
    // The handler table as every door calls it (test/helpers/study.ts needs vitest).
    const handlers = createHandlers(s)
    const call = async <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
      const reply = await dispatch(handlers, method, args)
      if (!reply.ok) throw new Error(JSON.stringify(reply.error))
      return reply.data as Result<M>
    }
    await s.importer.importFiles(manifest.reports.map((r) => join(FIXTURE_DIR, r.file)))
    const code = await call('codes:ensurePath', { path: 'Bench/Auto' })
    const coder = s.ensureCoder('Bench')
    const rows: BenchRow[] = []
    const query = 'de OR het OR een'
    const [cold, coldMs] = await timed(() => call('search:run', { query, limit: 100_000 }))
    rows.push({ name: `search "${query}", cold`, ms: coldMs, hits: cold.total })
    const [, warmMs] = await timed(() => call('search:run', { query, limit: 100_000 }))
    rows.push({ name: 'same search, warm', ms: warmMs, hits: cold.total })
    const [sent, sentMs] = await timed(() => call('search:run', { query: 'SENTENCE(docent* student*)', limit: 100_000 }))
    rows.push({ name: 'SENTENCE(docent* student*)', ms: sentMs, hits: sent.total })
    // The first 1,000 widened hits as sentences: exclude the rest.
    const widened = await call('search:run', { query: 'samenwerking OR docenten OR studenten OR bedrijf OR school', unit: 'hit', limit: 100_000 })
    const exclude = widened.hits.slice(1000).map((h) => `${h.documentId}:${h.start}:${h.end}`)
    const [applied, applyMs] = await timed(() =>
      call('autocode:apply', { query: 'samenwerking OR docenten OR studenten OR bedrijf OR school', codeId: code.id, coderId: coder.id, exclude }))
    rows.push({ name: 'auto-code 1,000 hits (one undo step)', ms: applyMs, hits: applied.hits, codings: applied.codings, note: 'target ≤ 1,000 ms' })
    const [, undoMs] = await timed(async () => s.history.undo())
    rows.push({ name: 'undo the auto-coding', ms: undoMs })
    return rows
  } finally {
    await s.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
