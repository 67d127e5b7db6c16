import type { StateCreator } from 'zustand'
import type { Code } from '../../shared/types'
import { codebookFormatOf } from '../../shared/codebook-files'
import { WerkbankError } from '../../shared/errors'
import { projectXmlOfQdpx } from '../../shared/qdpx'
import { ApiError, call } from '../api/client'
import { downloadText, fileNameWith, studyName } from '../io/download'
import type { AppState } from './index'

/** Codes that were applied last, newest first: keys 1–9 in the code picker. */
const RECENT_MAX = 9

export interface CodebookSlice {
  codes: { byId: Record<number, Code>; order: number[] }
  codeFilter: string
  recentCodeIds: number[]

  loadCodes(): Promise<void>
  setCodeFilter(filter: string): void
  createCode(parentId: number | null, name: string, colour?: string): Promise<Code | null>
  /** The code at `path` (Parent/Child), made with any missing parents in one undo step. */
  ensureCodePath(path: string): Promise<Code | null>
  renameCode(id: number, name: string): Promise<void>
  recolourCode(id: number, colour: string): Promise<void>
  /** Saves changed fields of a code (name, colour, definition, inclusion, exclusion, example). */
  /** Changes a code's fields and, with `parentId`, its place: one undo step. */
  updateCode(id: number, fields: Partial<Pick<Code, 'name' | 'colour' | 'definition' | 'inclusion' | 'exclusion' | 'example'>>, parentId?: number | null): Promise<boolean>
  /** Puts a code under another one (null: top level); the core refuses a cycle. */
  moveCode(id: number, parentId: number | null): Promise<boolean>
  /** Merges a code (with its subcodes and codings) into another one. */
  mergeCodes(sourceId: number, targetId: number): Promise<boolean>
  deleteCode(id: number): Promise<void>
  applyTemplate(): Promise<void>
  /**
   * Adds the codes of a codebook file (CSV, JSON, REFI-QDA .qdc, or a .qdpx project's
   * codebook): one undo step; says how many codes were added and updated.
   */
  importCodebook(file: File): Promise<void>
  /** The codebook as a file to save: CSV, JSON or REFI-QDA .qdc. */
  exportCodebook(format: 'csv' | 'json' | 'qdc'): Promise<void>
  markRecent(codeId: number): void
  /** Restores the recent codes remembered for this study. */
  loadRecent(): void
}

/** The project XML of a .qdpx; a file that is none is refused in the same words the core uses. */
function projectXmlOf(bytes: Uint8Array): string {
  try {
    return projectXmlOfQdpx(bytes)
  } catch (e) {
    throw e instanceof WerkbankError ? new ApiError({ code: e.code, params: e.params }) : e
  }
}

/** A palette for new codes: distinct, readable under text at 35 % opacity. */
const PALETTE = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#fabed4', '#469990', '#dcbeff', '#9a6324', '#800000', '#aaffc3', '#808000']

export const createCodebookSlice: StateCreator<AppState, [], [], CodebookSlice> = (set, get) => ({
  codes: { byId: {}, order: [] },
  codeFilter: '',
  recentCodeIds: [],

  loadCodes: async () => {
    const list = await call('codes:list', {})
    const byId: Record<number, Code> = {}
    for (const c of list) byId[c.id] = c
    set((s) => ({ codes: { byId, order: list.map((c) => c.id) }, recentCodeIds: s.recentCodeIds.filter((id) => id in byId) }))
  },

  setCodeFilter: (codeFilter) => set({ codeFilter }),

  createCode: async (parentId, name, colour) => {
    try {
      const n = get().codes.order.length
      // A sub-code without a chosen colour gets a shade of its parent's (the core picks it).
      const c = colour ?? (parentId === null ? PALETTE[n % PALETTE.length]! : undefined)
      const code = await call('codes:create', { parentId, name, ...(c ? { colour: c } : {}) })
      await get().loadCodes()
      await get().refreshHistory()
      return code
    } catch (e) {
      get().report(e)
      return null
    }
  },

  ensureCodePath: async (path) => {
    try {
      const code = await call('codes:ensurePath', { path })
      await get().loadCodes()
      await get().refreshHistory()
      return code
    } catch (e) {
      get().report(e)
      return null
    }
  },

  renameCode: async (id, name) => {
    await get().change(async () => {
      await call('codes:update', { id, name })
    })
  },

  recolourCode: async (id, colour) => {
    await get().change(async () => {
      await call('codes:update', { id, colour })
    })
  },

  updateCode: async (id, fields, parentId) => {
    return get().change(async () => {
      if (Object.keys(fields).length > 0 || parentId !== undefined) {
        await call('codes:update', { id, ...fields, ...(parentId !== undefined ? { parentId } : {}) })
      }
    })
  },

  moveCode: async (id, parentId) => {
    const code = get().codes.byId[id]
    if (!code || code.parentId === parentId) return true
    return get().change(async () => {
      await call('codes:move', { id, parentId })
      get().notify({ key: 'codeMoved', params: { name: code.name } })
    })
  },

  mergeCodes: async (sourceId, targetId) => {
    return get().change(async () => {
      await call('codes:merge', { sourceId, targetId })
      if (get().retrievalCodeId === sourceId) set({ retrievalCodeId: targetId })
    })
  },

  deleteCode: async (id) => {
    await get().change(async () => {
      await call('codes:delete', { id, withCodings: true })
      if (get().retrievalCodeId === id) get().showRetrieval(null)
    })
  },

  applyTemplate: async () => {
    await get().change(async () => {
      await call('codes:applyTemplate', { template: 'loopbaan', lang: get().lang })
    })
  },

  importCodebook: async (file) => {
    const format = codebookFormatOf(file.name)
    if (format === undefined) {
      get().report(new ApiError({ code: 'codebook-file-type', params: { file: file.name } }))
      return
    }
    let result: { created: number; updated: number } | undefined
    const ok = await get().change(async () => {
      // A .qdpx holds every source as well (PDFs, media): only its project XML is sent.
      const content = format === 'qdpx' ? projectXmlOf(new Uint8Array(await file.arrayBuffer())) : await file.text()
      result = await call('codebook:import', { format: format === 'qdpx' ? 'qdc' : format, content })
    })
    if (ok && result) get().notify({ key: 'codebookImported', params: { file: file.name, ...result } })
  },

  exportCodebook: async (format) => {
    try {
      const text = await call('codebook:export', format === 'csv' ? { format, bom: true, delimiter: get().lang === 'nl' ? ';' : ',' } : { format })
      const type = { csv: 'text/csv;charset=utf-8', json: 'application/json', qdc: 'application/xml' }[format]
      downloadText(fileNameWith(format, studyName(get().info?.path), 'codebook'), text, type)
    } catch (e) {
      get().report(e)
    }
  },

  markRecent: (codeId) => {
    const recentCodeIds = [codeId, ...get().recentCodeIds.filter((id) => id !== codeId)].slice(0, RECENT_MAX)
    set({ recentCodeIds })
    try {
      localStorage.setItem(recentKey(get().info?.path), JSON.stringify(recentCodeIds))
    } catch {
      // Not remembered across reloads; still works now.
    }
  },

  loadRecent: () => {
    try {
      const saved = JSON.parse(localStorage.getItem(recentKey(get().info?.path)) ?? '[]') as unknown
      const byId = get().codes.byId
      if (Array.isArray(saved)) {
        set({ recentCodeIds: saved.filter((id): id is number => typeof id === 'number' && id in byId).slice(0, RECENT_MAX) })
      }
    } catch {
      // Nothing remembered.
    }
  },
})

/** Recent codes are remembered per study (code ids mean nothing in another study). */
function recentKey(studyPath: string | undefined): string {
  return `werkbank.recent:${studyPath ?? ''}`
}
