import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { INTEROP_PDF, tempDir } from '../helpers/study'

describe('import-qdpx on the command line', () => {
  it('says which way the PDF boxes were read, in Dutch or English', async () => {
    const dir = tempDir()
    const study = join(dir, 's.werkbank')
    await cli('init', study)
    expect((await cli('import', study, join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf'))).code).toBe(0)
    expect((await cli('add-code', study, 'Spel')).code).toBe(0)
    expect((await cli('code', study, '--doc', '1', '--code', 'Spel', '--coder', 'Anna', '--start', '200', '--end', '260')).code).toBe(0)
    const qdpx = join(dir, 's.qdpx')
    expect((await cli('export-qdpx', study, '--out', qdpx)).code).toBe(0)

    const nl = join(dir, 'nl.werkbank')
    await cli('init', nl)
    const dutch = await cli('import-qdpx', nl, qdpx, '--lang', 'nl')
    expect(dutch.code).toBe(0)
    expect(dutch.lines).toContain('codings\t1\t0')
    expect(dutch.lines).toContain('pdf-boxes\tbottom-left\tPDF-selecties gelezen vanaf linksonder op de pagina, zoals de standaard ze beschrijft')
    const en = join(dir, 'en.werkbank')
    await cli('init', en)
    const english = await cli('import-qdpx', en, qdpx, '--lang', 'en')
    expect(english.lines).toContain('pdf-boxes\tbottom-left\tPDF selections read from the bottom left of the page, as the standard has them')
  }, 180_000) // three imports of a 55-page PDF and an export: over 60 s with both cores busy
})
