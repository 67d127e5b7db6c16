import { describe, expect, it } from 'vitest'
import { PAGE_SEPARATOR } from '../../shared/page-text'
import { studyWithDocument } from '../helpers/study'

describe('codings', () => {
  it('codes a passage: the quote is cut from the canonical text, with context, page and rects', async () => {
    const { s, documentId, coderId, text } = await studyWithDocument()
    const code = s.codebook.create({ parentId: null, name: 'Moon' })
    const start = text.indexOf('The Buried Moon')
    const coding = s.codings.create({ documentId, codeId: code.id, coderId, start, end: start + 15, memo: 'title' })
    expect(coding.quote).toBe('The Buried Moon')
    expect(coding.prefix).toBe(text.slice(Math.max(0, start - 32), start))
    expect(coding.pageFrom).toBe(1)
    expect(coding.pageTo).toBe(1)
    expect(coding.rects.length).toBeGreaterThan(0)
    for (const r of coding.rects) {
      expect(r.page).toBe(1)
      for (const v of [r.x, r.y, r.w, r.h]) expect(v).toBeGreaterThanOrEqual(0)
      expect(r.x + r.w).toBeLessThanOrEqual(1)
      expect(r.y + r.h).toBeLessThanOrEqual(1)
    }
    expect(coding.memo).toBe('title')
  })

  it('codes a passage across a page break, with both pages in its span', async () => {
    const { s, documentId, coderId, text } = await studyWithDocument()
    const code = s.codebook.create({ parentId: null, name: 'Span' })
    const brk = text.indexOf(PAGE_SEPARATOR)
    const coding = s.codings.create({ documentId, codeId: code.id, coderId, start: brk - 10, end: brk + 10 })
    expect(coding.pageFrom).toBe(1)
    expect(coding.pageTo).toBe(2)
    expect(new Set(coding.rects.map((r) => r.page))).toEqual(new Set([1, 2]))
    expect(coding.quote).toBe(text.slice(brk - 10, brk + 10))
  })

  it('refuses offsets outside the text, empty ranges, and unknown documents, codes or coders', async () => {
    const { s, documentId, coderId, text } = await studyWithDocument()
    const code = s.codebook.create({ parentId: null, name: 'C' })
    const bad = [
      { start: 10, end: 10 },
      { start: 20, end: 10 },
      { start: -1, end: 5 },
      { start: 0, end: text.length + 1 },
    ]
    for (const r of bad) {
      expect(() => s.codings.create({ documentId, codeId: code.id, coderId, ...r })).toThrow(expect.objectContaining({ code: 'coding-range-invalid' }))
    }
    expect(() => s.codings.create({ documentId: 999, codeId: code.id, coderId, start: 0, end: 5 })).toThrow(expect.objectContaining({ code: 'document-not-found' }))
    expect(() => s.codings.create({ documentId, codeId: 999, coderId, start: 0, end: 5 })).toThrow(expect.objectContaining({ code: 'code-not-found' }))
    expect(() => s.codings.create({ documentId, codeId: code.id, coderId: 999, start: 0, end: 5 })).toThrow(expect.objectContaining({ code: 'coder-not-found' }))
    expect(s.codings.list()).toHaveLength(0)
  })

  it('merges an overlapping or touching passage of the same code and coder into one coding', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const code = s.codebook.create({ parentId: null, name: 'C' })
    const other = s.codebook.create({ parentId: null, name: 'D' })
    const a = s.codings.create({ documentId, codeId: code.id, coderId, start: 100, end: 150, memo: 'een' })
    const b = s.codings.create({ documentId, codeId: code.id, coderId, start: 140, end: 200, memo: 'twee' })
    expect(b.id).toBe(a.id)
    expect([b.start, b.end]).toEqual([100, 200])
    expect(b.memo).toBe('een\n\ntwee')
    // Touching merges too; another code or another coder does not.
    const touching = s.codings.create({ documentId, codeId: code.id, coderId, start: 200, end: 210 })
    expect([touching.id, touching.start, touching.end]).toEqual([a.id, 100, 210])
    s.codings.create({ documentId, codeId: other.id, coderId, start: 120, end: 130 })
    const bert = s.ensureCoder('Bert')
    s.codings.create({ documentId, codeId: code.id, coderId: bert.id, start: 120, end: 130 })
    s.codings.create({ documentId, codeId: code.id, coderId, start: 300, end: 310 })
    expect(s.codings.list()).toHaveLength(4)
    // A passage bridging two codings joins all three into one.
    const bridge = s.codings.create({ documentId, codeId: code.id, coderId, start: 205, end: 305 })
    expect([bridge.start, bridge.end]).toEqual([100, 310])
    expect(s.codings.list({ coderIds: [coderId], codeIds: [code.id] })).toHaveLength(1)
  })

  it('recodes, resizes and re-memos a coding, and deletes it', async () => {
    const { s, documentId, coderId, text } = await studyWithDocument()
    const a = s.codebook.create({ parentId: null, name: 'A' })
    const b = s.codebook.create({ parentId: null, name: 'B' })
    const c = s.codings.create({ documentId, codeId: a.id, coderId, start: 500, end: 520 })
    const recoded = s.codings.update(c.id, { codeId: b.id, memo: 'anders' }, { coderId })
    expect(recoded).toMatchObject({ codeId: b.id, memo: 'anders', start: 500, end: 520 })
    const resized = s.codings.update(c.id, { start: 490, end: 600 }, { coderId })
    expect(resized.quote).toBe(text.slice(490, 600))
    expect(() => s.codings.update(c.id, { end: 480 }, { coderId })).toThrow(expect.objectContaining({ code: 'coding-range-invalid' }))
    expect(() => s.codings.update(c.id, { codeId: 12345 }, { coderId })).toThrow(expect.objectContaining({ code: 'code-not-found' }))
    s.codings.remove(c.id, { coderId })
    expect(s.codings.list()).toHaveLength(0)
    expect(() => s.codings.remove(c.id, { coderId })).toThrow(expect.objectContaining({ code: 'coding-not-found' }))
  })

  it('codes by quote when the quote occurs exactly once', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const code = s.codebook.create({ parentId: null, name: 'Q' })
    const c = s.codings.createByQuote({ documentId, codeId: code.id, coderId, quote: 'The Buried Moon' })
    expect(c.quote).toBe('The Buried Moon')
    expect(() => s.codings.createByQuote({ documentId, codeId: code.id, coderId, quote: 'the' })).toThrow(expect.objectContaining({ code: 'coding-quote-ambiguous' }))
    expect(() => s.codings.createByQuote({ documentId, codeId: code.id, coderId, quote: 'Werkbank zzz' })).toThrow(expect.objectContaining({ code: 'coding-quote-not-found' }))
  })

  it('codes an area of a page, quoting the text inside it', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const code = s.codebook.create({ parentId: null, name: 'Figuur' })
    const c = s.codings.createArea({ documentId, codeId: code.id, coderId, page: 1, rect: { x: 0, y: 0, w: 1, h: 0.2 } })
    expect(c.kind).toBe('area')
    expect(c.rects).toEqual([{ page: 1, x: 0, y: 0, w: 1, h: 0.2 }])
    expect(c.quote).toContain('PD KIDS')
    expect(() => s.codings.createArea({ documentId, codeId: code.id, coderId, page: 99, rect: { x: 0, y: 0, w: 1, h: 1 } })).toThrow(expect.objectContaining({ code: 'page-not-found' }))
  })

  it('merging a code moves its codings to the target and joins those that now overlap', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const source = s.codebook.create({ parentId: null, name: 'Weerstand' })
    const sub = s.codebook.create({ parentId: source.id, name: 'Docenten' })
    const target = s.codebook.create({ parentId: null, name: 'Verzet' })
    s.codebook.create({ parentId: target.id, name: 'Docenten' })
    s.codings.create({ documentId, codeId: source.id, coderId, start: 100, end: 150 })
    s.codings.create({ documentId, codeId: target.id, coderId, start: 140, end: 160 })
    s.codings.create({ documentId, codeId: sub.id, coderId, start: 400, end: 420 })
    s.codebook.merge(source.id, target.id)
    expect(s.codebook.list().map((c) => c.path)).toEqual(['Verzet', 'Verzet/Docenten'])
    const rows = s.codings.list()
    expect(rows.map((r) => [r.codePath, r.start, r.end])).toEqual([
      ['Verzet', 100, 160],
      ['Verzet/Docenten', 400, 420],
    ])
    expect(() => s.codebook.merge(target.id, s.codebook.resolvePath('Verzet/Docenten'))).toThrow(expect.objectContaining({ code: 'code-merge-self' }))
  })

  it('refuses to delete a code with codings unless told to delete them too', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const parent = s.codebook.create({ parentId: null, name: 'P' })
    const child = s.codebook.create({ parentId: parent.id, name: 'K' })
    s.codings.create({ documentId, codeId: child.id, coderId, start: 10, end: 20 })
    expect(() => s.codebook.remove(parent.id)).toThrow(expect.objectContaining({ code: 'code-has-codings', params: { name: 'P', count: 1 } }))
    expect(s.codebook.list()).toHaveLength(2)
    expect(s.codebook.remove(parent.id, true)).toEqual({ deletedCodes: 2, deletedCodings: 1 })
    expect(s.codebook.list()).toHaveLength(0)
    expect(s.codings.list()).toHaveLength(0)
  })
})
