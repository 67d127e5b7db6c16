import type { StateCreator } from 'zustand'
import type { CodingRow } from '../../shared/types'
import { call } from '../api/client'
import { subtreeIds } from '../features/codebook/code-tree'
import type { AppState } from './index'

export interface CodingsSlice {
  /** The codings of the open document. */
  codingRows: { byId: Record<number, CodingRow>; order: number[] }
  selectedCodingId: number | null
  retrievalCodeId: number | null
  retrieval: CodingRow[]

  loadCodings(): Promise<void>
  applyCode(codeId: number, start: number, end: number): Promise<boolean>
  selectCoding(id: number | null): void
  recode(id: number, codeId: number): Promise<void>
  saveMemo(id: number, memo: string): Promise<boolean>
  deleteCoding(id: number): Promise<void>
  showRetrieval(codeId: number | null): Promise<void>
  /** Reloads everything a change may have touched (after an edit, undo or redo). */
  refreshAll(): Promise<void>
}

export const createCodingsSlice: StateCreator<AppState, [], [], CodingsSlice> = (set, get) => ({
  codingRows: { byId: {}, order: [] },
  selectedCodingId: null,
  retrievalCodeId: null,
  retrieval: [],

  loadCodings: async () => {
    const documentId = get().documentId
    if (documentId === null) {
      set({ codingRows: { byId: {}, order: [] } })
      return
    }
    const rows = await call('codings:list', { documentId })
    if (get().documentId !== documentId) return
    const byId: Record<number, CodingRow> = {}
    for (const r of rows) byId[r.id] = r
    set((s) => ({
      codingRows: { byId, order: rows.map((r) => r.id) },
      selectedCodingId: s.selectedCodingId !== null && (s.selectedCodingId in byId || s.retrieval.some((r) => r.id === s.selectedCodingId)) ? s.selectedCodingId : null,
    }))
  },

  applyCode: async (codeId, start, end) => {
    const { documentId, coder } = get()
    if (documentId === null || coder === null) return false
    try {
      const coding = await call('codings:create', { documentId, codeId, coderId: coder.id, start, end })
      get().markRecent(codeId)
      set({ selectedCodingId: coding.id })
      await get().refreshAll()
      return true
    } catch (e) {
      get().report(e)
      return false
    }
  },

  selectCoding: (selectedCodingId) => set({ selectedCodingId }),

  recode: async (id, codeId) => {
    try {
      await call('codings:update', { id, codeId })
      get().markRecent(codeId)
    } catch (e) {
      get().report(e)
    }
    await get().refreshAll()
  },

  saveMemo: async (id, memo) => {
    try {
      await call('codings:update', { id, memo })
      await get().refreshAll()
      return true
    } catch (e) {
      get().report(e)
      return false
    }
  },

  deleteCoding: async (id) => {
    try {
      await call('codings:delete', { id })
      if (get().selectedCodingId === id) set({ selectedCodingId: null })
    } catch (e) {
      get().report(e)
    }
    await get().refreshAll()
  },

  showRetrieval: async (codeId) => {
    set({ retrievalCodeId: codeId })
    if (codeId === null) {
      set({ retrieval: [] })
      return
    }
    try {
      const ids = subtreeIds(Object.values(get().codes.byId), codeId)
      const rows = await call('codings:list', { codeIds: ids })
      if (get().retrievalCodeId === codeId) set({ retrieval: rows })
    } catch (e) {
      get().report(e)
    }
  },

  refreshAll: async () => {
    try {
      await Promise.all([get().loadCodes(), get().refreshDocuments(), get().refreshHistory()])
      await get().loadCodings()
      const code = get().retrievalCodeId
      if (code !== null) await get().showRetrieval(code in get().codes.byId ? code : null)
    } catch (e) {
      get().report(e)
    }
  },
})
