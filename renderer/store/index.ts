/**
 * The UI state: one zustand store made of slices (study, codebook, viewer, codings, search and code, suggestions). Async
 * actions call the API client and then set; fast-changing things (the live selection, scroll,
 * pointer) stay in components.
 */
import { create } from 'zustand'
import { initialLang } from '../i18n/lang'
import { createCodebookSlice, type CodebookSlice } from './codebook.slice'
import { createCodingsSlice, type CodingsSlice } from './codings.slice'
import { createSearchSlice, type SearchSlice } from './search.slice'
import { createStudySlice, type StudySlice } from './study.slice'
import { createSuggestionsSlice, type SuggestionsSlice } from './suggestions.slice'
import { createViewerSlice, type ViewerSlice } from './viewer.slice'

export type AppState = StudySlice & CodebookSlice & ViewerSlice & CodingsSlice & SearchSlice & SuggestionsSlice

export const useApp = create<AppState>()((...a) => ({
  ...createStudySlice(initialLang())(...a),
  ...createCodebookSlice(...a),
  ...createViewerSlice(...a),
  ...createCodingsSlice(...a),
  ...createSearchSlice(...a),
  ...createSuggestionsSlice(...a),
}))
