import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import { buildSmallStudy, type SmallStudy } from '../db/analysis-fixture'
import { INTEROP_PDF, caller, tempDir } from '../helpers/study'
import { cli } from '../helpers/cli'
import { readXlsx } from '../helpers/xlsx-read'

// The small study of test/db/analysis-fixture.ts (counted by hand there), opened by the CLI
// beside the test's own connection.
let t: SmallStudy
let study: string
let session: StudySession
let call: ReturnType<typeof caller>
beforeAll(async () => {
  t = await buildSmallStudy()
  study = t.path
  // Closing writes the WAL into the file, whose header the CLI checks before it opens a study.
  await t.s.close()
  session = await StudySession.open(study)
  call = caller(session)
})
afterAll(async () => {
  await session.close()
  await t.close()
})

describe('matrix command', () => {
  it('prints the column names, then a line per code path, then the totals, tab-separated', async () => {
    const r = await cli('matrix', study, '--rows', 'codes', '--cols', 'cases', '--measure', 'segments')
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    expect(r.lines.map((l) => l.split('\t'))).toEqual([
      ['code', 'Alpha', 'Beta', '(none)', 'total'],
      ['A', '1', '0', '0', '1'],
      ['A/A1', '3', '0', '1', '4'],
      ['A/A2', '1', '2', '0', '3'],
      ['B', '3', '1', '0', '4'],
      ['total', '8', '3', '1', '12'],
    ])
  })

  it('chooses codes by path with their subtree, rolls up, and filters by coder and attribute', async () => {
    const r = await cli('matrix', study, '--code', 'A', '--subtree', '--rollup', '--coder', 'anna', '--where', 'sector=zorg', '--where', 'sector=techniek')
    expect(r.code).toBe(0)
    // Anna's codings: A1 ×2 in Alpha, A2 in Alpha and in Beta; D4 (no case) is outside the filter.
    expect(r.lines.map((l) => l.split('\t'))).toEqual([
      ['code', 'Alpha', 'Beta', 'total'],
      ['A', '3', '1', '4'],
      ['A/A1', '2', '0', '2'],
      ['A/A2', '1', '1', '2'],
      ['total', '6', '2', '8'],
    ])
  })

  it('writes CSV for Dutch Excel (; decimal comma, BOM) that a parser reads back as the API table', async () => {
    const r = await cli('matrix', study, '--cols', 'coders', '--measure', 'coverage', '--format', 'csv', '--delimiter', ';', '--decimal-comma', '--bom')
    expect(r.code).toBe(0)
    const text = r.out.join('\n')
    // Coverage has the area codings of each row in a last column.
    expect(text.startsWith('\uFEFFcode;Anna;Bram;total;areas\r\n')).toBe(true)
    const rows = parse(text, { delimiter: ';', bom: true }) as string[][]
    const m = await call('analysis:matrix', { by: 'coders', measure: 'coverage' })
    const n = (s: string) => Number(s.replace(',', '.'))
    m.rows.forEach((row, i) => {
      expect(rows[i + 1]![0]).toBe(row.path)
      m.values[i]!.forEach((v, j) => expect(n(rows[i + 1]![j + 1]!)).toBeCloseTo(v!, 14))
      expect(n(rows[i + 1]![3]!)).toBeCloseTo(m.rowTotals[i]!, 14)
    })
    expect(n(rows.at(-1)![3]!)).toBeCloseTo(m.total!, 14)
    expect(rows.at(-1)![4]).toBe(String(m.areas!.total))
  })

  it('prints JSON with --json, and attribute columns', async () => {
    const r = await cli('matrix', study, '--cols', 'attribute:sector', '--measure', 'presence', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out[0]!)).toEqual(await call('analysis:matrix', { by: 'attribute:sector', measure: 'presence' }))
    const tsv = await cli('matrix', study, '--cols', 'attribute:sector', '--measure', 'documents', '--code', 'B')
    expect(tsv.lines.map((l) => l.split('\t'))).toEqual([
      ['code', 'techniek', 'zorg', '(none)', 'total'],
      ['B', '1', '2', '0', '3'],
      ['total', '1', '2', '0', '3'],
    ])
  })

  it('fails with a translated message and exit 1 on an unknown code, coder or attribute', async () => {
    const code = await cli('matrix', study, '--code', 'Nope', '--lang', 'nl')
    expect([code.code, code.err.join('\n')]).toEqual([1, 'Er is geen code "Nope".'])
    const coder = await cli('matrix', study, '--coder', 'Carla', '--lang', 'en')
    expect([coder.code, coder.err.join('\n')]).toEqual([1, 'There is no coder "Carla".'])
    const attr = await cli('matrix', study, '--cols', 'attribute:kleur', '--lang', 'nl')
    expect([attr.code, attr.err.join('\n')]).toEqual([1, 'Geen enkele casus heeft een attribuut "kleur".'])
    const where = await cli('matrix', study, '--where', 'kleur=rood', '--lang', 'en')
    expect([where.code, where.err.join('\n')]).toEqual([1, 'No case has an attribute "kleur".'])
  })

  it('exits 2 on option values that make no sense', async () => {
    for (const args of [
      ['--cols', 'pages'], ['--cols', 'attribute:'], ['--measure', 'words'], ['--rows', 'cases'], ['--format', 'xml'],
      ['--delimiter', '|'], ['--where', 'sector'], ['--doc', 'one'],
    ]) {
      const r = await cli('matrix', study, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.out).toEqual([])
    }
  })
})

describe('cooccurrence and phases commands', () => {
  it('prints co-occurrence as a code × code table', async () => {
    const r = await cli('cooccurrence', study, '--scope', 'document')
    expect(r.code).toBe(0)
    expect(r.lines.map((l) => l.split('\t'))).toEqual([
      // (coder, document) pairs, summed over coders (test/db/analysis-cooccurrence.test.ts).
      ['code', 'A', 'A/A1', 'A/A2', 'B'],
      ['A', '1', '1', '0', '1'],
      ['A/A1', '1', '4', '1', '2'],
      ['A/A2', '0', '1', '3', '2'],
      ['B', '1', '2', '2', '4'],
    ])
    // Overlap within one coder's work: only Anna's A1–A2 in D1.
    const overlap = await cli('cooccurrence', study, '--code', 'A/A1', '--code', 'A/A2', '--format', 'csv')
    expect(parse(overlap.out.join('\n'))).toEqual([['code', 'A/A1', 'A/A2'], ['A/A1', '4', '1'], ['A/A2', '1', '3']])
    expect((await cli('cooccurrence', study, '--scope', 'page')).code).toBe(2)
  })

  it('prints the phase overview per case, and says so when the codebook has no phase codes', async () => {
    const none = await cli('phases', study, '--lang', 'en')
    expect(none.code).toBe(1)
    expect(none.err.join('\n')).toMatch(/no phase codes/)
    const s = join(tempDir(), 'phases.werkbank')
    expect((await cli('init', s, '--template', 'loopbaan', '--lang', 'en')).code).toBe(0)
    expect((await cli('import', s, join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf'), '--case', 'Kamp')).code).toBe(0)
    const phase2 = 'Phase of school–company cooperation/Phase 2 – joint design'
    expect((await cli('code', s, '--doc', '1', '--code', phase2, '--coder', 'Anna', '--quote', 'The Buried Moon')).code).toBe(0)
    const r = await cli('phases', s)
    expect(r.code).toBe(0)
    // case, assigned (none), strongest, differs, codings per phase, coverage per phase.
    const [line] = r.lines.map((l) => l.split('\t'))
    expect(line!.slice(0, 8)).toEqual(['Kamp', '', '2', '0', '0', '0', '1', '0'])
    expect(Number(line![10])).toBeGreaterThan(0)
    const csv = await cli('phases', s, '--format', 'csv')
    expect((parse(csv.out.join('\n'), { columns: true }) as Record<string, string>[])[0]).toMatchObject({ case: 'Kamp', strongest: '2', differs: '0' })
  })
})

describe('export command', () => {
  it('writes each export to a file, the same text the API gives', async () => {
    const dir = tempDir()
    const cases: [string, string[], () => Promise<string>][] = [
      ['codings', ['--coder', 'Bram'], () => call('export:codings', { filter: { coderIds: [t.coder.bram] } })],
      ['codebook', ['--delimiter', ';'], () => call('codebook:export', { format: 'csv', delimiter: ';' })],
      ['matrix', ['--cols', 'cases', '--measure', 'coverage', '--rollup'], () => call('export:matrix', { by: 'cases', measure: 'coverage', rollup: true })],
      ['matrix-long', ['--measure', 'documents', '--decimal-comma', '--delimiter', ';'], () => call('export:matrix', { by: 'cases', measure: 'documents', layout: 'long', delimiter: ';', decimalComma: true })],
      ['cooccurrence', ['--scope', 'case', '--bom'], () => call('export:cooccurrence', { scope: 'case', bom: true })],
      ['saturation', ['--coder', 'Anna'], () => call('export:saturation', { filter: { coderIds: [t.coder.anna] } })],
    ]
    for (const [what, options, expected] of cases) {
      const out = join(dir, `${what}.csv`)
      const r = await cli('export', study, '--what', what, '--out', out, ...options)
      expect(r.code, what).toBe(0)
      expect(r.lines[0]!.split('\t').slice(0, 2)).toEqual([what, out])
      expect(readFileSync(out, 'utf8'), what).toBe(await expected())
    }
    const codings = parse(readFileSync(join(dir, 'codings.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
    expect(codings.map((c) => [c.code, c.coder])).toEqual([['A/A1', 'Bram'], ['A', 'Bram'], ['B', 'Bram'], ['B', 'Bram'], ['A/A2', 'Bram']])
    const codebook = parse(readFileSync(join(dir, 'codebook.csv'), 'utf8'), { delimiter: ';', columns: true }) as Record<string, string>[]
    expect(codebook.map((c) => c.path)).toEqual(['A', 'A/A1', 'A/A2', 'B'])
    expect(readFileSync(join(dir, 'cooccurrence.csv'), 'utf8').startsWith('\uFEFFcode,')).toBe(true)
  })

  it('writes an Excel workbook, one sheet per table named, the same numbers as the API', async () => {
    const dir = tempDir()
    const out = join(dir, 'tables.xlsx')
    const r = await cli('export', study, '--what', 'matrix,codings,agreement', '--out', out, '--measure', 'coverage', '--coders', 'Anna,Bram', '--level', 'segment')
    expect(r.code, r.err.join('\n')).toBe(0)
    const sheets = readXlsx(readFileSync(out))
    expect(sheets.map((s) => s.name)).toEqual(['Matrix', 'Codings', 'Agreement'])
    const m = await call('analysis:matrix', { by: 'cases', measure: 'coverage' })
    expect(sheets[0]!.rows[1]!.slice(1, 1 + m.columns.length).map((c) => c.value)).toEqual(m.values[0])
    expect(sheets[0]!.rows[1]![1]!.format).toBe('0.0%')
    expect(sheets[2]!.rows[1]![1]!.value).toBe('segment')
    const all = join(dir, 'all.xlsx')
    expect((await cli('export', study, '--what', 'all', '--out', all)).code).toBe(0)
    // Without --coders the agreement sheet is left out of "all".
    expect(readXlsx(readFileSync(all)).map((s) => s.name)).toEqual(['Matrix', 'Matrix (long)', 'Co-occurrence', 'Phases', 'Codings', 'Codebook', 'Memos', 'Saturation'].filter((n) => n !== 'Phases'))
    expect((await cli('export', study, '--what', 'matrix,pages', '--out', join(dir, 'x.xlsx'))).code).toBe(2)
    expect((await cli('export', study, '--what', 'agreement', '--out', join(dir, 'y.xlsx'))).code).toBe(2)
  })

  it('exits 2 without --what or --out', async () => {
    const out = join(tempDir(), 'x.csv')
    expect((await cli('export', study, '--out', out)).code).toBe(2)
    expect((await cli('export', study, '--what', 'pages', '--out', out)).code).toBe(2)
    expect((await cli('export', study, '--what', 'codings')).code).toBe(2)
  })
})
