/** A study file's extension: the file dialogs, the command line, backups and the page name files by it. */
export const STUDY_EXTENSION = '.werkbank'

/** True for a file name that names a study (`.werkbank`, any case). */
export function isStudyFileName(name: string): boolean {
  return name.toLowerCase().endsWith(STUDY_EXTENSION)
}

/** A study's name: its file name without folder and extension, to name what is saved from it. */
export function studyStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? ''
  return isStudyFileName(name) ? name.slice(0, -STUDY_EXTENSION.length) : name
}
