import { join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument } from 'pdf-lib'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { errorMessage } from '../../shared/i18n/messages'
import { IMAGE_ONLY_LINES } from '../fixtures/bad-pdfs'
import { ensureFixtures, fixturePaths } from '../fixtures/fixtures'
import { INTEROP_PDF, caller, tempDir, tempStudy } from '../helpers/study'

/** Share of the known words (lower case, letters and digits) found in the text, counted with repeats. */
export function wordRecall(known: string, text: string): number {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const have = new Map<string, number>()
  for (const w of words(text)) have.set(w, (have.get(w) ?? 0) + 1)
  const want = words(known)
  let found = 0
  for (const w of want) {
    const n = have.get(w) ?? 0
    if (n > 0) {
      found++
      have.set(w, n - 1)
    }
  }
  return want.length === 0 ? 1 : found / want.length
}

describe('reading scanned pages as text (OCR)', () => {
  it('makes an image-only PDF codable text: recall, confidence, search and units', async () => {
    await ensureFixtures()
    const s = await tempStudy()
    const [o] = await s.importer.importFiles([fixturePaths().bad.imageOnly])
    if (o?.status !== 'imported') throw new Error(JSON.stringify(o))
    expect(o.warning).toBe('no-text-layer')
    const pages = s.ocr.candidates(o.documentId).pages
    expect(pages).toEqual(s.documents.pages(o.documentId).map((p) => p.pageNo))
    const progress: number[] = []
    const r = await s.ocr.run(o.documentId, { onProgress: (p) => progress.push(p.done) })
    expect(progress).toEqual(pages.map((_, i) => i + 1))
    expect(r.pagesChanged).toContain(1)
    const text = s.documents.text(o.documentId)
    expect(wordRecall(IMAGE_ONLY_LINES.join(' '), s.documents.pages(o.documentId)[0]!.text)).toBeGreaterThanOrEqual(0.95)
    const page = s.documents.pages(o.documentId)[0]!
    expect(page.ocr?.confidence).toBeGreaterThan(80)
    expect(page.ocr?.words).toHaveLength(page.boxes.length)
    expect(s.documents.get(o.documentId)!.charCount).toBe(text.length)
    expect(s.documents.get(o.documentId)!.hasText).toBe(true)
    // Search and the text units see the new text.
    expect(s.search.search('coordinatie').length).toBe(1)
    expect(s.documents.units.all(o.documentId, 'sentence').length).toBeGreaterThan(3)
    // A selection coding lands on the words it names.
    const coder = s.ensureCoder('Anna')
    const code = s.codebook.create({ parentId: null, name: 'Training' })
    const start = text.indexOf('gezamenlijke training')
    const c = s.codings.create({ documentId: o.documentId, codeId: code.id, coderId: coder.id, start, end: start + 21 })
    expect(c.quote).toBe('gezamenlijke training')
    expect(c.rects).toHaveLength(1)
    // Run again: nothing left to read by default.
    expect((await s.ocr.run(o.documentId)).pagesRead).toEqual([])
  }, 240_000)

  it('keeps every coding when OCR runs again: found again by quote, else an area of its boxes, one undo step', async () => {
    await ensureFixtures()
    const s = await tempStudy()
    const [o] = await s.importer.importFiles([fixturePaths().bad.imageOnly])
    if (o?.status !== 'imported') throw new Error(JSON.stringify(o))
    const coder = s.ensureCoder('Anna')
    const code = s.codebook.create({ parentId: null, name: 'Werkbezoek' })
    const area = s.codings.createArea({ documentId: o.documentId, codeId: code.id, coderId: coder.id, page: 1, rect: { x: 0.05, y: 0.05, w: 0.9, h: 0.2 } })
    expect(area.quote).toBe('')
    await s.ocr.run(o.documentId)
    // The area now quotes the text inside it.
    expect(s.codings.get(area.id).quote).toContain('werkbezoek')
    const text = s.documents.text(o.documentId)
    const start = text.indexOf('de evaluatie volgt')
    const kept = s.codings.create({ documentId: o.documentId, codeId: code.id, coderId: coder.id, start, end: start + 18 })
    const lostStart = text.indexOf('driegesprekken')
    const lost = s.codings.create({ documentId: o.documentId, codeId: code.id, coderId: coder.id, start: lostStart, end: lostStart + 14 })
    // A coding whose quote the new reading will not have (as a misread word would be).
    s.study.db.prepare("UPDATE codings SET quote = 'driegesprekkken', prefix = 'xx', suffix = 'yy' WHERE id = ?").run(lost.id)
    const before = s.codings.list({ documentId: o.documentId }).length
    const r = await s.ocr.run(o.documentId, { all: true, dpi: 200 })
    expect(r.pagesRead).toContain(1)
    const after = s.codings.list({ documentId: o.documentId })
    expect(after).toHaveLength(before)
    const k = s.codings.get(kept.id)
    expect(k.kind).toBe('text')
    expect(s.documents.text(o.documentId).slice(k.start, k.end)).toBe('de evaluatie volgt')
    expect(r.becameAreas.map((a) => a.codingId)).toEqual([lost.id])
    const l = s.codings.get(lost.id)
    expect(l.kind).toBe('area')
    expect(l.rects).toEqual(lost.rects)
    expect(l.quote).toContain('driegesprekken')
    // One undo step puts codings and page text back as they were.
    expect(s.history.state().undoLabel).toBe('ocr-apply')
    s.history.undo()
    expect(s.codings.get(lost.id).kind).toBe('text')
    expect(s.documents.text(o.documentId)).toBe(text)
    expect(s.documents.units.all(o.documentId, 'page')[0]!.end).toBe(s.documents.pages(o.documentId)[0]!.text.length)
  }, 240_000)

  it('reads the Word 365 text-as-images interop PDF as Dutch', async () => {
    const s = await tempStudy()
    const call = caller(s)
    const [o] = await s.importer.importFiles([join(INTEROP_PDF, '02_nl_word365-text-as-images_2col_ai-geletterdheid.pdf')])
    if (o?.status !== 'imported') throw new Error(JSON.stringify(o))
    const { pages } = await call('ocr:candidates', { documentId: o.documentId })
    expect(pages.length).toBeGreaterThan(0)
    const r = await call('ocr:run', { documentId: o.documentId, pages: [1] })
    expect(r.pagesChanged).toEqual([1])
    expect(r.meanConfidence).toBeGreaterThan(80)
    const text = (await call('documents:text', { documentId: o.documentId, id: o.documentId, page: 1 } as never)) as string
    for (const w of ['geletterdheid', 'verordening', 'organisaties', 'aanbieders']) expect(text).toContain(w)
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
    const dutch = new Set(['de', 'het', 'een', 'en', 'van', 'in', 'te', 'dat', 'die', 'op', 'zijn', 'voor', 'met', 'om'])
    expect(words.filter((w) => dutch.has(w)).length / words.length).toBeGreaterThan(0.15)
  }, 300_000)

  it('says clearly what a blank page, a huge page and a photo gave, without failing', async () => {
    const dir = tempDir()
    const pdf = await PDFDocument.create()
    pdf.addPage([595, 842]) // blank
    // A photo-like picture: gradients and discs, no text.
    const canvas = createCanvas(800, 600)
    const g = canvas.getContext('2d')
    const grad = g.createLinearGradient(0, 0, 800, 600)
    grad.addColorStop(0, '#2a5d8f')
    grad.addColorStop(1, '#e8c170')
    g.fillStyle = grad
    g.fillRect(0, 0, 800, 600)
    for (let i = 0; i < 40; i++) {
      g.fillStyle = `hsl(${(i * 47) % 360} 50% ${30 + (i % 5) * 10}%)`
      g.beginPath()
      g.arc((i * 137) % 800, (i * 91) % 600, 20 + (i % 7) * 9, 0, Math.PI * 2)
      g.fill()
    }
    const jpg = await pdf.embedJpg(canvas.toBuffer('image/jpeg', 85))
    const photo = pdf.addPage([595, 446])
    photo.drawImage(jpg, { x: 0, y: 0, width: 595, height: 446 })
    const huge = pdf.addPage([14_400, 14_400])
    huge.drawImage(jpg, { x: 0, y: 0, width: 14_400, height: 10_800 })
    const file = join(dir, 'odd-pages.pdf')
    writeFileSync(file, await pdf.save())
    const s = await tempStudy()
    const [o] = await s.importer.importFiles([file])
    if (o?.status !== 'imported') throw new Error(JSON.stringify(o))
    const r = await s.ocr.run(o.documentId)
    const byPage = new Map(r.notes.map((n) => [n.page, n.code]))
    expect(byPage.get(1)).toBe('ocr-page-blank')
    expect(['ocr-page-blank', 'ocr-page-unreadable']).toContain(byPage.get(2))
    expect(byPage.get(3)).toBe('ocr-page-too-large')
    for (const n of r.notes) {
      expect(errorMessage({ code: n.code, params: n.params }, 'nl')).not.toMatch(/\{/)
      expect(errorMessage({ code: n.code, params: n.params }, 'en')).toContain(String(n.page))
    }
    void readFileSync
  }, 240_000)
})
