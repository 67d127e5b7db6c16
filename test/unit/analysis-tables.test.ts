import { describe, expect, it } from 'vitest'
import { findPhaseCodes, parsePhase, phaseDiffers, strongestPhases } from '../../electron/core/analysis/phases'
import { cooccurrenceTable, matrixLong, matrixShown, matrixWide, phasesTable } from '../../shared/analysis-tables'
import type { MatrixResult, PhaseOverview } from '../../shared/analysis-types'
import { toCsv } from '../../shared/csv'

const matrix: MatrixResult = {
  by: 'cases',
  measure: 'coverage',
  rollup: false,
  rows: [
    { codeId: 1, path: 'Fase/Fase 1' },
    { codeId: 2, path: '=Risico' },
  ],
  columns: [
    { kind: 'case', id: 7, label: 'Alpha', documents: 1, textLength: 1000 },
    { kind: 'case', id: 8, label: 'Leeg', documents: 0, textLength: 0 },
  ],
  values: [
    [0.25, null],
    [0, null],
  ],
  rowTotals: [0.25, 0],
  columnTotals: [0.25, null],
  total: 0.25,
}

describe('analysis tables', () => {
  it('lays the matrix out as shown: column names, code paths, totals last', () => {
    expect(matrixWide(matrix)).toEqual([
      ['code', 'Alpha', 'Leeg', 'total'],
      ['Fase/Fase 1', 0.25, null, 0.25],
      ['=Risico', 0, null, 0],
      ['total', 0.25, null, 0.25],
    ])
    // Dutch Excel: numbers with a decimal comma, a column without text empty, the code guarded.
    expect(toCsv(matrixWide(matrix), { delimiter: ';', decimalComma: true })).toBe(
      'code;Alpha;Leeg;total\r\nFase/Fase 1;0,25;;0,25\r\n\'=Risico;0;;0\r\ntotal;0,25;;0,25\r\n',
    )
  })

  it('lays the matrix out long: cells, then row, column and overall totals', () => {
    expect(matrixLong(matrix)).toEqual([
      ['row', 'column', 'measure', 'value'],
      ['Fase/Fase 1', 'Alpha', 'coverage', 0.25],
      ['Fase/Fase 1', 'Leeg', 'coverage', null],
      ['=Risico', 'Alpha', 'coverage', 0],
      ['=Risico', 'Leeg', 'coverage', null],
      ['Fase/Fase 1', 'total', 'coverage', 0.25],
      ['=Risico', 'total', 'coverage', 0],
      ['total', 'Alpha', 'coverage', 0.25],
      ['total', 'Leeg', 'coverage', null],
      ['total', 'total', 'coverage', 0.25],
    ])
  })

  it('adds the area codings beside coverage: per row in the wide form, per cell in the long form', () => {
    const withAreas: MatrixResult = { ...matrix, areas: { values: [[0, 0], [2, 0]], rowTotals: [0, 2], columnTotals: [2, 0], total: 2 } }
    expect(matrixWide(withAreas)).toEqual([
      ['code', 'Alpha', 'Leeg', 'total', 'areas'],
      ['Fase/Fase 1', 0.25, null, 0.25, 0],
      ['=Risico', 0, null, 0, 2],
      ['total', 0.25, null, 0.25, 2],
    ])
    const long = matrixLong(withAreas)
    expect(long[0]).toEqual(['row', 'column', 'measure', 'value', 'areas'])
    expect(long).toContainEqual(['=Risico', 'Alpha', 'coverage', 0, 2])
    expect(long).toContainEqual(['=Risico', 'total', 'coverage', 0, 2])
    expect(long.at(-1)).toEqual(['total', 'total', 'coverage', 0.25, 2])
  })

  it('writes coverage as shown: percentages with one decimal, blank where the table is blank', () => {
    const withAreas: MatrixResult = {
      ...matrix,
      values: [[0.0164721097233094, null], [0, null]],
      rowTotals: [0.0164721097233094, 0],
      columnTotals: [0.0164721097233094, null],
      total: 0.0164721097233094,
      areas: { values: [[0, 0], [0, 0]], rowTotals: [0, 0], columnTotals: [0, 0], total: 0 },
    }
    expect(matrixShown(withAreas)).toEqual([
      ['code (% of text)', 'Alpha', 'Leeg', 'total', 'areas'],
      ['Fase/Fase 1', 1.6, null, 1.6, 0],
      ['=Risico', null, null, null, 0],
      ['total', 1.6, null, 1.6, 0],
    ])
    // A cell whose only evidence is an area keeps its 0, as the table shows "0.0 % + 1 area".
    const area = { ...withAreas, areas: { values: [[0, 0], [1, 0]], rowTotals: [0, 1], columnTotals: [1, 0], total: 1 } }
    expect(matrixShown(area)[2]).toEqual(['=Risico', 0, null, 0, 1])
    // Other measures are as the wide form.
    expect(matrixShown({ ...matrix, measure: 'segments', values: [[3, 0], [0, 0]] })).toEqual(matrixWide({ ...matrix, measure: 'segments', values: [[3, 0], [0, 0]] }))
  })

  it('lays co-occurrence out with the code paths along both edges', () => {
    expect(cooccurrenceTable({ scope: 'document', rollup: false, rows: matrix.rows, values: [[3, 1], [1, 2]] })).toEqual([
      ['code', 'Fase/Fase 1', '=Risico'],
      ['Fase/Fase 1', 3, 1],
      ['=Risico', 1, 2],
    ])
  })

  it('writes a tie of phases as text and a single phase as a number', () => {
    const overview: PhaseOverview = {
      attribute: 'fase',
      phases: [0, 1, 2, 3].map((p) => ({ phase: p as 0, codeId: p + 1, path: `Fase ${p}` })),
      cases: [
        { caseId: 1, caseName: 'A', assigned: 1, assignedValue: '1', segments: [0, 2, 2, 0], coverage: [0, 0.1, 0.1, 0], strongest: [1, 2], differs: false },
        { caseId: 2, caseName: 'B', assigned: null, assignedValue: null, segments: [1, 0, 0, 0], coverage: [0.5, 0, 0, 0], strongest: [0], differs: false },
      ],
    }
    const [header, a, b] = phasesTable(overview)
    expect(header).toEqual(['case', 'assigned', 'strongest', 'differs', 'segments_0', 'segments_1', 'segments_2', 'segments_3', 'coverage_0', 'coverage_1', 'coverage_2', 'coverage_3'])
    expect(a!.slice(0, 4)).toEqual(['A', 1, '1 2', false])
    expect(b!.slice(0, 4)).toEqual(['B', null, 0, false])
  })
})

describe('phase rules', () => {
  it('reads the assigned phase from values as researchers write them', () => {
    expect(['2', 'Fase 2', 'phase-3', ' 0 ', 'fase 1 (voorlopig)'].map(parsePhase)).toEqual([2, 2, 3, 0, 1])
    expect(['', 'vier', '4', '12', null, undefined].map(parsePhase)).toEqual([null, null, null, null, null, null])
  })

  it('weighs evidence by codings, then by coverage; a full tie keeps every phase', () => {
    expect(strongestPhases([0, 3, 1, 0], [0, 0.01, 0.2, 0])).toEqual([1])
    expect(strongestPhases([0, 2, 2, 0], [0, 0.01, 0.02, 0])).toEqual([2])
    expect(strongestPhases([0, 2, 2, 0], [0, 0.02, 0.02, 0])).toEqual([1, 2])
    expect(strongestPhases([0, 0, 0, 0], [0, 0, 0, 0])).toEqual([])
    expect(strongestPhases([1, 0, 0, 0], [null, null, null, null])).toEqual([0])
  })

  it('flags an assigned phase only when there is evidence and it points elsewhere', () => {
    expect(phaseDiffers(2, [0])).toBe(true)
    expect(phaseDiffers(2, [2])).toBe(false)
    expect(phaseDiffers(2, [1, 2])).toBe(false)
    expect(phaseDiffers(2, [])).toBe(false)
    expect(phaseDiffers(null, [1])).toBe(false)
  })

  it('finds the phase codes by template key, else by name in codebook order', () => {
    const code = (id: number, path: string, templateKey: string | null = null) => ({ id, name: path.split('/').at(-1)!, path, templateKey })
    expect(
      findPhaseCodes([
        code(1, 'Fasen'),
        code(2, 'Fasen/Fase 0 – verdeeld'),
        code(3, 'Fasen/Phase 1: supervision'),
        code(4, 'Anders/fase-1'),
        code(5, 'Samen/Ontwerpen', 'fase-2'),
        code(6, 'Fasen/Fase 2'),
        code(7, 'Fasen/Fase 30'),
      ]).map((p) => [p.phase, p.codeId]),
    ).toEqual([[0, 2], [1, 3], [2, 5], [3, null]])
  })
})
