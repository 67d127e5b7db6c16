// Benchmark for intercoder agreement (run by `npm run bench -- agreement`, not by `npm test`).
// Targets: the three levels together on the 17 reports with 3 coders and 30,000 codings in
// under 1 s; judgement alpha with 1,000 bootstrap samples on 1,000 cases × 10 coders in under 1 s.
import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AgreementService } from '../../electron/core/agreement/agreement.service'
import { TeamService } from '../../electron/core/agreement/team.service'
import { StudySession } from '../../electron/core/study-session'
import { pageSpan, quoteWithContext } from '../../shared/anchoring'
import { mulberry32 } from '../../shared/stats'
import { ensureDemo } from '../fixtures/build-demo'
import type { BenchRow } from './run'

const CODERS = ['Coder 1', 'Coder 2', 'Coder 3']
const CODINGS = 30_000

function time<T>(f: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = f()
  return { ms: performance.now() - start, value }
}

/**
 * Passages spread over the 17 reports, each coded by each of three coders with probability
 * .85 (until there are 30,000 codings): a third of the boundaries moved by up to 30 characters,
 * one in ten codes swapped for the next one, codes chosen with a geometric skew so that rare
 * ones are absent from some reports. Written with direct INSERTs in one transaction (the coding
 * service would join overlapping codings and check each one; this only needs volume).
 */
function addCodings(s: StudySession): void {
  const db = s.study.db
  const random = mulberry32(2024)
  const docs = s.documents.list().map((d) => ({ id: d.id, text: s.documents.text(d.id), starts: s.documents.pageStarts(d.id) }))
  const codes = s.codebook.list().map((c) => c.id)
  const coders = CODERS.map((n) => s.ensureCoder(n).id)
  const insert = db.prepare(`
    INSERT INTO codings (uuid, document_id, code_id, coder_id, kind, start_offset, end_offset, quote, prefix, suffix,
                         page_from, page_to, rects, memo, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'text', ?, ?, ?, ?, ?, ?, ?, '[]', '', ?, ?)`)
  const now = new Date().toISOString()
  db.transaction(() => {
    db.exec('DELETE FROM codings')
    let inserted = 0
    for (let n = 0; inserted < CODINGS; n++) {
      const doc = docs[n % docs.length]!
      const length = 80 + Math.floor(random() * 320)
      const start = Math.floor(random() * (doc.text.length - length))
      // Geometric, so that the rarer codes are absent from some reports (document level varies).
      const k = Math.min(codes.length - 1, Math.floor(-Math.log(1 - random()) / 0.26))
      for (const coder of coders) {
        if (inserted === CODINGS) break
        if (random() < 0.15) continue
        const jitter = () => (random() < 0.33 ? Math.floor(random() * 61) - 30 : 0)
        const s0 = Math.max(0, start + jitter())
        const e0 = Math.min(doc.text.length, Math.max(s0 + 1, start + length + jitter()))
        const c = codes[random() < 0.1 ? Math.min(codes.length - 1, k + 1) : k]!
        const { quote, prefix, suffix } = quoteWithContext(doc.text, s0, e0)
        const [from, to] = pageSpan(doc.starts, s0, e0)
        insert.run(randomUUID(), doc.id, c, coder, s0, e0, quote, prefix, suffix, from, to, now, now)
        inserted++
      }
    }
  })()
}

/** 1,000 cases, each judged by 10 coders: a true phase 0–3, 70% of coders give it, 5% leave it open. */
function addJudgements(s: StudySession): string[] {
  const db = s.study.db
  const random = mulberry32(11)
  const coders = Array.from({ length: 10 }, (_, i) => `R${i + 1}`)
  const insertCase = db.prepare('INSERT INTO cases (name, sort_order, created_at) VALUES (?, ?, ?)')
  const insertAttr = db.prepare('INSERT INTO case_attributes (case_id, name, value) VALUES (?, ?, ?)')
  db.transaction(() => {
    for (let u = 0; u < 1000; u++) {
      const id = Number(insertCase.run(`Bench ${u + 1}`, 1000 + u, new Date().toISOString()).lastInsertRowid)
      const truth = Math.floor(random() * 4)
      for (const coder of coders) {
        if (random() < 0.05) continue
        insertAttr.run(id, `fase:${coder}`, String(random() < 0.7 ? truth : Math.floor(random() * 4)))
      }
    }
  })()
  return coders
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-bench-agreement-'))
  const path = join(dir, 'bench.werkbank')
  copyFileSync(await ensureDemo(), path)
  const s = await StudySession.open(path)
  try {
    const setup = time(() => addCodings(s))
    const agreement = new AgreementService(s)
    const fmt = (x: number | null | undefined) => (x === null || x === undefined ? 'null' : x.toFixed(3))
    const rows: BenchRow[] = [{ name: `setup: ${CODINGS.toLocaleString('en')} codings by direct INSERT`, ms: setup.ms }]
    let together = 0
    for (const level of ['document', 'segment', 'character'] as const) {
      const r = time(() => agreement.measure({ coders: CODERS, level }))
      together += r.ms
      const t = r.value.total
      rows.push({
        name: `measure ${level}, 3 coders, ${r.value.documents.length} reports × ${r.value.byCode.length} codes`,
        ms: r.ms,
        note: `percent ${fmt(t.percent.value)}, kappa ${fmt(t.kappa.value)}${t.alpha ? `, alpha ${fmt(t.alpha.value)} [${fmt(t.alpha.low)}, ${fmt(t.alpha.high)}]` : ''}`,
      })
    }
    rows.push({ name: 'three levels together (cold, 1,000 bootstrap samples where alpha has an interval)', ms: together, note: 'target < 1000 ms' })
    const list = time(() => agreement.disagreements({ coders: CODERS }))
    rows.push({ name: 'disagreement list, 3 coders', ms: list.ms, note: `${list.value.length} places` })

    // Team workflow: a copy for Coder 1, whose codings the lead's study then forgets, so that
    // merging the copy back brings every one of them in again.
    const team = new TeamService(s)
    const copyPath = join(dir, 'coder-1.werkbank')
    const t0 = performance.now()
    const exported = await team.exportForCoder('Coder 1', copyPath)
    rows.push({ name: 'export a copy for one coder (backup, delete the others, vacuum)', ms: performance.now() - t0, note: `${exported.codings} codings kept` })
    s.study.db.prepare('DELETE FROM codings WHERE coder_id = ?').run(s.coders.byName('Coder 1')!.id)
    const merged = time(() => team.merge(copyPath))
    rows.push({ name: 'merge it back (one undoable transaction)', ms: merged.ms, note: `${merged.value.codings.added} codings added` })

    const judges = addJudgements(s)
    const j = time(() => agreement.judgements({ coders: judges, samples: 1000, seed: 1 }))
    rows.push({
      name: 'judgements: ordinal alpha + 1,000 bootstrap samples, 1,000 cases × 10 coders',
      ms: j.ms,
      note: `alpha ${fmt(j.value.alpha.value)} [${fmt(j.value.alpha.low)}, ${fmt(j.value.alpha.high)}]; target < 1000 ms`,
    })
    return rows
  } finally {
    await s.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
