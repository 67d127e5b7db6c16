import { execFile } from 'node:child_process'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { INTEROP_PDF, tempDir } from '../helpers/study'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '../..')

describe('command line', () => {
  it('initialises a study with the loopbaan codebook and lists its codes', async () => {
    const study = join(tempDir(), 's.werkbank')
    const init = await cli('init', study, '--template', 'loopbaan', '--lang', 'en')
    expect(init.code).toBe(0)
    const codes = await cli('codes', study)
    expect(codes.lines).toHaveLength(30)
    const [id, path, colour, count] = codes.lines[1]!.split('\t')
    expect(Number(id)).toBeGreaterThan(0)
    expect(path).toMatch(/^Phase of .+\/.+/)
    expect(colour).toMatch(/^#[0-9A-Fa-f]{6}$/)
    expect(count).toBe('0')
  })

  it('imports good and bad files in one go: a line per file, exit 1, the good ones kept', async () => {
    const dir = tempDir()
    const study = join(dir, 's.werkbank')
    await cli('init', study)
    const notPdf = join(dir, 'notes.pdf')
    writeFileSync(notPdf, 'just text')
    const pdf = join(dir, 'pdkids.pdf')
    copyFileSync(join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf'), pdf)
    const r = await cli('import', study, pdf, notPdf, join(dir, 'missing.pdf'), '--case', 'Project A', '--lang', 'en')
    expect(r.code).toBe(1)
    const byFile = Object.fromEntries(r.lines.map((l) => [l.split('\t').at(l.startsWith('error') ? 1 : -1), l.split('\t')]))
    expect(byFile['pdkids.pdf']!.slice(0, 1)).toEqual(['imported'])
    expect(Number(byFile['pdkids.pdf']![2])).toBe(55)
    expect(byFile['notes.pdf']).toEqual(['error', 'notes.pdf', 'notes.pdf is not a PDF file.'])
    expect(byFile['missing.pdf']![0]).toBe('error')
    const again = await cli('import', study, pdf)
    expect(again.code).toBe(0)
    expect(again.lines[0]!.split('\t')).toEqual(['duplicate', byFile['pdkids.pdf']![1], 'pdkids.pdf'])
    const docs = await cli('docs', study)
    expect(docs.lines).toHaveLength(1)
    const [docId, caseName, , pages, chars, sha] = docs.lines[0]!.split('\t')
    expect([docId, caseName, pages]).toEqual([byFile['pdkids.pdf']![1], 'Project A', '55'])
    expect(Number(chars)).toBe(Number(byFile['pdkids.pdf']![3]))
    expect(sha).toMatch(/^[0-9a-f]{64}$/)
  })

  it('codes by quote or offsets, lists codings as CSV a real parser reads, and searches', async () => {
    const dir = tempDir()
    const study = join(dir, 's.werkbank')
    await cli('init', study)
    await cli('import', study, join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf'))
    const codeId = await cli('add-code', study, 'Folklore/Moon', '--colour', '#336699', '--definition', 'The moon, "buried"')
    expect(codeId.lines[0]).toMatch(/^\d+$/)
    const text = (await cli('text', study, '1')).out.join('\n')
    const byQuote = await cli('code', study, '--doc', '1', '--code', 'Folklore/Moon', '--coder', 'Anna', '--quote', 'The Buried Moon')
    expect(byQuote.code).toBe(0)
    const start = text.indexOf('Carland was just a')
    const byOffsets = await cli('code', study, '--doc', '1', '--code', 'Folklore/Moon', '--coder', 'Bert', '--start', String(start), '--end', String(start + 18))
    expect(byOffsets.code).toBe(0)
    const csv = await cli('codings', study, '--format', 'csv')
    const rows = parse(csv.out.join('\n'), { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => [r.code, r.coder, r.quote, r.page])).toEqual([
      ['Folklore/Moon', 'Anna', 'The Buried Moon', '1'],
      ['Folklore/Moon', 'Bert', 'Carland was just a', '1'],
    ])
    const codes = await cli('codes', study)
    expect(codes.lines.find((l) => l.includes('Folklore/Moon'))!.split('\t')[3]).toBe('2')
    const hits = await cli('search', study, 'buried moon')
    expect(hits.lines.length).toBeGreaterThan(0)
    const [doc, page, s, e] = hits.lines[0]!.split('\t')
    expect([doc, page]).toEqual(['1', '1'])
    expect(text.slice(Number(s), Number(e)).toLowerCase()).toMatch(/buried|moon/)
    const pageText = await cli('text', study, '1', '--page', '2')
    expect(text).toContain(pageText.out.join('\n'))
  })

  it('imports the codebook of a REFI-QDA project and exports the codebook as .qdc, .json or CSV by the file name', async () => {
    const dir = tempDir()
    const study = join(dir, 's.werkbank')
    await cli('init', study)
    const nvivo = join(INTEROP_PDF, '../qdpx/07_nvivo-12.6-win_oltas0517-hungarian.qdpx')
    const imported = await cli('import-codebook', study, nvivo)
    expect([imported.code, imported.lines]).toEqual([0, ['152\t0']])
    expect((await cli('codes', study)).lines).toHaveLength(152)
    for (const [file, starts] of [['c.qdc', '<?xml'], ['c.json', '{'], ['c.csv', 'path,colour']] as const) {
      const out = join(dir, file)
      expect((await cli('export', study, '--what', 'codebook', '--out', out)).code).toBe(0)
      expect(readFileSync(out, 'utf8').startsWith(starts), file).toBe(true)
    }
    // The exported .qdc and .json come back into another study as the same 152 codes.
    for (const file of ['c.qdc', 'c.json']) {
      const other = join(dir, `other-${file}.werkbank`)
      await cli('init', other)
      expect((await cli('import-codebook', other, join(dir, file))).lines, file).toEqual(['152\t0'])
    }
    const bad = await cli('import-codebook', study, join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf'))
    expect(bad.code).toBe(2)
    writeFileSync(join(dir, 'x.qdc'), '<CodeBook><Codes>')
    const broken = await cli('import-codebook', study, join(dir, 'x.qdc'), '--lang', 'nl')
    expect(broken.code).toBe(1)
    expect(broken.err.join('\n')).toMatch(/^Het codeboekbestand kan niet worden geïmporteerd: .*Er is niets gewijzigd\.$/)
    expect((await cli('import-codebook', study, join(dir, 'missing.qdc'))).code).toBe(1)

    // The whole study as a .qdpx; the codebook in it comes back through import-codebook.
    const qdpx = join(dir, 'study.qdpx')
    const exported = await cli('export-qdpx', study, '--out', qdpx)
    expect(exported.code).toBe(0)
    expect(exported.lines[0]!.split('\t')).toEqual([qdpx, String(readFileSync(qdpx).byteLength)])
    const fromProject = join(dir, 'from-project.werkbank')
    await cli('init', fromProject)
    expect((await cli('import-codebook', fromProject, qdpx)).lines).toEqual(['152\t0'])
    expect((await cli('export-qdpx', study)).code).toBe(2)

    // The ATLAS.ti project: its codebook comes in; its sources (files missing, audio and video) are listed as skipped.
    const atlas = await cli('import-qdpx', fromProject, join(INTEROP_PDF, '../qdpx/02_atlasti-8.4-mac_REFI-standard-project.qdpx'))
    expect(atlas.code).toBe(0)
    expect(atlas.lines.slice(0, 4)).toEqual(['documents\t0\t0', 'codes\t14', 'cases\t0', 'codings\t0\t0'])
    expect(atlas.lines.filter((l) => l.startsWith('skipped\tfile-missing\t'))).toHaveLength(9)
    expect(atlas.lines.filter((l) => l.startsWith('skipped\tnot-supported\t'))).toHaveLength(3)
    expect((await cli('import-qdpx', fromProject, join(dir, 'missing.qdpx'))).code).toBe(1)
  })

  it('fails with exit 1 and a translated message on a bad code, and 2 on wrong usage', async () => {
    const study = join(tempDir(), 's.werkbank')
    await cli('init', study)
    const bad = await cli('code', study, '--doc', '1', '--code', 'Nope', '--coder', 'A', '--quote', 'x', '--lang', 'nl')
    expect(bad.code).toBe(1)
    expect(bad.err.join('\n')).toBe('Er is geen code "Nope".')
    expect((await cli('frobnicate', study)).code).toBe(2)
    expect((await cli('code', study, '--doc', 'abc', '--code', 'X', '--coder', 'A', '--quote', 'x')).code).toBe(2)
    expect((await cli('docs')).code).toBe(2)
    expect((await cli('docs', study, '--bogus')).code).toBe(2)
  })

  it('runs as a process with npm run -s cli: exit codes, stdout lines and stderr messages', async () => {
    const study = join(tempDir(), 's.werkbank')
    const ok = await run('npm', ['run', '-s', 'cli', '--', 'init', study, '--template', 'loopbaan'], { cwd: ROOT })
    expect(ok.stdout.trim().split('\t')).toEqual([study, '30'])
    const missing = await run('npm', ['run', '-s', 'cli', '--', 'docs', join(tempDir(), 'nope.werkbank'), '--lang', 'en'], { cwd: ROOT }).catch((e) => e)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Study file not found')
    expect(missing.stdout).toBe('')
  })
})
