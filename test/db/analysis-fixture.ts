/**
 * A small study for the analysis tests, small enough to count by hand: four real documents
 * (three generated reports and a Japanese interop PDF), two cases with attributes, codes
 * A, A/A1, A/A2 and B, two coders, twelve codings at chosen offsets.
 *
 *   doc  case   code coder  range        note
 *   D1   Alpha  A1   Anna   [100, 200)
 *   D1   Alpha  A1   Bram   [150, 250)   overlaps the one above (same code, other coder)
 *   D1   Alpha  A2   Anna   [180, 220)   overlaps both A1 codings
 *   D1   Alpha  B    Anna   [300, 400)
 *   D1   Alpha  A    Bram   [240, 260)   the parent code itself; overlaps A1 by Bram
 *   D1   Alpha  B    Bram   area, page 2
 *   D2   Alpha  A1   Anna   [0, 50)
 *   D2   Alpha  B    Bram   [40, 90)     overlaps A1
 *   D3   Beta   A2   Bram   [500, 600)
 *   D3   Beta   A2   Anna   [550, 650)   same code, other coder
 *   D3   Beta   B    Anna   [600, 610)   touches the first A2 coding, overlaps the second
 *   D4   —      A1   Anna   [10, 20)     a document without a case
 *
 * Alpha: sector = zorg, fase = 1. Beta: sector = techniek, fase = 2.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StudySession } from '../../electron/core/study-session'
import { fixturePaths } from '../fixtures/fixtures'
import { INTEROP_PDF } from '../helpers/study'
import { textToPdf } from '../../electron/core/pdf/text-to-pdf'

export interface SmallStudy {
  s: StudySession
  dir: string
  /** The study file, for opening it elsewhere (the CLI). */
  path: string
  doc: { D1: number; D2: number; D3: number; D4: number }
  len: { D1: number; D2: number; D3: number; D4: number }
  code: { A: number; A1: number; A2: number; B: number }
  coder: { anna: number; bram: number }
  kase: { alpha: number; beta: number }
  /** Closes the session and removes the study. */
  close(): Promise<void>
}

export async function buildSmallStudy(): Promise<SmallStudy> {
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-analysis-'))
  const path = join(dir, 'small.werkbank')
  const s = await StudySession.open(path, { create: true })
  const alpha = s.cases.create('Alpha')
  const beta = s.cases.create('Beta')
  s.cases.setAttribute(alpha.id, 'sector', 'zorg')
  s.cases.setAttribute(alpha.id, 'fase', '1')
  s.cases.setAttribute(beta.id, 'sector', 'techniek')
  s.cases.setAttribute(beta.id, 'fase', '2')
  const reports = fixturePaths().reports
  const imported = async (file: string, caseId: number | null) => {
    const [o] = await s.importer.importFiles([file], { caseId })
    if (o?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(o)}`)
    return o.documentId
  }
  const doc = {
    D1: await imported(reports[0]!, alpha.id),
    D2: await imported(reports[4]!, alpha.id),
    D3: await imported(reports[14]!, beta.id),
    D4: await imported(join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf'), null),
  }
  const len = {
    D1: s.documents.get(doc.D1)!.charCount,
    D2: s.documents.get(doc.D2)!.charCount,
    D3: s.documents.get(doc.D3)!.charCount,
    D4: s.documents.get(doc.D4)!.charCount,
  }
  const code = {
    A: s.codebook.ensurePath('A').id,
    A1: s.codebook.ensurePath('A/A1').id,
    A2: s.codebook.ensurePath('A/A2').id,
    B: s.codebook.ensurePath('B').id,
  }
  const coder = { anna: s.ensureCoder('Anna').id, bram: s.ensureCoder('Bram').id }
  const text = (documentId: number, codeId: number, coderId: number, start: number, end: number) =>
    s.codings.create({ documentId, codeId, coderId, start, end })
  text(doc.D1, code.A1, coder.anna, 100, 200)
  text(doc.D1, code.A1, coder.bram, 150, 250)
  text(doc.D1, code.A2, coder.anna, 180, 220)
  text(doc.D1, code.B, coder.anna, 300, 400)
  text(doc.D1, code.A, coder.bram, 240, 260)
  s.codings.createArea({ documentId: doc.D1, codeId: code.B, coderId: coder.bram, page: 2, rect: { x: 0.1, y: 0.1, w: 0.5, h: 0.2 } })
  text(doc.D2, code.A1, coder.anna, 0, 50)
  text(doc.D2, code.B, coder.bram, 40, 90)
  text(doc.D3, code.A2, coder.bram, 500, 600)
  text(doc.D3, code.A2, coder.anna, 550, 650)
  text(doc.D3, code.B, coder.anna, 600, 610)
  text(doc.D4, code.A1, coder.anna, 10, 20)
  return {
    s, dir, path, doc, len, code, coder, kase: { alpha: alpha.id, beta: beta.id },
    async close() {
      if (s.study.db.open) await s.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * What the REFI-QDA exchange tests add to the small study: a coding memo with characters XML
 * must escape, a coding of B by Anna across D2's first page break (60 characters), and memos on
 * the study, code A, document D1 and case Alpha.
 */
export function addExchangeCases(t: SmallStudy): void {
  const s = t.s
  s.memos.save('study', null, t.coder.anna, 'Onderzoeksvraag: hoe werken school en bedrijf samen?')
  s.memos.save('code', t.code.A, t.coder.anna, 'A is breed; "zie ook" A1 & A2.')
  s.memos.save('document', t.doc.D1, t.coder.bram, 'Verslag met\nveel tabellen.')
  s.memos.save('case', t.kase.alpha, t.coder.anna, 'Fase 1, twijfel over 2.')
  const first = s.codings.list({ documentId: t.doc.D1 }).find((k) => k.kind === 'text')!
  s.codings.update(first.id, { memo: 'Let op: "samen" & <niet> alleen.' }, { coderId: first.coderId })
  const pageBreak = s.documents.text(t.doc.D2).indexOf('\f')
  s.codings.create({ documentId: t.doc.D2, codeId: t.code.B, coderId: t.coder.anna, start: pageBreak - 30, end: pageBreak + 30 })
}

/** What {@link addReportCases} added. */
export interface ReportCases {
  /** The fifth document, in case Beta, whose text holds characters HTML and XML must escape. */
  docId: number
  title: string
  /** The quote coded as B by Anna in it. */
  quote: string
  /** A third coder, Cees, whose one coding (A1 in D1) a report can leave out. */
  cees: number
  ceesQuote: string
}

/**
 * What the report tests add to the small study: definitions (and inclusion, exclusion) on A1
 * and B, a memo on B by Bram, a fifth document in Beta titled and quoted with <, & and ", coded
 * B by Anna with a memo, and a third coder Cees with one coding of A1 in D1.
 */
export async function addReportCases(t: SmallStudy): Promise<ReportCases> {
  const s = t.s
  s.codebook.update(t.code.A1, { definition: 'Samenwerking tussen school & bedrijf.', inclusion: 'Afspraken over "stages".', exclusion: 'Losse <contacten>.' })
  s.codebook.update(t.code.B, { definition: 'Verzet tegen de vernieuwing.' })
  s.memos.save('code', t.code.B, t.coder.bram, 'B overlapt soms met A2.')
  const quote = 'De coördinator zei: "kosten < baten & samen" en dat werkt.'
  const title = 'Citaten <bron> & "verslag"'
  const bytes = await textToPdf(`Inleiding van het verslag.\n\n${quote}\n\nEinde.`, title)
  const outcome = await s.importer.importBytes('citaten.pdf', bytes, { caseId: t.kase.beta })
  if (outcome.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`)
  const docId = outcome.documentId
  s.documentService.rename(docId, title)
  const text = s.documents.text(docId)
  const at = text.indexOf(quote)
  if (at < 0) throw new Error(`quote not found in ${JSON.stringify(text)}`)
  const coding = s.codings.create({ documentId: docId, codeId: t.code.B, coderId: t.coder.anna, start: at, end: at + quote.length })
  s.codings.update(coding.id, { memo: 'Kern van de zaak:\nkosten & baten.' }, { coderId: t.coder.anna })
  const cees = s.ensureCoder('Cees').id
  s.codings.create({ documentId: t.doc.D1, codeId: t.code.A1, coderId: cees, start: 1000, end: 1080 })
  const ceesQuote = s.documents.text(t.doc.D1).slice(1000, 1080)
  return { docId, title: s.documents.get(docId)!.title, quote, cees, ceesQuote }
}

/**
 * The codes a row counts, as the sweep tests reckon it independently of the SQL: the code and,
 * with roll-up, every code below it (from the codebook as it stands now).
 */
export function codesUnder(s: StudySession): (code: number, rollup: boolean) => Set<number> {
  const children = new Map<number, number[]>()
  for (const c of s.codebook.list()) if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id])
  return (code, rollup) => {
    const out = new Set([code])
    if (rollup) for (const c of out) for (const k of children.get(c) ?? []) out.add(k)
    return out
  }
}
