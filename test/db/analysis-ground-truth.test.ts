/**
 * The analyses against the generator's ground truth: the 17 generated reports, one case each,
 * and one coder ("Truth") who codes exactly the ground-truth passages with their codes. Every
 * count the matrix gives must then be the manifest's own count.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import type { MatrixResult } from '../../shared/analysis-types'
import { findLoose } from '../fixtures/build-demo'
import { FIXTURE_DIR, ensureFixtures, type ReportManifest } from '../fixtures/fixtures'
import { caller } from '../helpers/study'

interface Located {
  caseName: string
  codeKey: string
  start: number
  end: number
}

let dir: string
let s: StudySession
let call: ReturnType<typeof caller>
let manifest: ReportManifest
let truth: number
let other: number
const located: Located[] = []
const chars = new Map<string, number>()
const codeByKey = new Map<string, { id: number; path: string; parentId: number | null }>()

beforeAll(async () => {
  manifest = await ensureFixtures()
  dir = mkdtempSync(join(tmpdir(), 'werkbank-truth-'))
  s = await StudySession.open(join(dir, 'truth.werkbank'), { create: true })
  call = caller(s)
  s.codebook.applyTemplate('loopbaan', 'nl')
  for (const c of s.codebook.list()) if (c.templateKey) codeByKey.set(c.templateKey, c)
  truth = s.ensureCoder('Truth').id
  other = s.ensureCoder('Other').id
  const cases = manifest.reports.map((r) => {
    const c = s.cases.create(r.case.name)
    s.cases.setAttribute(c.id, 'fase', String(r.case.phase))
    s.cases.setAttribute(c.id, 'sector', r.case.sector)
    return c
  })
  const outcomes = await s.importer.importFiles(manifest.reports.map((r) => join(FIXTURE_DIR, r.file)))
  for (const [i, report] of manifest.reports.entries()) {
    const o = outcomes[i]!
    if (o.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(o)}`)
    await call('documents:assignCase', { documentId: o.documentId, caseId: cases[i]!.id })
    const text = s.documents.text(o.documentId)
    chars.set(report.case.name, text.length)
    let cursor = 0
    const taken = new Set<string>()
    for (const p of report.passages) {
      // As the demo builder finds them (near the previous passage, else anywhere); but a report
      // may hold the same sentence twice with the same code, and then the second passage is the
      // next occurrence, not the first one again.
      let at = findLoose(text, p.text, Math.max(0, cursor - 2000)) ?? findLoose(text, p.text)
      while (at && taken.has(`${p.codeKey} ${at.start}`)) at = findLoose(text, p.text, at.end)
      if (!at) throw new Error(`passage not found in ${report.file}: ${p.text.slice(0, 60)}`)
      taken.add(`${p.codeKey} ${at.start}`)
      cursor = at.start
      located.push({ caseName: report.case.name, codeKey: p.codeKey, ...at })
      s.codings.create({ documentId: o.documentId, codeId: codeByKey.get(p.codeKey)!.id, coderId: truth, ...at })
    }
    // Another coder's codings, so that the coder filter has something to leave out.
    s.codings.create({ documentId: o.documentId, codeId: codeByKey.get('wb-1')!.id, coderId: other, start: 0, end: 40 })
  }
}, 300_000)

afterAll(async () => {
  await s?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The matrix cell of a code (by template key) and a case (by name). */
function cell(m: MatrixResult, key: string, caseName: string): number | null {
  const i = m.rows.findIndex((r) => r.codeId === codeByKey.get(key)!.id)
  const j = m.columns.findIndex((c) => c.label === caseName)
  return m.values[i]![j]!
}

/** Characters covered by a set of intervals, overlaps once (plain sweep, as a check). */
function unionLength(intervals: { start: number; end: number }[]): number {
  let covered = 0
  let reach = -1
  for (const { start, end } of [...intervals].sort((a, b) => a.start - b.start)) {
    if (end > reach) covered += end - Math.max(start, reach)
    reach = Math.max(reach, end)
  }
  return covered
}

describe('analyses against the generator ground truth (17 reports)', () => {
  it('counts, per code and case, exactly the ground-truth passages of that code', async () => {
    const m = await call('analysis:matrix', { by: 'cases', measure: 'segments', filter: { coderIds: [truth] } })
    expect(m.columns.map((c) => c.label)).toEqual(manifest.reports.map((r) => r.case.name))
    // A passage the generator gave the same code twice in a row would merge into one coding.
    expect(s.study.db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(located.length + manifest.reports.length)
    let checked = 0
    for (const [key] of codeByKey) {
      for (const r of manifest.reports) {
        const expected = r.passages.filter((p) => p.codeKey === key).length
        expect(cell(m, key, r.case.name), `${key} × ${r.case.name}`).toBe(expected)
        checked++
      }
    }
    expect(checked).toBe(30 * 17) // every code of the loopbaan codebook, every case
    expect(m.total).toBe(located.length)
  })

  it('rolls the phase subcodes up into the phase code', async () => {
    const m = await call('analysis:matrix', {
      by: 'cases', measure: 'segments', rollup: true, codeIds: [codeByKey.get('fase')!.id], filter: { coderIds: [truth] },
    })
    for (const r of manifest.reports) {
      expect(cell(m, 'fase', r.case.name)).toBe(r.passages.filter((p) => p.codeKey.startsWith('fase-')).length)
    }
  })

  it('gives coverage as the union of the passages over the report text', async () => {
    const keys = ['fase-0', 'fase-2', 'verzet-passief', 'wb-6', 'leeromgeving-praktijkgericht']
    const m = await call('analysis:matrix', {
      by: 'cases', measure: 'coverage', codeIds: keys.map((k) => codeByKey.get(k)!.id), filter: { coderIds: [truth] },
    })
    for (const key of keys) {
      for (const r of manifest.reports) {
        const own = located.filter((l) => l.caseName === r.case.name && l.codeKey === key)
        expect(cell(m, key, r.case.name), `${key} × ${r.case.name}`).toBeCloseTo(unionLength(own) / chars.get(r.case.name)!, 12)
      }
    }
    const all = located.filter((l) => keys.includes(l.codeKey))
    const total = [...chars.values()].reduce((a, b) => a + b, 0)
    const covered = manifest.reports.reduce((n, r) => n + unionLength(all.filter((l) => l.caseName === r.case.name)), 0)
    expect(m.total).toBeCloseTo(covered / total, 12)
  })

  it('counts documents and presence as one report per case that has the code', async () => {
    const docs = await call('analysis:matrix', { by: 'cases', measure: 'documents', filter: { coderIds: [truth] } })
    const presence = await call('analysis:matrix', { by: 'cases', measure: 'presence', filter: { coderIds: [truth] } })
    for (const [key] of codeByKey) {
      const reports = manifest.reports.filter((r) => r.passages.some((p) => p.codeKey === key))
      const i = docs.rows.findIndex((r) => r.codeId === codeByKey.get(key)!.id)
      expect(docs.rowTotals[i], key).toBe(reports.length)
      for (const r of manifest.reports) {
        const has = reports.includes(r) ? 1 : 0
        expect(cell(docs, key, r.case.name)).toBe(has)
        expect(cell(presence, key, r.case.name)).toBe(has)
      }
    }
  })

  it('puts the phase with the most evidence beside the assigned phase and flags the two reports where they differ', async () => {
    const o = await call('analysis:phases', { filter: { coderIds: [truth] } })
    expect(o.attribute).toBe('fase')
    expect(o.phases.map((p) => p.codeId)).toEqual(['fase-0', 'fase-1', 'fase-2', 'fase-3'].map((k) => codeByKey.get(k)!.id))
    expect(o.cases.map((c) => c.caseName)).toEqual(manifest.reports.map((r) => r.case.name))
    for (const [i, r] of manifest.reports.entries()) {
      const row = o.cases[i]!
      const perPhase = [0, 1, 2, 3].map((p) => r.passages.filter((x) => x.codeKey === `fase-${p}`).length)
      expect(row.segments, r.case.name).toEqual(perPhase)
      expect(row.assigned).toBe(r.case.phase)
      expect(row.strongest, r.case.name).toEqual([r.evidencePhase ?? r.case.phase])
      expect(row.differs, r.case.name).toBe(r.phaseEvidenceDiffers === true)
    }
    expect(o.cases.filter((c) => c.differs)).toHaveLength(2)
  })

  it('counts reports where two codes both occur, the diagonal the reports of each code', async () => {
    const keys = ['fase-0', 'fase-2', 'verzet-passief']
    const c = await call('analysis:cooccurrence', { scope: 'document', codeIds: keys.map((k) => codeByKey.get(k)!.id), filter: { coderIds: [truth] } })
    const has = (r: ReportManifest['reports'][number], k: string) => r.passages.some((p) => p.codeKey === k)
    keys.forEach((x, i) =>
      keys.forEach((y, j) => {
        expect(c.values[i]![j], `${x} × ${y}`).toBe(manifest.reports.filter((r) => has(r, x) && has(r, y)).length)
      }),
    )
  })
})
