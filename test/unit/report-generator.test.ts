import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { ensureFixtures, fixturePaths, type ReportManifest } from '../fixtures/fixtures'
import { generateLongReport, generateReports } from '../fixtures/report-generator'
import { ENCRYPTED_SENTENCE, ENCRYPTED_USER_PASSWORD } from '../fixtures/bad-pdfs'
import { ALL_CODE_KEYS } from '../fixtures/report-content'

async function open(bytes: Uint8Array, password?: string) {
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    verbosity: 0, ...(password === undefined ? {} : { password }),
  })
  try {
    return await task.promise
  } catch (e) {
    await task.destroy()
    throw e
  }
}

/** Page texts as pdf.js gives them, every whitespace run (line ends included) one space. */
async function pageTexts(file: string): Promise<string[]> {
  const doc = await open(await readFile(file))
  const out: string[] = []
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent()
    const raw = tc.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join('')
    out.push(collapse(raw))
  }
  await doc.destroy()
  return out
}

const collapse = (s: string) => s.replace(/\s+/g, ' ')
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

async function openError(file: string): Promise<{ name: string; code?: number } | undefined> {
  try {
    const doc = await open(await readFile(file))
    await doc.destroy()
    return undefined
  } catch (e) {
    return e as { name: string; code?: number }
  }
}

describe('report generator', () => {
  let manifest: ReportManifest
  const texts = new Map<string, string[]>()

  beforeAll(async () => {
    manifest = await ensureFixtures()
    for (const [i, file] of fixturePaths().reports.entries()) {
      texts.set(manifest.reports[i]!.file, await pageTexts(file))
    }
  })

  it('writes 17 reports of 8 to 40 pages each, as many as the manifest says', () => {
    expect(manifest.reports).toHaveLength(17)
    expect(fixturePaths().reports.map((f) => basename(f))).toEqual(manifest.reports.map((r) => r.file))
    for (const r of manifest.reports) {
      expect(r.file).toMatch(/^p\d\d-[a-z0-9-]+\.pdf$/)
      expect(r.pages).toBeGreaterThanOrEqual(8)
      expect(r.pages).toBeLessThanOrEqual(40)
      expect(texts.get(r.file)).toHaveLength(r.pages)
    }
  })

  it('varies sector, year and phase across the projects, mostly phase 0 or 2', () => {
    const cases = manifest.reports.map((r) => r.case)
    expect(new Set(cases.map((c) => c.sector)).size).toBe(17)
    expect(new Set(cases.map((c) => c.school)).size).toBeGreaterThan(12)
    expect(new Set(cases.map((c) => c.year))).toEqual(new Set([2009, 2010, 2011, 2012, 2013, 2014]))
    const byPhase = [0, 1, 2, 3].map((p) => cases.filter((c) => c.phase === p).length)
    expect(byPhase.every((n) => n > 0)).toBe(true)
    expect(byPhase[0]! + byPhase[2]!).toBeGreaterThan(byPhase[1]! + byPhase[3]! + 6)
  })

  it('gives each report 15 to 40 coded passages with codebook keys, and several working ingredients', () => {
    for (const r of manifest.reports) {
      expect(r.passages.length).toBeGreaterThanOrEqual(15)
      expect(r.passages.length).toBeLessThanOrEqual(40)
      for (const p of r.passages) expect(ALL_CODE_KEYS).toContain(p.codeKey)
      expect(new Set(r.passages.filter((p) => p.codeKey.startsWith('wb-')).map((p) => p.codeKey)).size).toBeGreaterThanOrEqual(1)
    }
    // A double-coded passage is listed once per code, with the same text.
    const double = manifest.reports.flatMap((r) => r.passages.filter((p) => p.codeKey === 'verzet-docenten'))
    expect(double.length).toBeGreaterThan(0)
  })

  it('flags exactly two reports whose phase evidence points elsewhere than the assigned phase', () => {
    const dominant = (r: ReportManifest['reports'][number]) => {
      const counts = [0, 1, 2, 3].map((p) => r.passages.filter((x) => x.codeKey === `fase-${p}`).length)
      return counts.indexOf(Math.max(...counts))
    }
    const flagged = manifest.reports.filter((r) => r.phaseEvidenceDiffers)
    expect(flagged).toHaveLength(2)
    for (const r of manifest.reports) {
      if (r.phaseEvidenceDiffers) {
        expect(dominant(r)).toBe(r.evidencePhase)
        expect(dominant(r)).not.toBe(r.case.phase)
        expect(r.passages.some((p) => p.codeKey === `fase-${r.case.phase}`)).toBe(true)
      } else {
        expect(dominant(r)).toBe(r.case.phase)
      }
    }
  })

  it('puts every ground-truth passage on the page it names, as pdf.js extracts it', () => {
    let checked = 0
    for (const r of manifest.reports) {
      const pages = texts.get(r.file)!
      for (const p of r.passages) {
        expect(pages[p.page - 1], `${r.file} p.${p.page}: ${p.text}`).toContain(collapse(p.text))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(17 * 15)
  })

  it('round-trips Dutch diacritics, typographic quotes and dashes through pdf.js', () => {
    const all = [...texts.values()].flat().join(' ')
    for (const s of ['coördinatie', 'ideeën', 'geïnvesteerd', 'één', 'café', 'reële', '‘', '’', '–', 'níét', 'Noël', '€']) {
      expect(all).toContain(s)
    }
    // Running header, footer with page numbers, footnote text, table cells, the two-column box.
    const p02 = texts.get(manifest.reports[1]!.file)!
    expect(p02[2]).toContain('Pagina 3 van')
    expect(all).toContain('Tabel 1 – Overzicht van de projectactiviteiten')
    expect(all).toContain('Kader 1 – Uit de interviews')
    expect(all).toContain('BPV staat voor beroepspraktijkvorming')
  })

  it('writes the same bytes when the reports are generated again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'werkbank-fixtures-'))
    try {
      const again = await generateReports(dir)
      expect(again).toEqual(manifest)
      const files = (await readdir(dir)).sort()
      expect(files).toHaveLength(18)
      for (const f of files) {
        const [a, b] = await Promise.all([readFile(join(dir, f)), readFile(join(fixturePaths().dir, f))])
        expect(sha(a), f).toBe(sha(b))
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('writes a long report of exactly the requested number of pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'werkbank-long-'))
    try {
      const file = join(dir, 'long-30.pdf')
      await generateLongReport(file, 30)
      const pages = await pageTexts(file)
      expect(pages).toHaveLength(30)
      expect(pages[29]).toContain('Pagina 30 van 30')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('bad PDF fixtures', () => {
  beforeAll(async () => { await ensureFixtures() })
  afterAll(() => undefined)

  it('refuses the encrypted PDF without a password and opens it with the user password', async () => {
    const file = fixturePaths().bad.encrypted
    expect(await openError(file)).toMatchObject({ name: 'PasswordException', code: pdfjs.PasswordResponses.NEED_PASSWORD })
    const wrong = await open(await readFile(file), 'verkeerd').catch((e: unknown) => e)
    expect(wrong).toMatchObject({ name: 'PasswordException', code: pdfjs.PasswordResponses.INCORRECT_PASSWORD })
    const doc = await open(await readFile(file), ENCRYPTED_USER_PASSWORD)
    const tc = await (await doc.getPage(1)).getTextContent()
    const text = collapse(tc.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''))
    expect(text).toContain(ENCRYPTED_SENTENCE)
    expect((await doc.getMetadata()).info).toMatchObject({ Title: 'Tussenrapportage Leren in de Delta (vertrouwelijk)' })
    await doc.destroy()
  })

  it('has only images, no text, in the image-only PDF', async () => {
    const doc = await open(await readFile(fixturePaths().bad.imageOnly))
    expect(doc.numPages).toBeGreaterThan(0)
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p)
      expect((await page.getTextContent()).items).toHaveLength(0)
      const ops = await page.getOperatorList()
      expect(ops.fnArray).toContain(pdfjs.OPS.paintImageXObject)
    }
    await doc.destroy()
  })

  it('fails to open the empty, non-PDF, truncated and corrupt files', async () => {
    const bad = fixturePaths().bad
    expect((await readFile(bad.empty)).length).toBe(0)
    expect((await readFile(bad.truncated)).subarray(0, 5).toString()).toBe('%PDF-')
    expect((await readFile(bad.corrupt)).subarray(0, 5).toString()).toBe('%PDF-')
    for (const file of [bad.empty, bad.notPdf, bad.truncated, bad.corrupt]) {
      expect(await openError(file), basename(file)).toMatchObject({ name: 'InvalidPDFException' })
    }
  })
})
