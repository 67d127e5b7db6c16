/**
 * Ownership through the doors other than the page: the command line (--coder acts, --as-lead
 * changes another coder's coding) and browser mode's HTTP bridge both refuse another coder's
 * change in words and let it through as lead, recorded in the undo history.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../electron/server'
import type { AppError } from '../../shared/errors'
import { cli } from '../helpers/cli'
import { INTEROP_PDF, tempDir, withStudy } from './harness'

const PDF = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')

/** A study with one document, codes Moon and Bogs, and a coding of Anna's; Bram codes too. */
async function seeded(path: string) {
  return withStudy(path, async (call) => {
    const [doc] = await call('documents:import', { paths: [PDF] })
    if (doc?.status !== 'imported') throw new Error('import failed')
    const moon = (await call('codes:create', { parentId: null, name: 'Moon' })).id
    const bogs = (await call('codes:create', { parentId: null, name: 'Bogs' })).id
    const anna = (await call('coders:ensure', { name: 'Anna' })).id
    const bram = (await call('coders:ensure', { name: 'Bram' })).id
    const text = await call('documents:text', { id: doc.documentId })
    const at = text.indexOf('The Buried Moon')
    const coding = (await call('codings:create', { documentId: doc.documentId, codeId: moon, coderId: anna, start: at, end: at + 15 })).id
    return { documentId: doc.documentId, moon, bogs, anna, bram, coding, at }
  })
}

describe('ownership on the command line', () => {
  const tmp = tempDir('werkbank-own-cli-')
  const study = join(tmp.dir, 's.werkbank')
  let ids: Awaited<ReturnType<typeof seeded>>
  const codingJson = async () => {
    const r = await cli('codings', study, '--format', 'json')
    return JSON.parse(r.out.find((l) => JSON.parse(l).id === ids.coding)!) as { codePath: string; coderName: string; end: number; memo: string }
  }

  beforeAll(async () => {
    ids = await seeded(study)
  })
  afterAll(() => tmp.remove())

  it('refuses another coder’s recode, memo and delete in words, exit 1, nothing changed', async () => {
    const recode = await cli('update-coding', study, String(ids.coding), '--coder', 'Bram', '--code', 'Bogs', '--lang', 'nl')
    expect(recode.code).toBe(1)
    expect(recode.err).toEqual(['Deze codering is van Anna; Bram kan haar niet wijzigen of verwijderen. Dat kan alleen Anna, of iemand die bewerkt als consensus / leider.'])
    const memo = await cli('update-coding', study, String(ids.coding), '--coder', 'Bram', '--memo', 'van Bram', '--lang', 'en')
    expect(memo.code).toBe(1)
    expect(memo.err[0]).toMatch(/^This coding is Anna's; Bram cannot change or delete it/)
    expect((await cli('delete-coding', study, String(ids.coding), '--coder', 'Bram')).code).toBe(1)
    expect(await codingJson()).toMatchObject({ codePath: 'Moon', coderName: 'Anna', memo: '' })
  })

  it('wants the acting coder, one who exists', async () => {
    const none = await cli('delete-coding', study, String(ids.coding))
    expect(none.code).toBe(2)
    expect(none.err[0]).toMatch(/give one --coder NAME/)
    const nobody = await cli('delete-coding', study, String(ids.coding), '--coder', 'Nobody', '--as-lead', '--lang', 'en')
    expect(nobody).toMatchObject({ code: 1, err: ['There is no coder "Nobody".'] })
    expect((await cli('update-coding', study, String(ids.coding), '--coder', 'Anna')).code).toBe(2)
  })

  it('lets the coder change their own coding, and another with --as-lead, which the undo says', async () => {
    const own = await cli('update-coding', study, String(ids.coding), '--coder', 'Anna', '--end', String(ids.at + 10), '--memo', 'titel')
    expect(own).toMatchObject({ code: 0, out: [String(ids.coding)] })
    expect(await codingJson()).toMatchObject({ end: ids.at + 10, memo: 'titel' })

    const lead = await cli('update-coding', study, String(ids.coding), '--coder', 'Bram', '--as-lead', '--code', 'Bogs', '--json')
    expect(lead.code).toBe(0)
    expect(JSON.parse(lead.out[0]!)).toMatchObject({ id: ids.coding, codeId: ids.bogs, coderId: ids.anna })
    const undo = await cli('undo', study, '--json')
    expect(JSON.parse(undo.out[0]!)).toMatchObject({ label: 'coding-update-as-lead', params: { by: 'Bram', owner: 'Anna' } })
    expect((await codingJson()).codePath).toBe('Moon')

    expect((await cli('delete-coding', study, String(ids.coding), '--coder', 'Bram', '--as-lead')).code).toBe(0)
    expect((await cli('undo', study)).out).toEqual(['coding-delete-as-lead'])
    expect((await codingJson()).coderName).toBe('Anna')
  })
})

describe('ownership over browser mode’s HTTP bridge', () => {
  const tmp = tempDir('werkbank-own-http-')
  let server: RunningServer
  let ids: Awaited<ReturnType<typeof seeded>>

  /** One POST as the page sends it; the reply as it comes (ok or a translated error's data). */
  const post = async (method: string, args: unknown) => {
    const res = await fetch(`${server.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-werkbank-token': server.token },
      body: JSON.stringify(args),
    })
    return (await res.json()) as { ok: true; data: unknown } | { ok: false; error: AppError }
  }

  beforeAll(async () => {
    const path = join(tmp.dir, 's.werkbank')
    ids = await seeded(path)
    const ui = join(tmp.dir, 'ui')
    server = await startServer({ studyPath: path, uiDir: ui, log: () => undefined })
  })
  afterAll(async () => {
    await server?.close()
    tmp.remove()
  })

  it('refuses another coder’s change and a change without an acting coder, and allows it as lead', async () => {
    expect(await post('codings:update', { id: ids.coding, codeId: ids.bogs, actingCoderId: ids.bram })).toEqual({
      ok: false,
      error: { code: 'coding-of-other-coder', params: { codingId: ids.coding, owner: 'Anna', actor: 'Bram' } },
    })
    expect(await post('codings:delete', { id: ids.coding })).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(await post('memos:save', { targetType: 'code', targetId: ids.moon, coderId: ids.anna, body: 'x', actingCoderId: ids.bram })).toMatchObject({
      ok: false, error: { code: 'memo-of-other-coder', params: { owner: 'Anna', actor: 'Bram' } },
    })

    expect(await post('codings:update', { id: ids.coding, memo: 'besproken', actingCoderId: ids.bram, asLead: true })).toMatchObject({
      ok: true, data: { memo: 'besproken', coderId: ids.anna },
    })
    expect(await post('history:state', {})).toMatchObject({ ok: true, data: { undoLabel: 'coding-update-as-lead', undoParams: { by: 'Bram', owner: 'Anna' } } })
    expect(await post('codings:delete', { id: ids.coding, actingCoderId: ids.anna })).toEqual({ ok: true, data: null })
  })
})
