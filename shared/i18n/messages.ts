import type { ErrorCode } from '../errors'

export type Lang = 'nl' | 'en'
export const LANGS: readonly Lang[] = ['nl', 'en']

/**
 * Error messages, in both languages. `{name}` is replaced by the error's parameter of that
 * name. Every error code must have both texts (a test checks this).
 */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  'unknown-method': { en: 'Unknown operation "{method}".', nl: 'Onbekende bewerking "{method}".' },
  forbidden: {
    en: 'This request was refused: it did not come from Werkbank itself.',
    nl: 'Dit verzoek is geweigerd: het kwam niet van Werkbank zelf.',
  },
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
    en: 'A code name must not be empty or contain "/" or control characters.',
    nl: 'Een codenaam mag niet leeg zijn en geen "/" of stuurtekens bevatten.',
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
  'codebook-empty': {
    en: 'The codebook has no codes to export.',
    nl: 'Het codeboek heeft geen codes om te exporteren.',
  },
  'project-import-invalid': {
    en: 'The REFI-QDA project cannot be imported: {detail}. Nothing was changed.',
    nl: 'Het REFI-QDA-project kan niet worden geïmporteerd: {detail}. Er is niets gewijzigd.',
  },
  'codebook-file-type': {
    en: '{file} is not a codebook file. Choose a .csv, .json, .qdc (REFI-QDA) or .qdpx file.',
    nl: '{file} is geen codeboekbestand. Kies een .csv-, .json-, .qdc- (REFI-QDA) of .qdpx-bestand.',
  },
  'codebook-import-invalid': {
    en: 'The codebook file cannot be imported: {detail}. Nothing was changed.',
    nl: 'Het codeboekbestand kan niet worden geïmporteerd: {detail}. Er is niets gewijzigd.',
  },
  'nothing-to-undo': { en: 'There is nothing to undo.', nl: 'Er is niets om ongedaan te maken.' },
  'nothing-to-redo': { en: 'There is nothing to redo.', nl: 'Er is niets om opnieuw te doen.' },
  'query-empty': { en: 'The query is empty: type a word, a "phrase" or a pattern.', nl: 'De zoekvraag is leeg: typ een woord, een "woordgroep" of een patroon.' },
  'query-unclosed-quote': { en: 'The quote opened at character {column} is not closed.', nl: 'Het aanhalingsteken op positie {column} wordt niet gesloten.' },
  'query-unclosed-regex': { en: 'The pattern that starts at character {column} has no closing /.', nl: 'Het patroon dat op positie {column} begint, heeft geen afsluitende /.' },
  'query-unclosed-paren': { en: 'The bracket opened at character {column} is not closed.', nl: 'Het haakje op positie {column} wordt niet gesloten.' },
  'query-unexpected-paren': { en: 'The closing bracket at character {column} has no opening bracket.', nl: 'Het sluithaakje op positie {column} hoort bij geen openingshaakje.' },
  'query-missing-operand': { en: 'Something is missing at character {column}: a word or a "phrase" after the operator.', nl: 'Op positie {column} ontbreekt iets: een woord of "woordgroep" na de operator.' },
  'query-near-distance': { en: 'NEAR at character {column} needs a number of words from 1 to 1000, as in NEAR/5.', nl: 'NEAR op positie {column} heeft een aantal woorden van 1 tot 1000 nodig, zoals NEAR/5.' },
  'query-empty-phrase': { en: 'The phrase or pattern at character {column} holds no word.', nl: 'De woordgroep of het patroon op positie {column} bevat geen woord.' },
  'query-only-not': { en: 'A query of only NOT finds nothing to show: say what to look for, then what not.', nl: 'Een zoekvraag met alleen NOT vindt niets om te tonen: zeg wat er moet staan, dan wat niet.' },
  'query-bad-regex': { en: 'The pattern at character {column} is not a valid regular expression.', nl: 'Het patroon op positie {column} is geen geldige reguliere expressie.' },
  'query-not-found': { en: 'There is no saved query {queryId}.', nl: 'Er is geen opgeslagen zoekvraag {queryId}.' },
  'search-query-invalid': {
    en: 'The search "{query}" cannot be understood.',
    nl: 'De zoekopdracht "{query}" wordt niet begrepen.',
  },
  'team-export-exists': {
    en: '{path} already exists. Choose a new file name for the coder\'s copy; nothing was written.',
    nl: '{path} bestaat al. Kies een nieuwe bestandsnaam voor de kopie van de codeur; er is niets geschreven.',
  },
  'team-merge-older-version': {
    en: '{path} was made by an older version of Werkbank (file version {found}, this one is {known}). Open it once in this Werkbank to bring it up to date, then merge it. Nothing was changed.',
    nl: '{path} is gemaakt met een oudere versie van Werkbank (bestandsversie {found}, deze is {known}). Open het eerst één keer in deze Werkbank om het bij te werken en voeg het daarna samen. Er is niets gewijzigd.',
  },
  'team-merge-no-common-documents': {
    en: '{path} holds other documents than this study: none of its documents is in this study. Nothing was merged.',
    nl: '{path} bevat andere documenten dan deze studie: geen van de documenten komt in deze studie voor. Er is niets samengevoegd.',
  },
  'team-merge-document-missing': {
    en: 'The document "{title}" of {path} is not in this study, but it holds codings or memos. Import the same PDF first, then merge again. Nothing was merged.',
    nl: 'Het document "{title}" uit {path} zit niet in deze studie, maar heeft wel coderingen of memo\'s. Importeer eerst dezelfde PDF en voeg daarna opnieuw samen. Er is niets samengevoegd.',
  },
  'team-merge-codebook-conflict': {
    en: '{path} has another version of the codebook: its code "{code}" is a different code than "{code}" here, which it calls "{other}". Bring the codebooks in line first. Nothing was merged.',
    nl: '{path} heeft een andere versie van het codeboek: de code "{code}" daarin is een andere code dan "{code}" hier, die daar "{other}" heet. Breng de codeboeken eerst gelijk. Er is niets samengevoegd.',
  },
  'team-merge-text-differs': {
    en: 'The text of "{title}" in {path} differs from the text here at {start}–{end}, so its codings would land in the wrong place. Nothing was merged.',
    nl: 'De tekst van "{title}" in {path} verschilt bij {start}–{end} van de tekst hier, zodat de coderingen op de verkeerde plaats zouden komen. Er is niets samengevoegd.',
  },
  'agreement-coder-unknown': { en: 'There is no coder named "{name}" in this study.', nl: 'Er is geen codeur met de naam "{name}" in deze studie.' },
  'agreement-too-few-coders': {
    en: 'Agreement needs at least two different coders (got {count}).',
    nl: 'Voor overeenstemming zijn minstens twee verschillende codeurs nodig (nu {count}).',
  },
  'agreement-no-common-documents': {
    en: 'There is no document that all of {coders} have coded. Choose the documents to compare yourself, or let every coder code them first.',
    nl: 'Er is geen document dat {coders} allemaal hebben gecodeerd. Kies zelf de documenten om te vergelijken, of laat eerst alle codeurs ze coderen.',
  },
  'agreement-no-judgements': {
    en: 'No case has judgements "{attribute}:CODER" of two coders or more.',
    nl: 'Geen enkele casus heeft oordelen "{attribute}:CODEUR" van twee of meer codeurs.',
  },
  'agreement-judgement-invalid': {
    en: 'The judgement of {coder} for case "{case}" is "{value}", which is not a number.',
    nl: 'Het oordeel van {coder} voor casus "{case}" is "{value}", en dat is geen getal.',
  },
  'agreement-settle-invalid': {
    en: 'Coding {codingId} is not a text coding of this code in this place, so it cannot be accepted here.',
    nl: 'Codering {codingId} is geen tekstcodering van deze code op deze plaats en kan hier niet worden overgenomen.',
  },
  'reliability-csv-invalid': {
    en: '{file} is not valid CSV: a quote near line {line} is not closed or stands in the wrong place.',
    nl: '{file} is geen geldige CSV: een aanhalingsteken bij regel {line} wordt niet gesloten of staat op de verkeerde plaats.',
  },
  'reliability-table-empty': {
    en: '{file} holds no ratings. It needs a first row with the unit names and then a row per coder.',
    nl: '{file} bevat geen oordelen. Het heeft een eerste rij met de namen van de eenheden nodig en daarna een rij per codeur.',
  },
  'reliability-table-no-units': { en: 'The first row of {file} names no units.', nl: 'De eerste rij van {file} noemt geen eenheden.' },
  'reliability-unit-name-missing': {
    en: 'Column {column} of {file} has no unit name in the first row.',
    nl: 'Kolom {column} van {file} heeft geen naam van een eenheid in de eerste rij.',
  },
  'reliability-coder-name-missing': {
    en: 'Row {row} of {file} has no coder name in the first column.',
    nl: 'Rij {row} van {file} heeft geen codeursnaam in de eerste kolom.',
  },
  'reliability-row-too-long': {
    en: 'Row {row} of {file} ({coder}) has more values than there are units ({units}).',
    nl: 'Rij {row} van {file} ({coder}) heeft meer waarden dan er eenheden zijn ({units}).',
  },
  'reliability-needs-numbers': {
    en: '{file}: "{value}" (coder {coder}, unit {unit}) is not a number; {level} needs numbers. Use the nominal level, or no weights.',
    nl: '{file}: "{value}" (codeur {coder}, eenheid {unit}) is geen getal; {level} vraagt getallen. Gebruik het nominale niveau, of geen gewichten.',
  },
  'reliability-kappa-two-coders': {
    en: "Cohen's kappa compares exactly two coders; {file} has {coders}. Use fleiss or alpha.",
    nl: 'Cohens kappa vergelijkt precies twee codeurs; {file} heeft er {coders}. Gebruik fleiss of alpha.',
  },
  'reliability-fleiss-unequal': {
    en: "Fleiss' kappa needs the same number of ratings for every unit, but unit {unit} in {file} has {got} instead of {expected}. Krippendorff's alpha allows missing ratings.",
    nl: 'Fleiss\' kappa vraagt evenveel oordelen voor elke eenheid, maar eenheid {unit} in {file} heeft er {got} in plaats van {expected}. Krippendorffs alpha staat ontbrekende oordelen toe.',
  },
  'reliability-ratio-negative': {
    en: '{file}: the ratio level needs values of 0 or more; coder {coder} gave {value} to unit {unit}.',
    nl: '{file}: het ratio-niveau vraagt waarden van 0 of meer; codeur {coder} gaf {value} aan eenheid {unit}.',
  },
  'reliability-invalid': {
    en: '{file} cannot be used for this coefficient ({detail}).',
    nl: '{file} is niet bruikbaar voor deze coëfficiënt ({detail}).',
  },
  'coder-name-not-found': { en: 'There is no coder "{name}".', nl: 'Er is geen codeur "{name}".' },
  'suggestion-too-few-segments': {
    en: 'Suggestions for "{code}" need at least {needed} segments of it by {coder}; there are {count}.',
    nl: 'Suggesties voor "{code}" vragen minstens {needed} segmenten ervan van {coder}; er zijn er {count}.',
  },
  'suggestion-method-unknown': {
    en: 'There is no suggestion method "{name}"; known: {known}.',
    nl: 'Er is geen suggestiemethode "{name}"; bekend: {known}.',
  },
  'case-name-not-found': { en: 'There is no case "{name}".', nl: 'Er is geen casus "{name}".' },
  'attribute-not-found': {
    en: 'No case has an attribute "{name}".',
    nl: 'Geen enkele casus heeft een attribuut "{name}".',
  },
  'phase-codes-not-found': {
    en: 'The codebook has no phase codes (Phase 0 to Phase 3, as in the loopbaan template).',
    nl: 'Het codeboek heeft geen fasecodes (Fase 0 tot en met Fase 3, zoals in het loopbaansjabloon).',
  },
  'coding-of-other-coder': {
    en: 'This coding is {owner}\'s; {actor} cannot change or delete it. Only {owner} can, or someone editing as consensus / lead.',
    nl: 'Deze codering is van {owner}; {actor} kan haar niet wijzigen of verwijderen. Dat kan alleen {owner}, of iemand die bewerkt als consensus / leider.',
  },
  'memo-of-other-coder': {
    en: 'This memo is {owner}\'s; {actor} cannot change it. Only {owner} can, or someone editing as consensus / lead.',
    nl: 'Deze memo is van {owner}; {actor} kan hem niet wijzigen. Dat kan alleen {owner}, of iemand die bewerkt als consensus / leider.',
  },
  'judgement-of-other-coder': {
    en: 'The judgement {name} is {owner}\'s; {actor} cannot change it. Only {owner} can, or someone editing as consensus / lead.',
    nl: 'Het oordeel {name} is van {owner}; {actor} kan het niet wijzigen. Dat kan alleen {owner}, of iemand die bewerkt als consensus / leider.',
  },
  'file-not-written': {
    en: '{file} could not be saved ({reason}).',
    nl: '{file} kon niet worden opgeslagen ({reason}).',
  },
  'ocr-running': {
    en: 'Text recognition is already running for document {documentId}.',
    nl: 'Tekstherkenning loopt al voor document {documentId}.',
  },
  'ocr-cancelled': {
    en: 'Text recognition of document {documentId} was cancelled; its text was not changed.',
    nl: 'Tekstherkenning van document {documentId} is afgebroken; de tekst is niet gewijzigd.',
  },
  'ocr-failed': {
    en: 'Text recognition of document {documentId} failed ({detail}); its text was not changed.',
    nl: 'Tekstherkenning van document {documentId} is mislukt ({detail}); de tekst is niet gewijzigd.',
  },
  'ocr-page-blank': {
    en: 'Page {page} holds no text that could be recognised (a blank page?).',
    nl: 'Op pagina {page} is geen tekst herkend (een lege pagina?).',
  },
  'ocr-page-too-large': {
    en: 'Page {page} is too large to read as an image ({width} × {height} points); it can still be coded as areas.',
    nl: 'Pagina {page} is te groot om als afbeelding te lezen ({width} × {height} punten); u kunt er nog wel gebieden op coderen.',
  },
  'ocr-page-unreadable': {
    en: 'Page {page} could hardly be read (mean confidence {confidence}%): it may be a photo or a poor scan. Check its text before coding it.',
    nl: 'Pagina {page} was nauwelijks leesbaar (gemiddelde zekerheid {confidence}%): het is misschien een foto of een slechte scan. Controleer de tekst voordat u codeert.',
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
