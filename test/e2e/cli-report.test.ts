import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oneLine } from '../../electron/core/export/report-model'
import { StudySession } from '../../electron/core/study-session'
import type { CodingRow } from '../../shared/types'
import { addExchangeCases, addReportCases, buildSmallStudy, type ReportCases, type SmallStudy } from '../db/analysis-fixture'
import { cli } from '../helpers/cli'
import { INTEROP_PDF, tempDir } from '../helpers/study'

const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

// The small study with the report's extras, closed so the CLI can open it.
let t: SmallStudy
let extra: ReportCases
let codings: CodingRow[]
beforeAll(async () => {
  t = await buildSmallStudy()
  addExchangeCases(t)
  extra = await addReportCases(t)
  codings = t.s.codings.list()
  await t.s.close()
})
afterAll(async () => {
  await t.close()
})

describe('export --what report', () => {
  it('writes a .docx (bytes, a zip) with the chosen codes, cases and coders only, in --lang en', async () => {
    const out = join(tempDir(), 'report.docx')
    const r = await cli('export', t.path, '--what', 'report', '--out', out, '--code', 'B', '--case', 'Beta', '--case', 'alpha', '--coder', 'Anna', '--lang', 'en', '--matrix', '--chart')
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    const bytes = readFileSync(out)
    expect(r.out).toEqual([`report\t${out}\t${bytes.length}`])
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    const files = unzipSync(new Uint8Array(bytes))
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain('kosten &lt; baten &amp; samen')
    expect(xml).toContain('Report of coded segments')
    const annaB = codings.filter((k) => k.codePath === 'B' && k.coderName === 'Anna' && k.caseName !== null)
    expect(annaB.length).toBeGreaterThan(1)
    for (const k of annaB) if (k.kind === 'text') expect(xml.replace(/<[^>]+>/g, '')).toContain(htmlEscape(oneLine(k.quote)).replace(/&#39;/g, '&apos;'))
    expect(xml).not.toContain('Bram')
    expect(Object.keys(files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true)
  })

  it('writes .html text with code A and its subcodes by Bram, in --lang nl', async () => {
    const out = join(tempDir(), 'rapport.html')
    const r = await cli('export', t.path, '--what', 'report', '--out', out, '--code', 'A', '--subtree', '--coder', 'Bram', '--lang', 'nl')
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain('Rapport van gecodeerde segmenten')
    const bram = codings.filter((k) => k.codePath.startsWith('A') && k.coderName === 'Bram')
    expect(bram).toHaveLength(3)
    for (const k of bram) expect(html).toContain(`<blockquote>${htmlEscape(oneLine(k.quote))}</blockquote>`)
    expect(html).not.toContain('Anna')
    expect(html).not.toContain(htmlEscape(extra.quote))
  })

  it('refuses an unknown extension (usage, exit 2) and an unknown case or coder (in words, exit 1)', async () => {
    const dir = tempDir()
    const pdf = await cli('export', t.path, '--what', 'report', '--out', join(dir, 'r.pdf'))
    expect(pdf.code).toBe(2)
    expect(pdf.err.join('\n')).toContain('FILE.docx or FILE.html')
    const noCase = await cli('export', t.path, '--what', 'report', '--out', join(dir, 'r.html'), '--case', 'Gamma', '--lang', 'en')
    expect(noCase.code).toBe(1)
    expect(noCase.err).toEqual(['There is no case "Gamma".'])
    const noCoder = await cli('export', t.path, '--what', 'report', '--out', join(dir, 'r.html'), '--coder', 'Dirk', '--lang', 'nl')
    expect(noCoder.code).toBe(1)
    expect(noCoder.err).toEqual(['Er is geen codeur "Dirk".'])
  })

  it('import still takes one --case (the option may now be repeated)', async () => {
    const study = join(tempDir(), 'gamma.werkbank')
    expect((await cli('init', study)).code).toBe(0)
    const r = await cli('import', study, join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf'), '--case', 'Gamma')
    expect(r.code).toBe(0)
    const s = await StudySession.open(study)
    try {
      expect(s.documents.list().map((d) => d.caseName)).toEqual(['Gamma'])
    } finally {
      await s.close()
    }
  })
})
