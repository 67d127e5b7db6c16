/**
 * Where a REFI-QDA source's file is, in every form projects write it:
 * - `internal://NAME` — the standard's form: NAME in the archive's `Sources/` folder;
 * - a bare name or a relative path (`board_2017.txt`, `Sources/texts/a.txt`, `.\texts\a.txt`) —
 *   as some tools write it: resolved inside the archive, under `Sources/` (any case) or at its top;
 * - `relative://…` (to the project's basePath) and `absolute://…` — files outside the archive,
 *   which an import cannot reach: named in the report with their path.
 *
 * Untrusted input: only the entries asked for are inflated, in memory (nothing is written, so no
 * path tricks; a path that climbs out with `..` is outside), each within `maxBytes` and all
 * together within twenty times the size of the zip — a zip may list one compressed stream under
 * many names.
 */
import { unzipSync } from 'fflate'
import { WerkbankError } from '../../../shared/errors'

/** A source's file: a key into the archive, or a place outside it. */
export type SourceFile = { inside: string } | { outside: string }

/** Path segments of an archive-relative path, `.` and empty ones dropped; null if it climbs out. */
function segments(path: string): string[] | null {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.')
  return parts.includes('..') ? null : parts
}

/** The key a file has inside the archive: its path under `Sources/` (or from the top), lower case. */
function keyOf(parts: string[]): string {
  const rest = parts.length > 1 && parts[0]!.toLowerCase() === 'sources' ? parts.slice(1) : parts
  return rest.join('/').toLowerCase()
}

/** Where the file a source's path attribute names is; undefined when it names none. */
export function sourceFile(path: unknown): SourceFile | undefined {
  const raw = typeof path === 'string' ? path.trim() : ''
  if (raw === '') return undefined
  const internal = /^internal:\/\/\/?(.+)$/i.exec(raw)
  if (internal) {
    const parts = segments(internal[1]!)
    return parts && parts.length > 0 ? { inside: keyOf(parts) } : { outside: raw }
  }
  // Any other scheme (relative://, absolute://, file://), a drive letter, or a rooted path.
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('/') || raw.startsWith('\\')) return { outside: raw }
  const parts = segments(raw)
  return parts && parts.length > 0 ? { inside: keyOf(parts) } : { outside: raw }
}

function invalid(detail: string): WerkbankError {
  return new WerkbankError('codebook-import-invalid', { detail })
}

/**
 * The files of the archive that `keys` (from `sourceFile`) name, by key. A key the zip lacks is
 * simply not in the answer. The project file itself is never a source.
 */
export function archiveFiles(bytes: Uint8Array, keys: ReadonlySet<string>, maxBytes: number): Map<string, Uint8Array> {
  const entryKey = (name: string): string | null => {
    const parts = segments(name)
    if (parts === null || parts.length === 0) return null
    // Under Sources/ (any case), or a loose file at the top that is not the project.
    if (parts.length > 1 && parts[0]!.toLowerCase() !== 'sources') return null
    if (parts.length === 1 && parts[0]!.toLowerCase().endsWith('.qde')) return null
    const key = keyOf(parts)
    return keys.has(key) ? key : null
  }
  const budget = 20 * bytes.byteLength + 16 * 1024 * 1024
  let total = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (entryKey(f.name) === null) return false
        if (f.originalSize > maxBytes || f.size > maxBytes) throw invalid(`${f.name} in the .qdpx is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`)
        total += f.originalSize
        if (total > budget) throw invalid('the sources in the .qdpx would unpack to far more than the file itself (a damaged or hostile zip)')
        return true
      },
    })
  } catch (e) {
    if (e instanceof WerkbankError) throw e
    throw invalid('not a .qdpx file (not a readable zip archive)')
  }
  const out = new Map<string, Uint8Array>()
  // Sources/ before a loose file of the same name: entries under the folder win.
  for (const [name, data] of Object.entries(files).sort(([a], [b]) => Number(a.includes('/')) - Number(b.includes('/')))) out.set(entryKey(name)!, data)
  return out
}
