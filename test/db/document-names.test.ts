import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { loadMigrations } from '../../electron/core/db/migrations'
import { openStudy } from '../../electron/core/db/open-study'
import { StudySession } from '../../electron/core/study-session'
import { tempDir, tempStudy } from '../helpers/study'

/** A one-page PDF with some text and, if given, Title metadata (as Word or a browser sets it). */
async function pdfWith(text: string, title?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  page.drawText(text, { x: 72, y: 760, size: 12, font })
  if (title !== undefined) doc.setTitle(title)
  return doc.save({ useObjectStreams: false })
}

describe('document names', () => {
  it('names a document after its file, not the Title metadata, and keeps that title to offer', async () => {
    const dir = tempDir()
    const path = join(dir, '20110301_5687928a draagmoederschap.pdf')
    writeFileSync(path, await pdfWith('Draagmoederschap in Nederland: een verkenning van de praktijk.', 'Microsoft Word - 20110301_5687928a draagmoederschap.doc'))
    const s = await tempStudy()
    const [o] = await s.importer.importFiles([path])
    if (o?.status !== 'imported') throw new Error(JSON.stringify(o))
    const doc = s.documents.get(o.documentId)!
    expect(doc.title).toBe('20110301_5687928a draagmoederschap')
    expect(doc.pdfTitle).toBe('Microsoft Word - 20110301_5687928a draagmoederschap.doc')
    // The researcher may take it after all: renaming keeps the metadata title.
    s.documentService.rename(o.documentId, doc.pdfTitle!)
    expect(s.documents.get(o.documentId)).toMatchObject({ title: 'Microsoft Word - 20110301_5687928a draagmoederschap.doc', pdfTitle: 'Microsoft Word - 20110301_5687928a draagmoederschap.doc' })
  })

  it('tells apart two files of the same name from different folders, and two browser prints both titled r.html', async () => {
    const dir = tempDir()
    for (const [folder, words] of [['2019', 'Jaarverslag over 2019.'], ['2020', 'Jaarverslag over 2020.'], ['2021', 'Jaarverslag over 2021.']] as const) {
      mkdirSync(join(dir, folder))
      writeFileSync(join(dir, folder, 'Jaarverslag.pdf'), await pdfWith(words, 'r.html'))
    }
    const s = await tempStudy()
    const outcomes = await s.importer.importFiles(['2019', '2020', '2021'].map((f) => join(dir, f, 'Jaarverslag.pdf')))
    const ids = outcomes.map((o) => (o.status === 'imported' ? o.documentId : -1))
    expect(ids.every((id) => id > 0)).toBe(true)
    // Imported three at a time, so which one is "(2)" is not fixed; that all differ is.
    expect(ids.map((id) => s.documents.get(id)!.title).sort()).toEqual(['Jaarverslag', 'Jaarverslag (2)', 'Jaarverslag (3)'])
    expect(ids.map((id) => s.documents.get(id)!.pdfTitle)).toEqual(['r.html', 'r.html', 'r.html'])
    // A later one of the same name (any case) is told apart too; a file without metadata has ''.
    const later = await s.importer.importBytes('JAARVERSLAG.pdf', await pdfWith('Jaarverslag over 2022.'))
    if (later.status !== 'imported') throw new Error(JSON.stringify(later))
    expect(s.documents.get(later.documentId)).toMatchObject({ title: 'JAARVERSLAG (4)', pdfTitle: '' })
  })

  it('keeps the titles of a study made before names came from files, with the metadata title unknown and its pages as plain pages', async () => {
    const dir = tempDir()
    const path = join(dir, 'old.werkbank')
    const migrations = loadMigrations()
    const before = migrations.findIndex((m) => m.name === '0004_document_pdf_title')
    expect(before).toBeGreaterThan(0)
    const old = await openStudy(path, { create: true, migrations: migrations.slice(0, before) })
    old.db.prepare(`INSERT INTO documents (case_id, title, file_name, sha256, byte_size, page_count, char_count, has_text, extractor, imported_at)
      VALUES (NULL, 'Samen Zorgen: eindevaluatie', 'p01-samen-zorgen.pdf', 'abc', 10, 1, 5, 1, 'x', '2026-01-01T00:00:00Z')`).run()
    old.db.prepare(`INSERT INTO pages (document_id, page_no, start_offset, text, width, height, items) VALUES (1, 1, 0, 'tekst', 595, 842, '[]')`).run()
    old.close()

    const s = await StudySession.open(path)
    try {
      expect(s.documents.get(1)).toMatchObject({ title: 'Samen Zorgen: eindevaluatie', fileName: 'p01-samen-zorgen.pdf', pdfTitle: null })
      // Its pages get the geometry the REFI-QDA boxes assumed until it was kept (migration 0005).
      expect(s.documents.pages(1)[0]!.geometry).toEqual({ viewX: 0, viewY: 0, mediaX: 0, mediaY: 0, rotate: 0 })
    } finally {
      await s.close()
    }
    const db = new Database(path, { readonly: true })
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all()).toContain('0004_document_pdf_title')
    db.close()
  })
})
