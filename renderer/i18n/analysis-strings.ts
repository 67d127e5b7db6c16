/**
 * UI strings of the analysis views (matrix, co-occurrence, phases, agreement, disagreements), in
 * both languages; the language is the workbench's (`useApp().lang`). Kept apart from strings.ts
 * so the two can grow without touching each other.
 */
import { useCallback } from 'react'
import { interpolate, type Lang } from '../../shared/i18n/messages'
import { useApp } from '../store'

export const ANALYSIS_STRINGS = {
  modeCoding: { nl: 'Coderen', en: 'Coding' },
  modeAnalysis: { nl: 'Analyse', en: 'Analysis' },
  modeLabel: { nl: 'Werkruimte', en: 'Workspace' },
  tabsLabel: { nl: 'Analyses', en: 'Analyses' },
  tabMatrix: { nl: 'Matrix', en: 'Matrix' },
  tabCooccurrence: { nl: 'Samen voorkomen', en: 'Co-occurrence' },
  tabPhases: { nl: 'Fasen', en: 'Phases' },
  tabAgreement: { nl: 'Overeenstemming', en: 'Agreement' },
  tabDisagreements: { nl: 'Verschillen', en: 'Disagreements' },
  loading: { nl: 'Bezig…', en: 'Working…' },

  rows: { nl: 'Rijen', en: 'Rows' },
  allCodes: { nl: 'Alle codes', en: 'All codes' },
  subtreeOf: { nl: '{path} met subcodes', en: '{path} with subcodes' },
  rollup: { nl: 'Subcodes optellen', en: 'Roll up subcodes' },
  rollupHelp: {
    nl: 'Een code telt ook de coderingen van haar subcodes mee.',
    en: 'A code also counts the codings of its subcodes.',
  },
  columns: { nl: 'Kolommen', en: 'Columns' },
  byCases: { nl: 'Casussen', en: 'Cases' },
  byDocuments: { nl: 'Documenten', en: 'Documents' },
  byCoders: { nl: 'Codeurs', en: 'Coders' },
  byAttribute: { nl: 'Kenmerk: {name}', en: 'Attribute: {name}' },
  measure: { nl: 'Maat', en: 'Measure' },
  measureSegments: { nl: 'Segmenten', en: 'Segments' },
  measureDocuments: { nl: 'Documenten', en: 'Documents' },
  measureCoverage: { nl: 'Dekking (% tekst)', en: 'Coverage (% of text)' },
  measurePresence: { nl: 'Aanwezig (ja/nee)', en: 'Presence (yes/no)' },
  measureHelpSegments: { nl: 'Aantal coderingen.', en: 'Number of codings.' },
  measureHelpDocuments: { nl: 'Aantal documenten met minstens één codering.', en: 'Number of documents with at least one coding.' },
  measureHelpCoverage: {
    nl: 'Deel van de tekst van de kolom dat gecodeerd is; overlappende coderingen tellen één keer.',
    en: "Share of the column's text that is coded; overlapping codings count once.",
  },
  measureHelpPresence: { nl: '✓ als er minstens één codering is.', en: '✓ where there is at least one coding.' },
  coders: { nl: 'Codeurs', en: 'Coders' },
  codersAll: { nl: 'Codeurs: alle', en: 'Coders: all' },
  codersSome: { nl: 'Codeurs: {count}', en: 'Coders: {count}' },
  attributesNone: { nl: 'Kenmerken: geen filter', en: 'Attributes: no filter' },
  attributesSome: { nl: 'Kenmerken: {count} voorwaarden', en: 'Attributes: {count} conditions' },
  attributesHelp: {
    nl: 'Alleen documenten van casussen met een van de gekozen waarden (per kenmerk); alle voorwaarden gelden samen.',
    en: 'Only documents of cases with one of the chosen values (per attribute); all conditions hold together.',
  },
  noAttributes: { nl: 'Geen casuskenmerken in deze studie.', en: 'No case attributes in this study.' },
  clearFilter: { nl: 'Filter wissen', en: 'Clear filter' },
  view: { nl: 'Weergave', en: 'View' },
  viewTable: { nl: 'Tabel', en: 'Table' },
  viewChart: { nl: 'Grafiek', en: 'Chart' },

  code: { nl: 'Code', en: 'Code' },
  total: { nl: 'Totaal', en: 'Total' },
  none: { nl: '(geen)', en: '(none)' },
  noText: { nl: 'geen tekst', en: 'no text' },
  sortRows: { nl: 'Rijen sorteren op “{name}”', en: 'Sort rows by “{name}”' },
  sortColumns: { nl: 'Kolommen sorteren op “{name}”', en: 'Sort columns by “{name}”' },
  sortByCode: { nl: 'Rijen sorteren op code', en: 'Sort rows by code' },
  matrixSummary: {
    nl: '{rows} codes × {columns} kolommen · {measure}. Klik op een kop om te sorteren, op een cel voor de segmenten.',
    en: '{rows} codes × {columns} columns · {measure}. Click a heading to sort, a cell for its segments.',
  },
  emptyMatrix: { nl: 'Geen codes om te tonen.', en: 'No codes to show.' },
  noColumns: { nl: 'Geen kolommen: er is niets in het gekozen bereik.', en: 'No columns: nothing is in the chosen scope.' },
  cellTitle: { nl: '{code} × {column}', en: '{code} × {column}' },

  chartTitle: { nl: '{measure} per kolom, gestapeld per code', en: '{measure} per column, stacked by code' },
  chartRollupNote: {
    nl: 'Met optellen van subcodes staan alleen de onderste codes in de balken, zodat niets dubbel telt.',
    en: 'With roll-up only the lowest codes are in the bars, so nothing counts twice.',
  },
  chartCoverageNote: {
    nl: 'Dekking van verschillende codes kan overlappen; de balk is hun som.',
    en: 'Coverage of different codes can overlap; the bar is their sum.',
  },
  chartEmpty: { nl: 'Niets te tekenen: alle waarden zijn 0.', en: 'Nothing to draw: every value is 0.' },

  exportMenu: { nl: 'Exporteren (CSV)', en: 'Export (CSV)' },
  delimiter: { nl: 'Scheidingsteken', en: 'Delimiter' },
  delimiterComma: { nl: 'komma (,)', en: 'comma (,)' },
  delimiterSemicolon: { nl: 'puntkomma (;) — Nederlandse Excel', en: 'semicolon (;) — Dutch Excel' },
  decimalComma: { nl: 'Decimale komma (0,5)', en: 'Decimal comma (0,5)' },
  bom: { nl: 'BOM (Excel herkent UTF-8)', en: 'BOM (Excel recognises UTF-8)' },
  exportWide: { nl: 'Matrix zoals getoond', en: 'Matrix as shown' },
  exportLong: { nl: 'Matrix in lange vorm', en: 'Matrix in long form' },
  exportCodings: { nl: 'Alle coderingen', en: 'All codings' },
  cooccurrenceOrder: { nl: 'Sterkste samenhang eerst', en: 'Strongest co-occurrence first' },
  exportMemos: { nl: 'Alle memo’s (studie, casussen, documenten, codes)', en: 'All memos (study, cases, documents, codes)' },
  exportCooccurrence: { nl: 'Samen voorkomen', en: 'Co-occurrence' },
  exportPhases: { nl: 'Fasenoverzicht', en: 'Phase overview' },
  exportAgreement: { nl: 'Tabel als CSV', en: 'Table as CSV' },
  exported: { nl: '{file} opgeslagen.', en: '{file} saved.' },

  segmentsTitle: { nl: 'Segmenten', en: 'Segments' },
  segmentsCount: { nl: '{count} segmenten', en: '{count} segments' },
  segmentsOne: { nl: '1 segment', en: '1 segment' },
  segmentsNone: { nl: 'Geen segmenten.', en: 'No segments.' },
  segmentsPick: {
    nl: 'Klik op een cel om de segmenten erachter te zien.',
    en: 'Click a cell to see the segments behind it.',
  },
  pageN: { nl: 'p. {page}', en: 'p. {page}' },
  pagesN: { nl: 'p. {from}–{to}', en: 'pp. {from}–{to}' },
  jump: { nl: 'Naar de passage', en: 'Go to the passage' },
  area: { nl: 'gebied', en: 'area' },
  flattenLineBreaks: { nl: 'Regeleinden in citaten als spatie', en: 'Line breaks in quotes as spaces' },
  areaOne: { nl: '{n} gebied', en: '{n} area' },
  areaMany: { nl: '{n} gebieden', en: '{n} areas' },
  close: { nl: 'Sluiten', en: 'Close' },

  scope: { nl: 'Samen als', en: 'Together when' },
  scopeOverlap: { nl: 'coderingen overlappen', en: 'codings overlap' },
  scopeDocument: { nl: 'in hetzelfde document', en: 'in the same document' },
  scopeCase: { nl: 'in dezelfde casus', en: 'in the same case' },
  cooccurrenceHelpOverlap: {
    nl: 'Segmenten waar één codeur beide codes overlappend toekende (een lange passage die drie korte omvat telt één keer); op de diagonaal: de coderingen van de code zelf. Verschillende codes van twee codeurs op dezelfde passage zijn onenigheid, geen samen voorkomen.',
    en: 'Segments where one coder gave both codes, overlapping (a long passage holding three short ones counts once); on the diagonal: the codings of the code itself. Two coders giving one passage different codes is disagreement, not co-occurrence.',
  },
  cooccurrenceHelpDocument: {
    nl: 'Documenten waarin één codeur beide codes gebruikte; op de diagonaal: documenten met de code.',
    en: 'Documents in which one coder used both codes; on the diagonal: documents with the code.',
  },
  cooccurrenceHelpCase: {
    nl: 'Casussen waarin één codeur beide codes gebruikte; op de diagonaal: casussen met de code.',
    en: 'Cases in which one coder used both codes; on the diagonal: cases with the code.',
  },
  cooccurrenceSummed: {
    nl: 'Met {n} codeurs gekozen: de som over de codeurs, ieder in het eigen werk.',
    en: 'With {n} coders chosen: the sum over the coders, each within their own work.',
  },

  phasesAttribute: { nl: 'Toegekende fase uit kenmerk “{name}”.', en: 'Assigned phase from attribute “{name}”.' },
  phasesNoAttribute: {
    nl: 'Geen kenmerk “fase” of “phase” bij de casussen: er is geen toegekende fase om mee te vergelijken.',
    en: 'No attribute “fase” or “phase” on the cases: there is no assigned phase to compare with.',
  },
  phasesNoCodes: {
    nl: 'Het codeboek heeft geen fasecodes (Fase 0–3).',
    en: 'The codebook has no phase codes (Phase 0–3).',
  },
  case: { nl: 'Casus', en: 'Case' },
  assigned: { nl: 'Toegekend', en: 'Assigned' },
  strongest: { nl: 'Sterkste bewijs', en: 'Strongest evidence' },
  phaseN: { nl: 'Fase {phase}', en: 'Phase {phase}' },
  onlyDiffering: { nl: 'Alleen afwijkende casussen', en: 'Only differing cases' },
  differs: { nl: 'wijkt af', en: 'differs' },
  differsHelp: {
    nl: 'De toegekende fase is niet de fase met het meeste bewijs (segmenten, bij gelijke stand dekking).',
    en: 'The assigned phase is not the phase with the most evidence (segments; coverage breaks ties).',
  },
  phasesSummary: { nl: '{cases} casussen, {differing} wijken af.', en: '{cases} cases, {differing} differ.' },
  noEvidence: { nl: 'geen bewijs', en: 'no evidence' },
  notAssigned: { nl: '—', en: '—' },
  phaseCell: { nl: '{segments} seg. · {coverage}', en: '{segments} seg. · {coverage}' },

  agreementCoders: { nl: 'Codeurs (minstens twee)', en: 'Coders (two or more)' },
  chooseTwoCoders: {
    nl: 'Kies minstens twee codeurs om te vergelijken.',
    en: 'Choose at least two coders to compare.',
  },
  level: { nl: 'Niveau', en: 'Level' },
  levelDocument: { nl: 'Document (code aanwezig?)', en: 'Document (code present?)' },
  levelSegment: { nl: 'Segment (overlap)', en: 'Segment (overlap)' },
  levelCharacter: { nl: 'Teken (gecodeerd?)', en: 'Character (coded?)' },
  levelHelp: {
    nl: 'Document: per document of elke codeur de code gebruikte. Segment: of de segmenten van de codeurs genoeg overlappen. Teken: voor elk teken of het gecodeerd is.',
    en: 'Document: per document whether each coder used the code. Segment: whether the coders’ segments overlap enough. Character: for each character whether it is coded.',
  },
  overlap: { nl: 'Minimale overlap', en: 'Minimum overlap' },
  overlapHelp: {
    nl: 'Twee segmenten stemmen overeen als hun gemeenschappelijke tekst minstens dit percentage van hun samen gecodeerde tekst is.',
    en: 'Two segments agree when the text they share is at least this percentage of the text either coded.',
  },
  codes: { nl: 'Codes', en: 'Codes' },
  codesAll: { nl: 'Codes: alle', en: 'Codes: all' },
  codesSome: { nl: 'Codes: {count}', en: 'Codes: {count}' },
  byCode: { nl: 'Per code', en: 'By code' },
  byDocument: { nl: 'Per document', en: 'By document' },
  document: { nl: 'Document', en: 'Document' },
  units: { nl: 'Eenheden', en: 'Units' },
  agreements: { nl: 'Overeenstemmend', en: 'Agreements' },
  disagreementsCol: { nl: 'Verschillend', en: 'Disagreements' },
  percent: { nl: '% overeenstemming', en: '% agreement' },
  kappa: { nl: 'Kappa', en: 'Kappa' },
  kappaCohen: { nl: 'Cohens κ', en: "Cohen's κ" },
  kappaFleiss: { nl: 'Fleiss’ κ', en: "Fleiss' κ" },
  kappaBrennan: { nl: 'Brennan–Prediger κ', en: 'Brennan–Prediger κ' },
  kappaLight: { nl: 'Lights κ', en: "Light's κ" },
  alpha: { nl: 'Krippendorffs α [95%-BI]', en: "Krippendorff's α [95% CI]" },
  kappaWeighted: { nl: 'κ gewogen naar lengte', en: 'κ weighted by length' },
  reading: { nl: 'Lezing', en: 'Reading' },
  readReliable: { nl: 'betrouwbaar', en: 'reliable' },
  readTentative: { nl: 'voorlopig', en: 'tentative' },
  readUnreliable: { nl: 'niet betrouwbaar', en: 'not reliable' },
  readUndefined: { nl: 'niet te bepalen ({reason})', en: 'cannot be computed ({reason})' },
  readOnAlpha: { nl: 'op α', en: 'on α' },
  readOnKappa: { nl: 'op κ', en: 'on κ' },
  reasonNoVariation: { nl: 'geen variatie: iedereen codeerde overal hetzelfde', en: 'no variation: everyone coded the same everywhere' },
  reasonNoPairable: { nl: 'niets te vergelijken', en: 'nothing to compare' },
  reasonNeedsTwo: { nl: 'vraagt precies twee codeurs', en: 'needs exactly two coders' },
  reasonOneCode: { nl: 'één code: kans op toevallige overeenstemming is 1', en: 'one code: chance agreement is 1' },
  readingLegend: {
    nl: 'Lezing volgens Krippendorff (2004): α ≥ 0,800 betrouwbaar; 0,667 ≤ α < 0,800 alleen voorlopige conclusies; daaronder niet betrouwbaar.',
    en: "Reading as Krippendorff (2004) advises: α ≥ 0.800 reliable; 0.667 ≤ α < 0.800 tentative conclusions only; below that not reliable.",
  },
  readingKappaNote: {
    nl: 'Waar geen α is (segmentniveau) wordt {kappa} met dezelfde grenzen gelezen; dat is een afspraak, geen eigenschap van kappa.',
    en: 'Where there is no α (segment level), {kappa} is read with the same bands; that is a convention, not a property of kappa.',
  },
  skipped: {
    nl: '{count} documenten overgeslagen: niet elke codeur heeft er iets in gecodeerd ({titles}).',
    en: '{count} documents left out: not every coder coded anything in them ({titles}).',
  },
  documentsCompared: { nl: '{count} documenten vergeleken.', en: '{count} documents compared.' },
  totalRow: { nl: 'Alle codes', en: 'All codes' },

  reviewSummary: {
    nl: '{open} open · {settled} beslecht · {total} plaatsen',
    en: '{open} open · {settled} settled · {total} places',
  },
  showSettled: { nl: 'Beslechte tonen', en: 'Show settled' },
  noDisagreements: { nl: 'Geen verschillen: de codeurs stemmen overal overeen.', en: 'No disagreements: the coders agree everywhere.' },
  allSettled: { nl: 'Alles is beslecht.', en: 'Everything is settled.' },
  missing: { nl: 'geen segment', en: 'no segment' },
  overlapN: { nl: 'overlap {value}', en: 'overlap {value}' },
  settledBadge: { nl: 'beslecht', en: 'settled' },
  settledNeither: { nl: 'beslecht: geen van beide', en: 'settled: neither' },
  consensusHas: { nl: 'Consensus: {count} segmenten', en: 'Consensus: {count} segments' },
  consensusOne: { nl: 'Consensus: 1 segment', en: 'Consensus: 1 segment' },
  accept: { nl: '{name} aannemen', en: 'Accept {name}' },
  acceptBoth: { nl: 'Beide', en: 'Both' },
  acceptAll: { nl: 'Allemaal', en: 'All' },
  acceptNeither: { nl: 'Geen van beide', en: 'Neither' },
  settleHelp: {
    nl: 'Het gekozen segment komt op naam van de codeur “Consensus”. Toetsen: 1–9 een codeur, B beide, N geen, ↑/↓ vorige/volgende.',
    en: 'The chosen segment goes to the coder “Consensus”. Keys: 1–9 a coder, B both, N neither, ↑/↓ previous/next.',
  },
  undoDecision: { nl: 'Laatste beslissing terugdraaien', en: 'Undo last decision' },
  chooseDisagreement: { nl: 'Kies links een plaats.', en: 'Choose a place on the left.' },
  openInViewer: { nl: 'Openen in de codeerweergave', en: 'Open in the coding view' },
  pageOf: { nl: 'Pagina {page}', en: 'Page {page}' },
  legendSolid: { nl: '{name}: doorgetrokken kader', en: '{name}: solid outline' },
  legendDashed: { nl: '{name}: gestreept kader', en: '{name}: dashed outline' },
  legendDotted: { nl: '{name}: gestippeld kader', en: '{name}: dotted outline' },
  legendConsensus: { nl: 'Consensus tot nu toe (groen)', en: 'Consensus so far (green)' },
  review: { nl: 'Plaatsen', en: 'Places' },
} as const satisfies Record<string, Record<Lang, string>>

export type AnalysisKey = keyof typeof ANALYSIS_STRINGS
export type TranslateA = (key: AnalysisKey, params?: Record<string, string | number>) => string

export function ta(lang: Lang, key: AnalysisKey, params: Record<string, string | number> = {}): string {
  return interpolate(ANALYSIS_STRINGS[key][lang], params)
}

/** The analysis strings in the workbench's language; components re-render when it changes. */
export function useTA(): TranslateA {
  const lang = useApp((s) => s.lang)
  return useCallback((key: AnalysisKey, params?: Record<string, string | number>) => ta(lang, key, params), [lang])
}
