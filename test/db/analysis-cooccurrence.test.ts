import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CooccurrenceResult } from '../../shared/analysis-types'
import { caller, studyWithDocument } from '../helpers/study'
import { buildSmallStudy, type SmallStudy } from './analysis-fixture'

// Expected numbers are counted by hand from the table in analysis-fixture.ts.

let t: SmallStudy
let call: ReturnType<typeof caller>
beforeAll(async () => {
  t = await buildSmallStudy()
  call = caller(t.s)
})
afterAll(() => t.close())

const ROWS = ['A', 'A/A1', 'A/A2', 'B']

function square(c: CooccurrenceResult): Record<string, Record<string, number>> {
  return Object.fromEntries(c.rows.map((r, i) => [r.path, Object.fromEntries(c.rows.map((q, j) => [q.path, c.values[i]![j]!]))]))
}

/** Builds the expected symmetric table from its diagonal and its upper half. */
function symmetric(diagonal: number[], pairs: Record<string, number>): Record<string, Record<string, number>> {
  const out = Object.fromEntries(ROWS.map((r, i) => [r, Object.fromEntries(ROWS.map((q, j) => [q, i === j ? diagonal[i]! : 0]))]))
  for (const [key, n] of Object.entries(pairs)) {
    const [x, y] = key.split(' × ') as [string, string]
    out[x]![y] = n
    out[y]![x] = n
  }
  return out
}

describe('code co-occurrence', () => {
  it('counts overlapping codings of different codes by the same coder; the diagonal counts text codings', async () => {
    const c = await call('analysis:cooccurrence', {})
    expect(c.scope).toBe('overlap')
    // Same coder: D1 A1–A2 (Anna), A1–A (Bram); D3 A2–B (Anna). Across coders, which is
    // disagreement and does not count: D1 A1(Bram)–A2(Anna), D2 A1(Anna)–B(Bram). Two A2
    // codings overlapping each other in D3 are the same code: no pair. The area coding of B has
    // no extent in the text: not on the diagonal.
    expect(square(c)).toEqual(symmetric([1, 4, 3, 3], { 'A × A/A1': 1, 'A/A1 × A/A2': 1, 'A/A2 × B': 1 }))
  })

  it('rolls up: a coding counts for A when it belongs to A or its subcodes; segments, not pairs', async () => {
    const c = await call('analysis:cooccurrence', { rollup: true })
    // Same-coder pairs: P1 A1–A2 (Anna, D1), P2 A1–A (Bram, D1), P3 A2–B (Anna, D3).
    // A × A1, Anna: A's codings overlapping an A1 one {A2 of P1}, A1's overlapping an A one
    // {A1 of P1}: 1; Bram: {A of P2} and {A1 of P2}: 1; together 2. A × A2: Anna {A1 of P1} and
    // {A2 of P1}: 1. A × B: Anna {A2 of P3}, {B of P3}: 1.
    expect(square(c)).toEqual(
      symmetric([8, 4, 3, 3], { 'A × A/A1': 2, 'A × A/A2': 1, 'A × B': 1, 'A/A1 × A/A2': 1, 'A/A2 × B': 1 }),
    )
  })

  it('counts a long coding that holds several of another code once', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const c = caller(s)
    const long = await c('codes:ensurePath', { path: 'Lang' })
    const short = await c('codes:ensurePath', { path: 'Kort' })
    await c('codings:create', { documentId, codeId: long.id, coderId, start: 100, end: 400 })
    for (const start of [120, 200, 300]) await c('codings:create', { documentId, codeId: short.id, coderId, start, end: start + 20 })
    const k = await c('analysis:cooccurrence', {})
    expect(k.rows.map((r) => r.path)).toEqual(['Lang', 'Kort'])
    // Three pairs, but Lang has one segment: the passage co-occurs once.
    expect(k.values).toEqual([
      [1, 1],
      [1, 3],
    ])
  })

  it('counts documents where one coder used both codes, summed over coders; the diagonal likewise', async () => {
    const c = await call('analysis:cooccurrence', { scope: 'document' })
    // (coder, document): A {Bram D1}; A1 {Anna D1, Bram D1, Anna D2, Anna D4};
    // A2 {Anna D1, Bram D3, Anna D3}; B {Anna D1, Bram D1 (the area), Bram D2, Anna D3}.
    expect(square(c)).toEqual(
      symmetric([1, 4, 3, 4], { 'A × A/A1': 1, 'A × B': 1, 'A/A1 × A/A2': 1, 'A/A1 × B': 2, 'A/A2 × B': 2 }),
    )
  })

  it('counts cases where one coder used both codes; a document without a case counts for none', async () => {
    const c = await call('analysis:cooccurrence', { scope: 'case' })
    // (coder, case): A {Bram Alpha}; A1 {Anna Alpha, Bram Alpha}; A2 {Anna Alpha, Bram Beta,
    // Anna Beta}; B {Anna Alpha, Bram Alpha, Anna Beta}.
    expect(square(c)).toEqual(
      symmetric([1, 2, 3, 3], { 'A × A/A1': 1, 'A × B': 1, 'A/A1 × A/A2': 1, 'A/A1 × B': 2, 'A/A2 × B': 2 }),
    )
  })

  it('applies the same code choice and filters as the matrix', async () => {
    const anna = await call('analysis:cooccurrence', { codeIds: [t.code.A1, t.code.A2, t.code.B], filter: { coderIds: [t.coder.anna] } })
    // Anna alone: A1–A2 in D1 and A2–B in D3; A1–B in D2 involves Bram.
    expect(anna.rows.map((r) => r.path)).toEqual(['A/A1', 'A/A2', 'B'])
    expect(anna.values).toEqual([
      [3, 1, 0],
      [1, 2, 1],
      [0, 1, 2],
    ])
    const beta = await call('analysis:cooccurrence', { scope: 'document', codeIds: [t.code.A2, t.code.B], filter: { caseIds: [t.kase.beta] } })
    // D3: A2 by Bram and by Anna, B by Anna.
    expect(beta.values).toEqual([
      [2, 1],
      [1, 1],
    ])
  })
})

describe('phase overview', () => {
  it('needs phase codes', async () => {
    const error = await call('analysis:phases', {}).catch((e: { appError: unknown }) => e.appError)
    expect(error).toEqual({ code: 'phase-codes-not-found', params: {} })
  })

  it('finds phase codes by name when no template keys are there, and flags an assigned phase the evidence does not back', async () => {
    const { s, documentId, coderId, text } = await studyWithDocument()
    const c = caller(s)
    const kase = await c('cases:create', { name: 'Kamp' })
    await c('cases:setAttribute', { id: kase.id, name: 'Phase', value: 'phase 3' })
    await c('documents:assignCase', { documentId, caseId: kase.id })
    const p0 = await c('codes:ensurePath', { path: 'Phases/Phase 0 – divided' })
    const p1 = await c('codes:ensurePath', { path: 'Phases/Phase 1 – supervision' })
    const p2 = await c('codes:ensurePath', { path: 'Phases/Phase 2 – design' })
    const code = (codeId: number, start: number, end: number) => c('codings:create', { documentId, codeId, coderId, start, end })
    // Phase 1 and 2 have two codings each; phase 2 covers more text, so it is the strongest.
    await code(p1.id, 1000, 1100)
    await code(p1.id, 2000, 2050)
    await code(p2.id, 3000, 3200)
    await code(p2.id, 4000, 4100)
    const o = await c('analysis:phases', {})
    expect(o.attribute).toBe('phase')
    expect(o.phases.map((p) => [p.phase, p.codeId, p.path])).toEqual([
      [0, p0.id, 'Phases/Phase 0 – divided'],
      [1, p1.id, 'Phases/Phase 1 – supervision'],
      [2, p2.id, 'Phases/Phase 2 – design'],
      [3, null, null],
    ])
    expect(o.cases).toHaveLength(1)
    const [row] = o.cases
    expect(row).toMatchObject({ caseName: 'Kamp', assigned: 3, assignedValue: 'phase 3', segments: [0, 2, 2, 0], strongest: [2], differs: true })
    expect(row!.coverage[1]).toBeCloseTo(150 / text.length, 12)
    expect(row!.coverage[2]).toBeCloseTo(300 / text.length, 12)
    expect(row!.coverage[3]).toBe(0)
    await c('cases:setAttribute', { id: kase.id, name: 'Phase', value: '2' })
    expect((await c('analysis:phases', {})).cases[0]).toMatchObject({ assigned: 2, differs: false })
  })
})
