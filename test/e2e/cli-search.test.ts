import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import { buildSmallStudy, type SmallStudy } from '../db/analysis-fixture'
import { cli } from '../helpers/cli'
import { caller } from '../helpers/study'

let t: SmallStudy
let session: StudySession
let call: ReturnType<typeof caller>
beforeAll(async () => {
  t = await buildSmallStudy()
  await t.s.close()
  session = await StudySession.open(t.path)
  call = caller(session)
})
afterAll(async () => {
  await session.close()
  await t.close()
})

describe('search and autocode commands', () => {
  it('prints one line per hit, DOC_ID PAGE START END TEXT, as search:run finds them', async () => {
    const r = await cli('search', t.path, 'SENTENCE(school bedrijf)', '--unit', 'sentence', '--doc', String(t.doc.D1), '--doc', String(t.doc.D2))
    expect(r.code).toBe(0)
    const api = await call('search:run', { query: 'SENTENCE(school bedrijf)', unit: 'sentence', documentIds: [t.doc.D1, t.doc.D2], limit: 100_000 })
    expect(r.lines.map((l) => l.split('\t').slice(0, 4).map(Number))).toEqual(api.hits.map((h) => [h.documentId, h.page, h.start, h.end]))
    expect(api.total).toBeGreaterThan(0)
    const json = await cli('search', t.path, 'school', '--json', '--doc', String(t.doc.D1))
    expect(JSON.parse(json.lines[0]!)).toMatchObject({ documentId: t.doc.D1 })
  })

  it('auto-codes: two lines (hits, codings); --dry-run stores nothing', async () => {
    const before = (await call('codings:list', {})).length
    const dry = await cli('autocode', t.path, 'school*', '--code', 'A/A1', '--coder', 'Eva', '--unit', 'sentence', '--doc', String(t.doc.D1), '--dry-run')
    expect(dry.code, dry.err.join('\n')).toBe(0)
    const [hits, codings] = dry.lines.map((l) => l.split('\t'))
    expect(hits![0]).toBe('hits')
    expect(codings![0]).toBe('codings')
    expect(Number(hits![1])).toBeGreaterThan(0)
    expect((await call('codings:list', {})).length).toBe(before)
    const real = await cli('autocode', t.path, 'school*', '--code', 'A/A1', '--coder', 'Eva', '--unit', 'sentence', '--doc', String(t.doc.D1))
    expect(real.lines).toEqual(dry.lines)
    const made = (await call('codings:list', {})).filter((k) => k.coderName === 'Eva')
    expect(made).toHaveLength(Number(codings![1]))
    expect(made.every((k) => k.origin === 'autocode')).toBe(true)
  })

  it('exits 1 with the reason and where on a query it cannot read, in Dutch too', async () => {
    const en = await cli('search', t.path, 'school (bedrijf', '--lang', 'en')
    expect(en.code).toBe(1)
    expect(en.err.join('\n')).toMatch(/bracket opened at character 8/)
    const nl = await cli('autocode', t.path, 'school AND', '--code', 'A', '--coder', 'Eva', '--lang', 'nl')
    expect(nl.code).toBe(1)
    expect(nl.err.join('\n')).toMatch(/Op positie 8 ontbreekt iets/)
    expect((await cli('search', t.path, 'x', '--unit', 'chapter')).code).toBe(2)
  })
})
