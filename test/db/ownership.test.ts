/**
 * A coding, its memo and a coder's memos belong to their coder: the core refuses another
 * coder's change unless it is made as consensus / lead, and records a lead's change in the
 * undo history. The study's own operations (settling into the consensus coder) go on.
 */
import { describe, expect, it } from 'vitest'
import { errorMessage } from '../../shared/i18n/messages'
import { SYSTEM } from '../../electron/core/services/ownership'
import { caller, studyWithDocument } from '../helpers/study'

async function twoCoders() {
  const { s, documentId, coderId: anna, text } = await studyWithDocument()
  const call = caller(s)
  const bram = s.ensureCoder('Bram').id
  const moon = s.codebook.create({ parentId: null, name: 'Moon' }).id
  const bogs = s.codebook.create({ parentId: null, name: 'Bogs' }).id
  const start = text.indexOf('The Buried Moon')
  const annas = s.codings.create({ documentId, codeId: moon, coderId: anna, start, end: start + 15, memo: 'titel' })
  s.memos.save('code', moon, anna, 'Annas memo.')
  return { s, call, documentId, anna, bram, moon, bogs, annas }
}

/** The error code and parameters of a refused call. */
async function refusal(p: Promise<unknown>) {
  const e = await p.then(() => undefined, (x: { appError?: unknown }) => x.appError)
  expect(e).toBeDefined()
  return e as { code: string; params: Record<string, string | number> }
}

describe('ownership of codings and memos', () => {
  it('refuses another coder’s recode, resize, memo and delete of a coding, in words, and changes nothing', async () => {
    const { s, call, anna, bram, bogs, annas } = await twoCoders()
    const before = s.codings.get(annas.id)
    const undoBefore = s.history.state()
    for (const change of [{ codeId: bogs }, { start: annas.start - 4 }, { memo: 'van Bram' }]) {
      const e = await refusal(call('codings:update', { id: annas.id, actingCoderId: bram, ...change }))
      expect(e).toEqual({ code: 'coding-of-other-coder', params: { codingId: annas.id, owner: 'Anna', actor: 'Bram' } })
    }
    const e = await refusal(call('codings:delete', { id: annas.id, actingCoderId: bram }))
    expect(e.code).toBe('coding-of-other-coder')
    expect(errorMessage(e as never, 'nl')).toBe(
      'Deze codering is van Anna; Bram kan haar niet wijzigen of verwijderen. Dat kan alleen Anna, of iemand die bewerkt als consensus / leider.',
    )
    expect(errorMessage(e as never, 'en')).toContain("This coding is Anna's; Bram cannot change or delete it.")
    // asLead: false is no lead mode.
    expect((await refusal(call('codings:delete', { id: annas.id, actingCoderId: bram, asLead: false }))).code).toBe('coding-of-other-coder')
    expect(s.codings.get(annas.id)).toEqual(before)
    expect(s.history.state()).toEqual(undoBefore)
  })

  it('lets the coding’s own coder change and delete it, recorded as an ordinary step', async () => {
    const { s, call, anna, bogs, annas } = await twoCoders()
    expect((await call('codings:update', { id: annas.id, actingCoderId: anna, codeId: bogs, memo: 'anders' })).codeId).toBe(bogs)
    expect(s.history.state()).toMatchObject({ undoLabel: 'coding-update', undoParams: { codingId: annas.id } })
    expect(s.history.state().undoParams).not.toHaveProperty('by')
    await call('codings:delete', { id: annas.id, actingCoderId: anna })
    expect(s.codings.list()).toHaveLength(0)
    expect(s.history.state().undoLabel).toBe('coding-delete')
  })

  it('lets another coder change it as lead: the coding stays its coder’s, the undo step says “as lead” and names both', async () => {
    const { s, call, anna, bram, bogs, annas } = await twoCoders()
    const recoded = await call('codings:update', { id: annas.id, actingCoderId: bram, asLead: true, codeId: bogs, memo: 'besproken' })
    expect(recoded).toMatchObject({ codeId: bogs, memo: 'besproken', coderId: anna })
    const state = await call('history:state', {})
    expect(state).toMatchObject({ undoLabel: 'coding-update-as-lead', undoParams: { codingId: annas.id, by: 'Bram', owner: 'Anna' } })
    // The log is in the study: the label and its names come back with undo and redo.
    expect(await call('history:undo', {})).toMatchObject({ label: 'coding-update-as-lead', params: { by: 'Bram', owner: 'Anna' } })
    expect(s.codings.get(annas.id)).toMatchObject({ codeId: annas.codeId, memo: 'titel' })
    expect((await call('history:state', {})).redoParams).toMatchObject({ by: 'Bram', owner: 'Anna' })
    await call('history:redo', {})

    await call('codings:delete', { id: annas.id, actingCoderId: bram, asLead: true })
    expect(s.codings.list()).toHaveLength(0)
    expect(s.history.state()).toMatchObject({ undoLabel: 'coding-delete-as-lead', undoParams: { by: 'Bram', owner: 'Anna' } })
    s.history.undo()
    expect(s.codings.get(annas.id).coderId).toBe(anna)
  })

  it('refuses a change without an acting coder, or by one who does not exist', async () => {
    const { call, annas } = await twoCoders()
    expect((await refusal(call('codings:update', { id: annas.id, memo: 'x' } as never))).code).toBe('bad-input')
    expect((await refusal(call('codings:delete', { id: annas.id } as never))).code).toBe('bad-input')
    expect(await refusal(call('codings:delete', { id: annas.id, actingCoderId: 999, asLead: true }))).toEqual({ code: 'coder-not-found', params: { coderId: 999 } })
    // An unknown coding is still the error it was.
    expect((await refusal(call('codings:delete', { id: 98765, actingCoderId: 1 }))).code).toBe('coding-not-found')
  })

  it('refuses another coder’s memo, written or emptied, unless as lead; their own memo is theirs to write', async () => {
    const { s, call, anna, bram, moon } = await twoCoders()
    const target = { targetType: 'code', targetId: moon } as const
    for (const body of ['overschreven', '']) {
      const e = await refusal(call('memos:save', { ...target, coderId: anna, body, actingCoderId: bram }))
      expect(e).toEqual({ code: 'memo-of-other-coder', params: { owner: 'Anna', actor: 'Bram' } })
      expect(errorMessage(e as never, 'nl')).toContain('Deze memo is van Anna; Bram kan hem niet wijzigen.')
    }
    expect(s.memos.list('code', moon).map((m) => m.body)).toEqual(['Annas memo.'])

    await call('memos:save', { ...target, coderId: bram, body: 'Mijn eigen.', actingCoderId: bram })
    expect(s.history.state().undoLabel).toBe('memo-save')
    await call('memos:save', { ...target, coderId: anna, body: 'Aangevuld door de leider.', actingCoderId: bram, asLead: true })
    expect(s.history.state()).toMatchObject({ undoLabel: 'memo-save-as-lead', undoParams: { target: 'code', by: 'Bram', owner: 'Anna' } })
    expect(s.memos.list('code', moon).map((m) => [m.coderName, m.body])).toEqual([['Anna', 'Aangevuld door de leider.'], ['Bram', 'Mijn eigen.']])
  })

  it('keeps each coder’s judgement of a case (fase:NAME) theirs; other attributes belong to nobody', async () => {
    const { s, call, anna, bram } = await twoCoders()
    const kase = s.cases.create('Project 1')
    await call('cases:setAttribute', { id: kase.id, name: 'fase:Anna', value: '2', actingCoderId: anna })
    await call('cases:update', { id: kase.id, attributes: { 'fase:Bram': '3', sector: 'zorg' }, actingCoderId: bram })
    // Bram may not change or remove Anna's judgement, in one call or as part of the case dialog's.
    const e = await refusal(call('cases:setAttribute', { id: kase.id, name: 'fase:anna', value: '1', actingCoderId: bram }))
    expect(e).toEqual({ code: 'judgement-of-other-coder', params: { name: 'fase:anna', owner: 'Anna', actor: 'Bram' } })
    expect(errorMessage(e as never, 'nl')).toContain('Het oordeel fase:anna is van Anna; Bram kan het niet wijzigen.')
    expect((await refusal(call('cases:update', { id: kase.id, name: 'Project Eén', attributes: { 'fase:Anna': '' }, actingCoderId: bram }))).code).toBe('judgement-of-other-coder')
    // Without an acting coder a judgement cannot change at all; anything else can.
    expect((await refusal(call('cases:setAttribute', { id: kase.id, name: 'fase:Anna', value: '0' }))).code).toBe('bad-input')
    await call('cases:setAttribute', { id: kase.id, name: 'jaar', value: '2012' })
    expect(s.cases.get(kase.id)).toMatchObject({ name: 'Project 1', attributes: { 'fase:Anna': '2', 'fase:Bram': '3', sector: 'zorg', jaar: '2012' } })

    await call('cases:update', { id: kase.id, attributes: { 'fase:Anna': '1' }, actingCoderId: bram, asLead: true })
    expect(s.cases.get(kase.id).attributes['fase:Anna']).toBe('1')
    expect(s.history.state()).toMatchObject({ undoLabel: 'case-update-as-lead', undoParams: { by: 'Bram', owner: 'Anna' } })
  })

  it('keeps the study’s own operations working: settling into the consensus coder, and a system change', async () => {
    const { s, call, documentId, moon, annas } = await twoCoders()
    const settled = await call('agreement:settle', { documentId, codeId: moon, start: annas.start, end: annas.end, accept: [annas.id] })
    expect(settled.codingIds).toHaveLength(1)
    // Settling again replaces the consensus coder's own coding, whoever asked.
    const again = await call('agreement:settle', { documentId, codeId: moon, start: annas.start, end: annas.end, accept: [] })
    expect(again.removed).toBe(1)
    expect(s.codings.update(annas.id, { memo: 'import' }, SYSTEM).memo).toBe('import')
    expect(s.history.state().undoLabel).toBe('coding-update')
    expect(s.codings.list().map((c) => c.coderName)).toEqual(['Anna'])
  })
})
