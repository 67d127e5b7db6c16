/**
 * Codebook exchange in the REFI-QDA standard: the codebooks of real projects exported by
 * ATLAS.ti 8.4 and NVivo 12.6 (../shared/interop/qdpx), our .qdc export checked against the
 * standard's own schema (../shared/interop/refi/Codebook.xsd) by libxml2's validator, a round
 * trip through .qdc, and every kind of bad file refused with nothing changed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { projectXmlOfQdpx } from '../../shared/qdpx'
import { errorMessage } from '../../shared/i18n/messages'
import { caller, tempStudy } from '../helpers/study'

const INTEROP = join(import.meta.dirname, '../../../shared/interop')
const ATLAS = join(INTEROP, 'qdpx/02_atlasti-8.4-mac_REFI-standard-project.qdpx')
const NVIVO = join(INTEROP, 'qdpx/07_nvivo-12.6-win_oltas0517-hungarian.qdpx')
const CODEBOOK_XSD = readFileSync(join(INTEROP, 'refi/Codebook.xsd'), 'utf8')

const bytes = (path: string) => new Uint8Array(readFileSync(path))
const texts = (s: Awaited<ReturnType<typeof tempStudy>>) =>
  s.codebook.list().map(({ path, colour, definition, inclusion, exclusion, example }) => ({ path, colour, definition, inclusion, exclusion, example }))

async function validQdc(xml: string) {
  const r = await validateXML({ xml: [{ fileName: 'codebook.qdc', contents: xml }], schema: [CODEBOOK_XSD] })
  return { valid: r.valid, errors: r.errors.map((e) => e.message) }
}

describe('REFI-QDA codebook import', () => {
  it('reads the codebook of an ATLAS.ti project: names, colours and descriptions', async () => {
    const s = await tempStudy()
    const result = s.transfer.import('qdpx', bytes(ATLAS))
    // The project's XML has 14 <Code> elements, all at the top level.
    const xml = projectXmlOfQdpx(bytes(ATLAS))
    expect(xml.match(/<Code /g)).toHaveLength(14)
    expect(result).toEqual({ created: 14, updated: 0 })
    const codes = s.codebook.list()
    expect(codes.every((c) => c.parentId === null)).toBe(true)
    expect(codes.find((c) => c.name === 'Coke::diet Coke')).toMatchObject({ colour: '#966450', definition: 'non sucré' })
    expect(codes.find((c) => c.name === 'Breakfast food')).toMatchObject({ colour: '#46AA00', definition: 'the foods people might eat for breakfast' })
    // A code without a colour in the file gets one of ours.
    expect(codes.find((c) => c.name === 'milk')!.colour).toMatch(/^#[0-9A-Fa-f]{6}$/)
    // One undo step takes the whole import back.
    s.history.undo()
    expect(s.codebook.list()).toEqual([])
  })

  it('reads the nested codebook of an NVivo project, Hungarian names and all', async () => {
    const s = await tempStudy()
    const xml = projectXmlOfQdpx(bytes(NVIVO))
    const result = s.transfer.import('qdpx', bytes(NVIVO))
    expect(result.created).toBe(xml.match(/<Code /g)!.length)
    expect(result.created).toBe(152)
    const byPath = new Map(s.codebook.list().map((c) => [c.path, c]))
    expect(byPath.get('1. Oltás típusa')!.definition).toBe('COVID vay nem COVID')
    expect([...byPath.keys()].filter((p) => p.startsWith('2. Attitűd szint az oltáshoz/'))).toEqual([
      '2. Attitűd szint az oltáshoz/piros', '2. Attitűd szint az oltáshoz/sárga', '2. Attitűd szint az oltáshoz/zöld',
    ])
    expect(byPath.get('2. Attitűd szint az oltáshoz')!.definition).toBe('Erősen szkeptikus (piros)\nEnyhén szkeptikus, kétkedő (sárga)\nElfogadó (zöld)')
    // Reading it again adds nothing.
    expect(s.transfer.import('qdpx', bytes(NVIVO)).created).toBe(0)
  })

  it('reads a .qdc in the old codebook:0:4 namespace, short colours, and a name with a slash', async () => {
    const s = await tempStudy()
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
      <CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti 23">
        <Codes>
          <Code guid="11111111-2222-3333-4444-555555555555" name="Verzet" isCodable="false" color="#a0b">
            <Description>Weerstand &amp; onwil, "letterlijk" &lt;zo&gt;.</Description>
            <Code guid="11111111-2222-3333-4444-555555555556" name="docenten/teamleiders" isCodable="true"/>
          </Code>
        </Codes>
        <Sets><Set guid="11111111-2222-3333-4444-555555555557" name="Groep"><MemberCode guid="11111111-2222-3333-4444-555555555556"/></Set></Sets>
      </CodeBook>`
    expect(s.transfer.import('qdc', qdc)).toEqual({ created: 2, updated: 0 })
    expect(texts(s).map((c) => [c.path, c.colour, c.definition])).toEqual([
      ['Verzet', '#aa00bb', 'Weerstand & onwil, "letterlijk" <zo>.'],
      ['Verzet/docenten∕teamleiders', expect.stringMatching(/^#/), ''],
    ])
  })
})

describe('REFI-QDA XML as other writers spell it', () => {
  it('decodes character references and CDATA, skips processing instructions, and makes names one line', async () => {
    const s = await tempStudy()
    const qdc = `<?xml version="1.0" encoding="utf-8"?><?xml-stylesheet href="codes.xsl"?>
      <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
        <Code guid="11111111-2222-3333-4444-555555555555" name="Caf&#233; &#x26; co&#10;(regel 2)" isCodable="true">
          <Description><![CDATA[Tekst met <hoekjes> & "aanhalingstekens"]]></Description>
        </Code></Codes></CodeBook>`
    expect(s.transfer.import('qdc', qdc)).toEqual({ created: 1, updated: 0 })
    expect(texts(s)[0]).toMatchObject({ path: 'Café & co (regel 2)', definition: 'Tekst met <hoekjes> & "aanhalingstekens"' })
  })

  it('refuses element names the parser will not build (__proto__) and nesting beyond its limit, as an invalid file', async () => {
    const s = await tempStudy()
    const proto = '<CodeBook><Codes><Code guid="11111111-2222-3333-4444-555555555555" name="A" isCodable="true"><__proto__><x/></__proto__></Code></Codes></CodeBook>'
    const deep = `<CodeBook><Codes>${'<Code guid="11111111-2222-3333-4444-555555555555" name="A" isCodable="true">'.repeat(150)}${'</Code>'.repeat(150)}</Codes></CodeBook>`
    for (const xml of [proto, deep]) {
      expect(() => s.transfer.import('qdc', xml)).toThrow(
        expect.objectContaining({ code: 'codebook-import-invalid', params: { detail: expect.stringMatching(/^not readable as REFI-QDA XML/) } }),
      )
    }
    expect(s.codebook.list()).toEqual([])
    expect(({} as Record<string, unknown>).x).toBeUndefined() // nothing leaked onto Object.prototype
  })
})

describe('REFI-QDA codebook export', () => {
  it('writes a .qdc that Codebook.xsd accepts and that comes back whole', async () => {
    const a = await tempStudy('a.werkbank')
    a.codebook.applyTemplate('loopbaan', 'nl')
    a.codebook.ensurePath('Eigen & "extra" <code>/Sub', { definition: 'Regel 1\nRegel 2\n\nAlinea 2', colour: '#123456' })
    const verzet = a.codebook.list().find((c) => c.templateKey !== null && c.inclusion !== '' && c.exclusion !== '' && c.example !== '')!
    const qdc = a.transfer.export('qdc')
    expect(await validQdc(qdc)).toEqual({ valid: true, errors: [] })
    expect(qdc).toContain(`name="${verzet.name}"`)

    const b = await tempStudy('b.werkbank')
    expect(b.transfer.import('qdc', qdc).created).toBe(a.codebook.list().length)
    const sorted = (x: ReturnType<typeof texts>) => x.sort((p, q) => p.path.localeCompare(q.path))
    expect(sorted(texts(b))).toEqual(sorted(texts(a)))
  })

  it('writes only a valid colour, and names with tabs or quotes that read back the same', async () => {
    const s = await tempStudy()
    const odd = s.codebook.create({ parentId: null, name: 'Kleur "rood" & <blauw>' })
    // A colour from another study (a team merge copies it unchecked).
    s.study.db.prepare('UPDATE codes SET colour = ? WHERE id = ?').run('red" onload="x', odd.id)
    const qdc = s.transfer.export('qdc')
    expect(qdc).not.toContain('onload')
    expect(await validQdc(qdc)).toEqual({ valid: true, errors: [] })
    const back = await tempStudy('back.werkbank')
    back.transfer.import('qdc', qdc)
    expect(back.codebook.list().map((c) => c.name)).toEqual(['Kleur "rood" & <blauw>'])
    expect(() => s.codebook.create({ parentId: null, name: 'met\ttab' })).toThrow(expect.objectContaining({ code: 'code-name-invalid' }))
  })

  it('refuses to write an empty codebook, which the standard cannot express', async () => {
    const s = await tempStudy()
    expect(() => s.transfer.export('qdc')).toThrow(expect.objectContaining({ code: 'codebook-empty' }))
    expect(errorMessage({ code: 'codebook-empty', params: {} }, 'nl')).toBe('Het codeboek heeft geen codes om te exporteren.')
  })
})

describe('REFI-QDA files that cannot be read', () => {
  const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))
  const project = (inner: string) => `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">${inner}</Project>`
  const codebook = '<CodeBook><Codes><Code guid="11111111-2222-3333-4444-555555555555" name="A" isCodable="true"/></Codes></CodeBook>'

  it('refuses each with a message that says why, and changes nothing', async () => {
    const s = await tempStudy()
    s.codebook.create({ parentId: null, name: 'Bestaand' })
    const before = s.codebook.list()
    const history = s.history.state()
    const bad: [format: 'qdc' | 'qdpx', content: string | Uint8Array, says: RegExp][] = [
      ['qdc', '<CodeBook><Codes><Code name="A">', /not well-formed XML \(line 1/],
      ['qdc', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CodeBook><Codes><Code guid="11111111-2222-3333-4444-555555555555" name="&e;" isCodable="true"/></Codes></CodeBook>', /DOCTYPE/],
      ['qdc', '<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>', /root element is svg/],
      ['qdc', '<CodeBook><Codes><Code guid="11111111-2222-3333-4444-555555555555" name="  " isCodable="true"/></Codes></CodeBook>', /without a name/],
      ['qdc', '<CodeBook><Codes/></CodeBook>', /no codes/],
      ['qdpx', readFileSync(join(INTEROP, 'pdf/10_ja_dvipdfmx_issue16538.pdf')), /not a readable zip/],
      ['qdpx', zip({ 'readme.txt': 'hello' }), /no project file/],
      // A project file only in a folder, or named with a path, is not the project.
      ['qdpx', zip({ 'Sources/project.qde': project(codebook), '../project.qde': project(codebook) }), /no project file/],
      ['qdpx', zip({ 'a.qde': project(codebook), 'b.qde': project(codebook) }), /more than one project/],
      // Many project files: refused at the second, before it (or any later one) is inflated.
      ['qdpx', zip(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}.qde`, project(codebook)]))), /more than one project/],
      ['qdpx', zip({ 'project.qde': project('') }), /no codes/],
      ['qdpx', zip({ 'project.qde': '\u00ff'.repeat(4) }), /not well-formed|root element/],
      ['qdpx', 'text, not bytes', /zip archive, not text/],
    ]
    for (const [format, content, says] of bad) {
      let error: unknown
      try {
        s.transfer.import(format, content)
      } catch (e) {
        error = e
      }
      expect(error, String(says)).toMatchObject({ code: 'codebook-import-invalid' })
      expect((error as { params: { detail: string } }).params.detail, String(says)).toMatch(says)
    }
    expect(s.codebook.list()).toEqual(before)
    expect(s.history.state()).toEqual(history) // no undo step for a failed import
  })

  it('does not inflate a project file larger than the cap', () => {
    const big = zipSync({ 'project.qde': new Uint8Array(2_000_000).fill(32) })
    expect(() => projectXmlOfQdpx(big, 1_000_000)).toThrow(expect.objectContaining({ code: 'codebook-import-invalid' }))
    expect(projectXmlOfQdpx(big, 3_000_000)).toHaveLength(2_000_000)
  })

  it('takes a .qdpx over the API as base64 and refuses what is not base64', async () => {
    const s = await tempStudy()
    const call = caller(s)
    const base64 = Buffer.from(bytes(ATLAS)).toString('base64')
    expect(await call('codebook:import', { format: 'qdpx', base64 })).toEqual({ created: 14, updated: 0 })
    await expect(call('codebook:import', { format: 'qdpx', base64: 'not base64!' })).rejects.toMatchObject({ appError: { code: 'bad-input' } })
    await expect(call('codebook:import', { format: 'qdpx', content: '<CodeBook/>' } as never)).rejects.toMatchObject({ appError: { code: 'bad-input' } })
    const qdc = await call('codebook:export', { format: 'qdc' })
    expect((await validQdc(qdc)).valid).toBe(true)
  })
})
