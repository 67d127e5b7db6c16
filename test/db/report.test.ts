import { strFromU8, unzipSync } from 'fflate'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oneLine } from '../../electron/core/export/report-model'
import type { CodingRow } from '../../shared/types'
import { caller } from '../helpers/study'
import { addExchangeCases, addReportCases, buildSmallStudy, type ReportCases, type SmallStudy } from './analysis-fixture'

let t: SmallStudy
let extra: ReportCases
let call: ReturnType<typeof caller>
beforeAll(async () => {
  t = await buildSmallStudy()
  addExchangeCases(t)
  extra = await addReportCases(t)
  call = caller(t.s)
})
afterAll(async () => {
  await t.close()
})

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const htmlEscape = (s: string) => xmlEscape(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;')
const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&')

/** The .docx's parts and its text, a paragraph a line (each w:t decoded, runs joined). */
function readDocx(base64: string) {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))
  const xml = strFromU8(files['word/document.xml']!)
  expect(XMLValidator.validate(xml)).toBe(true)
  const text = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''))
    .join('\n')
  return { files, xml, text }
}

/** The HTML, checked as well-formed polyglot markup, with its segments' coding ids and text. */
function readHtml(html: string) {
  expect(XMLValidator.validate(html)).toBe(true)
  expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i)
  const codings = [...html.matchAll(/<figure class="segment" data-coding="(\d+)">/g)].map((m) => Number(m[1]))
  const text = decode(html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' '))
  return { codings, text }
}

function codingsOf(codeIds: number[], coderIds?: number[]): CodingRow[] {
  return t.s.codings.list({ codeIds, ...(coderIds ? { coderIds } : {}) })
}

describe('report of coded segments', () => {
  it('HTML in Dutch: code A with subcodes, Anna and Bram: every quote of theirs (escaped) with document, page and coder, definitions and memos; not B, not Cees', async () => {
    const html = await call('export:report', {
      format: 'html', lang: 'nl', codeIds: [t.code.A], subtree: true, coderIds: [t.coder.anna, t.coder.bram], includeMatrix: true, includeChart: true,
    })
    const { codings, text } = readHtml(html)
    const expected = codingsOf([t.code.A, t.code.A1, t.code.A2], [t.coder.anna, t.coder.bram])
    expect(expected).toHaveLength(8)
    expect(new Set(codings)).toEqual(new Set(expected.map((k) => k.id)))
    for (const k of expected) {
      expect(html).toContain(`<blockquote>${htmlEscape(oneLine(k.quote))}</blockquote>`)
      expect(html).toContain(htmlEscape(k.documentTitle))
    }
    // Codebook order: A, then A1, then A2; each with its cases, Alpha before Beta.
    const at = (code: string) => html.indexOf(`data-code="${code}"`)
    expect(at('A')).toBeGreaterThan(0)
    expect(at('A')).toBeLessThan(at('A/A1'))
    expect(at('A/A1')).toBeLessThan(at('A/A2'))
    expect(at('B')).toBe(-1)
    expect(text).toContain('Rapport van gecodeerde segmenten')
    expect(text).toContain('Codeurs')
    expect(text).toContain('Anna, Bram')
    expect(text).toContain('A met subcodes')
    expect(text).toContain('p. 1')
    expect(text).toContain('Zonder casus') // D4
    // A1's definition, inclusion and exclusion; A's memo and the coding memo, escaped.
    expect(html).toContain(htmlEscape('Samenwerking tussen school & bedrijf.'))
    expect(html).toContain(htmlEscape('Afspraken over "stages".'))
    expect(html).toContain(htmlEscape('Losse <contacten>.'))
    expect(html).toContain(htmlEscape('A is breed; "zie ook" A1 & A2.'))
    expect(html).toContain(htmlEscape('Let op: "samen" & <niet> alleen.'))
    expect(text).toContain('Definitie')
    expect(text).toContain('Wanneer niet')
    expect(html).toContain(htmlEscape('Onderzoeksvraag: hoe werken school en bedrijf samen?'))
    // Filtered out: code B (its definition, memo and the fifth document's quote) and coder Cees.
    expect(html).not.toContain('Verzet tegen de vernieuwing')
    expect(html).not.toContain('B overlapt soms')
    expect(html).not.toContain(htmlEscape(extra.quote))
    expect(html).not.toContain('Cees')
    expect(html).not.toContain(htmlEscape(oneLine(extra.ceesQuote)))
    // The matrix and the chart, inline.
    expect(html).toContain('<table class="matrix">')
    expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/)
    expect(text).toContain('Segmenten per code en casus')
  })

  it('HTML in English: code B, case Beta only: the quote with <, & and " escaped, its document title escaped, memos', async () => {
    const html = await call('export:report', { format: 'html', lang: 'en', codeIds: [t.code.B], caseIds: [t.kase.beta] })
    const { codings, text } = readHtml(html)
    const expected = codingsOf([t.code.B]).filter((k) => k.caseName === 'Beta')
    expect(new Set(codings)).toEqual(new Set(expected.map((k) => k.id)))
    expect(html).toContain(`<blockquote>${htmlEscape(extra.quote)}</blockquote>`)
    expect(html).toContain('kosten &lt; baten &amp; samen')
    expect(html).not.toContain('kosten < baten')
    expect(html).toContain(htmlEscape(extra.title))
    expect(text).toContain(extra.quote)
    expect(text).toContain(extra.title)
    expect(text).toContain('Report of coded segments')
    expect(text).toContain('Memo by Bram')
    expect(text).toContain('B overlapt soms met A2.')
    expect(text).toContain('Verzet tegen de vernieuwing.')
    expect(text).toContain('Kern van de zaak:\nkosten & baten.')
    expect(text).not.toContain('Alpha')
    expect(text).not.toContain('Samenwerking tussen school')
    expect(html).not.toContain('<table class="matrix">')
    expect(html).toContain('<html lang="en">')
  })

  it('docx in English: code B, all coders: each quote XML-escaped in word/document.xml, document, page and coder, definition and memos; not A1', async () => {
    const base64 = await call('export:report', { format: 'docx', lang: 'en', codeIds: [t.code.B], includeMatrix: true, includeChart: true })
    const { files, xml, text } = readDocx(base64)
    const expected = codingsOf([t.code.B])
    expect(expected.length).toBeGreaterThanOrEqual(6)
    for (const k of expected) {
      if (k.kind === 'text') expect(text).toContain(oneLine(k.quote))
      expect(text).toContain(`${k.documentTitle} · p. ${k.pageFrom}${k.pageTo !== k.pageFrom ? `–${k.pageTo}` : ''}`.replace(' p. ', k.pageTo !== k.pageFrom ? ' pp. ' : ' p. '))
      expect(text).toContain(`· ${k.coderName}`)
    }
    expect(xml).toContain('kosten &lt; baten &amp; samen')
    expect(xml).not.toContain('kosten < baten')
    expect(xml).toContain(xmlEscape('Citaten <bron> & '))
    expect(text).toContain(extra.quote)
    expect(text).toContain(extra.title)
    expect(text).toContain('Definition')
    expect(text).toContain('Verzet tegen de vernieuwing.')
    expect(text).toContain('Memo by Bram: B overlapt soms met A2.')
    expect(text).toContain('Memo: Kern van de zaak:kosten & baten.') // a line break is a w:br between runs
    expect(text).toContain('Report of coded segments')
    expect(text).toContain('Segments per code and case')
    expect(text).toContain('Area')
    expect(text).not.toContain('Samenwerking tussen school')
    expect(text).not.toContain('A is breed')
    // The chart is a PNG in the package.
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    expect([...files[media[0]!]!.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
  })

  it('docx in Dutch: code A with subcodes, coder Anna, case Alpha: only her quotes in Alpha, Dutch labels, no Bram, no Cees', async () => {
    const base64 = await call('export:report', {
      format: 'docx', lang: 'nl', codeIds: [t.code.A], subtree: true, coderIds: [t.coder.anna], caseIds: [t.kase.alpha],
    })
    const { files, text } = readDocx(base64)
    const expected = codingsOf([t.code.A, t.code.A1, t.code.A2], [t.coder.anna]).filter((k) => k.caseName === 'Alpha')
    expect(expected).toHaveLength(3)
    for (const k of expected) {
      expect(text).toContain(oneLine(k.quote))
      expect(text).toContain(`${k.documentTitle} · p. ${k.pageFrom} · Anna`)
    }
    const others = codingsOf([t.code.A, t.code.A1, t.code.A2]).filter((k) => k.coderId !== t.coder.anna || k.caseName !== 'Alpha')
    for (const k of others) if (!expected.some((e) => oneLine(e.quote).includes(oneLine(k.quote)))) expect(text).not.toContain(oneLine(k.quote))
    expect(text).toContain('Rapport van gecodeerde segmenten')
    expect(text).toContain('Definitie')
    expect(text).toContain('Samenwerking tussen school & bedrijf.')
    expect(text).toContain('Wanneer wel')
    expect(text).toContain('Memo van Anna: A is breed; "zie ook" A1 & A2.')
    expect(text).toContain('Codeurs: Anna')
    expect(text).not.toContain('Bram')
    expect(text).not.toContain('Cees')
    expect(text).not.toContain('Beta')
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(false)
  })

  it('a code without segments in the choice says so; unknown codes, cases and coders are refused', async () => {
    const html = await call('export:report', { format: 'html', lang: 'en', codeIds: [t.code.A], coderIds: [t.coder.anna] })
    expect(html).toContain('No coded segments within this choice.')
    await expect(call('export:report', { format: 'html', lang: 'en', codeIds: [99999] })).rejects.toThrow('code-not-found')
    await expect(call('export:report', { format: 'html', lang: 'en', caseIds: [99999] })).rejects.toThrow('case-not-found')
    await expect(call('export:report', { format: 'docx', lang: 'en', coderIds: [99999] })).rejects.toThrow('coder-not-found')
  })
})

it('the HTML parses as XML too, so its structure can be read back', async () => {
  const html = await call('export:report', { format: 'html', lang: 'en', codeIds: [t.code.B] })
  const doc = new XMLParser({ ignoreAttributes: false }).parse(html) as { html: { head: { title: string } } }
  expect(doc.html.head.title).toContain('Report of coded segments')
})
