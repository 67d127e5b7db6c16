import type { StateCreator } from 'zustand'
import type { AppError } from '../../shared/errors'
import type { Lang } from '../../shared/i18n/messages'
import type { Case, Coder, DocumentSummary, HistoryState, ImportProgress, QdpxImportResult, StudyInfo } from '../../shared/types'
import { ApiError, call, saveDownload, uploadPdf, uploadQdpx } from '../api/client'
import { fileNameWith, studyName } from '../io/download'
import type { StringKey } from '../i18n/strings'
import { actingAs } from './codings.slice'
import type { AppState } from './index'
import { clampPane, DEFAULT_PANES, loadWorkspace, type CodingView, type PaneSizes } from './workspace'

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

/** One file of an import, as the import list shows it. */
export interface ImportItem {
  id: number
  file: string
  status: 'waiting' | 'running' | 'imported' | 'duplicate' | 'error'
  page: number
  pages: number
  /** Progress events seen for this file. */
  events: number
  error?: AppError
  warning?: 'no-text-layer'
  documentId?: number
}

/** Where imported files go: no case, an existing case, or a case made for them. */
export type ImportTarget = { caseId: number | null } | { newCase: string }

/** Codings per code and per document of one coder (blind mode shows only these counts). */
export interface CodingCounts {
  byCode: Record<number, number>
  byDocument: Record<number, number>
}

export interface StudySlice {
  lang: Lang
  info: StudyInfo | null
  cases: Case[]
  documents: DocumentSummary[]
  coder: Coder | null
  coders: Coder[]
  /** Whose codings are shown, and blind mode. */
  view: CodingView
  /** In blind mode: my own counts (the core's counts include the other coders). */
  myCounts: CodingCounts | null
  /** True once the first load has been tried (the coder prompt waits for it). */
  ready: boolean
  /** The coder prompt was asked for (switching to a new coder). */
  askCoder: boolean
  history: HistoryState
  error: AppError | null
  notice: Notice | null
  importProgress: ImportProgress | null
  imports: ImportItem[]
  /** Files waiting for the import dialog (case choice). */
  importQueue: File[] | null
  panes: PaneSizes

  setLang(lang: Lang): void
  /** Shows an error from the API (translated by the UI) or an unexpected one. */
  report(e: unknown): void
  /**
   * Runs a change to the study: a failure is reported (translated), and either way what is
   * shown is refreshed. Resolves to whether the change went through.
   */
  change(work: () => Promise<unknown>): Promise<boolean>
  clearError(): void
  notify(notice: Notice | null): void
  loadStudy(): Promise<void>
  refreshDocuments(): Promise<void>
  refreshHistory(): Promise<void>
  loadCoders(): Promise<void>
  ensureCoder(name: string): Promise<boolean>
  setAskCoder(ask: boolean): void
  setView(view: Partial<CodingView>): Promise<void>
  /** The coders whose codings are shown; undefined: all. */
  visibleCoderIds(): number[] | undefined
  loadMyCounts(): Promise<void>

  createCase(name: string): Promise<Case | null>
  renameCase(id: number, name: string): Promise<boolean>
  setCaseAttributes(id: number, changes: Record<string, string>): Promise<boolean>
  /** A case's new name and attributes ('' removes one): one undo step. */
  updateCase(id: number, name: string | undefined, attributes: Record<string, string>): Promise<boolean>
  assignDocumentCase(documentId: number, caseId: number | null): Promise<void>
  renameDocument(id: number, title: string): Promise<boolean>

  queueImport(files: File[] | null): void
  importFiles(files: readonly File[], target: ImportTarget): Promise<void>
  clearImports(): void
  setImportProgress(p: ImportProgress | null): void
  setPane(kind: keyof PaneSizes, px: number): void
  undo(): Promise<void>
  redo(): Promise<void>
  /** Saves the whole study as a REFI-QDA project (.qdpx). */
  exportProject(): Promise<void>
  /** A REFI-QDA project (.qdpx) in progress or done, for its dialog; null: none. */
  projectImport: { file: string; result: QdpxImportResult | null } | null
  importProject(file: File): Promise<void>
  closeProjectImport(): void
}

/** Who changes a case: the coder, when named (needed only to change a judgement, `fase:NAME`). */
const caseActor = (s: AppState) => (s.coder === null ? {} : actingAs(s))

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }
let importIds = 0

export const createStudySlice = (lang: Lang): StateCreator<AppState, [], [], StudySlice> => (set, get) => ({
  lang,
  info: null,
  cases: [],
  documents: [],
  coder: null,
  coders: [],
  view: { scope: 'all', coderId: null, blind: false },
  myCounts: null,
  ready: false,
  askCoder: false,
  history: NO_HISTORY,
  error: null,
  notice: null,
  importProgress: null,
  imports: [],
  importQueue: null,
  panes: DEFAULT_PANES,

  setLang: (lang) => set({ lang }),
  report: (e) => {
    const error: AppError = e instanceof ApiError ? e.error : { code: 'internal', params: { detail: String((e as Error)?.message ?? e) } }
    if (!(e instanceof ApiError)) console.error(e)
    set({ error })
  },
  change: async (work) => {
    try {
      await work()
      return true
    } catch (e) {
      get().report(e)
      return false
    } finally {
      await get().refreshAll()
    }
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
      const ws = loadWorkspace(info.path)
      set((s) => ({
        panes: { ...s.panes, ...ws.panes },
        view: { ...s.view, ...ws.view },
        retrievalSubcodes: ws.retrievalSubcodes ?? s.retrievalSubcodes,
        showStripes: ws.showStripes ?? s.showStripes,
      }))
      await Promise.all([get().loadCodes(), get().loadCoders()])
      get().loadRecent()
      const name = rememberedCoder()
      if (name) await get().ensureCoder(name)
      if (ws.documentId !== undefined && documents.some((d) => d.id === ws.documentId)) {
        if (ws.zoomMode === 'manual' && ws.scale !== undefined) get().setScale(ws.scale, 'manual')
        await get().openDocument(ws.documentId, ws.page)
      }
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

  loadCoders: async () => {
    set({ coders: await call('coders:list', {}) })
  },

  ensureCoder: async (name) => {
    try {
      const coder = await call('coders:ensure', { name })
      try {
        localStorage.setItem(CODER_KEY, coder.name)
      } catch {
        // Asked again next time.
      }
      const changed = get().coder?.id !== coder.id
      set({ coder, askCoder: false })
      await Promise.all([get().refreshHistory(), get().loadCoders()])
      if (changed) {
        // "Mine" means someone else now; the shown codings follow.
        await Promise.all([get().loadCodings(), get().loadMyCounts()])
        const code = get().retrievalCodeId
        if (code !== null) await get().showRetrieval(code)
      }
      return true
    } catch (e) {
      get().report(e)
      return false
    }
  },

  setAskCoder: (askCoder) => set({ askCoder }),

  setView: async (change) => {
    set((s) => ({ view: { ...s.view, ...change } }))
    await Promise.all([get().loadCodings(), get().loadMyCounts()])
    const code = get().retrievalCodeId
    if (code !== null) await get().showRetrieval(code)
  },

  visibleCoderIds: () => {
    const { view, coder } = get()
    if (view.blind || view.scope === 'mine') return coder ? [coder.id] : []
    if (view.scope === 'coder' && view.coderId !== null) return [view.coderId]
    return undefined
  },

  loadMyCounts: async () => {
    const { view, coder } = get()
    if (!view.blind || !coder) {
      if (get().myCounts !== null) set({ myCounts: null })
      return
    }
    const rows = await call('codings:list', { coderIds: [coder.id] })
    const byCode: Record<number, number> = {}
    const byDocument: Record<number, number> = {}
    for (const r of rows) {
      byCode[r.codeId] = (byCode[r.codeId] ?? 0) + 1
      byDocument[r.documentId] = (byDocument[r.documentId] ?? 0) + 1
    }
    set({ myCounts: { byCode, byDocument } })
  },

  createCase: async (name) => {
    try {
      const created = await call('cases:create', { name })
      await Promise.all([get().refreshDocuments(), get().refreshHistory()])
      return created
    } catch (e) {
      get().report(e)
      return null
    }
  },

  renameCase: async (id, name) => {
    return get().change(async () => {
      await call('cases:rename', { id, name })
    })
  },

  updateCase: async (id, name, attributes) => {
    return get().change(async () => {
      await call('cases:update', { id, ...(name !== undefined ? { name } : {}), attributes, ...caseActor(get()) })
    })
  },

  setCaseAttributes: async (id, changes) => {
    return get().change(async () => {
      for (const [name, value] of Object.entries(changes)) await call('cases:setAttribute', { id, name, value, ...caseActor(get()) })
    })
  },

  assignDocumentCase: async (documentId, caseId) => {
    await get().change(async () => {
      await call('documents:assignCase', { documentId, caseId })
    })
  },

  renameDocument: async (id, title) => {
    return get().change(async () => {
      await call('documents:rename', { id, title })
    })
  },

  queueImport: (importQueue) => set({ importQueue: importQueue && importQueue.length > 0 ? importQueue : null }),

  importFiles: async (files, target) => {
    let caseId: number | null
    if ('newCase' in target) {
      const created = await get().createCase(target.newCase)
      if (!created) return
      caseId = created.id
    } else {
      caseId = target.caseId
    }
    const items: ImportItem[] = files.map((f) => ({ id: ++importIds, file: f.name, status: 'waiting', page: 0, pages: 0, events: 0 }))
    set((s) => ({ imports: [...s.imports.filter((i) => i.status === 'waiting' || i.status === 'running'), ...items] }))
    const update = (id: number, change: Partial<ImportItem>) =>
      set((s) => ({ imports: s.imports.map((i) => (i.id === id ? { ...i, ...change } : i)) }))

    let opened: number | null = null
    let imported = 0
    let failed = 0
    for (const [n, file] of files.entries()) {
      const item = items[n]!
      update(item.id, { status: 'running' })
      try {
        const outcome = await uploadPdf(file, caseId)
        if (outcome.status === 'error') {
          failed++
          update(item.id, { status: 'error', error: outcome.error })
        } else if (outcome.status === 'duplicate') {
          update(item.id, { status: 'duplicate', documentId: outcome.documentId })
        } else {
          imported++
          update(item.id, {
            status: 'imported',
            page: outcome.pages,
            pages: outcome.pages,
            documentId: outcome.documentId,
            ...(outcome.warning ? { warning: outcome.warning } : {}),
          })
          opened ??= outcome.documentId
        }
      } catch (e) {
        failed++
        update(item.id, { status: 'error', error: e instanceof ApiError ? e.error : { code: 'internal', params: { detail: String((e as Error)?.message ?? e) } } })
      }
    }
    set({ importProgress: null })
    get().notify({ key: failed > 0 ? 'importDoneErrors' : 'importDone', params: { imported, failed } })
    await get().refreshDocuments().catch(get().report)
    if (opened !== null && get().documentId === null) await get().openDocument(opened)
  },

  clearImports: () => set((s) => ({ imports: s.imports.filter((i) => i.status === 'waiting' || i.status === 'running') })),

  setImportProgress: (importProgress) => {
    set({ importProgress })
    if (!importProgress) return
    // Uploads go one at a time: the event belongs to the file that is running.
    set((s) => ({
      imports: s.imports.map((i) =>
        i.status === 'running' && i.file === importProgress.file
          ? { ...i, page: importProgress.page, pages: importProgress.pages, events: i.events + 1 }
          : i,
      ),
    }))
  },

  setPane: (kind, px) => set((s) => ({ panes: { ...s.panes, [kind]: clampPane(kind, px) } })),

  undo: async () => {
    await get().change(async () => {
      const r = await call('history:undo', {})
      get().notify({ key: 'undone', params: { ...r.params, label: r.label } })
    })
  },

  redo: async () => {
    await get().change(async () => {
      const r = await call('history:redo', {})
      get().notify({ key: 'redone', params: { ...r.params, label: r.label } })
    })
  },
  projectImport: null,
  importProject: async (file) => {
    set({ projectImport: { file: file.name, result: null } })
    let result: QdpxImportResult | null = null
    const ok = await get().change(async () => {
      result = await uploadQdpx(file)
    })
    set({ projectImport: ok && result ? { file: file.name, result } : null })
  },
  closeProjectImport: () => set({ projectImport: null }),
  exportProject: async () => {
    try {
      const file = await saveDownload('export:qdpx', {}, fileNameWith('qdpx', studyName(get().info?.path)))
      if (file) get().notify({ key: 'exportedFile', params: { file } })
    } catch (e) {
      get().report(e)
    }
  },
})
