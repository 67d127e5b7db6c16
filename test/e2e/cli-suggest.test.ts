/** CLI: suggest and suggest-eval on a hand-made study (fruit sentences in three documents). */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { textToPdf } from '../../electron/core/pdf/text-to-pdf'
import { StudySession } from '../../electron/core/study-session'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/study'

const DOCS = [
  'Heavy rain fell all week. Ripe apples and pears are picked in the orchard every autumn. The orchard grows sweet apples and juicy pears. The car needs new tyres. Fresh fruit from the orchard is sold at the market.',
  'The wind turned north. Our neighbour picked apples and pears in his orchard yesterday. A diesel car burns more fuel. Plums and pears from the orchard make good jam.',
  'Snow covered the hills. At the market the orchard sells apples by the kilo. My car is parked behind the garage.',
]
const FRUIT_SENTENCES = /[^.]*\b(orchard)\b[^.]*\./g

async function study(): Promise<string> {
  const path = join(tempDir(), 'fruit.werkbank')
  const s = await StudySession.open(path, { create: true })
  try {
    const fruit = s.codebook.ensurePath('Fruit', {})
    const anna = s.ensureCoder('Anna').id
    for (const [i, body] of DOCS.entries()) {
      const o = await s.importer.importBytes(`doc${i + 1}.pdf`, await textToPdf(body, `doc${i + 1}`))
      if (o.status !== 'imported') throw new Error(JSON.stringify(o))
      const text = s.documents.text(o.documentId).replace(/\s/g, ' ')
      for (const m of text.matchAll(FRUIT_SENTENCES)) {
        const lead = m[0].length - m[0].trimStart().length
        s.codings.create({ documentId: o.documentId, codeId: fruit.id, coderId: anna, start: m.index! + lead, end: m.index! + m[0].length })
      }
    }
  } finally {
    await s.close()
  }
  return path
}

describe('suggest and suggest-eval', () => {
  it('suggest-eval prints a line per evaluated code and the overall line, and changes nothing', async () => {
    const path = await study()
    const before = await StudySession.open(path)
    const history = before.history.state()
    await before.close()
    // Seed: the first document (3 fruit codings); outside it 3 more: Fruit is evaluated.
    const r = await cli('suggest-eval', path, '--coder', 'Anna', '--seed-docs', '1', '--per-round', '2')
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    expect(r.out).toHaveLength(2)
    const [code, overall] = r.out.map((l) => l.split('\t'))
    expect(code!.slice(0, 2)).toEqual(['Fruit', '3'])
    const [shown, accepted] = [Number(code![2]), Number(code![3])]
    expect(accepted).toBeLessThanOrEqual(shown)
    expect(Number(code![4])).toBeCloseTo(accepted / shown, 3)
    // The three orchard sentences are the likeliest fruit: all found.
    expect(code![5]).toBe('1.000')
    expect(overall!.slice(0, 6)).toEqual(['overall', ...code!.slice(1, 6)])
    // The baseline searches the word "fruit", which no sentence outside the seed has.
    expect(overall![6]).toBe('0.000')
    const s = await StudySession.open(path)
    try {
      expect(s.study.db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(6)
      expect(s.study.db.prepare('SELECT count(*) FROM rejected_suggestions').pluck().get()).toBe(0)
      expect(s.history.state()).toEqual(history)
    } finally {
      await s.close()
    }
  })

  it('suggest prints DOC_ID PAGE START END SCORE SNIPPET lines, best first', async () => {
    const path = await study()
    const r = await cli('suggest', path, '--code', 'Fruit', '--coder', 'Anna', '--limit', '5')
    expect(r.code).toBe(0)
    expect(r.out.length).toBeGreaterThanOrEqual(2)
    const rows = r.out.map((l) => l.split('\t'))
    for (const row of rows) {
      expect(row).toHaveLength(6)
      expect(row.slice(0, 4).every((f) => /^\d+$/.test(f))).toBe(true)
      expect(row[4]).toMatch(/^[01]\.\d{3}$/)
    }
    const scores = rows.map((row) => Number(row[4]))
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const bad = await cli('suggest', path, '--code', 'Fruit', '--coder', 'Nobody', '--lang', 'en')
    expect(bad.code).toBe(1)
    expect(bad.err.join('\n')).toContain('There is no coder "Nobody"')
  })
})
