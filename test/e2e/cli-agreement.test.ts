import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { krippendorffAlpha } from '../../shared/stats'
import { INTEROP_PDF, tempDir } from '../helpers/study'
import { cli } from '../helpers/cli'
import { KRIPPENDORFF_2011 } from '../unit/stats/published-data'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '../..')

/** Krippendorff (2011) §C as a reliability CSV: a header of unit names, a row per observer. */
function krippendorffCsv(delimiter = ','): string {
  const units = KRIPPENDORFF_2011[0]!.map((_, u) => `U${u + 1}`)
  const rows = [['', ...units], ...KRIPPENDORFF_2011.map((row, i) => [`Observer ${'ABCD'[i]}`, ...row.map((v) => (v === null ? '' : String(v)))])]
  return rows.map((r) => r.join(delimiter)).join('\r\n') + '\r\n'
}

function file(name: string, content: string): string {
  const path = join(tempDir(), name)
  writeFileSync(path, content)
  return path
}

describe('reliability FILE.csv (no study)', () => {
  it('reproduces Krippendorff (2011) at all four levels: .743, .815, .849, .797', async () => {
    const csv = file('k2011.csv', krippendorffCsv())
    for (const [level, published] of [['nominal', 0.743], ['ordinal', 0.815], ['interval', 0.849], ['ratio', 0.797]] as const) {
      const r = await cli('reliability', csv, '--measure', 'alpha', '--level', level)
      expect(r.code).toBe(0)
      expect(r.err).toEqual([])
      const exact = krippendorffAlpha(KRIPPENDORFF_2011, level).alpha!
      expect(r.lines).toEqual([['alpha', level, exact.toFixed(4), '11', '4'].join('\t')])
      expect(Number(r.lines[0]!.split('\t')[2])).toBeCloseTo(published, 3)
    }
  })

  it('reads Dutch Excel CSV (semicolons) and gives the other measures; --json gives the report', async () => {
    const csv = file('k2011-nl.csv', '\uFEFF' + krippendorffCsv(';'))
    const fleissCsv = file('two.csv', ',u1,u2,u3,u4,u5,u6\nA,1,1,2,2,3,3\nB,1,2,2,2,3,1\n')
    // Two coders, 6 units, 4 agree: p_o = 4/6; marginals A 2/2/2, B 2/3/1: p_e = (4 + 6 + 2)/36 = 1/3;
    // κ = (2/3 − 1/3)/(1 − 1/3) = .5. Brennan–Prediger with q = 3: (2/3 − 1/3)/(2/3) = .5 too.
    expect((await cli('reliability', fleissCsv, '--measure', 'kappa')).lines).toEqual(['kappa\tnominal\t0.5000\t6\t2'])
    expect((await cli('reliability', fleissCsv, '--measure', 'percent')).lines).toEqual(['percent\tnominal\t0.6667\t6\t2'])
    expect((await cli('reliability', fleissCsv, '--measure', 'bp')).lines).toEqual(['bp\tnominal\t0.5000\t6\t2'])
    const weighted = await cli('reliability', fleissCsv, '--measure', 'kappa', '--weights', 'linear')
    expect(weighted.lines[0]!.split('\t').slice(0, 2)).toEqual(['kappa', 'ordinal'])
    const nl = await cli('reliability', csv, '--measure', 'alpha', '--json')
    expect(JSON.parse(nl.lines[0]!)).toMatchObject({ measure: 'alpha', level: 'nominal', units: 11, coders: 4 })
    expect(JSON.parse(nl.lines[0]!).value).toBeCloseTo(0.743, 3)
  })

  it('prints an empty value and says why when the coefficient is undefined', async () => {
    const same = file('same.csv', ',a,b\nA,1,1\nB,1,1\n')
    const r = await cli('reliability', same, '--measure', 'alpha', '--lang', 'en')
    expect(r.code).toBe(0)
    expect(r.lines).toEqual(['alpha\tnominal\t\t2\t2'])
    expect(r.err.join('\n')).toMatch(/undefined: every value is the same/)
  })

  it('refuses malformed files with a clear message and exit code 1', async () => {
    const cases: [string, string[], RegExp][] = [
      ['"unclosed,a\nA,1\n', [], /is not valid CSV: a quote near line 1/],
      ['', [], /holds no ratings/],
      [',u1,u2\n', [], /holds no ratings/],
      [',u1,,u3\nA,1,2,3\nB,1,2,3\n', [], /Column 3 .* has no unit name/],
      [',u1,u2\nA,1,2\n,1,2\n', [], /Row 3 .* has no coder name/],
      [',u1,u2\nA,1,2,3\nB,1,2\n', [], /Row 2 .* \(A\) has more values than there are units \(2\)/],
      [',u1,u2\nA,laag,hoog\nB,laag,laag\n', ['--level', 'ordinal'], /"laag" \(coder A, unit u1\) is not a number; ordinal needs numbers/],
      [krippendorffCsv(), ['--measure', 'kappa'], /Cohen's kappa compares exactly two coders; .* has 4/],
      [krippendorffCsv(), ['--measure', 'fleiss'], /unit U2 in .* has 4 instead of 3/],
      [',u1,u2\nA,1,-2\nB,1,2\n', ['--level', 'ratio'], /ratio level needs values of 0 or more; coder A gave -2 to unit u2/],
    ]
    for (const [content, extra, message] of cases) {
      const csv = file('bad.csv', content)
      const r = await cli('reliability', csv, '--measure', 'alpha', ...extra, '--lang', 'en')
      expect({ content, code: r.code, out: r.out }).toEqual({ content, code: 1, out: [] })
      expect(r.err.join('\n')).toMatch(message)
    }
    const nope = join(tempDir(), 'nope.csv')
    const missing = await cli('reliability', nope, '--lang', 'en')
    expect([missing.code, missing.err[0]]).toEqual([1, `File not found: ${nope}`])
    const dutch = await cli('reliability', file('leeg.csv', ''), '--lang', 'nl')
    expect(dutch.err[0]).toMatch(/bevat geen oordelen/)
  })

  it('answers wrong usage with exit code 2', async () => {
    const csv = file('k.csv', krippendorffCsv())
    expect((await cli('reliability', csv, '--measure', 'tau')).code).toBe(2)
    expect((await cli('reliability', csv, '--level', 'cardinal')).code).toBe(2)
    expect((await cli('reliability', csv, '--weights', 'cubic')).code).toBe(2)
    expect((await cli('reliability')).code).toBe(2)
  })

  it('runs as a process without a study', async () => {
    const csv = file('k.csv', krippendorffCsv())
    const { stdout } = await run('npm', ['run', '-s', 'cli', '--', 'reliability', csv, '--measure', 'alpha', '--level', 'interval'], { cwd: ROOT })
    expect(stdout.trim().split('\t').slice(0, 3)).toEqual(['alpha', 'interval', krippendorffAlpha(KRIPPENDORFF_2011, 'interval').alpha!.toFixed(4)])
  })
})

describe('agreement, disagreements, export-coder, merge and judgements on a study', () => {
  /**
   * One real one-page PDF (692 characters); code X: Anna [100,200) and [300,350), Bram
   * [105,200) and [300,400); code Y: both [0,50). Segment level at 90%: X agrees at [100,200)
   * (95%), not at [300,…) (50%): X 2 of 4, Y 2 of 2, total 4 of 6 = 66.67%; two codes, so
   * κ = (2/3 − 1/2)/(1/2) = 1/3.
   */
  async function team() {
    const dir = tempDir()
    const study = join(dir, 's.werkbank')
    await cli('init', study)
    await cli('import', study, join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf'))
    for (const p of ['X', 'Y']) await cli('add-code', study, p)
    const code = (path: string, coder: string, start: number, end: number) =>
      cli('code', study, '--doc', '1', '--code', path, '--coder', coder, '--start', String(start), '--end', String(end))
    await code('X', 'Anna', 100, 200)
    await code('X', 'Anna', 300, 350)
    await code('X', 'Bram', 105, 200)
    await code('X', 'Bram', 300, 400)
    await code('Y', 'Anna', 0, 50)
    await code('Y', 'Bram', 0, 50)
    return { dir, study, code }
  }

  it('prints a row per code and a total, as CSV a real parser reads', async () => {
    const { study } = await team()
    const r = await cli('agreement', study, '--coders', 'Anna,Bram', '--level', 'segment', '--format', 'csv', '--lang', 'en')
    expect(r.code).toBe(0)
    const rows = parse(r.out.join('\n'), { columns: true }) as Record<string, string>[]
    expect(rows).toEqual([
      { code: 'X', agreements: '2', disagreements: '2', percent: '50.00', kappa: '0.0000', alpha: '' },
      { code: 'Y', agreements: '2', disagreements: '0', percent: '100.00', kappa: '1.0000', alpha: '' },
      { code: 'Total', agreements: '4', disagreements: '2', percent: '66.67', kappa: '0.3333', alpha: '' },
    ])
    const tsv = await cli('agreement', study, '--coders', 'Anna, Bram', '--level', 'character', '--code', 'X')
    expect(tsv.lines).toHaveLength(2)
    expect(tsv.lines[0]!.split('\t')[0]).toBe('X')
    const json = await cli('agreement', study, '--coders', 'Anna,Bram', '--level', 'document', '--format', 'json')
    expect(JSON.parse(json.lines[0]!)).toMatchObject({ level: 'document', coders: ['Anna', 'Bram'], kappaKind: 'cohen' })
    // At 96% the X pair at [100,200) (95%) no longer agrees: 2 of 6.
    const strict = await cli('agreement', study, '--coders', 'Anna,Bram', '--level', 'segment', '--overlap', '96', '--lang', 'en')
    expect(strict.lines.at(-1)!.split('\t').slice(0, 3)).toEqual(['Total', '2', '4'])
  })

  it('lists disagreements and refuses bad choices clearly', async () => {
    const { study } = await team()
    const d = await cli('disagreements', study, '--coders', 'Anna,Bram')
    expect(d.lines.map((l) => l.split('\t'))).toEqual([
      ['10_ja_dvipdfmx_issue16538', '1', 'X', '300', '400', '50.0', 'Anna 300-350; Bram 300-400', ''],
    ])
    const unknown = await cli('agreement', study, '--coders', 'Anna,Nobody', '--lang', 'en')
    expect([unknown.code, unknown.err[0]]).toEqual([1, 'There is no coder named "Nobody" in this study.'])
    expect((await cli('agreement', study, '--coders', 'Anna')).code).toBe(2)
    expect((await cli('agreement', study, '--coders', 'Anna,Bram', '--level', 'word')).code).toBe(2)
    expect((await cli('agreement', study, '--coders', 'Anna,Bram', '--overlap', 'veel')).code).toBe(2)
  })

  it('exports a copy for a coder and merges it back, the second time adding nothing', async () => {
    const { dir, study } = await team()
    const copy = join(dir, 'cas.werkbank')
    const exported = await cli('export-coder', study, '--coder', 'Cas', '--out', copy)
    expect(exported.lines).toEqual([`${copy}\tCas\t0`])
    await cli('code', copy, '--doc', '1', '--code', 'X', '--coder', 'Cas', '--start', '100', '--end', '200')
    const merged = await cli('merge', study, copy)
    expect(merged.code).toBe(0)
    const figures = Object.fromEntries(merged.lines.map((l) => l.split('\t')).map(([a, b, n]) => [`${a} ${b}`, Number(n)]))
    expect(figures).toMatchObject({ 'codings added': 1, 'coders added': 1, 'documents matched': 1, 'codes added': 0 })
    const again = await cli('merge', study, copy)
    expect(Object.fromEntries(again.lines.map((l) => l.split('\t')).map(([a, b, n]) => [`${a} ${b}`, Number(n)]))).toMatchObject({ 'codings added': 0, 'codings matched': 1 })
    const three = await cli('agreement', study, '--coders', 'Anna,Bram,Cas', '--level', 'document', '--format', 'json')
    expect(JSON.parse(three.lines[0]!).kappaKind).toBe('fleiss')
    const undo = await cli('undo', study)
    expect(undo.lines).toEqual(['team-merge'])
    const again2 = await cli('export-coder', study, '--coder', 'Cas', '--out', copy, '--lang', 'en')
    expect([again2.code, again2.err[0]]).toEqual([1, `${copy} already exists. Choose a new file name for the coder's copy; nothing was written.`])
  })

  it('computes the agreement of phase judgements stored as case attributes', async () => {
    const { study } = await team()
    const { StudySession } = await import('../../electron/core/study-session')
    const s = await StudySession.open(study)
    const phases = { Anna: [0, 1, 2, 3, 3, 1], Bram: [0, 1, 3, 3, 2, 1] }
    for (let i = 0; i < 6; i++) {
      const c = s.cases.create(`P${i + 1}`)
      for (const [coder, values] of Object.entries(phases)) s.cases.setAttribute(c.id, `fase:${coder}`, String(values[i]))
    }
    await s.close()
    const r = await cli('judgements', study)
    const [measure, level, value, low, high, units, coders] = r.lines[0]!.split('\t')
    expect([measure, level, units, coders]).toEqual(['alpha', 'ordinal', '6', '2'])
    expect(value).toBe(krippendorffAlpha([phases.Anna, phases.Bram], 'ordinal').alpha!.toFixed(4))
    expect(Number(low)).toBeLessThanOrEqual(Number(value))
    expect(Number(high)).toBeGreaterThanOrEqual(Number(value))
  })
})
