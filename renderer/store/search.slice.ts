import type { StateCreator } from 'zustand'
import type { Args } from '../../shared/api'
import type { AutocodeResult, QueryHit, QuerySearchResult, SavedQuery, SearchUnit, Stemming } from '../../shared/query/search-types'
import { call } from '../api/client'
import type { AppState } from './index'

/** What the search-and-code panel asks: the query, stemming, filters and what a hit becomes. */
export interface QueryForm {
  query: string
  stemming: Stemming
  unit: SearchUnit
  extend: number
  /** Empty: every document (and case). */
  documentIds: number[]
  caseIds: number[]
  /** Only hits not yet coded with this code (by anyone). */
  notCodedWith: number | null
}

export const EMPTY_FORM: QueryForm = { query: '', stemming: 'none', unit: 'hit', extend: 0, documentIds: [], caseIds: [], notCodedWith: null }

/** How many hits the list shows (all are counted, coded and previewed). */
export const HITS_SHOWN = 2000

/** The key the core uses for a hit in `exclude`: "documentId:start:end". */
export const hitKey = (h: Pick<QueryHit, 'documentId' | 'start' | 'end'>): string => `${h.documentId}:${h.start}:${h.end}`

export interface QuerySearchState {
  form: QueryForm
  /** The result and the form it was run with (the preview and apply use that one, not the edited form). */
  result: QuerySearchResult | null
  ran: QueryForm | null
  /** Unticked hits, by hitKey. */
  excluded: Record<string, true>
  codeId: number | null
  preview: AutocodeResult | null
  busy: boolean
  saved: SavedQuery[]
  /** The saved query whose run is shown (its new hits are marked). */
  savedId: number | null
}

export interface SearchSlice {
  qs: QuerySearchState
  setQueryForm(patch: Partial<QueryForm>): void
  setAutocodeCode(codeId: number | null): Promise<void>
  runQuery(): Promise<void>
  toggleHit(key: string): Promise<void>
  setAllHits(on: boolean): Promise<void>
  refreshPreview(): Promise<void>
  applyAutocode(): Promise<boolean>
  loadSavedQueries(): Promise<void>
  saveQuery(name: string): Promise<boolean>
  runSavedQuery(id: number): Promise<void>
  deleteSavedQuery(id: number): Promise<void>
}

/** The search arguments of a form, as the contract takes them. */
export function searchArgs(f: QueryForm): Args<'search:run'> {
  return {
    query: f.query,
    stemming: f.stemming,
    unit: f.unit,
    extend: f.extend,
    ...(f.documentIds.length > 0 ? { documentIds: f.documentIds } : {}),
    ...(f.caseIds.length > 0 ? { caseIds: f.caseIds } : {}),
    ...(f.notCodedWith !== null ? { notCodedWith: { codeId: f.notCodedWith } } : {}),
  }
}

/** A form from a saved query's options (what queries:save stored). */
function formOf(q: SavedQuery): QueryForm {
  const o = q.options as Partial<Args<'search:run'>>
  return {
    query: q.query,
    stemming: o.stemming ?? 'none',
    unit: o.unit ?? 'hit',
    extend: o.extend ?? 0,
    documentIds: o.documentIds ?? [],
    caseIds: o.caseIds ?? [],
    notCodedWith: o.notCodedWith?.codeId ?? null,
  }
}

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set, get) => {
  const patch = (p: Partial<QuerySearchState>) => set((s) => ({ qs: { ...s.qs, ...p } }))
  const autocodeArgs = () => {
    const { ran, codeId, excluded } = get().qs
    const coder = get().coder
    if (!ran || codeId === null || coder === null) return null
    const { query: _q, ...rest } = searchArgs(ran)
    return { query: ran.query, ...rest, codeId, coderId: coder.id, exclude: Object.keys(excluded) }
  }
  const shown = async (run: () => Promise<QuerySearchResult>, form: QueryForm, savedId: number | null) => {
    patch({ busy: true })
    try {
      const result = await run()
      patch({ result, ran: form, excluded: {}, savedId, busy: false, preview: null })
      await get().refreshPreview()
    } catch (e) {
      patch({ busy: false })
      get().report(e)
    }
  }
  return {
    qs: { form: EMPTY_FORM, result: null, ran: null, excluded: {}, codeId: null, preview: null, busy: false, saved: [], savedId: null },

    setQueryForm: (p) => set((s) => ({ qs: { ...s.qs, form: { ...s.qs.form, ...p } } })),

    setAutocodeCode: async (codeId) => {
      patch({ codeId, preview: null })
      await get().refreshPreview()
    },

    runQuery: async () => {
      const form = get().qs.form
      if (form.query.trim() === '') return
      await shown(() => call('search:run', { ...searchArgs(form), limit: HITS_SHOWN }), form, null)
    },

    toggleHit: async (key) => {
      const excluded = { ...get().qs.excluded }
      if (excluded[key]) delete excluded[key]
      else excluded[key] = true
      patch({ excluded })
      await get().refreshPreview()
    },

    setAllHits: async (on) => {
      const hits = get().qs.result?.hits ?? []
      patch({ excluded: on ? {} : Object.fromEntries(hits.map((h) => [hitKey(h), true as const])) })
      await get().refreshPreview()
    },

    refreshPreview: async () => {
      const args = autocodeArgs()
      if (!args) {
        patch({ preview: null })
        return
      }
      try {
        const preview = await call('autocode:preview', args)
        // Only the answer to the latest question counts (ticks change fast).
        const now = autocodeArgs()
        if (now && now.codeId === args.codeId && now.exclude.length === args.exclude.length && now.query === args.query) patch({ preview })
      } catch (e) {
        get().report(e)
      }
    },

    applyAutocode: async () => {
      const args = autocodeArgs()
      if (!args) return false
      const ok = await get().change(async () => {
        const r = await call('autocode:apply', args)
        get().markRecent(args.codeId)
        get().notify({ key: 'autocoded', params: { codings: r.codings, merged: r.merged } })
      })
      if (ok) {
        // The coded hits are still hits; with "not yet coded with" they are gone: ask again.
        const { ran, savedId } = get().qs
        if (ran) await shown(() => call('search:run', { ...searchArgs(ran), limit: HITS_SHOWN }), ran, savedId)
      }
      return ok
    },

    loadSavedQueries: async () => {
      try {
        patch({ saved: await call('queries:list', {}) })
      } catch (e) {
        get().report(e)
      }
    },

    saveQuery: async (name) => {
      const form = get().qs.form
      try {
        const { query: _q, ...options } = searchArgs(form)
        const { id } = await call('queries:save', { name, query: form.query, options })
        await get().loadSavedQueries()
        patch({ savedId: id })
        return true
      } catch (e) {
        get().report(e)
        return false
      }
    },

    runSavedQuery: async (id) => {
      const q = get().qs.saved.find((s) => s.id === id)
      if (!q) return
      const form = formOf(q)
      patch({ form })
      await shown(() => call('queries:run', { id, limit: HITS_SHOWN }), form, id)
      await get().loadSavedQueries()
    },

    deleteSavedQuery: async (id) => {
      try {
        await call('queries:delete', { id })
        if (get().qs.savedId === id) patch({ savedId: null })
        await get().loadSavedQueries()
      } catch (e) {
        get().report(e)
      }
    },
  }
}
