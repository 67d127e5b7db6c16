import type Database from 'better-sqlite3'
import { WerkbankError } from '../../../shared/errors'
import type { SearchHit } from '../../../shared/types'

const OPEN = '\u0001'
const CLOSE = '\u0002'

/**
 * Turns what a person types into an FTS5 query: words must all occur (in any order),
 * "quoted phrases" must occur as written, a trailing * matches word starts. Everything is
 * quoted, so FTS5 operators in the input are just words.
 */
export function toFtsQuery(input: string): string {
  const parts: string[] = []
  const re = /"([^"]*)"|(\S+)/g
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[1] !== undefined) {
      const phrase = m[1].trim()
      if (phrase) parts.push(`"${phrase.replace(/"/g, '')}"`)
    } else {
      const word = m[2]!.replace(/"/g, '')
      const prefix = word.endsWith('*') && word.length > 1
      const bare = prefix ? word.slice(0, -1) : word
      if (bare) parts.push(`"${bare}"${prefix ? '*' : ''}`)
    }
  }
  return parts.join(' ')
}

/** Full-text search over all pages (FTS5; diacritics ignored, so "coordinatie" finds "coördinatie"). */
export class SearchService {
  private readonly stmt: Database.Statement

  constructor(db: Database.Database) {
    this.stmt = db.prepare(`
      SELECT p.document_id, d.title, p.page_no, p.start_offset,
             highlight(page_fts, 0, char(1), char(2)) AS marked,
             snippet(page_fts, 0, '[', ']', '…', 12) AS snippet
      FROM page_fts JOIN pages p ON p.id = page_fts.rowid JOIN documents d ON d.id = p.document_id
      WHERE page_fts MATCH ?
      ORDER BY p.document_id, p.page_no
      LIMIT ?`)
  }

  /** Every match, with its offsets in the document's canonical text. */
  search(input: string, limit = 500): SearchHit[] {
    const query = toFtsQuery(input)
    if (query === '') return []
    let rows: { document_id: number; title: string; page_no: number; start_offset: number; marked: string; snippet: string }[]
    try {
      rows = this.stmt.all(query, limit) as typeof rows
    } catch {
      throw new WerkbankError('search-query-invalid', { query: input })
    }
    const hits: SearchHit[] = []
    for (const r of rows) {
      // highlight() returns the page text with markers around each match: their positions,
      // less the markers before them, are the match offsets in the page text.
      let removed = 0
      let start = -1
      for (let i = 0; i < r.marked.length; i++) {
        const ch = r.marked[i]
        if (ch === OPEN) {
          start = i - removed
          removed++
        } else if (ch === CLOSE && start >= 0) {
          const end = i - removed
          removed++
          hits.push({
            documentId: r.document_id,
            documentTitle: r.title,
            page: r.page_no,
            start: r.start_offset + start,
            end: r.start_offset + end,
            snippet: r.snippet,
          })
          start = -1
        }
      }
    }
    return hits
  }
}
