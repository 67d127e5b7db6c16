/**
 * Provenance: every coding records how it was made (migration 0008), whichever way it came —
 * selection, area, keyboard, command line, REFI-QDA import, team merge, consensus — and a study
 * from before keeps its codings as "unrecorded" rather than guessed.
 */
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStudy } from '../../electron/core/db/open-study'
import { loadMigrations } from '../../electron/core/db/migrations'
import { StudySession } from '../../electron/core/study-session'
import { caller, tempDir } from '../helpers/study'
import { buildSmallStudy, type SmallStudy } from './analysis-fixture'

let t: SmallStudy
let call: ReturnType<typeof caller>
beforeAll(async () => {
  t = await buildSmallStudy()
  call = caller(t.s)
})
afterAll(() => t.close())

describe('how a coding was made', () => {
  it('is a selection, an area, the keyboard or the command line, as the door says', async () => {
    const base = { documentId: t.doc.D2, codeId: t.code.A2, coderId: t.coder.anna }
    expect((await call('codings:create', { ...base, start: 300, end: 320 })).origin).toBe('selection')
    expect((await call('codings:create', { ...base, start: 400, end: 420, origin: 'keyboard' })).origin).toBe('keyboard')
    expect((await call('codings:create', { ...base, start: 500, end: 520, origin: 'cli' })).origin).toBe('cli')
    const quote = t.s.documents.text(t.doc.D2).slice(600, 640)
    expect((await call('codings:createByQuote', { ...base, quote })).origin).toBe('cli')
    const area = await call('codings:createArea', { ...base, page: 1, rect: { x: 0.1, y: 0.1, w: 0.2, h: 0.1 } })
    expect([area.origin, area.originDetail]).toEqual(['area', ''])
    // A door cannot claim what only the core does (an import, a merge, a suggestion).
    await expect(call('codings:create', { ...base, start: 700, end: 720, origin: 'import' as 'cli' })).rejects.toMatchObject({ appError: { code: 'bad-input' } })
  })

  it('survives a recode and an undo/redo of the coding', async () => {
    const base = { documentId: t.doc.D2, codeId: t.code.A, coderId: t.coder.bram }
    const k = await call('codings:create', { ...base, start: 900, end: 950, origin: 'keyboard' })
    const recoded = await call('codings:update', { id: k.id, codeId: t.code.B, actingCoderId: t.coder.bram })
    expect(recoded.origin).toBe('keyboard')
    t.s.history.undo()
    t.s.history.undo()
    t.s.history.redo()
    expect(t.s.codings.get(k.id).origin).toBe('keyboard')
  })

  it('is a consensus when a disagreement is settled', async () => {
    const settled = await call('agreement:settle', { documentId: t.doc.D3, codeId: t.code.A2, start: 500, end: 650, accept: [] })
    const bram = t.s.codings.list({ documentId: t.doc.D3, coderIds: [t.coder.bram], codeIds: [t.code.A2] })[0]!
    await call('agreement:settle', { documentId: t.doc.D3, codeId: t.code.A2, start: 500, end: 650, accept: [bram.id] })
    const consensus = t.s.codings.list({ coderIds: [settled.consensus.id] })
    expect(consensus.length).toBe(1)
    expect(consensus[0]!.origin).toBe('consensus')
  })

  it('is a merge, naming the copy and how it was made there, when a coder copy comes back', async () => {
    const copy = join(tempDir(), 'daan.werkbank')
    const daan = t.s.ensureCoder('Daan')
    await call('agreement:exportForCoder', { coder: 'Daan', path: copy })
    const other = await StudySession.open(copy)
    const d = other.documents.list()[0]!
    other.codings.create({ documentId: d.id, codeId: other.codebook.list()[0]!.id, coderId: other.coders.byName('Daan')!.id, start: 10, end: 40, origin: 'keyboard' })
    await other.close()
    await call('agreement:merge', { path: copy })
    const merged = t.s.codings.list({ coderIds: [daan.id] })
    expect(merged.map((k) => [k.origin, k.originDetail])).toEqual([['merge', 'daan.werkbank; keyboard']])
  })

  it('is an import from a REFI-QDA project', async () => {
    const bytes = Buffer.from(await call('export:qdpx', {}), 'base64')
    const fresh = await StudySession.open(join(tempDir(), 'fresh.werkbank'), { create: true })
    const r = await caller(fresh)('project:importQdpx', { bytes: new Uint8Array(bytes) })
    expect(r.codings.text).toBeGreaterThan(5)
    const origins = new Set(fresh.codings.list().map((k) => `${k.origin}:${k.originDetail}`))
    expect([...origins]).toEqual(['import:REFI-QDA'])
    await fresh.close()
  })

  it('travels in the REFI-QDA export as each selection\'s Description', async () => {
    const bytes = Buffer.from(await call('export:qdpx', {}), 'base64')
    const files = unzipSync(new Uint8Array(bytes))
    const name = Object.keys(files).find((f) => f.endsWith('.qde'))!
    const xml = strFromU8(files[name]!)
    const descriptions = [...xml.matchAll(/<PDFSelection [^>]*>\s*<Description>([^<]*)<\/Description>/g)].map((m) => m[1])
    expect(descriptions).toContain('Werkbank origin: keyboard')
    expect(descriptions).toContain('Werkbank origin: cli')
    expect(descriptions).toContain('Werkbank origin: area')
    expect(descriptions.some((d) => d!.startsWith('Werkbank origin: merge; daan.werkbank'))).toBe(true)
  })

  it('is "unrecorded" for codings made before provenance was kept', async () => {
    const path = join(tempDir(), 'old.werkbank')
    const all = loadMigrations()
    const before = all.findIndex((m) => m.name.startsWith('0008_'))
    const old = await openStudy(path, { create: true, migrations: all.slice(0, before) })
    const now = '2012-05-01T10:00:00Z'
    old.db.prepare("INSERT INTO coders (name, created_at) VALUES ('Anna', ?)").run(now)
    old.db.prepare("INSERT INTO codes (uuid, name, colour, created_at, updated_at) VALUES ('u1', 'A', '#000000', ?, ?)").run(now, now)
    old.db.prepare("INSERT INTO documents (title, file_name, sha256, byte_size, page_count, char_count, has_text, extractor, imported_at) VALUES ('D', 'd.pdf', 'x', 1, 1, 100, 1, 'test', ?)").run(now)
    old.db.prepare(`INSERT INTO codings (uuid, document_id, code_id, coder_id, kind, start_offset, end_offset, quote, page_from, page_to, created_at, updated_at)
      VALUES ('k1', 1, 1, 1, 'text', 0, 10, 'abcdefghij', 1, 1, ?, ?)`).run(now, now)
    old.close()
    const study = await openStudy(path)
    expect(study.db.prepare('SELECT origin, origin_detail FROM codings').get()).toEqual({ origin: 'unrecorded', origin_detail: '' })
    study.close()
  })
})
