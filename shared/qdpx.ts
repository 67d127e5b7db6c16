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
