import type { StateCreator } from 'zustand'
import type { AppError } from '../../shared/errors'
import type { Suggestion, SuggestionList } from '../../shared/suggestion-types'
import { ApiError, call } from '../api/client'
import type { AppState } from './index'

/** How many suggestions the list asks for at most. */
export const SUGGESTIONS_SHOWN = 200

/** The Suggestions panel: a code, where to look, the ranked list and which one is current. */
export interface SuggestionsState {
  codeId: number | null
  /** The open document only, or every document. */
  scope: 'document' | 'all'
  list: SuggestionList | null
  /** The current suggestion in `list.items`; -1 for none. */
  index: number
  busy: boolean
  /** Why there is no list (too few segments, …), shown in the panel rather than as a banner. */
  error: AppError | null
}

export interface SuggestionsSlice {
  sg: SuggestionsState
  setSuggestionCode(codeId: number | null): Promise<void>
  setSuggestionScope(scope: 'document' | 'all'): Promise<void>
  /** Asks the engine again (it re-ranks after every accept or reject); keeps the position. */
  loadSuggestions(): Promise<void>
  /** Makes suggestion `index` current and shows it in the viewer. */
  showSuggestion(index: number): Promise<void>
  acceptSuggestion(): Promise<boolean>
  rejectSuggestion(): Promise<boolean>
  /** Space: leaves the current one as it is and goes to the next. */
  skipSuggestion(): Promise<void>
}

/** The current suggestion, if any. */
export function currentSuggestion(sg: SuggestionsState): Suggestion | null {
  return sg.list?.items[sg.index] ?? null
}

/** A suggestion's identity (the same unit keeps it across re-rankings). */
export const suggestionKey = (s: Pick<Suggestion, 'documentId' | 'start' | 'end'>): string => `${s.documentId}:${s.start}:${s.end}`

let generation = 0

export const createSuggestionsSlice: StateCreator<AppState, [], [], SuggestionsSlice> = (set, get) => {
  const patch = (p: Partial<SuggestionsState>) => set((s) => ({ sg: { ...s.sg, ...p } }))

  /** Judges the current suggestion (accept or reject), then asks for the re-ranked list. */
  const judge = async (how: 'accept' | 'reject'): Promise<boolean> => {
    const { sg, coder } = get()
    const cur = currentSuggestion(sg)
    if (!cur || coder === null || sg.busy) return false
    const target = { codeId: cur.codeId, coderId: coder.id, documentId: cur.documentId, start: cur.start, end: cur.end }
    patch({ busy: true })
    try {
      if (how === 'accept') {
        await call('suggestions:accept', target)
        get().markRecent(cur.codeId)
      } else {
        await call('suggestions:reject', target)
      }
    } catch (e) {
      patch({ busy: false })
      get().report(e)
      return false
    }
    patch({ busy: false })
    // The judged unit leaves the list; the one that takes its place becomes current.
    await Promise.all([get().loadSuggestions(), how === 'accept' ? get().refreshAll() : Promise.resolve()])
    return true
  }

  return {
    sg: { codeId: null, scope: 'document', list: null, index: -1, busy: false, error: null },

    setSuggestionCode: async (codeId) => {
      patch({ codeId, list: null, index: -1, error: null })
      await get().loadSuggestions()
    },

    setSuggestionScope: async (scope) => {
      patch({ scope, list: null, index: -1, error: null })
      await get().loadSuggestions()
    },

    loadSuggestions: async () => {
      const { sg, coder, documentId } = get()
      if (sg.codeId === null || coder === null) {
        patch({ list: null, index: -1, error: null })
        return
      }
      const mine = ++generation
      const documentIds = sg.scope === 'document' && documentId !== null ? [documentId] : undefined
      patch({ busy: true })
      try {
        const list = await call('suggestions:list', { codeId: sg.codeId, coderId: coder.id, limit: SUGGESTIONS_SHOWN, ...(documentIds ? { documentIds } : {}) })
        if (mine !== generation) return
        const before = get().sg
        const index = list.items.length === 0 ? -1 : Math.min(Math.max(0, before.index), list.items.length - 1)
        patch({ list, index, busy: false, error: null })
        if (index >= 0) await get().showSuggestion(index)
      } catch (e) {
        if (mine !== generation) return
        if (e instanceof ApiError) patch({ list: null, index: -1, busy: false, error: e.error })
        else {
          patch({ busy: false })
          get().report(e)
        }
      }
    },

    showSuggestion: async (index) => {
      const items = get().sg.list?.items ?? []
      if (items.length === 0) return
      const i = Math.min(Math.max(0, index), items.length - 1)
      patch({ index: i })
      const s = items[i]!
      await get().jumpTo({ documentId: s.documentId, page: s.page, ranges: [{ start: s.start, end: s.end }], flash: false })
    },

    acceptSuggestion: () => judge('accept'),
    rejectSuggestion: () => judge('reject'),

    skipSuggestion: async () => {
      const { sg } = get()
      const n = sg.list?.items.length ?? 0
      if (n === 0) return
      await get().showSuggestion(Math.min(n - 1, sg.index + 1))
    },
  }
}
