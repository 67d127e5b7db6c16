// Agreement measures on real study files, with codings at chosen offsets. Every expected value
// is worked out by hand in the comment above it.
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import type { AgreementReport } from '../../shared/agreement-types'
import { INTEROP_PDF, caller, tempDir } from '../helpers/study'

const PDFS = {
  ja: '10_ja_dvipdfmx_issue16538.pdf', // one page, 692 characters
  ar: '11_ar_pstopdf_ArabicCIDTrueType.pdf', // one page, 83 characters
  img: '02_nl_word365-text-as-images_2col_ai-geletterdheid.pdf', // text as images: 215 characters, area coding
} as const
type Doc = keyof typeof PDFS

let template: Promise<{ path: string; docs: Record<Doc, number> }> | undefined
const open: StudySession[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

/** A study with three small real PDFs, codes X, Y, Z and coders Anna, Bram, Cas; each test gets a copy. */
async function study() {
  template ??= (async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'werkbank-agreement-')), 'template.werkbank')
    const s = await StudySession.open(path, { create: true })
    const docs = {} as Record<Doc, number>
    for (const [key, file] of Object.entries(PDFS) as [Doc, string][]) {
      const [outcome] = await s.importer.importFiles([join(INTEROP_PDF, file)])
      if (outcome?.status !== 'imported') throw new Error(`fixture import failed: ${JSON.stringify(outcome)}`)
      docs[key] = outcome.documentId
    }
    for (const name of ['X', 'Y', 'Z']) s.codebook.ensurePath(name)
    for (const name of ['Anna', 'Bram', 'Cas']) s.ensureCoder(name)
    s.history.clear()
    await s.close()
    return { path, docs }
  })()
  const t = await template
  const path = join(tempDir(), 'study.werkbank')
  copyFileSync(t.path, path)
  const s = await StudySession.open(path)
  open.push(s)
  const code = (name: string) => s.codebook.resolvePath(name)
  const coder = (name: string) => s.coders.byName(name)!.id
  const add = (doc: Doc, codeName: string, coderName: string, start: number, end: number) =>
    s.codings.create({ documentId: t.docs[doc], codeId: code(codeName), coderId: coder(coderName), start, end })
  return { s, docs: t.docs, code, coder, add, call: caller(s) }
}

const row = (r: AgreementReport, path: string) => r.byCode.find((x) => x.codePath === path)!

describe('character level (as NVivo)', () => {
  /**
   * Document ja has N = 692 characters; document ar has 83.
   * Code X in ja: Anna [100,200) + [300,350) = 150 chars; Bram [150,250) + [340,360) = 120 chars.
   *   both: [150,200) 50 + [340,350) 10 = a = 60; Anna only b = 150 − 60 = 90; Bram only
   *   c = 120 − 60 = 60; neither d = 692 − 60 − 90 − 60 = 482.
   *   percent = (a + d)/N = 542/692 = .7832
   *   κ = 2(ad − bc)/((a+b)(b+d) + (a+c)(c+d)) = 2(60·482 − 90·60)/(150·572 + 120·542)
   *     = 2(28,920 − 5,400)/(85,800 + 65,040) = 47,040/150,840 = .3119
   *   α = 1 − (2N − 1)(b + c)/(n₀ n₁), n₁ = 2a + b + c = 270, n₀ = 2d + b + c = 1,114:
   *     1 − 1,383·150/(1,114·270) = 1 − 207,450/300,780 = .3103
   * Code X in ar: Anna [0,40), Bram [20,60): a = 20, b = 20, c = 20, d = 83 − 60 = 23.
   *   κ = 2(20·23 − 20·20)/(40·43 + 40·43) = 120/3,440 = .0349
   * Code X over both documents: a = 80, b = 110, c = 80, d = 505, N = 775.
   *   percent = 585/775; κ = 2(80·505 − 110·80)/(190·615 + 160·585) = 63,200/210,450 = .3003
   *   length-weighted κ (NVivo) = (692·47,040/150,840 + 83·120/3,440)/775 = .2822
   * Code Y: only Anna, ja [0,92): a = 0, b = 92, c = 0, d = 600: κ = 2(0 − 0)/(92·692 + 0) = 0.
   *   In ar neither coded Y: a = b = c = 0, κ = 0/0, undefined (NVivo would show 1).
   * Total (X and Y, both documents): a = 80, b = 202, c = 80, d = 1,188, N = 1,550.
   *   κ = 2(80·1,188 − 202·80)/(282·1,390 + 160·1,268) = 157,760/594,860 = .2652
   */
  async function handCase() {
    const t = await study()
    expect(t.s.documents.text(t.docs.ja)).toHaveLength(692)
    expect(t.s.documents.text(t.docs.ar)).toHaveLength(83)
    t.add('ja', 'X', 'Anna', 100, 200)
    t.add('ja', 'X', 'Anna', 300, 350)
    t.add('ja', 'X', 'Bram', 150, 250)
    t.add('ja', 'X', 'Bram', 340, 360)
    t.add('ar', 'X', 'Anna', 0, 40)
    t.add('ar', 'X', 'Bram', 20, 60)
    t.add('ja', 'Y', 'Anna', 0, 92)
    return t
  }

  it('counts characters from interval unions: percent, kappa and alpha per code and document', async () => {
    const t = await handCase()
    const r = await t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'character', samples: 0 })
    expect(r.documents.map((d) => d.length)).toEqual([692, 83]) // as the study lists them
    const cell = r.cells.find((c) => c.codePath === 'X' && c.documentId === t.docs.ja)!
    expect(cell.table).toEqual({ a: 60, b: 90, c: 60, d: 482 })
    expect(cell.percent.value).toBeCloseTo(542 / 692, 12)
    expect(cell.kappa.value).toBeCloseTo(47_040 / 150_840, 12)
    expect(cell.alpha!.value).toBeCloseTo(1 - 207_450 / 300_780, 12)
    expect(cell.agreements).toBe(542)
    expect(cell.disagreements).toBe(150)

    const x = row(r, 'X')
    expect(x.table).toEqual({ a: 80, b: 110, c: 80, d: 505 })
    expect(x.units).toBe(775)
    expect(x.percent.value).toBeCloseTo(585 / 775, 12)
    expect(x.kappa.value).toBeCloseTo(63_200 / 210_450, 12)
    expect(x.kappaWeighted!.value).toBeCloseTo((692 * (47_040 / 150_840) + 83 * (120 / 3_440)) / 775, 12)

    const yAr = r.cells.find((c) => c.codePath === 'Y' && c.documentId === t.docs.ar)!
    expect(yAr.kappa).toEqual({ value: null, reason: 'no-variation' })
    expect(yAr.percent.value).toBe(1)
    expect(row(r, 'Y').kappa.value).toBe(0)
    // Y's weighted kappa leaves out ar, where it is undefined: only ja's 0 remains.
    expect(row(r, 'Y').kappaWeighted!.value).toBe(0)

    expect(r.total.table).toEqual({ a: 80, b: 202, c: 80, d: 1_188 })
    expect(r.total.kappa.value).toBeCloseTo(157_760 / 594_860, 12)
    expect(r.kappaKind).toBe('cohen')
    expect(r.bootstrap).toBeNull()
  })

  it('gives alpha a document-bootstrap interval, the same for the same seed', async () => {
    const t = await handCase()
    const args = { coders: ['Anna', 'Bram'], level: 'character' as const, samples: 500, seed: 7 }
    const r1 = await t.call('agreement:measure', args)
    const r2 = await t.call('agreement:measure', args)
    const a = row(r1, 'X').alpha!
    expect(a.low).not.toBeNull()
    expect(a.low!).toBeLessThanOrEqual(a.high!)
    expect(row(r2, 'X').alpha).toEqual(a)
    expect(r1.bootstrap).toEqual({ method: 'documents', samples: 500, seed: 7, confidence: 0.95 })
  })

  /**
   * Three coders, code X in ja only (Cas also codes [120,220)). Depths along the text:
   *   [100,120) 1 · [120,150) 2 · [150,200) 3 · [200,220) 2 · [220,250) 1 · [300,340) 1 ·
   *   [340,350) 2 · [350,360) 1, so h₁ = 20+30+40+10 = 100, h₂ = 30+20+10 = 60, h₃ = 50,
   *   h₀ = 692 − 210 = 482. Agreements h₀ + h₃ = 532, disagreements 160.
   *   α: n.. = 3·692 = 2,076; n₁ = 100 + 2·60 + 3·50 = 370; n₀ = 1,706;
   *   o₀₁ = Σ h_k k(3 − k)/2 = (100·2 + 60·2)/2 = 160; α = 1 − 2,075·160/(1,706·370) = .4740
   *   Pairs: Anna–Bram κ = 47,040/150,840; Anna–Cas a = 80, b = 70, c = 20, d = 522:
   *   κ = 2(80·522 − 70·20)/(150·592 + 100·542) = 80,720/143,000; Bram–Cas a = 70, b = 50,
   *   c = 30, d = 542: κ = 2(70·542 − 50·30)/(120·592 + 100·572) = 72,880/128,240.
   *   Light's kappa is their mean.
   */
  it('takes three coders: alpha from coverage depths, kappa averaged over pairs', async () => {
    const t = await study()
    t.add('ja', 'X', 'Anna', 100, 200)
    t.add('ja', 'X', 'Anna', 300, 350)
    t.add('ja', 'X', 'Bram', 150, 250)
    t.add('ja', 'X', 'Bram', 340, 360)
    t.add('ja', 'X', 'Cas', 120, 220)
    const r = await t.call('agreement:measure', { coders: ['Anna', 'Bram', 'Cas'], level: 'character', samples: 0 })
    expect(r.documents.map((d) => d.id)).toEqual([t.docs.ja])
    expect(r.kappaKind).toBe('light')
    const x = row(r, 'X')
    expect([x.agreements, x.disagreements]).toEqual([532, 160])
    expect(x.alpha!.value).toBeCloseTo(1 - (2_075 * 160) / (1_706 * 370), 12)
    const pairs = [47_040 / 150_840, 80_720 / 143_000, 72_880 / 128_240]
    expect(x.pairs!.map((p) => p.kappa.value)).toEqual(pairs.map((k) => expect.closeTo(k, 12)))
    expect(x.kappa.value).toBeCloseTo((pairs[0]! + pairs[1]! + pairs[2]!) / 3, 12)
  })
})

describe('segment level (as MAXQDA)', () => {
  /**
   * Document ja, overlap threshold 90% of the union.
   * Code X: Anna [100,200) · [300,350) · [500,600); Bram [105,200) · [300,400) · [510,600).
   *   [100,200)/[105,200): 95 shared of 100 = 95% → both agree.
   *   [300,350)/[300,400): 50 of 100 = 50% → neither agrees.
   *   [500,600)/[510,600): 90 of 100 = exactly 90% → both agree.
   *   X: 4 agreements, 2 not, percent 4/6.
   * Code Y: Anna [0,50); Bram [0,50) · [600,650) · [660,690): 2 agreements, 2 not, 2/4.
   * Total 6/10 = 60%. Two codes, so chance is 1/2 (MAXQDA: 1/number of codes) and
   *   κ = (.6 − .5)/(1 − .5) = .2; X: (2/3 − 1/2)/(1/2) = 1/3; Y: (1/2 − 1/2)/(1/2) = 0.
   * At 95%: [500,600) no longer agrees: X 2/6, total 4/10, κ = (.4 − .5)/.5 = −.2.
   * At 50%: [300,350) agrees too: X 6/6, total 8/10, κ = (.8 − .5)/.5 = .6.
   */
  async function handCase() {
    const t = await study()
    for (const [s, e] of [[100, 200], [300, 350], [500, 600]] as const) t.add('ja', 'X', 'Anna', s, e)
    for (const [s, e] of [[105, 200], [300, 400], [510, 600]] as const) t.add('ja', 'X', 'Bram', s, e)
    t.add('ja', 'Y', 'Anna', 0, 50)
    for (const [s, e] of [[0, 50], [600, 650], [660, 690]] as const) t.add('ja', 'Y', 'Bram', s, e)
    return t
  }

  it('matches segments that overlap by the threshold, and computes Brennan and Prediger kappa', async () => {
    const t = await handCase()
    const r = await t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'segment' })
    expect(r.overlap).toBe(90)
    expect(r.kappaKind).toBe('brennan-prediger')
    expect([row(r, 'X').agreements, row(r, 'X').disagreements, row(r, 'X').units]).toEqual([4, 2, 6])
    expect(row(r, 'X').percent.value).toBeCloseTo(4 / 6, 12)
    expect(row(r, 'X').kappa.value).toBeCloseTo(1 / 3, 12)
    expect([row(r, 'Y').agreements, row(r, 'Y').disagreements]).toEqual([2, 2])
    expect(row(r, 'Y').kappa.value).toBeCloseTo(0, 12)
    expect([r.total.agreements, r.total.disagreements]).toEqual([6, 4])
    expect(r.total.percent.value).toBeCloseTo(0.6, 12)
    expect(r.total.kappa.value).toBeCloseTo(0.2, 12)
    expect(r.total.alpha).toBeUndefined()
  })

  it('moves with the overlap threshold', async () => {
    const t = await handCase()
    const strict = await t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'segment', overlap: 95 })
    expect(row(strict, 'X').agreements).toBe(2)
    expect(strict.total.kappa.value).toBeCloseTo(-0.2, 12)
    const loose = await t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'segment', overlap: 50 })
    expect(row(loose, 'X').agreements).toBe(6)
    expect(loose.total.kappa.value).toBeCloseTo(0.6, 12)
  })

  it('has no kappa for a single code, where chance agreement is 1', async () => {
    const t = await handCase()
    const r = await t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'segment', codeIds: [t.code('X')] })
    expect(r.byCode.map((x) => x.codePath)).toEqual(['X'])
    expect(r.total.percent.value).toBeCloseTo(4 / 6, 12)
    expect(r.total.kappa).toEqual({ value: null, reason: 'one-code' })
  })

  /**
   * Three coders, code X: Cas [100,200) only. Pairs: Anna–Bram as above 4 of 6; Anna–Cas:
   * [100,200) twice agree, Anna's other two not: 2 of 4; Bram–Cas: [105,200)/[100,200) 95%
   * agree, Bram's other two not: 2 of 4. Sums 8 agreements, 6 not; percent = mean of
   * 4/6, 2/4, 2/4 = 5/9.
   */
  it('compares more than two coders pair by pair', async () => {
    const t = await handCase()
    t.add('ja', 'X', 'Cas', 100, 200)
    const r = await t.call('agreement:measure', { coders: ['Anna', 'Bram', 'Cas'], level: 'segment', codeIds: [t.code('X'), t.code('Y')] })
    const x = row(r, 'X')
    expect(x.pairs!.map((p) => [p.coders.join('–'), p.agreements, p.disagreements])).toEqual([
      ['Anna–Bram', 4, 2],
      ['Anna–Cas', 2, 2],
      ['Bram–Cas', 2, 2],
    ])
    expect([x.agreements, x.disagreements, x.units]).toEqual([8, 6, 7])
    expect(x.percent.value).toBeCloseTo(5 / 9, 12)
  })
})

describe('document level (as MAXQDA code existence)', () => {
  /**
   * Documents ja, ar, img; 1 = the coder applied the code in the document.
   *          ja ar img          ja ar img
   *   X  Anna 1  1  0    Bram  1  0  0
   *   Y  Anna 1  0  1    Bram  1  0  1
   *   Z  Anna 0  0  1*   Bram  0  1  1     (* an area coding on the page of images)
   * X: agree in ja and img: percent 2/3; a = 1, b = 1, c = 0, d = 1:
   *   κ = 2(1·1 − 1·0)/((2)(2) + (1)(1)) = 2/5; α = 1 − (6 − 1)·1/(3·3) = 4/9;
   *   Fleiss: P̄ = 2/3, p₁ = p₀ = 1/2, P_e = 1/2, κ_F = (2/3 − 1/2)/(1/2) = 1/3.
   * Y: full agreement, κ = α = 1. Z mirrors X: κ = 2/5, α = 4/9.
   * Total over the 9 code–document units: a = 4, b = 1, c = 1, d = 3: percent 7/9,
   *   κ = 2(4·3 − 1·1)/(5·4 + 5·4) = 22/40 = .55; α = 1 − 17·2/(10·8) = .575.
   * Document ar (units X, Y, Z): Anna 1 0 0, Bram 0 0 1: a = 0, b = 1, c = 1, d = 1:
   *   κ = 2(0 − 1)/(1·2 + 1·2) = −.5.
   */
  async function handCase() {
    const t = await study()
    t.add('ja', 'X', 'Anna', 10, 20)
    t.add('ar', 'X', 'Anna', 10, 20)
    t.add('ja', 'X', 'Bram', 30, 40)
    t.add('ja', 'Y', 'Anna', 50, 60)
    t.add('img', 'Y', 'Anna', 0, 10)
    t.add('ja', 'Y', 'Bram', 50, 70)
    t.add('img', 'Y', 'Bram', 5, 15)
    t.s.codings.createArea({ documentId: t.docs.img, codeId: t.code('Z'), coderId: t.coder('Anna'), page: 1, rect: { x: 0.1, y: 0.1, w: 0.5, h: 0.3 } })
    t.add('ar', 'Z', 'Bram', 0, 5)
    t.add('img', 'Z', 'Bram', 20, 30)
    return t
  }

  it('compares presence of each code per document: percent, Cohen, Fleiss, alpha', async () => {
    const t = await handCase()
    const r = await t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'document', samples: 0 })
    expect(r.byCode.map((x) => x.codePath)).toEqual(['X', 'Y', 'Z'])
    const x = row(r, 'X')
    expect(x.table).toEqual({ a: 1, b: 1, c: 0, d: 1 })
    expect([x.agreements, x.disagreements, x.units]).toEqual([2, 1, 3])
    expect(x.percent.value).toBeCloseTo(2 / 3, 12)
    expect(x.kappa.value).toBeCloseTo(2 / 5, 12)
    expect(x.alpha!.value).toBeCloseTo(4 / 9, 12)
    expect(x.fleiss!.value).toBeCloseTo(1 / 3, 12)
    expect(row(r, 'Y').kappa.value).toBe(1)
    expect(row(r, 'Y').alpha!.value).toBe(1)
    expect(row(r, 'Z').table).toEqual({ a: 1, b: 0, c: 1, d: 1 })
    expect(row(r, 'Z').kappa.value).toBeCloseTo(2 / 5, 12)
    expect(r.total.table).toEqual({ a: 4, b: 1, c: 1, d: 3 })
    expect(r.total.percent.value).toBeCloseTo(7 / 9, 12)
    expect(r.total.kappa.value).toBeCloseTo(0.55, 12)
    expect(r.total.alpha!.value).toBeCloseTo(0.575, 12)
    const ar = r.byDocument.find((d) => d.documentId === t.docs.ar)!
    expect(ar.kappa.value).toBeCloseTo(-0.5, 12)
  })

  it('bootstraps an interval for alpha, seeded, and reports undefined values as null with a reason', async () => {
    const t = await handCase()
    const r = await t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'document', samples: 200, seed: 3 })
    expect(r.total.alpha!.low).not.toBeNull()
    expect(r.total.alpha!.low!).toBeLessThanOrEqual(r.total.alpha!.value!)
    expect(r.bootstrap).toMatchObject({ method: 'units', samples: 200, seed: 3 })
    // Y in ar: neither coder applied it, one unit: nothing varies.
    const yAr = r.cells.find((c) => c.codePath === 'Y' && c.documentId === t.docs.ar)!
    expect(yAr.alpha).toEqual({ value: null, reason: 'no-variation', low: null, high: null })
    expect(JSON.stringify(r)).not.toContain('NaN')
  })

  it('leaves out area codings at character level, and documents not every coder has touched', async () => {
    const t = await handCase()
    // Cas codes only ja: with Cas in the comparison, ar and img are not yet coded by everyone.
    t.add('ja', 'X', 'Cas', 10, 20)
    const three = await t.call('agreement:measure', { coders: ['Anna', 'Bram', 'Cas'], level: 'document', samples: 0 })
    expect(three.documents.map((d) => d.id)).toEqual([t.docs.ja])
    expect(three.skippedDocuments.map((d) => d.id).sort()).toEqual([t.docs.ar, t.docs.img].sort())
    expect(three.kappaKind).toBe('fleiss')
    // Named documents are compared whoever coded them.
    const named = await t.call('agreement:measure', { coders: ['Anna', 'Bram', 'Cas'], level: 'document', samples: 0, documentIds: [t.docs.ar, t.docs.img] })
    expect(named.documents).toHaveLength(2)
    const chars = await t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'character', samples: 0, codeIds: [t.code('Z')] })
    const zImg = chars.cells.find((c) => c.documentId === t.docs.img)!
    // Anna's only Z is an area: at character level she coded nothing there.
    expect(zImg.table).toEqual({ a: 0, b: 0, c: 10, d: 205 })
  })
})

describe('choices and refusals', () => {
  it('refuses unknown coders, a single coder, and coders with no document in common', async () => {
    const t = await study()
    t.add('ja', 'X', 'Anna', 0, 10)
    t.add('ar', 'X', 'Bram', 0, 10)
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { appError?: { code: string } }) => e.appError?.code)
    expect(await code(t.call('agreement:measure', { coders: ['Anna', 'Nobody'], level: 'document' }))).toBe('agreement-coder-unknown')
    expect(await code(t.call('agreement:measure', { coders: ['Anna', 'anna'], level: 'document' }))).toBe('agreement-too-few-coders')
    expect(await code(t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'segment' }))).toBe('agreement-no-common-documents')
    expect(await code(t.call('agreement:measure', { coders: ['Anna'], level: 'segment' }))).toBe('bad-input')
    expect(await code(t.call('agreement:measure', { coders: ['Anna', 'Bram'], level: 'segment', overlap: 120 }))).toBe('bad-input')
  })
})
