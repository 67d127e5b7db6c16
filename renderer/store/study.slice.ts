import type { StateCreator } from 'zustand'
import type { AppError } from '../../shared/errors'
import type { Lang } from '../../shared/i18n/messages'
import type { Case, Coder, DocumentSummary, HistoryState, ImportProgress, StudyInfo } from '../../shared/types'
import { ApiError, call, uploadPdf } from '../api/client'
import type { StringKey } from '../i18n/strings'
import type { AppState } from './index'

export interface Notice {
  key: StringKey
  params: Record<string, string | number>
}

const CODER_KEY = 'werkbank.coder'

export function rememberedCoder(): string {
  try {
    return localStorage.getItem(CODER_KEY) ?? ''
  } catch {
    return ''
  }
}

export interface StudySlice {
  lang: Lang
  info: StudyInfo | null
  cases: Case[]
  documents: DocumentSummary[]
  coder: Coder | null
  /** True once the first load has been tried (the coder prompt waits for it). */
  ready: boolean
  history: HistoryState
  error: AppError | null
  notice: Notice | null
  importProgress: ImportProgress | null

  setLang(lang: Lang): void
  /** Shows an error from the API (translated by the UI) or an unexpected one. */
  report(e: unknown): void
  clearError(): void
  notify(notice: Notice | null): void
  loadStudy(): Promise<void>
  refreshDocuments(): Promise<void>
  refreshHistory(): Promise<void>
  ensureCoder(name: string): Promise<boolean>
  forgetCoder(): void
  uploadFiles(files: readonly File[], caseId: number | null): Promise<void>
  setImportProgress(p: ImportProgress | null): void
  undo(): Promise<void>
  redo(): Promise<void>
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }

export const createStudySlice = (lang: Lang): StateCreator<AppState, [], [], StudySlice> => (set, get) => ({
  lang,
  info: null,
  cases: [],
  documents: [],
  coder: null,
  ready: false,
  history: NO_HISTORY,
  error: null,
  notice: null,
  importProgress: null,

  setLang: (lang) => set({ lang }),
  report: (e) => {
    const error: AppError = e instanceof ApiError ? e.error : { code: 'internal', params: { detail: String((e as Error)?.message ?? e) } }
    if (!(e instanceof ApiError)) console.error(e)
    set({ error })
  },
  clearError: () => set({ error: null }),
  notify: (notice) => set({ notice }),

  loadStudy: async () => {
    try {
      const [info, cases, documents, history] = await Promise.all([
        call('study:info', {}),
        call('cases:list', {}),
        call('documents:list', {}),
        call('history:state', {}),
      ])
      set({ info, cases, documents, history })
      await get().loadCodes()
      get().loadRecent()
      const name = rememberedCoder()
      if (name) await get().ensureCoder(name)
    } catch (e) {
      get().report(e)
    } finally {
      set({ ready: true })
    }
  },

  refreshDocuments: async () => {
    const [cases, documents, info] = await Promise.all([call('cases:list', {}), call('documents:list', {}), call('study:info', {})])
    set({ cases, documents, info })
  },

  refreshHistory: async () => {
    set({ history: await call('history:state', {}) })
  },

  ensureCoder: async (name) => {
    try {
      const coder = await call('coders:ensure', { name })
      try {
        localStorage.setItem(CODER_KEY, coder.name)
      } catch {
        // Asked again next time.
      }
      set({ coder })
      await get().refreshHistory()
      return true
    } catch (e) {
      get().report(e)
      return false
    }
  },

  forgetCoder: () => {
    try {
      localStorage.removeItem(CODER_KEY)
    } catch {
      // Nothing remembered anyway.
    }
    set({ coder: null })
  },

  uploadFiles: async (files, caseId) => {
    let opened: number | null = null
    for (const file of files) {
      try {
        const outcome = await uploadPdf(file, caseId)
        if (outcome.status === 'error') get().report(new ApiError(outcome.error))
        else if (outcome.status === 'duplicate') get().notify({ key: 'duplicate', params: { file: outcome.file } })
        else {
          get().notify(outcome.warning === 'no-text-layer'
            ? { key: 'noTextLayer', params: { file: outcome.file } }
            : { key: 'imported', params: { file: outcome.file, pages: outcome.pages } })
          opened ??= outcome.documentId
        }
      } catch (e) {
        get().report(e)
      }
    }
    set({ importProgress: null })
    await get().refreshDocuments().catch(get().report)
    if (opened !== null && get().documentId === null) await get().openDocument(opened)
  },

  setImportProgress: (importProgress) => set({ importProgress }),

  undo: async () => {
    try {
      const r = await call('history:undo', {})
      get().notify({ key: 'undone', params: { label: r.label } })
    } catch (e) {
      get().report(e)
    }
    await get().refreshAll()
  },

  redo: async () => {
    try {
      const r = await call('history:redo', {})
      get().notify({ key: 'redone', params: { label: r.label } })
    } catch (e) {
      get().report(e)
    }
    await get().refreshAll()
  },
})
