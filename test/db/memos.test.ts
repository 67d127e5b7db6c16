import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { caller, tempStudy } from '../helpers/study'

describe('memos on the study, a case, a document or a code', () => {
  it('keeps one memo per coder and target, shows every coder’s, and removes one saved empty', async () => {
    const s = await tempStudy()
    const call = caller(s)
    const anna = s.ensureCoder('Anna')
    const bram = s.ensureCoder('Bram')
    const code = s.codebook.create({ parentId: null, name: 'Verzet' })
    const kase = s.cases.create('ROC Noord')

    const first = await call('memos:save', { targetType: 'code', targetId: code.id, coderId: anna.id, body: 'Let op: passief verzet\nis lastig te zien.', actingCoderId: anna.id })
    expect(first).toMatchObject({ targetType: 'code', targetId: code.id, coderName: 'Anna', body: 'Let op: passief verzet\nis lastig te zien.' })
    const again = await call('memos:save', { targetType: 'code', targetId: code.id, coderId: anna.id, body: 'Herschreven.', actingCoderId: anna.id })
    expect(again!.id).toBe(first!.id)
    await call('memos:save', { targetType: 'code', targetId: code.id, coderId: bram.id, body: 'Mee eens.', actingCoderId: bram.id })
    expect((await call('memos:list', { targetType: 'code', targetId: code.id })).map((m) => [m.coderName, m.body])).toEqual([['Anna', 'Herschreven.'], ['Bram', 'Mee eens.']])

    // Other targets are separate; the study has one without an id.
    await call('memos:save', { targetType: 'case', targetId: kase.id, coderId: anna.id, body: 'Fase 2, twijfel.', actingCoderId: anna.id })
    await call('memos:save', { targetType: 'study', targetId: null, coderId: anna.id, body: 'Onderzoeksvraag …', actingCoderId: anna.id })
    expect(await call('memos:list', { targetType: 'case', targetId: kase.id })).toHaveLength(1)
    expect((await call('memos:list', { targetType: 'study', targetId: null }))[0]!.body).toBe('Onderzoeksvraag …')

    // Saved empty: gone.
    expect(await call('memos:save', { targetType: 'code', targetId: code.id, coderId: bram.id, body: '  ', actingCoderId: bram.id })).toBeNull()
    expect((await call('memos:list', { targetType: 'code', targetId: code.id })).map((m) => m.coderName)).toEqual(['Anna'])
  })

  it('makes each save an undo step', async () => {
    const s = await tempStudy()
    const anna = s.ensureCoder('Anna')
    const code = s.codebook.create({ parentId: null, name: 'Leiderschap' })
    s.memos.save('code', code.id, anna.id, 'Eerste versie.')
    s.memos.save('code', code.id, anna.id, 'Tweede versie.')
    expect(s.history.state().undoLabel).toBe('memo-save')
    s.history.undo()
    expect(s.memos.list('code', code.id)[0]!.body).toBe('Eerste versie.')
    s.history.undo()
    expect(s.memos.list('code', code.id)).toEqual([])
    s.history.redo()
    expect(s.memos.list('code', code.id)[0]!.body).toBe('Eerste versie.')
  })

  it('refuses an unknown target or coder, and a study memo with an id, in words', async () => {
    const s = await tempStudy()
    const call = caller(s)
    const anna = s.ensureCoder('Anna')
    const refused = async (args: Parameters<typeof call<'memos:save'>>[1], code: string) =>
      expect(call('memos:save', args)).rejects.toMatchObject({ appError: { code } })
    await refused({ targetType: 'code', targetId: 999, coderId: anna.id, body: 'x', actingCoderId: anna.id }, 'code-not-found')
    await refused({ targetType: 'case', targetId: 999, coderId: anna.id, body: 'x', actingCoderId: anna.id }, 'case-not-found')
    await refused({ targetType: 'document', targetId: 999, coderId: anna.id, body: 'x', actingCoderId: anna.id }, 'document-not-found')
    await refused({ targetType: 'code', targetId: null, coderId: anna.id, body: 'x', actingCoderId: anna.id }, 'code-not-found')
    await refused({ targetType: 'study', targetId: 3, coderId: anna.id, body: 'x', actingCoderId: anna.id }, 'bad-input')
    const code = s.codebook.create({ parentId: null, name: 'A' })
    await refused({ targetType: 'code', targetId: code.id, coderId: 999, body: 'x', actingCoderId: anna.id }, 'coder-not-found')
    await refused({ targetType: 'page' as never, targetId: 1, coderId: anna.id, body: 'x', actingCoderId: anna.id }, 'bad-input')
    expect(s.study.db.prepare('SELECT count(*) FROM memos').pluck().get()).toBe(0)
  })
})

describe('memos when their target goes', () => {
  it('moves a merged code’s memos to the code it joins, and deletes them with a deleted code (undo brings them back)', async () => {
    const s = await tempStudy()
    const anna = s.ensureCoder('Anna')
    const a = s.codebook.create({ parentId: null, name: 'A' })
    const b = s.codebook.create({ parentId: null, name: 'B' })
    const c = s.codebook.create({ parentId: null, name: 'C' })
    s.memos.save('code', a.id, anna.id, 'Over A.')
    s.memos.save('code', c.id, anna.id, 'Over C.')
    s.codebook.merge(a.id, b.id)
    expect(s.memos.list('code', b.id).map((m) => m.body)).toEqual(['Over A.'])
    s.codebook.remove(c.id)
    expect(s.study.db.prepare("SELECT count(*) FROM memos WHERE target_type = 'code' AND target_id = ?").pluck().get(c.id)).toBe(0)
    s.history.undo()
    expect(s.memos.list('code', c.id).map((m) => m.body)).toEqual(['Over C.'])
  })
})

describe('memos as CSV', () => {
  it('lists every memo with what it is about and whose it is, read back by a real CSV parser', async () => {
    const s = await tempStudy()
    const call = caller(s)
    const anna = s.ensureCoder('Anna')
    const bram = s.ensureCoder('Bram')
    const parent = s.codebook.create({ parentId: null, name: 'Verzet' })
    const code = s.codebook.create({ parentId: parent.id, name: 'Passief' })
    const kase = s.cases.create('ROC Noord')
    s.memos.save('code', code.id, bram.id, '=HYPERLINK("x")\nmet regel; en "quotes"')
    s.memos.save('case', kase.id, anna.id, 'Fase 2.')
    s.memos.save('study', null, anna.id, 'Vraag.')
    const text = await call('export:memos', { delimiter: ';', bom: true })
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = parse(text.slice(1), { delimiter: ';' }) as string[][]
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['about', 'target', 'coder', 'memo'],
      ['study', '', 'Anna', 'Vraag.'],
      ['case', 'ROC Noord', 'Anna', 'Fase 2.'],
      // A memo that starts like a formula is written so that a spreadsheet shows it as text.
      ['code', 'Verzet/Passief', 'Bram', `'=HYPERLINK("x")\nmet regel; en "quotes"`],
    ])
    expect(rows[1]![4]).toMatch(/^\d{4}-\d\d-\d\dT/)
  })
})
