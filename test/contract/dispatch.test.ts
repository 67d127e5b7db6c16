import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../electron/core/handlers/handlers'
import { dispatch } from '../../electron/core/handlers/dispatch'
import { api } from '../../shared/api'
import { joinParts } from '../../shared/api-op'
import { isUnexpected, toAppError } from '../../electron/core/app-error'
import { WerkbankError } from '../../shared/errors'
import { ERROR_CODES } from '../../shared/errors'
import { ERROR_MESSAGES, errorMessage } from '../../shared/i18n/messages'
import { studyWithDocument, tempStudy } from '../helpers/study'

describe('the handler table behind every door', () => {
  it('implements every method of the contract, and nothing else', async () => {
    const s = await tempStudy()
    expect(Object.keys(createHandlers(s)).sort()).toEqual(Object.keys(api).sort())
  })

  // The contract (shared/api.ts) and the handler table (handlers.ts) are joined with joinParts,
  // so loading either with a name in two parts throws before any test or door runs.
  it('refuses, at start-up, a table with a method defined in two parts', () => {
    const core = { 'codes:list': () => [] }
    const analysis = { 'analysis:matrix': () => [], 'codes:list': () => ['the later part'] }
    expect(() => joinParts(core, analysis)).toThrow('"codes:list" is defined in two parts of the table')
    expect(Object.keys(joinParts(core, { 'analysis:matrix': () => [] }))).toEqual(['codes:list', 'analysis:matrix'])
  })

  it('refuses an unknown method and invalid input with typed errors, changing nothing', async () => {
    const s = await tempStudy()
    const h = createHandlers(s)
    expect(await dispatch(h, 'codes:drop', {})).toEqual({ ok: false, error: { code: 'unknown-method', params: { method: 'codes:drop' } } })
    expect(await dispatch(h, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    for (const [method, args] of [
      ['codes:create', { parentId: null, name: '' }],
      ['codes:create', { parentId: 'x', name: 'A' }],
      ['codes:create', { parentId: null, name: 'A', colour: 'red' }],
      ['codings:create', { documentId: 1, codeId: 1, coderId: 1, start: -1, end: 5 }],
      ['codings:create', { documentId: 1.5, codeId: 1, coderId: 1, start: 0, end: 5 }],
      ['codings:createArea', { documentId: 1, codeId: 1, coderId: 1, page: 1, rect: { x: 0.9, y: 0, w: 0.5, h: 0.1 } }],
      ['documents:import', { paths: [] }],
      ['search:query', 'samen'],
    ] as const) {
      const reply = await dispatch(h, method, args)
      expect(reply, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    }
    expect(s.codebook.list()).toHaveLength(0)
  })

  it('turns service errors into translated messages, never stack traces', async () => {
    const { s } = await studyWithDocument()
    const h = createHandlers(s)
    const reply = await dispatch(h, 'codings:create', { documentId: 1, codeId: 77, coderId: 1, start: 0, end: 5 })
    expect(reply).toEqual({ ok: false, error: { code: 'code-not-found', params: { codeId: 77 } } })
    if (reply.ok) throw new Error('expected an error')
    expect(errorMessage(reply.error, 'nl')).toBe('Code 77 bestaat niet.')
    expect(errorMessage(reply.error, 'en')).toBe('Code 77 does not exist.')
  })

  it('reports an unexpected failure as an internal error and tells the door', async () => {
    const s = await tempStudy()
    const h = { ...createHandlers(s), 'codes:list': () => { throw new TypeError('boom') } }
    const seen: string[] = []
    const reply = await dispatch(h, 'codes:list', {}, (method) => seen.push(method))
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal', params: { detail: 'boom' } } })
    expect(seen).toEqual(['codes:list'])
  })
})

describe('the one mapping of errors (toAppError)', () => {
  it('passes a service error on, calls a busy study locked, and anything else internal', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    expect(toAppError(new WerkbankError('code-not-found', { codeId: 3 }))).toEqual({ code: 'code-not-found', params: { codeId: 3 } })
    expect(toAppError(busy)).toEqual({ code: 'study-locked', params: {} })
    expect(toAppError(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toEqual({ code: 'study-locked', params: {} })
    expect(toAppError(new TypeError('boom'))).toEqual({ code: 'internal', params: { detail: 'boom' } })
    expect([new WerkbankError('code-not-found'), busy, new TypeError('boom')].map(isUnexpected)).toEqual([false, false, true])
  })

  it('answers a busy study through dispatch as study-locked, without reporting a bug', async () => {
    const s = await tempStudy()
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    const h = { ...createHandlers(s), 'codes:list': () => { throw busy } }
    const seen: string[] = []
    expect(await dispatch(h, 'codes:list', {}, (m) => seen.push(m))).toEqual({ ok: false, error: { code: 'study-locked', params: {} } })
    expect(seen).toEqual([])
  })
})

describe('error messages', () => {
  it('exist in Dutch and English for every error code, with the same placeholders', () => {
    for (const code of ERROR_CODES) {
      const m = ERROR_MESSAGES[code]
      expect(m?.nl, code).toBeTruthy()
      expect(m?.en, code).toBeTruthy()
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
      expect(names(m.nl), code).toEqual(names(m.en))
    }
  })
})

describe('importing dropped bytes (desktop app)', () => {
  it('imports PDF bytes under their file name, and refuses bytes that are not a PDF', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { INTEROP_PDF } = await import('../helpers/study')
    const s = await tempStudy()
    const h = createHandlers(s)
    const bytes = new Uint8Array(readFileSync(join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')))
    const ok = await dispatch(h, 'documents:importBytes', { fileName: '../../etc/rapport.pdf', bytes })
    expect(ok).toMatchObject({ ok: true, data: { status: 'imported', file: 'rapport.pdf', pages: 1 } })
    const bad = await dispatch(h, 'documents:importBytes', { fileName: 'x.pdf', bytes: new TextEncoder().encode('hello') })
    expect(bad).toMatchObject({ ok: true, data: { status: 'error', error: { code: 'file-not-pdf' } } })
    // Over JSON (browser mode) bytes cannot come as a Uint8Array: refused at the door.
    expect(await dispatch(h, 'documents:importBytes', { fileName: 'x.pdf', bytes: [37, 80, 68, 70] })).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(s.documents.list()).toHaveLength(1)
  })
})
