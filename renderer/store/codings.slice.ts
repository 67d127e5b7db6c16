import type { StateCreator } from 'zustand'
import type { Coding, CodingRow, SearchHit } from '../../shared/types'
import { call } from '../api/client'
import { subtreeIds } from '../features/codebook/code-tree'
import type { AppState } from './index'

/** A rectangle on a page, 0..1 of the page from the top left. */
export interface UnitArea {
  x: number
  y: number
  w: number
  h: number
}

export interface SearchState {
  query: string
  hits: SearchHit[]
  busy: boolean
  /** The query the hits belong to ('' before the first search). */
  done: string
}

export interface CodingsSlice {
  /** The codings of the open document (of the coders shown). */
  codingRows: { byId: Record<number, CodingRow>; order: number[] }
  selectedCodingId: number | null
  retrievalCodeId: number | null
  /** Retrieval takes the code's subcodes along. */
  retrievalSubcodes: boolean
  retrieval: CodingRow[]
  search: SearchState
  /**
   * "Edit as consensus / lead": the current coder may change other coders' codings and memos
   * (the core records each such change as made as lead). Off at every start.
   */
  leadMode: boolean

  setLeadMode(on: boolean): void
  loadCodings(): Promise<void>
  /** Codes a passage; `origin` says how it was chosen (a selection on the page, or the keyboard). */
  applyCode(codeId: number, start: number, end: number, origin?: 'selection' | 'keyboard'): Promise<boolean>
  applyArea(codeId: number, page: number, rect: UnitArea): Promise<boolean>
  selectCoding(id: number | null): void
  recode(id: number, codeId: number): Promise<void>
  resizeCoding(id: number, start: number, end: number): Promise<boolean>
  saveMemo(id: number, memo: string): Promise<boolean>
  deleteCoding(id: number): Promise<void>
  showRetrieval(codeId: number | null): Promise<void>
  setRetrievalSubcodes(on: boolean): Promise<void>
  runSearch(query: string): Promise<void>
  /** Reloads everything a change may have touched (after an edit, undo or redo). */
  refreshAll(): Promise<void>
}

/**
 * Whether the current coder may change a coding or memo of `ownerId`: their own, or anyone's in
 * lead mode. The core checks the same (the page only spares a refusal).
 */
export function mayChange(s: Pick<AppState, 'coder' | 'leadMode'>, ownerId: number): boolean {
  return s.coder !== null && (s.coder.id === ownerId || s.leadMode)
}

/** Who acts, as the contract's changing calls want it: the current coder, and lead mode when on. */
export function actingAs(s: Pick<AppState, 'coder' | 'leadMode'>): { actingCoderId: number; asLead?: true } {
  if (s.coder === null) throw new Error('no coder: the page asks for a name before anything can be changed')
  return { actingCoderId: s.coder.id, ...(s.leadMode ? { asLead: true as const } : {}) }
}

export const createCodingsSlice: StateCreator<AppState, [], [], CodingsSlice> = (set, get) => {
  /** Codes the open document for the current coder (text or area): remembered as recent, selected. */
  const codeWith = async (codeId: number, create: (documentId: number, coderId: number) => Promise<Coding>): Promise<boolean> => {
    const { documentId, coder } = get()
    if (documentId === null || coder === null) return false
    try {
      const coding = await create(documentId, coder.id)
      get().markRecent(codeId)
      set({ selectedCodingId: coding.id })
      await get().refreshAll()
      return true
    } catch (e) {
      get().report(e)
      return false
    }
  }
  return {
    codingRows: { byId: {}, order: [] },
    selectedCodingId: null,
    retrievalCodeId: null,
    retrievalSubcodes: true,
    retrieval: [],
    search: { query: '', hits: [], busy: false, done: '' },
    leadMode: false,

    setLeadMode: (leadMode) => set({ leadMode }),

    loadCodings: async () => {
      const documentId = get().documentId
      if (documentId === null) {
        set({ codingRows: { byId: {}, order: [] } })
        return
      }
      const coderIds = get().visibleCoderIds()
      const rows = coderIds?.length === 0 ? [] : await call('codings:list', { documentId, ...(coderIds ? { coderIds } : {}) })
      if (get().documentId !== documentId) return
      const byId: Record<number, CodingRow> = {}
      for (const r of rows) byId[r.id] = r
      set((s) => ({
        codingRows: { byId, order: rows.map((r) => r.id) },
        selectedCodingId: s.selectedCodingId !== null && (s.selectedCodingId in byId || s.retrieval.some((r) => r.id === s.selectedCodingId)) ? s.selectedCodingId : null,
      }))
    },

    applyCode: (codeId, start, end, origin = 'selection') =>
      codeWith(codeId, (documentId, coderId) => call('codings:create', { documentId, codeId, coderId, start, end, origin })),

    applyArea: (codeId, page, rect) =>
      codeWith(codeId, (documentId, coderId) => call('codings:createArea', { documentId, codeId, coderId, page, rect })),


    selectCoding: (selectedCodingId) => set({ selectedCodingId }),

    recode: async (id, codeId) => {
      await get().change(async () => {
        await call('codings:update', { id, codeId, ...actingAs(get()) })
        get().markRecent(codeId)
      })
    },

    resizeCoding: async (id, start, end) => {
      return get().change(async () => {
        const coding = await call('codings:update', { id, start, end, ...actingAs(get()) })
        // Growing into a neighbour of the same code joins the two: follow the one that remains.
        if (coding.id !== id) set({ selectedCodingId: coding.id })
      })
    },

    saveMemo: async (id, memo) => {
      try {
        await call('codings:update', { id, memo, ...actingAs(get()) })
        await get().refreshAll()
        return true
      } catch (e) {
        get().report(e)
        return false
      }
    },

    deleteCoding: async (id) => {
      await get().change(async () => {
        await call('codings:delete', { id, ...actingAs(get()) })
        if (get().selectedCodingId === id) set({ selectedCodingId: null })
      })
    },

    showRetrieval: async (codeId) => {
      set({ retrievalCodeId: codeId })
      if (codeId === null) {
        set({ retrieval: [] })
        return
      }
      try {
        const ids = get().retrievalSubcodes ? subtreeIds(Object.values(get().codes.byId), codeId) : [codeId]
        const coderIds = get().visibleCoderIds()
        const rows = coderIds?.length === 0 ? [] : await call('codings:list', { codeIds: ids, ...(coderIds ? { coderIds } : {}) })
        if (get().retrievalCodeId === codeId) set({ retrieval: rows })
      } catch (e) {
        get().report(e)
      }
    },

    setRetrievalSubcodes: async (retrievalSubcodes) => {
      set({ retrievalSubcodes })
      const code = get().retrievalCodeId
      if (code !== null) await get().showRetrieval(code)
    },

    runSearch: async (query) => {
      set((s) => ({ search: { ...s.search, query, busy: true } }))
      try {
        const hits = query.trim() === '' ? [] : await call('search:query', { query, limit: 500 })
        if (get().search.query === query) set({ search: { query, hits, busy: false, done: query } })
      } catch (e) {
        set((s) => ({ search: { ...s.search, busy: false } }))
        get().report(e)
      }
    },

    refreshAll: async () => {
      try {
        await Promise.all([get().loadCodes(), get().refreshDocuments(), get().refreshHistory(), get().loadCoders()])
        await Promise.all([get().loadCodings(), get().loadMyCounts()])
        const code = get().retrievalCodeId
        if (code !== null) await get().showRetrieval(code in get().codes.byId ? code : null)
      } catch (e) {
        get().report(e)
      }
    },
  }
}
