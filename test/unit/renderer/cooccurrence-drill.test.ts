import { describe, expect, it } from 'vitest'
import type { CodingRow } from '../../../shared/types'
import { cooccurringRows } from '../../../renderer/features/matrix/CooccurrenceView'

let next = 1
function row(codeId: number, coderId: number, documentId: number, start: number, end: number, kind: 'text' | 'area' = 'text'): CodingRow {
  return {
    id: next++, uuid: `u${next}`, documentId, codeId, coderId, kind, start, end, quote: '', prefix: '', suffix: '',
    pageFrom: 1, pageTo: 1, rects: [], memo: '', origin: 'selection', originDetail: '', createdAt: '', updatedAt: '',
    caseName: null, documentTitle: `D${documentId}`, codePath: `C${codeId}`, coderName: `K${coderId}`,
  }
}

describe('co-occurrence drill-down', () => {
  const A = new Set([1])
  const B = new Set([2])
  const caseOf = (d: number) => (d === 3 ? null : d < 10 ? 100 : 200)

  it('lists overlapping codings of the two codes by the same coder, not across coders', () => {
    const sameCoder = [row(1, 7, 1, 0, 50), row(2, 7, 1, 40, 90)]
    const acrossCoders = [row(1, 7, 2, 0, 50), row(2, 8, 2, 40, 90)]
    const touching = [row(1, 7, 4, 0, 50), row(2, 7, 4, 50, 90)]
    const area = [row(2, 7, 1, 0, 0, 'area')]
    const got = cooccurringRows([...sameCoder, ...acrossCoders, ...touching, ...area], A, B, 'overlap', caseOf)
    expect(got.map((r) => r.id)).toEqual(sameCoder.map((r) => r.id))
  })

  it('lists, per document or case, the codings of a coder who used both codes there', () => {
    const anna = [row(1, 7, 1, 0, 10), row(2, 7, 1, 500, 510)]
    const split = [row(1, 7, 2, 0, 10), row(2, 8, 2, 500, 510)]
    const noCase = [row(1, 7, 3, 0, 10), row(2, 7, 3, 20, 30)]
    const rows = [...anna, ...split, ...noCase]
    expect(cooccurringRows(rows, A, B, 'document', caseOf).map((r) => r.id)).toEqual([...anna, ...noCase].map((r) => r.id))
    // Documents 1 and 2 share case 100: coder 7 used both codes there (A in both, B in 1).
    expect(cooccurringRows(rows, A, B, 'case', caseOf).map((r) => r.id)).toEqual([anna[0]!, anna[1]!, split[0]!].map((r) => r.id))
  })
})
