/**
 * From an analysis to the passage: back to the coding view, the document opened at the place,
 * the coding selected and flashed (the viewer's own jump).
 */
import type { CodingRow } from '../../../shared/types'
import { useApp } from '../../store'
import { useAnalysis } from '../../store/analysis.slice'

export async function jumpToCoding(r: CodingRow): Promise<void> {
  useAnalysis.getState().setMode('coding')
  await useApp.getState().jumpTo({
    documentId: r.documentId,
    page: r.pageFrom,
    codingId: r.id,
    ...(r.kind === 'area' ? { rects: r.rects } : { ranges: [{ start: r.start, end: r.end }], rects: r.rects.slice(0, 1) }),
  })
}

/** A range of a document (a disagreement's place) in the coding view. */
export async function jumpToRange(documentId: number, page: number, start: number, end: number): Promise<void> {
  useAnalysis.getState().setMode('coding')
  await useApp.getState().jumpTo({ documentId, page, ranges: [{ start, end }] })
}
