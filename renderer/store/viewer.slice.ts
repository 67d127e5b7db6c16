import type { StateCreator } from 'zustand'
import type { PageInfo } from '../../shared/types'
import { call } from '../api/client'
import type { AppState } from './index'

export const MIN_SCALE = 0.25
export const MAX_SCALE = 5
const STEP = 1.2

export interface ViewerSlice {
  documentId: number | null
  pages: PageInfo[]
  scale: number
  zoomMode: 'fit' | 'manual'
  currentPage: number
  /** A page to scroll to; the nonce makes a repeated request for the same page count. */
  scrollRequest: { page: number; nonce: number } | null

  openDocument(id: number, page?: number): Promise<void>
  closeDocument(): void
  setScale(scale: number, mode?: 'fit' | 'manual'): void
  zoomIn(): void
  zoomOut(): void
  fitWidth(): void
  setCurrentPage(page: number): void
  goToPage(page: number): void
}

let nonce = 0

export const createViewerSlice: StateCreator<AppState, [], [], ViewerSlice> = (set, get) => ({
  documentId: null,
  pages: [],
  scale: 1,
  zoomMode: 'fit',
  currentPage: 1,
  scrollRequest: null,

  openDocument: async (id, page) => {
    if (get().documentId === id) {
      if (page !== undefined) get().goToPage(page)
      return
    }
    try {
      const pages = await call('documents:pages', { id })
      set({ documentId: id, pages, currentPage: page ?? 1, scrollRequest: { page: page ?? 1, nonce: ++nonce }, selectedCodingId: null, codingRows: { byId: {}, order: [] } })
      await get().loadCodings()
    } catch (e) {
      get().report(e)
    }
  },

  closeDocument: () => set({ documentId: null, pages: [], codingRows: { byId: {}, order: [] } }),

  setScale: (scale, mode = 'manual') => set({ scale: Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)), zoomMode: mode }),
  zoomIn: () => get().setScale(get().scale * STEP),
  zoomOut: () => get().setScale(get().scale / STEP),
  fitWidth: () => set({ zoomMode: 'fit' }),
  setCurrentPage: (currentPage) => set({ currentPage }),
  goToPage: (page) => {
    const n = Math.min(Math.max(1, Math.round(page)), Math.max(1, get().pages.length))
    set({ currentPage: n, scrollRequest: { page: n, nonce: ++nonce } })
  },
})
