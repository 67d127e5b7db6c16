/**
 * Agreement between coders of text, at three levels, from codings already grouped by code,
 * document and coder. Pure functions: the service reads the study, these count.
 *
 * - Document level (MAXQDA's "code existence in the document"): per code and document, did
 *   each coder apply the code at all (area codings included)? Percent agreement, Cohen's kappa
 *   (two coders) or Fleiss' kappa, and Krippendorff's nominal alpha with a bootstrap interval.
 * - Segment level (MAXQDA's "segment agreement"): a segment of one coder agrees when the other
 *   coder gave the same code to a segment in the same document that overlaps it by at least
 *   `overlap` percent of the union of the two. Every segment of both coders is checked, so an
 *   agreeing pair counts twice, as in MAXQDA's code-specific results table.
 * - Character level (NVivo's coding comparison): every character of the document is coded or
 *   not by each coder; 2×2 counts come from the unions of each coder's segments.
 *
 * Segment and character level use text codings only: an area coding has no extent in the text.
 */
import type {
  AgreementLevel, AgreementRow, AgreementUndefinedReason, AlphaEstimate, Coefficient, KappaKind, PairFigures,
} from '../../../shared/agreement-types'
import {
  alphaBootstrap, cohenKappa, cohenKappa2x2, fleissKappa, krippendorffAlpha, krippendorffAlpha2x2, mulberry32,
  percentAgreement, percentAgreement2x2, type AgreementResult, type AlphaResult, type TwoByTwo,
} from '../../../shared/stats'
import { countMatched, coverageDepths, intersectionLength, totalLength, unionOf, type Span } from './intervals'

/** One code in one document: each coder's text segments (sorted by start) and whether they applied it at all. */
export interface Cell {
  segments: Span[][]
  applied: boolean[]
}

export interface MeasureInput {
  coders: string[]
  codes: { id: number; path: string }[]
  documents: { id: number; title: string; length: number }[]
  /** cells[code][document] */
  cells: Cell[][]
}

export interface BootstrapChoice {
  /** 0: no intervals. */
  samples: number
  seed: number
}

export interface MeasureOutput {
  kappaKind: KappaKind
  byCode: AgreementRow[]
  byDocument: AgreementRow[]
  cells: AgreementRow[]
  total: AgreementRow
  bootstrapMethod: 'units' | 'documents' | null
}

export const CONFIDENCE = 0.95

type Labels = Pick<AgreementRow, 'codeId' | 'codePath' | 'documentId' | 'documentTitle'>

function coefficient(value: number | null, reason?: AgreementUndefinedReason): Coefficient {
  return value === null ? { value: null, reason: reason ?? 'no-variation' } : { value }
}

function fromAgreement(r: AgreementResult): Coefficient {
  return coefficient(r.value, r.undefinedReason)
}

function fromAlpha(r: AlphaResult, low: number | null = null, high: number | null = null): AlphaEstimate {
  return { ...coefficient(r.alpha, r.undefinedReason), low, high }
}

function mean(values: Coefficient[]): Coefficient {
  if (values.length === 0) return { value: null, reason: 'no-pairable-units' }
  const missing = values.find((v) => v.value === null)
  if (missing) return missing
  return { value: values.reduce((s, v) => s + (v.value as number), 0) / values.length }
}

function pairsOf(m: number): [number, number][] {
  const pairs: [number, number][] = []
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairs.push([i, j])
  return pairs
}

/** Which cells a row sums: all documents of a code, all codes of a document, one cell, or all. */
interface Scope {
  labels: Labels
  cells: [number, number][]
}

function scopes(input: MeasureInput): { byCode: Scope[]; byDocument: Scope[]; cells: Scope[]; total: Scope } {
  const all: [number, number][] = []
  const byCode = input.codes.map((code, c) => {
    const cells = input.documents.map((_, d) => [c, d] as [number, number])
    all.push(...cells)
    return { labels: { codeId: code.id, codePath: code.path, documentId: null, documentTitle: null }, cells }
  })
  const byDocument = input.documents.map((doc, d) => ({
    labels: { codeId: null, codePath: null, documentId: doc.id, documentTitle: doc.title },
    cells: input.codes.map((_, c) => [c, d] as [number, number]),
  }))
  const cells: Scope[] = []
  input.codes.forEach((code, c) =>
    input.documents.forEach((doc, d) =>
      cells.push({ labels: { codeId: code.id, codePath: code.path, documentId: doc.id, documentTitle: doc.title }, cells: [[c, d]] }),
    ),
  )
  return { byCode, byDocument, cells, total: { labels: { codeId: null, codePath: null, documentId: null, documentTitle: null }, cells: all } }
}

// ---------------------------------------------------------------------------------------------
// Document level

/**
 * Presence or absence of each code in each document. The units of a code's row are the
 * documents, of a document's row the codes, of the total every code in every document. With
 * more than two coders the `kappa` column is Fleiss' kappa (Cohen's is for two).
 */
export function documentLevel(input: MeasureInput, boot: BootstrapChoice): MeasureOutput {
  const m = input.coders.length
  const row = (scope: Scope, withInterval: boolean): AgreementRow => {
    const data = input.coders.map((_, k) => scope.cells.map(([c, d]) => (input.cells[c]![d]!.applied[k] ? 1 : 0)))
    let agreements = 0
    const table: TwoByTwo = { a: 0, b: 0, c: 0, d: 0 }
    scope.cells.forEach((_, u) => {
      const first = data[0]![u]
      if (data.every((r) => r[u] === first)) agreements++
      if (m === 2) {
        const x = data[0]![u] === 1
        const y = data[1]![u] === 1
        if (x && y) table.a++
        else if (x) table.b++
        else if (y) table.c++
        else table.d++
      }
    })
    const fleiss = fromAgreement(fleissKappa(data))
    let alpha: AlphaEstimate
    if (withInterval && boot.samples > 0) {
      const b = alphaBootstrap(data, 'nominal', { samples: boot.samples, seed: boot.seed, confidence: CONFIDENCE })
      alpha = { ...coefficient(b.alpha, b.undefinedReason), low: b.low, high: b.high }
    } else alpha = fromAlpha(krippendorffAlpha(data, 'nominal'))
    return {
      ...scope.labels,
      units: scope.cells.length,
      agreements,
      disagreements: scope.cells.length - agreements,
      percent: fromAgreement(percentAgreement(data)),
      kappa: m === 2 ? fromAgreement(cohenKappa(data)) : fleiss,
      fleiss,
      alpha,
      ...(m === 2 ? { table } : {}),
    }
  }
  const s = scopes(input)
  return {
    kappaKind: m === 2 ? 'cohen' : 'fleiss',
    byCode: s.byCode.map((x) => row(x, true)),
    byDocument: s.byDocument.map((x) => row(x, true)),
    cells: s.cells.map((x) => row(x, false)),
    total: row(s.total, true),
    bootstrapMethod: boot.samples > 0 ? 'units' : null,
  }
}

// ---------------------------------------------------------------------------------------------
// Segment level

/**
 * Brennan & Prediger's (1981) κ_n = (p_o − 1/q)/(1 − 1/q), as MAXQDA computes it for segments:
 * p_o is the percent agreement of the results table and chance agreement is 1/q with q the
 * number of codes in that table. MAXQDA's manual (Intercoder agreement → the kappa coefficient)
 * explains why: at segment level the cell "neither coder coded" of Cohen's table cannot be
 * counted, so chance agreement is set by the number of categories instead, after Brennan &
 * Prediger. MAXQDA reports it for the whole table; here each row uses the same q.
 */
export function segmentKappa(percent: number | null, codes: number): Coefficient {
  if (percent === null) return { value: null, reason: 'no-pairable-units' }
  if (codes < 2) return { value: null, reason: 'one-code' }
  const chance = 1 / codes
  return { value: (percent - chance) / (1 - chance) }
}

/**
 * MAXQDA's segment agreement. For more than two coders every pair is compared as two coders
 * are; the row's counts are summed over the pairs, its percent and kappa are the means of the
 * pairs' (each pair is listed in `pairs`).
 */
export function segmentLevel(input: MeasureInput, overlap: number): MeasureOutput {
  const m = input.coders.length
  const q = input.codes.length
  const pairs = pairsOf(m)
  // Per cell and pair: segments matched, segments compared.
  const counts = input.cells.map((byDoc) =>
    byDoc.map((cell) =>
      pairs.map(([i, j]) => {
        const a = cell.segments[i]!
        const b = cell.segments[j]!
        return { agreements: countMatched(a, b, overlap) + countMatched(b, a, overlap), total: a.length + b.length }
      }),
    ),
  )
  const row = (scope: Scope): AgreementRow => {
    let units = 0
    const sums = pairs.map(() => ({ agreements: 0, total: 0 }))
    for (const [c, d] of scope.cells) {
      for (const segs of input.cells[c]![d]!.segments) units += segs.length
      counts[c]![d]!.forEach((p, k) => {
        sums[k]!.agreements += p.agreements
        sums[k]!.total += p.total
      })
    }
    const figures: PairFigures[] = sums.map((p, k) => {
      const percent = p.total === 0 ? null : p.agreements / p.total
      return {
        coders: [input.coders[pairs[k]![0]]!, input.coders[pairs[k]![1]]!],
        agreements: p.agreements,
        disagreements: p.total - p.agreements,
        percent: coefficient(percent, 'no-pairable-units'),
        kappa: segmentKappa(percent, q),
      }
    })
    const compared = figures.filter((f) => f.percent.value !== null)
    const percent = compared.length === 0 ? { value: null, reason: 'no-pairable-units' as const } : mean(compared.map((f) => f.percent))
    return {
      ...scope.labels,
      units,
      agreements: sums.reduce((s, p) => s + p.agreements, 0),
      disagreements: sums.reduce((s, p) => s + p.total - p.agreements, 0),
      percent,
      kappa: segmentKappa(percent.value, q),
      ...(m > 2 ? { pairs: figures } : {}),
    }
  }
  const s = scopes(input)
  return {
    kappaKind: 'brennan-prediger',
    byCode: s.byCode.map(row),
    byDocument: s.byDocument.map(row),
    cells: s.cells.map(row),
    total: row(s.total),
    bootstrapMethod: null,
  }
}

// ---------------------------------------------------------------------------------------------
// Character level

/**
 * Krippendorff's binary alpha over characters that every one of m coders judged (coded or
 * not), from depths[k] = characters coded by exactly k coders. A character coded by k coders
 * holds k ones and m − k zeros, so o_01 = Σ_k depths[k]·k(m − k)/(m − 1), n_1 = Σ k·depths[k],
 * n_0 = Σ (m − k)·depths[k], n.. = m·N, and α = 1 − (n.. − 1)·o_01/(n_0·n_1) (Krippendorff 2011,
 * binary data). With m = 2 this is krippendorffAlpha2x2 with b + c = depths[1].
 */
export function alphaFromDepths(depths: readonly number[]): AlphaResult {
  const m = depths.length - 1
  let chars = 0
  let ones = 0
  let zeros = 0
  let mixed = 0
  depths.forEach((h, k) => {
    chars += h
    ones += k * h
    zeros += (m - k) * h
    if (m > 1) mixed += (h * k * (m - k)) / (m - 1)
  })
  const values = m * chars
  const base = { units: m >= 2 ? chars : 0, coders: m, pairableValues: m >= 2 ? values : 0 }
  if (m < 2 || chars === 0) {
    return { alpha: null, undefinedReason: 'no-pairable-units', ...base, observedDisagreement: 0, expectedDisagreement: 0 }
  }
  const observedDisagreement = (2 * mixed) / values
  if (ones === 0 || zeros === 0) {
    return { alpha: null, undefinedReason: 'no-variation', ...base, observedDisagreement, expectedDisagreement: 0 }
  }
  return {
    alpha: 1 - ((values - 1) * mixed) / (ones * zeros),
    ...base,
    observedDisagreement,
    expectedDisagreement: (2 * ones * zeros) / (values * (values - 1)),
  }
}

interface CharCell {
  length: number
  depths: number[]
  tables: TwoByTwo[]
}

function addTable(into: TwoByTwo, t: TwoByTwo): void {
  into.a += t.a
  into.b += t.b
  into.c += t.c
  into.d += t.d
}

/** The 2×2 table of two coders' unions over a document of `length` characters. */
export function characterTable(a: readonly Span[], b: readonly Span[], length: number): TwoByTwo {
  const both = intersectionLength(a, b)
  const onlyA = totalLength(a) - both
  const onlyB = totalLength(b) - both
  return { a: both, b: onlyA, c: onlyB, d: length - both - onlyA - onlyB }
}

/** Percentile bounds exactly as alphaBootstrap takes them (KALPHA's ranks). */
function percentileBounds(sorted: Float64Array, confidence: number): [number, number] {
  const samples = sorted.length
  const tail = (1 - confidence) / 2
  const lowRank = Math.max(1, Math.floor(tail * samples + 1e-9))
  const highRank = Math.min(samples, Math.floor((1 - tail) * samples + 1e-9) + 1)
  return [sorted[lowRank - 1] as number, sorted[highRank - 1] as number]
}

/**
 * A bootstrap interval for character-level alpha that draws documents, not characters, with
 * replacement: neighbouring characters are coded together, so treating them as independent
 * units would make the interval absurdly narrow. A resample without variation counts as α = 0,
 * as alphaBootstrap and KALPHA do.
 */
export function documentBootstrap(perDocument: readonly (readonly number[])[], boot: BootstrapChoice): [number, number] | null {
  const n = perDocument.length
  if (boot.samples <= 0 || n === 0) return null
  const m1 = (perDocument[0] as readonly number[]).length
  const random = mulberry32(boot.seed)
  const alphas = new Float64Array(boot.samples)
  const sum = new Array<number>(m1)
  for (let s = 0; s < boot.samples; s++) {
    sum.fill(0)
    for (let i = 0; i < n; i++) {
      const h = perDocument[Math.floor(random() * n)] as readonly number[]
      for (let k = 0; k < m1; k++) sum[k] = (sum[k] as number) + (h[k] as number)
    }
    alphas[s] = alphaFromDepths(sum).alpha ?? 0
  }
  alphas.sort()
  return percentileBounds(alphas, CONFIDENCE)
}

/**
 * NVivo's coding comparison, for two or more coders. Two coders: percent agreement and Cohen's
 * kappa from the 2×2 table of characters, uncoded text included. More coders: each pair as two
 * coders, percent and kappa averaged over the pairs (Light's kappa). Alpha counts every coder
 * at once. Code rows and the total have a document-bootstrap interval for alpha.
 */
export function characterLevel(input: MeasureInput, boot: BootstrapChoice): MeasureOutput {
  const m = input.coders.length
  const pairs = pairsOf(m)
  const cells: CharCell[][] = input.cells.map((byDoc) =>
    byDoc.map((cell, d) => {
      const length = input.documents[d]!.length
      const unions = cell.segments.map((segs) => unionOf(segs, length))
      return {
        length,
        depths: coverageDepths(unions, length),
        tables: pairs.map(([i, j]) => characterTable(unions[i]!, unions[j]!, length)),
      }
    }),
  )
  const cellKappa = (cell: CharCell): Coefficient => mean(cell.tables.map((t) => fromAgreement(cohenKappa2x2(t))))

  const row = (scope: Scope, interval: [number, number] | null): AgreementRow => {
    let length = 0
    const depths = new Array<number>(m + 1).fill(0)
    const tables = pairs.map(() => ({ a: 0, b: 0, c: 0, d: 0 }))
    let weighted = 0
    let weight = 0
    for (const [c, d] of scope.cells) {
      const cell = cells[c]![d]!
      length += cell.length
      cell.depths.forEach((h, k) => (depths[k] = (depths[k] as number) + h))
      cell.tables.forEach((t, k) => addTable(tables[k]!, t))
      const kappa = cellKappa(cell)
      if (kappa.value !== null) {
        weighted += cell.length * kappa.value
        weight += cell.length
      }
    }
    const agreements = (depths[0] as number) + (depths[m] as number)
    const figures: PairFigures[] = tables.map((t, k) => ({
      coders: [input.coders[pairs[k]![0]]!, input.coders[pairs[k]![1]]!],
      agreements: t.a + t.d,
      disagreements: t.b + t.c,
      percent: fromAgreement(percentAgreement2x2(t)),
      kappa: fromAgreement(cohenKappa2x2(t)),
    }))
    const alpha = m === 2 ? krippendorffAlpha2x2(tables[0]!) : alphaFromDepths(depths)
    const estimate = fromAlpha(alpha)
    if (interval && estimate.value !== null) [estimate.low, estimate.high] = interval
    return {
      ...scope.labels,
      units: length,
      agreements,
      disagreements: length - agreements,
      percent: mean(figures.map((f) => f.percent)),
      kappa: mean(figures.map((f) => f.kappa)),
      alpha: estimate,
      kappaWeighted: weight > 0 ? { value: weighted / weight } : { value: null, reason: 'no-variation' },
      ...(m === 2 ? { table: tables[0]! } : { pairs: figures }),
    }
  }

  const s = scopes(input)
  const byCode = s.byCode.map((scope, c) => row(scope, documentBootstrap(cells[c]!.map((x) => x.depths), boot)))
  const perDocument = input.documents.map((_, d) => {
    const h = new Array<number>(m + 1).fill(0)
    for (const byDoc of cells) byDoc[d]!.depths.forEach((x, k) => (h[k] = (h[k] as number) + x))
    return h
  })
  return {
    kappaKind: m === 2 ? 'cohen' : 'light',
    byCode,
    byDocument: s.byDocument.map((scope) => row(scope, null)),
    cells: s.cells.map((scope) => row(scope, null)),
    total: row(s.total, documentBootstrap(perDocument, boot)),
    bootstrapMethod: boot.samples > 0 ? 'documents' : null,
  }
}

export function measure(level: AgreementLevel, input: MeasureInput, options: { overlap: number } & BootstrapChoice): MeasureOutput {
  switch (level) {
    case 'document':
      return documentLevel(input, options)
    case 'segment':
      return segmentLevel(input, options.overlap)
    case 'character':
      return characterLevel(input, options)
  }
}
