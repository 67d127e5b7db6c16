import { z } from 'zod'
import { CsvError, parseCsv, sniffDelimiter, toCsv, type Cell, type CsvOptions } from '../../../shared/csv'
import { WerkbankError } from '../../../shared/errors'
import type { CodebookService } from './codebook.service'
import type { History } from './history.service'
import { projectXmlOfQdpx } from '../../../shared/qdpx'
import { parseRefiCodebook, toQdc, type RefiCodeEntry } from './refi-codebook'

/** The columns of a codebook in CSV, in this order; `path` is Parent/Child. */
export const CODEBOOK_COLUMNS = ['path', 'colour', 'definition', 'inclusion', 'exclusion', 'example', 'uuid'] as const

const Entry = z.object({
  path: z.string().min(1),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  definition: z.string().optional(),
  inclusion: z.string().optional(),
  exclusion: z.string().optional(),
  example: z.string().optional(),
  uuid: z.string().optional(),
})
/** A code as codebook files carry it: its path (Parent/Child) and what they say of it. */
export type CodebookEntry = z.infer<typeof Entry>

const CodebookJson = z.object({
  format: z.literal('werkbank-codebook'),
  version: z.literal(1),
  codes: z.array(Entry),
})

/** Files a codebook is written to: CSV, our JSON, REFI-QDA's .qdc (see refi-codebook.ts). */
export type CodebookExportFormat = 'csv' | 'json' | 'qdc'
/** Files a codebook is read from: those, and the codebook of a REFI-QDA project (.qdpx). */
export type CodebookFormat = CodebookExportFormat | 'qdpx'

/** Names the program in the files it writes (REFI's `origin`). */
const ORIGIN = 'Werkbank'

/**
 * Codebook export and import (CSV, JSON and REFI-QDA), for sharing a codebook between studies
 * and with ATLAS.ti, MAXQDA, NVivo, QualCoder or Taguette.
 */
export class CodebookTransfer {
  constructor(
    private readonly codebook: CodebookService,
    private readonly history: History,
  ) {}

  export(format: CodebookExportFormat, csv: CsvOptions = {}): string {
    if (format === 'qdc') return toQdc(this.codebook.list(), ORIGIN)
    if (format === 'json') return JSON.stringify({ format: 'werkbank-codebook', version: 1, codes: this.entries() }, null, 2) + '\n'
    return toCsv(this.table(), csv)
  }

  /** The codebook as a table (header first), as the CSV and the Excel export write it. */
  table(): Cell[][] {
    return [[...CODEBOOK_COLUMNS], ...this.entries().map((e) => CODEBOOK_COLUMNS.map((k) => e[k]))]
  }

  private entries(): CodebookEntry[] {
    const codes = this.codebook.list().sort((a, b) => a.path.localeCompare(b.path))
    // Parents before children: a parent's path is a prefix of its children's.
    return codes.map((c) => ({
      path: c.path,
      colour: c.colour,
      definition: c.definition,
      inclusion: c.inclusion,
      exclusion: c.exclusion,
      example: c.example,
      uuid: c.uuid,
    }))
  }

  /**
   * Adds the codes of a codebook file: existing codes (same path) get the file's colour and
   * texts where the file gives them, missing ones are created. All or nothing. A .qdpx comes
   * as its bytes, the other formats as text.
   */
  import(format: CodebookFormat, content: string | Uint8Array): { created: number; updated: number } {
    const entries = parse(format, content)
    return this.history.record('codebook-import', { codes: entries.length }, () => {
      let created = 0
      let updated = 0
      for (const e of entries) {
        const { path, uuid: _uuid, ...fields } = e
        const existing = this.codebook.findPath(path)
        if (existing === undefined) {
          this.codebook.ensurePath(path, fields)
          created++
          continue
        }
        const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''))
        if (Object.keys(given).length > 0) {
          this.codebook.update(existing, given)
          updated++
        }
      }
      return { created, updated }
    })
  }
}

function parse(format: CodebookFormat, content: string | Uint8Array): CodebookEntry[] {
  if (format === 'qdpx') {
    if (typeof content === 'string') throw invalid('a .qdpx file is a zip archive, not text')
    return withoutGuids(parseRefiCodebook(projectXmlOfQdpx(content)))
  }
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
  if (format === 'qdc') return withoutGuids(parseRefiCodebook(text))
  return format === 'json' ? parseJson(text) : parseCsvCodebook(text)
}

/** A codebook file's codes keep their place and texts; their REFI GUIDs stay behind. */
function withoutGuids(entries: RefiCodeEntry[]): CodebookEntry[] {
  return entries.map(({ guid: _guid, notes: _notes, ...entry }) => entry)
}

function invalid(detail: string): WerkbankError {
  return new WerkbankError('codebook-import-invalid', { detail })
}

function parseJson(content: string): CodebookEntry[] {
  let data: unknown
  try {
    data = JSON.parse(content)
  } catch (e) {
    throw invalid(`not JSON (${(e as Error).message})`)
  }
  const parsed = CodebookJson.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw invalid(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`)
  }
  return parsed.data.codes
}

function parseCsvCodebook(content: string): CodebookEntry[] {
  let rows: string[][]
  try {
    const firstLine = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
    rows = parseCsv(content, { delimiter: sniffDelimiter(firstLine) })
  } catch (e) {
    if (e instanceof CsvError) throw invalid(`CSV ${e.code} on line ${e.line}`)
    throw e
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase())
  const pathCol = header.indexOf('path')
  if (pathCol < 0) throw invalid('the first row must name the columns and include "path"')
  const entries: CodebookEntry[] = []
  rows.slice(1).forEach((row, i) => {
    if (row.every((c) => c.trim() === '')) return
    const record: Record<string, string> = {}
    header.forEach((h, col) => {
      if ((CODEBOOK_COLUMNS as readonly string[]).includes(h) && row[col] !== undefined && row[col] !== '') record[h] = row[col]!
    })
    const parsed = Entry.safeParse(record)
    if (!parsed.success) throw invalid(`line ${i + 2}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`)
    entries.push(parsed.data)
  })
  return entries
}
