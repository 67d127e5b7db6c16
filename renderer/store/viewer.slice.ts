import type { StateCreator } from 'zustand'
import type { PageRect } from '../../shared/anchoring'
import type { PageInfo } from '../../shared/types'
import { call } from '../api/client'
import { prefetchPdf } from '../pdf/prefetch'
import { documentText, findAll, foldText, rangeRectsFromBoxes, type FindHit } from '../features/viewer/find'
import type { AppState } from './index'

export const MIN_SCALE = 0.25
export const MAX_SCALE = 5
const STEP = 1.2

/** A passage to flash briefly: text ranges (measured on the text layer) and/or stored rects. */
export interface Flash {
  documentId: number
  ranges: { start: number; end: number }[]
  rects: PageRect[]
  nonce: number
}

/** Where to go: a document, a page, and optionally the passage there (which is then flashed). */
export interface JumpTarget {
  documentId: number
  page: number
  ranges?: { start: number; end: number }[]
  rects?: PageRect[]
  codingId?: number
  flash?: boolean
}

export interface FindState {
  query: string
  hits: FindHit[]
  /** The current hit; -1 when there is none. */
  index: number
}

export interface ViewerSlice {
  documentId: number | null
  pages: PageInfo[]
  scale: number
  zoomMode: 'fit' | 'manual'
  currentPage: number
  /** A page (and a place on it, 0..1 from the top) to scroll to; the nonce makes a repeat count. */
  scrollRequest: { page: number; y?: number; nonce: number } | null
  flash: Flash | null
  areaMode: boolean
  showStripes: boolean
  /** Find in document: null while the find bar is closed. */
  find: FindState | null
  /** The last text selected in the viewer (for "extend the coding to the selection"). */
  lastSelection: { documentId: number; start: number; end: number } | null

  openDocument(id: number, page?: number): Promise<void>
  closeDocument(): void
  setScale(scale: number, mode?: 'fit' | 'manual'): void
  zoomIn(): void
  zoomOut(): void
  fitWidth(): void
  setCurrentPage(page: number): void
  goToPage(page: number, y?: number): void
  jumpTo(target: JumpTarget): Promise<void>
  setAreaMode(on: boolean): void
  setShowStripes(on: boolean): void
  openFind(): void
  closeFind(): void
  setFindQuery(query: string): void
  findStep(delta: number): void
  setLastSelection(sel: { start: number; end: number } | null): void
}

let nonce = 0

// The folded text of the open document, for find: built once per document.
let folded: { documentId: number; text: string } | null = null

export const createViewerSlice: StateCreator<AppState, [], [], ViewerSlice> = (set, get) => {
  const goToHit = (hit: FindHit) => {
    const rect = rangeRectsFromBoxes(get().pages, hit.start, hit.end)[0]
    get().goToPage(hit.page, rect?.y)
  }
  return {
    documentId: null,
    pages: [],
    scale: 1,
    zoomMode: 'fit',
    currentPage: 1,
    scrollRequest: null,
    flash: null,
    areaMode: false,
    showStripes: true,
    find: null,
    lastSelection: null,

    openDocument: async (id, page) => {
      if (get().documentId === id) {
        if (page !== undefined) get().goToPage(page)
        return
      }
      try {
        performance.mark('werkbank:open-document')
        prefetchPdf(id)
        const pages = await call('documents:pages', { id })
        performance.mark('werkbank:pages-loaded')
        const doc = get().documents.find((d) => d.id === id)
        set({
          documentId: id,
          pages,
          currentPage: page ?? 1,
          scrollRequest: { page: page ?? 1, nonce: ++nonce },
          selectedCodingId: null,
          codingRows: { byId: {}, order: [] },
          find: get().find ? { query: '', hits: [], index: -1 } : null,
          lastSelection: null,
          // A scan has no text to select: start with the area tool.
          areaMode: doc ? !doc.hasText : get().areaMode,
        })
        await get().loadCodings()
      } catch (e) {
        get().report(e)
      }
    },

    closeDocument: () => set({ documentId: null, pages: [], codingRows: { byId: {}, order: [] }, find: null }),

    setScale: (scale, mode = 'manual') => set({ scale: Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)), zoomMode: mode }),
    zoomIn: () => get().setScale(get().scale * STEP),
    zoomOut: () => get().setScale(get().scale / STEP),
    fitWidth: () => set({ zoomMode: 'fit' }),
    setCurrentPage: (currentPage) => set({ currentPage }),
    goToPage: (page, y) => {
      const n = Math.min(Math.max(1, Math.round(page)), Math.max(1, get().pages.length))
      set({ currentPage: n, scrollRequest: { page: n, ...(y !== undefined ? { y } : {}), nonce: ++nonce } })
    },

    jumpTo: async (target) => {
      await get().openDocument(target.documentId)
      if (get().documentId !== target.documentId) return
      const ranges = target.ranges ?? []
      const rects = target.rects ?? []
      // The place on the page: a stored rectangle, else the importer's boxes of the first range.
      const first = rects.find((r) => r.page === target.page) ?? (ranges[0] ? rangeRectsFromBoxes(get().pages, ranges[0].start, ranges[0].end)[0] : undefined)
      get().goToPage(first?.page ?? target.page, first ? first.y : undefined)
      if (target.codingId !== undefined) get().selectCoding(target.codingId)
      if (target.flash !== false && (ranges.length > 0 || rects.length > 0)) {
        set({ flash: { documentId: target.documentId, ranges, rects, nonce: ++nonce } })
      }
    },

    setAreaMode: (areaMode) => set({ areaMode }),
    setShowStripes: (showStripes) => set({ showStripes }),

    openFind: () => {
      if (!get().find) set({ find: { query: '', hits: [], index: -1 } })
    },
    closeFind: () => set({ find: null }),

    setFindQuery: (query) => {
      const { documentId, pages, currentPage } = get()
      if (documentId === null) return
      if (folded?.documentId !== documentId) folded = { documentId, text: foldText(documentText(pages)) }
      const hits = findAll(folded.text, pages, query)
      // Start at the first hit on or after the page being read.
      const index = hits.length === 0 ? -1 : Math.max(0, hits.findIndex((h) => h.page >= currentPage))
      set({ find: { query, hits, index } })
      if (index >= 0) goToHit(hits[index]!)
    },

    findStep: (delta) => {
      const find = get().find
      if (!find || find.hits.length === 0) return
      const index = (find.index + delta + find.hits.length) % find.hits.length
      set({ find: { ...find, index } })
      goToHit(find.hits[index]!)
    },

    setLastSelection: (sel) => {
      const documentId = get().documentId
      set({ lastSelection: sel && documentId !== null ? { documentId, ...sel } : null })
    },
  }
}

