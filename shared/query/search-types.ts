/** Results of search and auto-coding with the query language (electron/core/search). */

/** What a hit becomes: the words found (± n words), or its sentence, paragraph or page (± n units). */
export type SearchUnit = 'hit' | 'sentence' | 'paragraph' | 'page'
export type Stemming = 'none' | 'nl' | 'en'

export interface QueryHit {
  documentId: number
  start: number
  end: number
  page: number
  before: string
  text: string
  after: string
  /** New since the saved query last ran (saved queries only). */
  isNew?: boolean
}

export interface QuerySearchResult {
  hits: QueryHit[]
  /** Every document with hits, in document order, with its number of hits. */
  documents: { documentId: number; title: string; hits: number }[]
  total: number
  truncated: boolean
}

export interface AutocodeResult {
  hits: number
  /** New codings (after joining with the coder's codings of this code). */
  codings: number
  /** Hits that join an existing coding of the code by the coder (extending it). */
  merged: number
  codingIds: number[]
}

export interface SavedQuery {
  id: number
  name: string
  query: string
  options: Record<string, unknown>
  createdAt: string
  lastRunAt: string | null
  /** Hits of the last run. */
  lastHits: number
}
