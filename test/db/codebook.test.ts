import { describe, expect, it } from 'vitest'
import { LOOPBAAN } from '../../shared/codebook/loopbaan'
import { parseCsv } from '../../shared/csv'
import { tempStudy } from '../helpers/study'

describe('codebook', () => {
  it('creates codes in a tree and lists them with their paths', async () => {
    const s = await tempStudy()
    const parent = s.codebook.create({ parentId: null, name: 'Verzet' })
    const child = s.codebook.create({ parentId: parent.id, name: 'Passief', colour: '#112233', definition: 'Niet meedoen.' })
    expect(child.path).toBe('Verzet/Passief')
    expect(child.colour).toBe('#112233')
    expect(s.codebook.list().map((c) => c.path)).toEqual(['Verzet', 'Verzet/Passief'])
  })

  it('keeps names unique among siblings, ignoring case, but allows them elsewhere', async () => {
    const s = await tempStudy()
    const a = s.codebook.create({ parentId: null, name: 'A' })
    const b = s.codebook.create({ parentId: null, name: 'B' })
    s.codebook.create({ parentId: a.id, name: 'Docenten' })
    expect(() => s.codebook.create({ parentId: a.id, name: 'docenten' })).toThrow(expect.objectContaining({ code: 'code-name-taken' }))
    expect(s.codebook.create({ parentId: b.id, name: 'Docenten' }).path).toBe('B/Docenten')
    expect(() => s.codebook.create({ parentId: null, name: 'a' })).toThrow(expect.objectContaining({ code: 'code-name-taken' }))
    expect(() => s.codebook.create({ parentId: null, name: 'x/y' })).toThrow(expect.objectContaining({ code: 'code-name-invalid' }))
    expect(() => s.codebook.create({ parentId: null, name: '   ' })).toThrow(expect.objectContaining({ code: 'code-name-invalid' }))
  })

  it('renames, recolours and describes a code', async () => {
    const s = await tempStudy()
    const c = s.codebook.create({ parentId: null, name: 'Leiding' })
    const u = s.codebook.update(c.id, { name: 'Leiderschap', colour: '#abcdef', definition: 'd', inclusion: 'i', exclusion: 'e', example: 'x' })
    expect(u).toMatchObject({ name: 'Leiderschap', colour: '#abcdef', definition: 'd', inclusion: 'i', exclusion: 'e', example: 'x' })
    s.codebook.create({ parentId: null, name: 'Fase' })
    expect(() => s.codebook.update(c.id, { name: 'fase' })).toThrow(expect.objectContaining({ code: 'code-name-taken' }))
  })

  it('moves a code but never under itself or its subcodes', async () => {
    const s = await tempStudy()
    const a = s.codebook.create({ parentId: null, name: 'A' })
    const b = s.codebook.create({ parentId: a.id, name: 'B' })
    const c = s.codebook.create({ parentId: b.id, name: 'C' })
    expect(() => s.codebook.move(a.id, c.id)).toThrow(expect.objectContaining({ code: 'code-move-cycle' }))
    expect(() => s.codebook.move(a.id, a.id)).toThrow(expect.objectContaining({ code: 'code-move-cycle' }))
    expect(s.codebook.move(c.id, null).path).toBe('C')
    expect(s.codebook.move(b.id, null).path).toBe('B')
  })

  it('resolves and creates codes by path, creating missing parents', async () => {
    const s = await tempStudy()
    const code = s.codebook.ensurePath('Leiderschap / Water bij de wijn', { colour: '#010203' })
    expect(code.path).toBe('Leiderschap/Water bij de wijn')
    expect(code.colour).toBe('#010203')
    expect(s.codebook.ensurePath('Leiderschap/Water bij de wijn').id).toBe(code.id)
    expect(s.codebook.resolvePath('leiderschap/water bij de wijn')).toBe(code.id)
    expect(() => s.codebook.resolvePath('Leiderschap/Onbekend')).toThrow(expect.objectContaining({ code: 'code-path-not-found' }))
  })

  it('adds the loopbaan template in Dutch or English with definitions, once', async () => {
    const nl = await tempStudy()
    const codes = nl.codebook.applyTemplate('loopbaan', 'nl')
    expect(codes).toHaveLength(LOOPBAAN.codes.length)
    const fase2 = codes.find((c) => c.templateKey === 'fase-2')!
    const spec = LOOPBAAN.codes.find((c) => c.key === 'fase-2')!
    expect(fase2.path).toBe(`${LOOPBAAN.codes.find((c) => c.key === 'fase')!.name.nl}/${spec.name.nl}`)
    expect(fase2.definition).toBe(spec.definition.nl)
    expect(nl.codebook.applyTemplate('loopbaan', 'nl')).toHaveLength(LOOPBAAN.codes.length)
    const en = await tempStudy()
    expect(en.codebook.applyTemplate('loopbaan', 'en').find((c) => c.templateKey === 'wb-9')!.name).toBe(
      LOOPBAAN.codes.find((c) => c.key === 'wb-9')!.name.en,
    )
    expect(() => en.codebook.applyTemplate('nope', 'en')).toThrow(expect.objectContaining({ code: 'template-not-found' }))
  })

  it('exports the codebook as CSV and JSON that import into another study unchanged', async () => {
    const a = await tempStudy('a.werkbank')
    a.codebook.applyTemplate('loopbaan', 'nl')
    a.codebook.ensurePath('Eigen; "extra"/Met, komma', { definition: 'Regel 1\nRegel 2', colour: '#123456' })
    const strip = (s: typeof a) => s.codebook.list().map(({ path, colour, definition, inclusion, exclusion, example }) => ({ path, colour, definition, inclusion, exclusion, example }))
    for (const format of ['csv', 'json'] as const) {
      const text = a.transfer.export(format, { delimiter: ';' })
      const b = await tempStudy(`b-${format}.werkbank`)
      const result = b.transfer.import(format, text)
      expect(result.created).toBeGreaterThan(0)
      expect(strip(b).sort((x, y) => x.path.localeCompare(y.path))).toEqual(strip(a).sort((x, y) => x.path.localeCompare(y.path)))
      // Importing again changes no codes' texts and creates none.
      expect(b.transfer.import(format, text).created).toBe(0)
    }
    const csv = parseCsv(a.transfer.export('csv'))
    expect(csv[0]).toEqual(['path', 'colour', 'definition', 'inclusion', 'exclusion', 'example', 'uuid'])
  })

  it('refuses a malformed codebook file and changes nothing', async () => {
    const s = await tempStudy()
    s.codebook.create({ parentId: null, name: 'Bestaand' })
    const before = s.codebook.list()
    const bad: [format: 'csv' | 'json', content: string][] = [
      ['json', '{ not json'],
      ['json', JSON.stringify({ format: 'werkbank-codebook', version: 1, codes: [{ path: 'Ok' }, { path: 'Kleur', colour: 'rood' }] })],
      ['json', JSON.stringify({ format: 'iets anders', version: 1, codes: [] })],
      ['csv', 'naam,kleur\nA,#ffffff\n'],
      ['csv', 'path,colour\nGoed,#ffffff\n"Open quote,#000000\n'],
      ['csv', 'path,colour\nGoed,#ffffff\nSlecht,blauw\n'],
    ]
    for (const [format, content] of bad) {
      expect(() => s.transfer.import(format, content), content).toThrow(expect.objectContaining({ code: 'codebook-import-invalid' }))
    }
    expect(s.codebook.list()).toEqual(before)
  })
})
