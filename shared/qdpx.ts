/**
 * The project file of a REFI-QDA project (.qdpx, a zip). Shared, because the page opens a large
 * .qdpx itself and sends only the project's XML (a .qdpx also holds every source, which may be
 * far larger than the codebook), while the command line hands the core the whole file.
 *
 * Untrusted input: only the `.qde` entry at the top of the zip is inflated, in memory (nothing
 * is written, so no path tricks), and its declared and actual size are capped.
 */
import { unzipSync } from 'fflate'
import { WerkbankError } from './errors'

/** The largest .qdpx taken in (it holds every PDF of a project). */
export const QDPX_MAX_BYTES = 1024 * 1024 * 1024

/** The largest project XML inflated from a .qdpx (the NVivo project in the tests has 217 kB). */
export const MAX_PROJECT_XML = 256 * 1024 * 1024

function invalid(detail: string): WerkbankError {
  return new WerkbankError('codebook-import-invalid', { detail })
}

/** The project XML (`*.qde` at the top of the zip) of a .qdpx file. */
export function projectXmlOfQdpx(bytes: Uint8Array, maxBytes = MAX_PROJECT_XML): string {
  let found = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      // Called for each entry before it is inflated: only the one project file is, and only
      // when its sizes are within the cap. A second project file is refused before it is
      // inflated (a zip may list one compressed stream under many names). A declared size
      // smaller than the real one cannot overrun: fflate inflates into a buffer of that size.
      filter: (f) => {
        if (!isProjectEntry(f.name)) return false
        if (++found > 1) throw invalid('the .qdpx holds more than one project file')
        if (f.originalSize > maxBytes || f.size > maxBytes) {
          throw invalid(`the project file in the .qdpx is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`)
        }
        return true
      },
    })
  } catch (e) {
    if (e instanceof WerkbankError) throw e
    throw invalid('not a .qdpx file (not a readable zip archive)')
  }
  const data = Object.values(files)[0]
  if (data === undefined) throw invalid('the .qdpx holds no project file (project.qde)')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    throw invalid('the project file is not UTF-8 text')
  }
}

/** `project.qde` (any case, as NVivo and ATLAS.ti spell it differently) at the top of the zip. */
function isProjectEntry(name: string): boolean {
  return !name.includes('/') && !name.includes('\\') && name.toLowerCase().endsWith('.qde')
}

/**
 * Source files of a .qdpx, by the name after `internal://` (they lie in its `Sources/` folder,
 * spelled `sources/` by some programs; names compared without case): only those named are
 * inflated, each within `maxBytes`, and all together within twenty times the size of the zip
 * (text deflates about four times, PDFs hardly) — a zip may list one compressed stream under
 * many names. A name the zip lacks is simply not in the answer.
 */
export function sourceFilesOfQdpx(bytes: Uint8Array, names: ReadonlySet<string>, maxBytes: number): Map<string, Uint8Array> {
  const byLower = new Map([...names].map((n) => [n.toLowerCase(), n]))
  const wanted = (entry: string) => {
    const m = /^sources\/([^/\\]+)$/i.exec(entry)
    return m ? (byLower.get(m[1]!.toLowerCase()) ?? null) : null
  }
  const budget = 20 * bytes.byteLength + 16 * 1024 * 1024
  let total = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (wanted(f.name) === null) return false
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
  return new Map(Object.entries(files).map(([entry, data]) => [wanted(entry)!, data]))
}
