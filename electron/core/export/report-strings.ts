/**
 * The report's own words, in Dutch and English: the report is written in the language the
 * researcher asked for (the UI's, or the CLI's --lang), whatever the study's content is in.
 */
import { interpolate, type Lang } from '../../../shared/i18n/messages'

export const REPORT_STRINGS = {
  title: { nl: 'Gecodeerde segmenten', en: 'Coded segments' },
  reportOf: { nl: 'Rapport van gecodeerde segmenten', en: 'Report of coded segments' },
  retrievalTitle: { nl: 'Segmenten van {code}', en: 'Segments of {code}' },
  study: { nl: 'Studie', en: 'Study' },
  date: { nl: 'Datum', en: 'Date' },
  coders: { nl: 'Codeurs', en: 'Coders' },
  codes: { nl: 'Codes', en: 'Codes' },
  cases: { nl: 'Casussen', en: 'Cases' },
  allCodes: { nl: 'alle codes', en: 'all codes' },
  allCases: { nl: 'alle casussen (ook documenten zonder casus)', en: 'all cases (and documents without a case)' },
  allCoders: { nl: 'alle codeurs', en: 'all coders' },
  withSubcodes: { nl: '{path} met subcodes', en: '{path} with subcodes' },
  extent: { nl: 'Omvang', en: 'Extent' },
  extentValue: {
    nl: '{segments} segmenten in {documents} documenten, {codes} codes',
    en: '{segments} segments in {documents} documents, {codes} codes',
  },
  contents: { nl: 'Inhoud', en: 'Contents' },
  studyMemos: { nl: 'Memo’s bij de studie', en: 'Memos on the study' },
  codeMemos: { nl: 'Memo’s', en: 'Memos' },
  memoBy: { nl: 'Memo van {coder}', en: 'Memo by {coder}' },
  memoNoCoder: { nl: 'Memo', en: 'Memo' },
  codingMemo: { nl: 'Memo', en: 'Memo' },
  definition: { nl: 'Definitie', en: 'Definition' },
  inclusion: { nl: 'Wanneer wel', en: 'When to use' },
  exclusion: { nl: 'Wanneer niet', en: 'When not to use' },
  example: { nl: 'Voorbeeld', en: 'Example' },
  noSegments: { nl: 'Geen gecodeerde segmenten binnen deze keuze.', en: 'No coded segments within this choice.' },
  segmentCount: { nl: '{count} segmenten', en: '{count} segments' },
  oneSegment: { nl: '1 segment', en: '1 segment' },
  noCase: { nl: 'Zonder casus', en: 'Without a case' },
  page: { nl: 'p. {page}', en: 'p. {page}' },
  pages: { nl: 'p. {from}–{to}', en: 'pp. {from}–{to}' },
  area: { nl: 'Gebied', en: 'Area' },
  areaNoText: { nl: '(gebied zonder tekst)', en: '(area without text)' },
  overview: { nl: 'Overzicht', en: 'Overview' },
  matrixTitle: { nl: 'Segmenten per code en casus', en: 'Segments per code and case' },
  chartTitle: { nl: 'Segmenten per casus, per code', en: 'Segments per case, by code' },
  chartEmpty: { nl: 'Geen segmenten om te tekenen.', en: 'No segments to draw.' },
  code: { nl: 'Code', en: 'Code' },
  total: { nl: 'Totaal', en: 'Total' },
  madeWith: { nl: 'Gemaakt met Werkbank', en: 'Made with Werkbank' },
  pageOf: { nl: 'Pagina', en: 'Page' },
} as const satisfies Record<string, Record<Lang, string>>

export type ReportKey = keyof typeof REPORT_STRINGS

/** One of the report's strings in `lang`, with `{name}` parameters filled in. */
export function rs(lang: Lang, key: ReportKey, params: Record<string, string | number> = {}): string {
  return interpolate(REPORT_STRINGS[key][lang], params)
}
