/**
 * Search and auto-coding with the query language on real generated reports: each operator
 * against a count made independently (the words of the folded text, the stored sentences and
 * paragraphs), with pseudo-randomly chosen words; diacritics, line-end hyphenation, stemming,
 * patterns that would hang a backtracking engine, filters; auto-coding's preview, one undo step,
 * unticked hits, joining; saved queries that mark new hits.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import { mulberry32 } from '../../shared/stats/random'
import { FIXTURE_DIR, ensureFixtures } from '../fixtures/fixtures'
import { caller } from '../helpers/study'

let dir: string
let s: StudySession
let call: ReturnType<typeof caller>
const docs: number[] = []
let texts: Map<number, string>

/** Folded like the search folds: lower case, no diacritics, one character for one. */
const fold = (t: string) => [...t].map((c) => (c.length === 1 ? c.toLowerCase().normalize('NFD')[0] ?? c : c)).join('')
/** The words of a text with their places, split independently of the engine. */
function words(text: string): { w: string; s: number; e: number }[] {
  const out: { w: string; s: number; e: number }[] = []
  const f = fold(text)
  for (const m of f.matchAll(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)) out.push({ w: m[0], s: m.index, e: m.index + m[0].length })
  return out
}

beforeAll(async () => {
  const manifest = await ensureFixtures()
  dir = mkdtempSync(join(tmpdir(), 'werkbank-query-'))
  s = await StudySession.open(join(dir, 'q.werkbank'), { create: true })
  call = caller(s)
  const alpha = s.cases.create('Alpha')
  const outcomes = await s.importer.importFiles([0, 3, 9].map((i) => join(FIXTURE_DIR, manifest.reports[i]!.file)))
  for (const o of outcomes) {
    if (o.status !== 'imported') throw new Error(JSON.stringify(o))
    docs.push(o.documentId)
  }
  await call('documents:assignCase', { documentId: docs[0]!, caseId: alpha.id })
  texts = new Map(docs.map((id) => [id, s.documents.text(id)]))
}, 120_000)
afterAll(async () => {
  await s.close()
  rmSync(dir, { recursive: true, force: true })
})

/** [document, start, end] lists in document id order (the search lists documents by case; imports finish in any order). */
const byPlace = (xs: number[][]) => [...xs].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
/** Hits as [document, start, end], in document id order. */
const spans = (r: { hits: { documentId: number; start: number; end: number }[] }) => byPlace(r.hits.map((h) => [h.documentId, h.start, h.end]))

describe('search with the query language', () => {
  it('finds every occurrence of a word, whatever its case, as an independent count does (20 random words)', async () => {
    const rnd = mulberry32(7)
    const all = docs.flatMap((id) => words(texts.get(id)!).map((x) => ({ ...x, id })))
    for (let k = 0; k < 20; k++) {
      const word = all[Math.floor(rnd() * all.length)]!.w
      if (/^\d+$/.test(word)) continue
      const want = all.filter((x) => x.w === word).map((x) => [x.id, x.s, x.e])
      const got = await call('search:run', { query: word.toUpperCase() === word ? word : word[0]!.toUpperCase() + word.slice(1), limit: 100_000 })
      expect(spans(got), word).toEqual(byPlace(want))
      expect(got.total).toBe(want.length)
      expect(got.documents.reduce((n, d) => n + d.hits, 0)).toBe(want.length)
    }
  })

  it('finds phrases across line breaks, prefixes, and words without their diacritics', async () => {
    const text = texts.get(docs[0]!)!
    // Two words of the text that a line break separates.
    const m = /([\p{Ll}]{4,}) ?\n([\p{Ll}]{4,})/u.exec(text)!
    const r = await call('search:run', { query: `"${m[1]} ${m[2]}"`, documentIds: [docs[0]!] })
    expect(r.hits.map((h) => h.text)).toContain(`${m[1]}\n${m[2]}`)
    const prefix = await call('search:run', { query: 'samenwerk*', limit: 100_000 })
    const want = docs.flatMap((id) => words(texts.get(id)!).filter((x) => x.w.startsWith('samenwerk')).map((x) => [id, x.s, x.e]))
    expect(spans(prefix)).toEqual(byPlace(want))
    expect(want.length).toBeGreaterThan(3)
    // A word with a diacritic in the text is found without it.
    const accented = docs.flatMap((id) => words(texts.get(id)!).map((x) => ({ ...x, id, raw: texts.get(id)!.slice(x.s, x.e) }))).find((x) => /[À-ÿ]/.test(x.raw))!
    const plain = await call('search:run', { query: accented.w, limit: 100_000 })
    expect(plain.hits.some((h) => h.documentId === accented.id && h.start === accented.s)).toBe(true)
  })

  it('keeps SENTENCE(a b) to the sentences that hold both, and AND to documents that hold both', async () => {
    const pairs = [['docenten', 'studenten'], ['school', 'bedrijf'], ['project', 'samenwerking']]
    for (const [a, b] of pairs) {
      const got = await call('search:run', { query: `SENTENCE(${a} ${b})`, limit: 100_000 })
      const want: number[][] = []
      for (const id of docs) {
        const ws = words(texts.get(id)!)
        for (const u of s.documents.units.all(id, 'sentence')) {
          const inside = ws.filter((x) => x.s >= u.start && x.e <= u.end)
          if (inside.some((x) => x.w === a) && inside.some((x) => x.w === b)) {
            want.push(...inside.filter((x) => x.w === a || x.w === b).map((x) => [id, x.s, x.e]))
          }
        }
      }
      expect(spans(got), `${a} ${b}`).toEqual(byPlace(want))
      // Document level: every document that has both words shows all of their occurrences.
      const doc = await call('search:run', { query: `${a} AND ${b}`, limit: 100_000 })
      const wantDoc = docs.flatMap((id) => {
        const ws = words(texts.get(id)!)
        return ws.some((x) => x.w === a) && ws.some((x) => x.w === b) ? ws.filter((x) => x.w === a || x.w === b).map((x) => [id, x.s, x.e]) : []
      })
      expect(spans(doc)).toEqual(byPlace(wantDoc))
      expect(doc.total).toBeGreaterThanOrEqual(got.total)
    }
  })

  it('finds a NEAR/n b within n words, as a count over the words does', async () => {
    for (const [a, b, n] of [['de', 'school', 2], ['studenten', 'docenten', 5]] as const) {
      const got = await call('search:run', { query: `${a} NEAR/${n} ${b}`, limit: 100_000 })
      const want: number[][] = []
      for (const id of docs) {
        const ws = words(texts.get(id)!)
        const found: [number, number][] = []
        ws.forEach((x, i) => {
          if (x.w !== a) return
          for (let j = Math.max(0, i - n - 1); j <= Math.min(ws.length - 1, i + n + 1); j++) {
            if (j !== i && ws[j]!.w === b) found.push([Math.min(x.s, ws[j]!.s), Math.max(x.e, ws[j]!.e)])
          }
        })
        // Overlapping hits join into one, as the search shows them.
        found.sort((p, q) => p[0] - q[0] || p[1] - q[1])
        const merged: [number, number][] = []
        for (const f of found) {
          const last = merged[merged.length - 1]
          if (last && f[0] < last[1]) last[1] = Math.max(last[1], f[1])
          else merged.push([f[0], f[1]])
        }
        want.push(...merged.map(([p, q]) => [id, p, q]))
      }
      expect(spans(got), `${a} NEAR/${n} ${b}`).toEqual(byPlace(want))
      expect(want.length).toBeGreaterThan(0)
    }
  })

  it('leaves out documents with NOT, and whole units inside PARAGRAPH(... NOT ...)', async () => {
    const withBoth = await call('search:run', { query: 'school', limit: 100_000 })
    const without = await call('search:run', { query: 'school NOT bedrijf', limit: 100_000 })
    const hasBedrijf = new Set(docs.filter((id) => words(texts.get(id)!).some((x) => x.w === 'bedrijf')))
    expect(spans(without)).toEqual(spans(withBoth).filter(([id]) => !hasBedrijf.has(id!)))
    const para = await call('search:run', { query: 'PARAGRAPH(school NOT bedrijf)', limit: 100_000 })
    for (const h of para.hits) {
      const p = s.documents.units.around(h.documentId, 'paragraph', h.start)!
      expect(fold(texts.get(h.documentId)!.slice(p.start, p.end))).not.toMatch(/(?<![\p{L}])bedrijf(?![\p{L}])/u)
    }
    expect(para.total).toBeGreaterThan(0)
  })

  it('matches the words of one stem with stemming, and runs patterns in linear time', async () => {
    const plain = await call('search:run', { query: 'docent', limit: 100_000 })
    const stemmed = await call('search:run', { query: 'docent', stemming: 'nl', limit: 100_000 })
    expect(stemmed.total).toBeGreaterThan(plain.total)
    expect(new Set(stemmed.hits.map((h) => fold(h.text)))).toEqual(new Set(['docent', 'docenten']))
    const t = performance.now()
    const evil = await call('search:run', { query: '/(a+)+$/', limit: 10 })
    expect(performance.now() - t).toBeLessThan(5000)
    expect(evil.total).toBeGreaterThanOrEqual(0)
    const years = await call('search:run', { query: '/20[01][0-9]/', limit: 100_000 })
    expect(years.hits.every((h) => /^20[01]\d$/.test(h.text))).toBe(true)
    await expect(call('search:run', { query: '/(/' })).rejects.toMatchObject({ appError: { code: 'query-bad-regex', params: { column: 1 } } })
    await expect(call('search:run', { query: 'a (b' })).rejects.toMatchObject({ appError: { code: 'query-unclosed-paren', params: { column: 3 } } })
  })

  it('widens hits to their sentence, paragraph or page ± n, and filters by case and "not coded with"', async () => {
    const hit = await call('search:run', { query: 'samenwerking', documentIds: [docs[0]!] })
    const first = hit.hits[0]!
    const sentence = await call('search:run', { query: 'samenwerking', documentIds: [docs[0]!], unit: 'sentence' })
    const unit = s.documents.units.around(docs[0]!, 'sentence', first.start)!
    expect(sentence.hits[0]!.start).toBe(unit.start)
    expect(sentence.hits[0]!.end).toBeGreaterThanOrEqual(unit.end)
    const words3 = await call('search:run', { query: 'samenwerking', documentIds: [docs[0]!], extend: 3 })
    expect(words(words3.hits[0]!.text).length).toBeGreaterThanOrEqual(4)
    const page = await call('search:run', { query: 'samenwerking', documentIds: [docs[0]!], unit: 'page' })
    expect(page.hits.every((h) => !h.text.includes('\f'))).toBe(true)
    const inAlpha = await call('search:run', { query: 'samenwerking', caseIds: [s.cases.list()[0]!.id], limit: 100_000 })
    expect(new Set(inAlpha.hits.map((h) => h.documentId))).toEqual(new Set([docs[0]!]))
    const code = await call('codes:ensurePath', { path: 'Samenwerking' })
    const anna = s.ensureCoder('Anna')
    await call('codings:create', { documentId: docs[0]!, codeId: code.id, coderId: anna.id, start: first.start, end: first.end })
    const notYet = await call('search:run', { query: 'samenwerking', documentIds: [docs[0]!], notCodedWith: { codeId: code.id }, limit: 100_000 })
    expect(notYet.total).toBe(hit.total - 1)
    s.history.undo()
  })
})

describe('auto-coding', () => {
  it('previews, then codes the ticked hits in one undo step, joining with the coder\'s codings', async () => {
    const code = await call('codes:ensurePath', { path: 'Auto/Leiderschap' })
    const bram = s.ensureCoder('Bram')
    const args = { query: 'praktijkopdracht* OR stageplaats*', unit: 'sentence' as const, codeId: code.id, coderId: bram.id }
    const found = await call('search:run', { ...args, limit: 100_000 })
    expect(found.total).toBeGreaterThan(3)
    // One hit was coded by hand already; one is unticked.
    const [h0, h1] = found.hits
    await call('codings:create', { documentId: h0!.documentId, codeId: code.id, coderId: bram.id, start: h0!.start, end: h0!.start + 5 })
    const exclude = [`${h1!.documentId}:${h1!.start}:${h1!.end}`]
    const preview = await call('autocode:preview', { ...args, exclude })
    expect(preview).toMatchObject({ hits: found.total - 1, merged: 1, codings: found.total - 2 })
    expect(s.codings.list({ codeIds: [code.id] })).toHaveLength(1)
    const applied = await call('autocode:apply', { ...args, exclude })
    expect(applied).toMatchObject({ hits: preview.hits, codings: preview.codings, merged: preview.merged })
    const made = s.codings.list({ codeIds: [code.id] })
    expect(made).toHaveLength(found.total - 1)
    expect(made.filter((k) => k.origin === 'autocode').map((k) => k.originDetail)).toContain('praktijkopdracht* OR stageplaats* [sentence]')
    expect(made.some((k) => k.start === h1!.start)).toBe(false)
    expect(s.history.state().undoLabel).toBe('autocode')
    s.history.undo()
    expect(s.codings.list({ codeIds: [code.id] })).toHaveLength(1)
  })

  it('refuses an unknown code and a query it cannot read, changing nothing', async () => {
    const bram = s.ensureCoder('Bram')
    const before = s.codings.list().length
    await expect(call('autocode:apply', { query: 'school', codeId: 99_999, coderId: bram.id })).rejects.toMatchObject({ appError: { code: 'code-not-found' } })
    await expect(call('autocode:apply', { query: 'school AND', codeId: s.codebook.list()[0]!.id, coderId: bram.id })).rejects.toMatchObject({ appError: { code: 'query-missing-operand' } })
    expect(s.codings.list().length).toBe(before)
  })
})

describe('saved queries', () => {
  it('keeps a query with its options and marks the hits that are new since its last run', async () => {
    const { id } = await call('queries:save', { name: 'Begeleiding', query: 'begeleid* OR praktijkopleider*', options: { unit: 'sentence' } })
    expect((await call('queries:list', {})).map((q) => [q.name, q.query, q.options.unit])).toEqual([['Begeleiding', 'begeleid* OR praktijkopleider*', 'sentence']])
    const first = await call('queries:run', { id })
    expect(first.hits.every((h) => h.isNew === false)).toBe(true)
    // Another report comes in: its hits are new at the next run.
    const manifest = await ensureFixtures()
    const [o] = await s.importer.importFiles([join(FIXTURE_DIR, manifest.reports[12]!.file)])
    if (o?.status !== 'imported') throw new Error(JSON.stringify(o))
    const second = await call('queries:run', { id })
    const fresh = second.hits.filter((h) => h.isNew)
    expect(fresh.length).toBeGreaterThan(0)
    expect(new Set(fresh.map((h) => h.documentId))).toEqual(new Set([o.documentId]))
    expect((await call('queries:run', { id })).hits.some((h) => h.isNew)).toBe(false)
    await call('queries:delete', { id })
    await expect(call('queries:run', { id })).rejects.toMatchObject({ appError: { code: 'query-not-found' } })
  })
})
