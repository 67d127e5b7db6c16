import type { Lang } from '../../shared/i18n/messages'

/** UI strings in both languages. `{name}` placeholders are filled by `t`. */
export const STRINGS = {
  appTitle: { nl: 'Werkbank', en: 'Werkbank' },
  language: { nl: 'Taal', en: 'Language' },
  undo: { nl: 'Ongedaan maken', en: 'Undo' },
  redo: { nl: 'Opnieuw', en: 'Redo' },
  undone: { nl: 'Ongedaan gemaakt: {label}', en: 'Undone: {label}' },
  redone: { nl: 'Opnieuw gedaan: {label}', en: 'Redone: {label}' },
  close: { nl: 'Sluiten', en: 'Close' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  save: { nl: 'Opslaan', en: 'Save' },
  delete: { nl: 'Verwijderen', en: 'Delete' },
  rename: { nl: 'Hernoemen', en: 'Rename' },
  colour: { nl: 'Kleur', en: 'Colour' },
  ok: { nl: 'OK', en: 'OK' },

  coderTitle: { nl: 'Wie codeert er?', en: 'Who is coding?' },
  coderHelp: {
    nl: 'Je naam wordt bij elke codering bewaard, zodat codeurs later met elkaar vergeleken kunnen worden.',
    en: 'Your name is stored with every coding, so that coders can be compared later.',
  },
  coderName: { nl: 'Naam codeur', en: 'Coder name' },
  coderStart: { nl: 'Beginnen', en: 'Start' },
  coderLabel: { nl: 'Codeur: {name}', en: 'Coder: {name}' },
  coderChange: { nl: 'Wisselen', en: 'Change' },

  cases: { nl: 'Casussen en documenten', en: 'Cases and documents' },
  noCase: { nl: 'Zonder casus', en: 'No case' },
  noDocuments: { nl: 'Nog geen documenten. Importeer een PDF.', en: 'No documents yet. Import a PDF.' },
  importPdf: { nl: 'PDF importeren…', en: 'Import PDF…' },
  importing: { nl: 'Importeren: {file} (pagina {page} van {pages})', en: 'Importing: {file} (page {page} of {pages})' },
  imported: { nl: '{file} geïmporteerd ({pages} pagina’s).', en: '{file} imported ({pages} pages).' },
  duplicate: { nl: '{file} zat al in de studie.', en: '{file} was already in the study.' },
  noTextLayer: {
    nl: '{file} heeft geen tekstlaag (een scan?); alleen gebiedscodering is mogelijk.',
    en: '{file} has no text layer (a scan?); only area coding is possible.',
  },
  codingsCount: { nl: '{count} coderingen', en: '{count} codings' },

  codebook: { nl: 'Codeboek', en: 'Codebook' },
  filterCodes: { nl: 'Codes filteren…', en: 'Filter codes…' },
  newCode: { nl: 'Nieuwe code', en: 'New code' },
  newSubcode: { nl: 'Subcode toevoegen', en: 'Add subcode' },
  codeName: { nl: 'Codenaam', en: 'Code name' },
  noCodes: { nl: 'Het codeboek is leeg.', en: 'The codebook is empty.' },
  noCodesMatch: { nl: 'Geen code past bij “{filter}”.', en: 'No code matches “{filter}”.' },
  applyTemplate: { nl: 'Loopbaan-codeboek laden', en: 'Load career-learning codebook' },
  deleteCodeTitle: { nl: 'Code verwijderen?', en: 'Delete code?' },
  deleteCodeText: {
    nl: 'Code “{name}” verwijderen, met {subcodes} subcodes? Daarmee verdwijnen ook {codings} coderingen.',
    en: 'Delete code “{name}” with {subcodes} subcodes? This also removes {codings} codings.',
  },
  deleteCodeTextNone: {
    nl: 'Code “{name}” verwijderen, met {subcodes} subcodes? Er hangen geen coderingen aan.',
    en: 'Delete code “{name}” with {subcodes} subcodes? No codings use it.',
  },
  deleteCodeUndo: { nl: 'Dit kan ongedaan worden gemaakt (Ctrl+Z).', en: 'This can be undone (Ctrl+Z).' },
  showCodings: { nl: 'Coderingen tonen', en: 'Show codings' },

  noDocument: { nl: 'Kies links een document.', en: 'Choose a document on the left.' },
  loadingPdf: { nl: 'PDF laden…', en: 'Loading PDF…' },
  zoomIn: { nl: 'Inzoomen', en: 'Zoom in' },
  zoomOut: { nl: 'Uitzoomen', en: 'Zoom out' },
  fitWidth: { nl: 'Paginabreedte', en: 'Fit width' },
  page: { nl: 'Pagina', en: 'Page' },
  pageOf: { nl: 'van {count}', en: 'of {count}' },
  previousPage: { nl: 'Vorige pagina', en: 'Previous page' },
  nextPage: { nl: 'Volgende pagina', en: 'Next page' },
  textMismatch: {
    nl: 'Let op: de tekst van pagina {page} wijkt af van de opgeslagen tekst; markeringen kunnen verschuiven.',
    en: 'Note: the text of page {page} differs from the stored text; highlights may be off.',
  },

  pickCode: { nl: 'Code kiezen', en: 'Choose a code' },
  pickerPlaceholder: { nl: 'Typ om te zoeken, Enter past toe', en: 'Type to search, Enter applies' },
  pickerCreate: { nl: 'Nieuwe code “{name}” maken en toepassen', en: 'Create and apply code “{name}”' },
  pickerRecent: { nl: 'Recent (toets 1–9)', en: 'Recent (keys 1–9)' },
  pickerNone: { nl: 'Geen code gevonden', en: 'No code found' },

  selectedCoding: { nl: 'Gekozen codering', en: 'Selected coding' },
  noSelection: {
    nl: 'Selecteer tekst om te coderen, of klik op een markering.',
    en: 'Select text to code it, or click a highlight.',
  },
  code: { nl: 'Code', en: 'Code' },
  coder: { nl: 'Codeur', en: 'Coder' },
  quote: { nl: 'Citaat', en: 'Quote' },
  memo: { nl: 'Memo', en: 'Memo' },
  memoSaved: { nl: 'Memo bewaard.', en: 'Memo saved.' },
  pages: { nl: 'Pagina {from}–{to}', en: 'Pages {from}–{to}' },
  pageN: { nl: 'Pagina {page}', en: 'Page {page}' },
  recode: { nl: 'Hercoderen', en: 'Recode' },
  deleteCoding: { nl: 'Codering verwijderen', en: 'Delete coding' },

  retrieval: { nl: 'Ophalen per code', en: 'Retrieval by code' },
  retrievalChoose: { nl: 'Kies een code in het codeboek.', en: 'Choose a code in the codebook.' },
  retrievalEmpty: { nl: 'Nog geen coderingen met deze code.', en: 'No codings with this code yet.' },
  retrievalFor: { nl: '{count} coderingen van “{code}” (met subcodes)', en: '{count} codings of “{code}” (subcodes included)' },

  errorTitle: { nl: 'Fout', en: 'Error' },
} as const satisfies Record<string, Record<Lang, string>>

export type StringKey = keyof typeof STRINGS
