/**
 * The study log: who created, changed or deleted which coding when, read from the undo history.
 * Each kind of action shows up with its actor, time and coding; a lead's edit names the lead;
 * an auto-coding lists every coding it made; a coding joined with its neighbour is one change,
 * not a creation and a deletion; filters and the CSV export.
 */
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../shared/csv'
import { HISTORY_LIMIT } from '../../electron/core/services/history.service'
import { caller, studyWithDocument } from '../helpers/study'

async function setup() {
  const { s, documentId, coderId: anna, text } = await studyWithDocument()
  const call = caller(s)
  const bram = s.ensureCoder('Bram').id
  const landscape = await call('codes:create', { parentId: null, name: 'Landscape' })
  const moon = await call('codes:create', { parentId: null, name: 'Moon' })
  return { s, call, documentId, anna, bram, landscape: landscape.id, moon: moon.id, text }
}

describe('the study log', () => {
  it('lists who created, recoded, changed and deleted which coding when, newest first', async () => {
    const t0 = new Date().toISOString()
    const { call, documentId, anna, bram, landscape, moon } = await setup()
    const a = await call('codings:create', { documentId, codeId: landscape, coderId: anna, start: 100, end: 140 })
    const b = await call('codings:create', { documentId, codeId: landscape, coderId: bram, start: 300, end: 340 })
    await call('codings:update', { id: a.id, codeId: moon, actingCoderId: anna })
    await call('codings:update', { id: b.id, start: 290, actingCoderId: anna, asLead: true })
    await call('codings:delete', { id: b.id, actingCoderId: bram })

    const log = await call('log:list', {})
    expect(log.keeps).toBe(HISTORY_LIMIT)
    expect(log.total).toBe(5)
    const rows = log.entries.map((e) => [e.kind, e.codingId, e.by, e.coderName, e.codePath, e.action])
    expect(rows).toEqual([
      ['deleted', b.id, 'Bram', 'Bram', 'Landscape', 'coding-delete'],
      ['changed', b.id, 'Anna', 'Bram', 'Landscape', 'coding-update-as-lead'],
      ['changed', a.id, 'Anna', 'Anna', 'Moon', 'coding-update'],
      ['created', b.id, 'Bram', 'Bram', 'Landscape', 'coding-create'],
      ['created', a.id, 'Anna', 'Anna', 'Landscape', 'coding-create'],
    ])
    const [deleted, lead, recode, , created] = log.entries
    expect(recode!.changed).toEqual(['code'])
    expect([recode!.previousCodeId, recode!.previousCodePath]).toEqual([landscape, 'Landscape'])
    expect(lead!.asLead).toBe(true)
    expect(lead!.params).toMatchObject({ by: 'Anna', owner: 'Bram' })
    expect(lead!.changed).toEqual(['range'])
    expect([lead!.start, lead!.end]).toEqual([290, 340])
    expect(deleted!.quote).toBe(lead!.quote)
    expect(created!.origin).toBe('selection')
    expect(created!.documentId).toBe(documentId)
    for (const e of log.entries) {
      expect(e.at >= t0 && e.at <= new Date().toISOString()).toBe(true)
      expect(e.undone).toBe(false)
    }
    // The history began with the codes made before: the log reaches back that far.
    expect(log.since! >= t0 && log.since! <= created!.at).toBe(true)
  })

  it('lists every coding of an auto-coding with its query, and a join with a neighbour as one change', async () => {
    const { call, documentId, anna, moon, text } = await setup()
    const first = text.toLowerCase().indexOf('moon')
    // Anna has coded the first "moon" already: that hit joins her coding, the rest are new.
    const mine = await call('codings:create', { documentId, codeId: moon, coderId: anna, start: first - 5, end: first + 2 })
    const r = await call('autocode:apply', { query: 'moon', codeId: moon, coderId: anna })
    expect(r.merged).toBe(1)
    const log = await call('log:list', { kinds: ['created', 'changed'] })
    const auto = log.entries.filter((e) => e.action === 'autocode')
    expect(auto.filter((e) => e.kind === 'created').length).toBe(r.codings)
    expect(auto.filter((e) => e.kind === 'deleted').length).toBe(0)
    const joined = auto.filter((e) => e.kind === 'changed')
    expect(joined.map((e) => [e.codingId, e.changed, e.end])).toEqual([[mine.id, ['range'], first + 4]])
    for (const e of auto) {
      expect(e.by).toBe('Anna')
      expect(e.origin).toBe(e.codingId === mine.id ? 'selection' : 'autocode')
    }
    expect(auto.find((e) => e.kind === 'created')!.originDetail).toContain('moon')
    // All of one auto-coding is one action.
    expect(new Set(auto.map((e) => e.actionId)).size).toBe(1)
  })

  it('marks what was undone, leaves it out on request, and filters by coder, code, document and kind', async () => {
    const { s, call, documentId, anna, bram, landscape, moon } = await setup()
    const a = await call('codings:create', { documentId, codeId: landscape, coderId: anna, start: 100, end: 140 })
    await call('codings:create', { documentId, codeId: moon, coderId: bram, start: 500, end: 540 })
    await call('codings:update', { id: a.id, memo: 'why', actingCoderId: bram, asLead: true })
    await call('codings:create', { documentId, codeId: moon, coderId: anna, start: 900, end: 940 })
    await call('history:undo', {})

    const all = await call('log:list', {})
    expect(all.entries.map((e) => e.undone)).toEqual([true, false, false, false])
    expect((await call('log:list', { withoutUndone: true })).total).toBe(3)
    // Bram: his own coding, and Anna's that he changed as lead.
    const byBram = await call('log:list', { coderId: bram })
    expect(byBram.entries.map((e) => [e.coderName, e.by, e.kind])).toEqual([['Anna', 'Bram', 'changed'], ['Bram', 'Bram', 'created']])
    expect(byBram.entries[0]!.changed).toEqual(['memo'])
    expect((await call('log:list', { codeId: moon })).entries.every((e) => e.codePath === 'Moon')).toBe(true)
    expect((await call('log:list', { codeId: moon })).total).toBe(2)
    expect((await call('log:list', { kinds: ['changed'] })).total).toBe(1)
    expect((await call('log:list', { documentId })).total).toBe(4)
    expect((await call('log:list', { limit: 2 })).entries.length).toBe(2)
    expect((await call('log:list', { limit: 2 })).total).toBe(4)

    // A deleted code keeps its name in the log.
    await call('codes:delete', { id: landscape, withCodings: true })
    const afterDelete = await call('log:list', { codeId: landscape })
    expect(afterDelete.entries[0]).toMatchObject({ kind: 'deleted', action: 'code-delete', by: null, codePath: 'Landscape' })
    expect(s.history.state().canUndo).toBe(true)
  })

  it('exports the filtered log as CSV, oldest first, with a header', async () => {
    const { call, documentId, anna, bram, landscape } = await setup()
    await call('codings:create', { documentId, codeId: landscape, coderId: anna, start: 100, end: 140 })
    await call('codings:create', { documentId, codeId: landscape, coderId: bram, start: 300, end: 340 })
    await call('codings:create', { documentId, codeId: landscape, coderId: anna, start: 600, end: 640 })
    const csv = await call('log:export', { coderId: anna, delimiter: ';' })
    const rows = parseCsv(csv, { delimiter: ';' })
    expect(rows[0]!.slice(0, 8)).toEqual(['at', 'action', 'kind', 'undone', 'by', 'as_lead', 'coder', 'coding_id'])
    expect(rows.length).toBe(3)
    expect(rows.slice(1).map((r) => [r[2], r[6], r[13], r[14]])).toEqual([['created', 'Anna', '100', '140'], ['created', 'Anna', '600', '640']])
    expect(rows[1]![0]! < rows[2]![0]! || rows[1]![0] === rows[2]![0]).toBe(true)
  })
})
