/**
 * Which codebook format a file is, from its name: what the command line and the codebook
 * panel's import and export go by.
 */
export type CodebookFileFormat = 'csv' | 'json' | 'qdc' | 'qdpx'

/** The format named by the file's extension, or undefined for one we do not read. */
export function codebookFormatOf(fileName: string): CodebookFileFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return ext === 'csv' || ext === 'json' || ext === 'qdc' || ext === 'qdpx' ? ext : ext === 'txt' || ext === 'tsv' ? 'csv' : undefined
}

/** The extensions the import accepts, for a file picker. */
export const CODEBOOK_IMPORT_ACCEPT = '.csv,.tsv,.txt,.json,.qdc,.qdpx'
