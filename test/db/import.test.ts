import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import { pageSpan } from '../../shared/anchoring'
import { PAGE_SEPARATOR } from '../../shared/page-text'
import { ensureFixtures, fixturePaths } from '../fixtures/fixtures'
import { locatePassage } from '../fixtures/build-demo'
import { INTEROP_PDF, tempDir, tempStudy } from '../helpers/study'

const ROOT = join(import.meta.dirname, '../..')

describe('importing real PDFs made by other programs', () => {
  it('imports every interop PDF with its pages, and stores the bytes unchanged', async () => {
    const s = await tempStudy()
    const files = readdirSync(INTEROP_PDF).filter((f) => f.endsWith('.pdf')).sort()
    const outcomes = await s.importer.importFiles(files.map((f) => join(INTEROP_PDF, f)))
    for (const o of outcomes) expect(o.status, JSON.stringify(o)).toBe('imported')
    for (const o of outcomes) {
      if (o.status !== 'imported') continue
      const doc = s.documents.get(o.documentId)!
      expect(s.documents.pages(o.documentId)).toHaveLength(doc.pageCount)
      expect(s.documents.text(o.documentId).length).toBe(doc.charCount)
      expect(Buffer.compare(s.documents.bytes(o.documentId)!, readFileSync(join(INTEROP_PDF, o.file)))).toBe(0)
    }
    const text = (file: string) => {
      const o = outcomes.find((x) => x.file === file)!
      return o.status === 'imported' ? s.documents.text(o.documentId) : ''
    }
    // pdfTeX ligatures come out spelled (no U+FB00–FB06 left), diacritics and quotes stay.
    expect(text('08_en_pdftex_2col_tracemonkey.pdf')).not.toMatch(/[\uFB00-\uFB06]/)
    expect(text('08_en_pdftex_2col_tracemonkey.pdf')).toContain('specialization')
    expect(text('01_nl_word-pdfmaker_kader-generatieve-ai.pdf')).toContain('“RKI-kader”')
    expect(text('10_ja_dvipdfmx_issue16538.pdf')).toContain('マーケットモデル')
    expect(text('11_ar_pstopdf_ArabicCIDTrueType.pdf')).toMatch(/[\u0600-\u06FF]/)
    expect(text('12_en_openoffice_pdkids.pdf').split(PAGE_SEPARATOR)).toHaveLength(55)
    // Text drawn as images (Word 365) has no usable text layer: imported with a warning.
    const images = outcomes.find((o) => o.file.startsWith('02_'))!
    expect(images).toMatchObject({ status: 'imported', warning: 'no-text-layer' })
    const words = outcomes.find((o) => o.file.startsWith('01_'))!
    expect(words).not.toHaveProperty('warning')
  })

  it('finds words with and without diacritics, and gives their offsets in the document text', async () => {
    const s = await tempStudy()
    const [o] = await s.importer.importFiles([join(INTEROP_PDF, '01_nl_word-pdfmaker_kader-generatieve-ai.pdf')])
    if (o?.status !== 'imported') throw new Error('import failed')
    const text = s.documents.text(o.documentId)
    const hits = s.search.search('generatieve AI')
    expect(hits.length).toBeGreaterThan(5)
    for (const h of hits) expect(text.slice(h.start, h.end).toLowerCase()).toMatch(/^(generatieve|ai)$/)
    const withDiacritic = text.match(/\p{L}*[ëïéöü]\p{L}*/u)![0]
    const plain = withDiacritic.normalize('NFD').replace(/\p{M}/gu, '')
    const found = s.search.search(plain)
    expect(found.length).toBeGreaterThan(0)
    expect(found.some((h) => text.slice(h.start, h.end) === withDiacritic)).toBe(true)
  })

  it('reports the same file twice as a duplicate, also within one batch', async () => {
    const s = await tempStudy()
    const pdf = join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf')
    const first = await s.importer.importFiles([pdf, pdf])
    expect(first.map((o) => o.status).sort()).toEqual(['duplicate', 'imported'])
    const again = await s.importer.importFiles([pdf])
    expect(again[0]).toMatchObject({ status: 'duplicate', documentId: s.documents.list()[0]!.id })
    expect(s.documents.list()).toHaveLength(1)
  })

  it('refuses a file over the size limit, and non-PDF and empty files, changing nothing', async () => {
    const s = await tempStudy()
    const dir = tempDir()
    writeFileSync(join(dir, 'leeg.pdf'), '')
    writeFileSync(join(dir, 'brief.pdf'), 'PK\u0003\u0004 a zip, not a PDF')
    const big = join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')
    const out = await s.importer.importFiles([join(dir, 'leeg.pdf'), join(dir, 'brief.pdf')])
    expect(out.map((o) => (o.status === 'error' ? o.error.code : o.status))).toEqual(['file-empty', 'file-not-pdf'])
    const tooBig = await s.importer.importFiles([big], { maxBytes: 1000 })
    expect(tooBig[0]).toMatchObject({ status: 'error', error: { code: 'file-too-large', params: { limitMb: 0 } } })
    expect(s.documents.list()).toHaveLength(0)
    expect(s.study.db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(0)
  })
})

describe('importing the generated reports and bad files', () => {
  it('imports the 17 reports with every ground-truth passage in their canonical text, on its page', async () => {
    const manifest = await ensureFixtures()
    const s = await tempStudy()
    const outcomes = await s.importer.importFiles(fixturePaths().reports)
    expect(outcomes.map((o) => o.status)).toEqual(Array(17).fill('imported'))
    manifest.reports.forEach((report, i) => {
      const o = outcomes[i]!
      if (o.status !== 'imported') return
      expect(o.pages).toBe(report.pages)
      const pages = s.documents.pages(o.documentId)
      const text = s.documents.text(o.documentId)
      const starts = pages.map((pg) => pg.startOffset)
      const taken = new Set<string>()
      for (const p of report.passages) {
        const at = locatePassage(text, starts, p, taken)
        expect(at, `${report.file}: ${p.text}`).not.toBeNull()
        // The occurrence found stands on the generator's page (it may run over a page break).
        const [from, to] = pageSpan(starts, at!.start, at!.end)
        expect(from <= p.page && p.page <= to, `${p.text} on page ${p.page}, found on ${from}–${to}`).toBe(true)
      }
      // Dutch diacritics and typographic quotes survive extraction.
      expect(text).toMatch(/[ëïéöü]/)
      expect(text).toMatch(/[‘’“”]/)
    })
  })

  it('refuses an encrypted, a corrupt and a truncated PDF with clear messages and stores nothing of them', async () => {
    await ensureFixtures()
    const s = await tempStudy()
    const bad = fixturePaths().bad
    const out = await s.importer.importFiles([bad.encrypted, bad.corrupt, bad.truncated, bad.empty, bad.notPdf])
    expect(out.map((o) => (o.status === 'error' ? o.error.code : o.status))).toEqual([
      'pdf-encrypted', 'pdf-corrupt', 'pdf-corrupt', 'file-empty', 'file-not-pdf',
    ])
    expect(s.documents.list()).toHaveLength(0)
    expect(s.study.db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(0)
    expect(s.study.db.prepare('SELECT count(*) FROM document_files').pluck().get()).toBe(0)
  })

  it('imports an image-only PDF with the warning that only area coding is possible', async () => {
    await ensureFixtures()
    const s = await tempStudy()
    const [o] = await s.importer.importFiles([fixturePaths().bad.imageOnly])
    expect(o).toMatchObject({ status: 'imported', warning: 'no-text-layer' })
    if (o?.status !== 'imported') return
    expect(s.documents.get(o.documentId)!.hasText).toBe(false)
    const code = s.codebook.create({ parentId: null, name: 'Scan' })
    const coder = s.ensureCoder('Anna')
    const area = s.codings.createArea({ documentId: o.documentId, codeId: code.id, coderId: coder.id, page: 1, rect: { x: 0.1, y: 0.1, w: 0.5, h: 0.3 } })
    expect(area.kind).toBe('area')
  })
})

describe('a crash during import', () => {
  it('leaves a study that opens, passes integrity_check and holds only whole documents', async () => {
    const dir = tempDir()
    const study = join(dir, 's.werkbank')
    ;(await StudySession.open(study, { create: true })).close()
    // Twelve different PDFs: the same report with a different comment appended.
    const base = readFileSync(join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf'))
    const files = Array.from({ length: 12 }, (_, i) => {
      const f = join(dir, `r${i}.pdf`)
      writeFileSync(f, Buffer.concat([base, Buffer.from(`\n%copy ${i}\n`)]))
      return f
    })
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'import', study, ...files], { cwd: ROOT })
    // Kill it hard in the middle of the batch, once two documents are in, while others are
    // being extracted or written.
    const watch = new Database(study, { readonly: true })
    const count = watch.prepare('SELECT count(*) FROM documents').pluck()
    let imported = 0
    while (child.exitCode === null) {
      imported = count.get() as number
      if (imported >= 2) break
      await new Promise((r) => setTimeout(r, 20))
    }
    watch.close()
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    expect(imported).toBeGreaterThanOrEqual(2)

    const db = new Database(study)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const docs = db.prepare('SELECT id, page_count, char_count FROM documents').all() as { id: number; page_count: number; char_count: number }[]
    expect(docs.length).toBeGreaterThanOrEqual(2)
    expect(docs.length).toBeLessThan(12)
    for (const d of docs) {
      const pages = db.prepare('SELECT text FROM pages WHERE document_id = ? ORDER BY page_no').pluck().all(d.id) as string[]
      expect(pages).toHaveLength(d.page_count)
      expect(pages.join(PAGE_SEPARATOR).length).toBe(d.char_count)
      expect(db.prepare('SELECT length(bytes) FROM document_files WHERE document_id = ?').pluck().get(d.id)).toBeGreaterThan(0)
    }
    expect(db.prepare('SELECT count(*) FROM pages WHERE document_id NOT IN (SELECT id FROM documents)').pluck().get()).toBe(0)
    db.close()
    // And the study still opens in Werkbank, and the rest can be imported after.
    const s = await StudySession.open(study)
    const rest = await s.importer.importFiles(files)
    expect(rest.filter((o) => o.status === 'imported')).toHaveLength(12 - docs.length)
    await s.close()
  })
})
