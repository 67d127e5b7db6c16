// The review of disagreements (list, settle into a consensus coder, undo) and the agreement of
// case judgements, on real study files.
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import { krippendorffAlpha } from '../../shared/stats'
import { INTEROP_PDF, caller, tempDir } from '../helpers/study'

let template: Promise<{ path: string; doc: number }> | undefined
const open: StudySession[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

/** A study with one real one-page PDF (692 characters), codes X and Y, coders Anna and Bram. */
async function study() {
  template ??= (async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'werkbank-review-')), 'template.werkbank')
    const s = await StudySession.open(path, { create: true })
    const [outcome] = await s.importer.importFiles([join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')])
    if (outcome?.status !== 'imported') throw new Error('fixture import failed')
    s.codebook.ensurePath('X')
    s.codebook.ensurePath('Y')
    s.ensureCoder('Anna')
    s.ensureCoder('Bram')
    s.history.clear()
    await s.close()
    return { path, doc: outcome.documentId }
  })()
  const t = await template
  const path = join(tempDir(), 'study.werkbank')
  copyFileSync(t.path, path)
  const s = await StudySession.open(path)
  open.push(s)
  const code = (name: string) => s.codebook.resolvePath(name)
  const add = (codeName: string, coder: string, start: number, end: number) =>
    s.codings.create({ documentId: t.doc, codeId: code(codeName), coderId: s.coders.byName(coder)!.id, start, end }).id
  return { s, doc: t.doc, code, add, call: caller(s), text: s.documents.text(t.doc) }
}

/**
 * The segment-level hand case of agreement-measures: X agrees at [100,200) and [500,600),
 * differs at [300,350)/[300,400) (50% overlap); Y agrees at [0,50), and Bram alone has
 * [600,650) and [660,690).
 */
async function handCase() {
  const t = await study()
  const ids = {
    a300: t.add('X', 'Anna', 300, 350),
    b300: t.add('X', 'Bram', 300, 400),
  }
  t.add('X', 'Anna', 100, 200)
  t.add('X', 'Bram', 105, 200)
  t.add('X', 'Anna', 500, 600)
  t.add('X', 'Bram', 510, 600)
  t.add('Y', 'Anna', 0, 50)
  t.add('Y', 'Bram', 0, 50)
  t.add('Y', 'Bram', 600, 650)
  t.add('Y', 'Bram', 660, 690)
  t.s.history.clear()
  return { ...t, ids }
}

describe('disagreements', () => {
  it('lists every place where the coders differ, with each side, the quotes and the overlap', async () => {
    const t = await handCase()
    const list = await t.call('agreement:disagreements', { coders: ['Anna', 'Bram'] })
    expect(list.map((d) => [d.codePath, d.start, d.end, d.missing])).toEqual([
      ['X', 300, 400, []],
      ['Y', 600, 650, ['Anna']],
      ['Y', 660, 690, ['Anna']],
    ])
    const [x] = list
    expect(x!.page).toBe(1)
    expect(x!.overlap).toBe(50)
    expect(x!.segments.map((s) => [s.coder, s.start, s.end, s.quote])).toEqual([
      ['Anna', 300, 350, t.text.slice(300, 350)],
      ['Bram', 300, 400, t.text.slice(300, 400)],
    ])
    expect(x!.key).toBe(`${t.code('X')}:${t.doc}:300:400`)
    expect(x!.consensus).toEqual([])
    expect(list[1]!.overlap).toBe(0)
    // At a 50% threshold the X place agrees.
    const loose = await t.call('agreement:disagreements', { coders: ['Anna', 'Bram'], overlap: 50 })
    expect(loose.map((d) => d.codePath)).toEqual(['Y', 'Y'])
  })

  it('settles a place by accepting one side, both or neither into the consensus coder, each undoable', async () => {
    const t = await handCase()
    const place = { documentId: t.doc, codeId: t.code('X'), start: 300, end: 400 }
    const one = await t.call('agreement:settle', { ...place, accept: [t.ids.a300] })
    expect(one.consensus.name).toBe('Consensus')
    const consensusCodings = () => t.s.codings.list({ coderIds: [one.consensus.id] }).map((c) => [c.start, c.end, c.quote])
    expect(consensusCodings()).toEqual([[300, 350, t.text.slice(300, 350)]])
    const listed = await t.call('agreement:disagreements', { coders: ['Anna', 'Bram'] })
    expect(listed[0]!.consensus.map((c) => [c.start, c.end])).toEqual([[300, 350]])

    // Both sides: the consensus coding becomes their union (overlapping codings of one coder join).
    const both = await t.call('agreement:settle', { ...place, accept: [t.ids.a300, t.ids.b300] })
    expect(both.removed).toBe(1)
    expect(consensusCodings()).toEqual([[300, 400, t.text.slice(300, 400)]])

    const neither = await t.call('agreement:settle', { ...place, accept: [] })
    expect(neither.codingIds).toEqual([])
    expect(consensusCodings()).toEqual([])

    expect(t.s.history.state().undoLabel).toBe('agreement-settle')
    t.s.history.undo()
    expect(consensusCodings()).toEqual([[300, 400, t.text.slice(300, 400)]])
    t.s.history.undo()
    t.s.history.undo()
    expect(t.s.coders.byName('Consensus')).toBeUndefined()
    // The coders' own codings were never touched.
    expect(t.s.codings.list().map((c) => c.coderName).sort()).toEqual([...Array(4).fill('Anna'), ...Array(6).fill('Bram')])
  })

  it('refuses to accept a coding of another code or another place', async () => {
    const t = await handCase()
    const other = t.add('Y', 'Anna', 300, 320)
    const reply = await t.call('agreement:settle', { documentId: t.doc, codeId: t.code('X'), start: 300, end: 400, accept: [other] })
      .catch((e: { appError: { code: string } }) => e.appError.code)
    expect(reply).toBe('agreement-settle-invalid')
    expect(t.s.coders.byName('Consensus')).toBeUndefined()
  })
})

describe('case judgements', () => {
  /**
   * Five cases, phases 0–3 as case attributes fase:Anna and fase:Bram (Bram left case 5 open):
   *   Anna 0 1 2 3 3, Bram 0 1 3 3 –. The ordinal alpha is that of the same table computed
   *   directly; the researcher's own attribute `fase` is not a coder's and is ignored.
   */
  it('reads ATTRIBUTE:CODER case attributes and gives ordinal alpha with a seeded interval', async () => {
    const t = await study()
    const anna = [0, 1, 2, 3, 3]
    const bram = [0, 1, 3, 3, null]
    for (let i = 0; i < 5; i++) {
      const c = t.s.cases.create(`Project ${i + 1}`)
      t.s.cases.setAttribute(c.id, 'fase', '2')
      t.s.cases.setAttribute(c.id, 'fase:Anna', String(anna[i]))
      if (bram[i] !== null) t.s.cases.setAttribute(c.id, 'FASE:Bram', String(bram[i]))
    }
    const r = await t.call('agreement:judgements', { samples: 300, seed: 5 })
    expect(r.coders).toEqual(['Anna', 'Bram'])
    expect(r.level).toBe('ordinal')
    expect(r.cases.map((c) => c.values)).toEqual(anna.map((a, i) => [a, bram[i]]))
    expect(r.units).toBe(4)
    expect(r.alpha.value).toBeCloseTo(krippendorffAlpha([anna, bram], 'ordinal').alpha!, 12)
    expect(r.alpha.low).not.toBeNull()
    expect(await t.call('agreement:judgements', { samples: 300, seed: 5 })).toEqual(r)
    expect(r.percent.value).toBeCloseTo(3 / 4, 12)
  })

  it('refuses a judgement that is not a number, and a study without judgements', async () => {
    const t = await study()
    const c = t.s.cases.create('Project 1')
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { appError: { code: string } }) => e.appError.code)
    expect(await code(t.call('agreement:judgements', {}))).toBe('agreement-no-judgements')
    t.s.cases.setAttribute(c.id, 'fase:Anna', '2')
    t.s.cases.setAttribute(c.id, 'fase:Bram', 'twee')
    expect(await code(t.call('agreement:judgements', {}))).toBe('agreement-judgement-invalid')
  })
})
