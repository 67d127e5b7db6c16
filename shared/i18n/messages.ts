import type { ErrorCode } from '../errors'

export type Lang = 'nl' | 'en'
export const LANGS: readonly Lang[] = ['nl', 'en']

/**
 * Error messages, in both languages. `{name}` is replaced by the error's parameter of that
 * name. Every error code must have both texts (a test checks this).
 */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  'unknown-method': { en: 'Unknown operation "{method}".', nl: 'Onbekende bewerking "{method}".' },
  'bad-input': { en: 'Invalid input: {detail}', nl: 'Ongeldige invoer: {detail}' },
  internal: {
    en: 'Something went wrong inside Werkbank: {detail}. Nothing was changed.',
    nl: 'Er ging iets mis in Werkbank: {detail}. Er is niets gewijzigd.',
  },
  'study-not-found': { en: 'Study file not found: {path}', nl: 'Studiebestand niet gevonden: {path}' },
  'study-not-a-study': {
    en: '{path} is not a Werkbank study file. It was left untouched.',
    nl: '{path} is geen Werkbank-studiebestand. Het is niet aangeraakt.',
  },
  'study-newer-version': {
    en: '{path} was made by a newer version of Werkbank (file version {found}, this version knows up to {known}). Update Werkbank to open it; the file was left untouched.',
    nl: '{path} is gemaakt met een nieuwere versie van Werkbank (bestandsversie {found}, deze versie kent tot en met {known}). Werk Werkbank bij om het te openen; het bestand is niet aangeraakt.',
  },
  'study-unknown-migrations': {
    en: '{path} holds changes this version of Werkbank does not know ({detail}). The file was left untouched.',
    nl: '{path} bevat wijzigingen die deze versie van Werkbank niet kent ({detail}). Het bestand is niet aangeraakt.',
  },
  'study-locked': {
    en: 'The study is busy in another program. Try again in a moment.',
    nl: 'De studie is bezet door een ander programma. Probeer het zo opnieuw.',
  },
  'file-not-found': { en: 'File not found: {path}', nl: 'Bestand niet gevonden: {path}' },
  'file-empty': { en: '{file} is empty.', nl: '{file} is leeg.' },
  'file-too-large': {
    en: '{file} is too large ({sizeMb} MB; the limit is {limitMb} MB).',
    nl: '{file} is te groot ({sizeMb} MB; de grens is {limitMb} MB).',
  },
  'file-not-pdf': { en: '{file} is not a PDF file.', nl: '{file} is geen PDF-bestand.' },
  'pdf-encrypted': {
    en: '{file} is protected with a password. Remove the protection and import it again.',
    nl: '{file} is beveiligd met een wachtwoord. Haal de beveiliging eraf en importeer het opnieuw.',
  },
  'pdf-corrupt': {
    en: '{file} is damaged or incomplete and cannot be read ({detail}).',
    nl: '{file} is beschadigd of onvolledig en kan niet worden gelezen ({detail}).',
  },
  'pdf-duplicate': {
    en: '{file} is already in the study (document {documentId}).',
    nl: '{file} zit al in de studie (document {documentId}).',
  },
  'document-not-found': { en: 'Document {documentId} does not exist.', nl: 'Document {documentId} bestaat niet.' },
  'page-not-found': {
    en: 'Document {documentId} has no page {page}.',
    nl: 'Document {documentId} heeft geen pagina {page}.',
  },
  'case-not-found': { en: 'Case {caseId} does not exist.', nl: 'Casus {caseId} bestaat niet.' },
  'case-name-taken': { en: 'There is already a case named "{name}".', nl: 'Er is al een casus met de naam "{name}".' },
  'code-not-found': { en: 'Code {codeId} does not exist.', nl: 'Code {codeId} bestaat niet.' },
  'code-path-not-found': { en: 'There is no code "{path}".', nl: 'Er is geen code "{path}".' },
  'code-name-taken': {
    en: 'There is already a code named "{name}" at this place in the codebook.',
    nl: 'Er is al een code met de naam "{name}" op deze plek in het codeboek.',
  },
  'code-name-invalid': {
    en: 'A code name must not be empty or contain "/".',
    nl: 'Een codenaam mag niet leeg zijn en geen "/" bevatten.',
  },
  'code-move-cycle': {
    en: 'A code cannot be moved under itself or one of its subcodes.',
    nl: 'Een code kan niet onder zichzelf of een van haar subcodes worden geplaatst.',
  },
  'code-merge-self': { en: 'A code cannot be merged into itself or its subcodes.', nl: 'Een code kan niet met zichzelf of haar subcodes worden samengevoegd.' },
  'code-has-codings': {
    en: 'Code "{name}" still has {count} codings (subcodes included). Delete them too, or merge the code into another one.',
    nl: 'Code "{name}" heeft nog {count} coderingen (subcodes meegeteld). Verwijder die ook, of voeg de code samen met een andere.',
  },
  'coder-not-found': { en: 'Coder {coderId} does not exist.', nl: 'Codeur {coderId} bestaat niet.' },
  'coder-name-invalid': { en: 'A coder name must not be empty.', nl: 'Een codeursnaam mag niet leeg zijn.' },
  'coding-not-found': { en: 'Coding {codingId} does not exist.', nl: 'Codering {codingId} bestaat niet.' },
  'coding-range-invalid': {
    en: 'The passage {start}–{end} lies outside the document text (0–{length}) or is empty.',
    nl: 'De passage {start}–{end} valt buiten de documenttekst (0–{length}) of is leeg.',
  },
  'coding-quote-not-found': {
    en: 'The text "{quote}" does not occur in document {documentId}.',
    nl: 'De tekst "{quote}" komt niet voor in document {documentId}.',
  },
  'coding-quote-ambiguous': {
    en: 'The text "{quote}" occurs {count} times in document {documentId}; give offsets instead.',
    nl: 'De tekst "{quote}" komt {count} keer voor in document {documentId}; geef posities op.',
  },
  'template-not-found': { en: 'There is no codebook template "{template}".', nl: 'Er is geen codeboeksjabloon "{template}".' },
  'codebook-import-invalid': {
    en: 'The codebook file cannot be imported: {detail}. Nothing was changed.',
    nl: 'Het codeboekbestand kan niet worden geïmporteerd: {detail}. Er is niets gewijzigd.',
  },
  'nothing-to-undo': { en: 'There is nothing to undo.', nl: 'Er is niets om ongedaan te maken.' },
  'nothing-to-redo': { en: 'There is nothing to redo.', nl: 'Er is niets om opnieuw te doen.' },
  'search-query-invalid': {
    en: 'The search "{query}" cannot be understood.',
    nl: 'De zoekopdracht "{query}" wordt niet begrepen.',
  },
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  )
}

export function errorMessage(
  error: { code: ErrorCode; params: Record<string, string | number> },
  lang: Lang,
): string {
  const texts = ERROR_MESSAGES[error.code] ?? ERROR_MESSAGES.internal
  return interpolate(texts[lang], error.params)
}
