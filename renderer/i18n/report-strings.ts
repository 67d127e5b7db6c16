/**
 * UI strings of the report of coded segments (its dialog, the retrieval panel's export menu), in
 * both languages. The report's own words are the core's (electron/core/export/report-strings.ts).
 */
import { useCallback } from 'react'
import { interpolate, type Lang } from '../../shared/i18n/messages'
import { useApp } from '../store'

export const REPORT_UI_STRINGS = {
  reportMenu: { nl: 'Rapport van gecodeerde segmenten…', en: 'Report of coded segments…' },
  reportTitle: { nl: 'Rapport van gecodeerde segmenten', en: 'Report of coded segments' },
  reportHelp: {
    nl: 'Per code (met definitie en memo’s), per casus, elk citaat met document, pagina, codeur en memo.',
    en: 'Per code (with definition and memos), per case, each quote with document, page, coder and memo.',
  },
  codes: { nl: 'Codes', en: 'Codes' },
  allCodes: { nl: 'Alle codes', en: 'All codes' },
  withSubcodes: { nl: '{name} met subcodes', en: '{name} with subcodes' },
  cases: { nl: 'Casussen', en: 'Cases' },
  casesHelp: { nl: 'Met alle casussen aangevinkt tellen ook documenten zonder casus mee.', en: 'With every case ticked, documents without a case are included too.' },
  coders: { nl: 'Codeurs', en: 'Coders' },
  all: { nl: 'Alle', en: 'All' },
  none: { nl: 'Geen', en: 'None' },
  format: { nl: 'Bestand', en: 'File' },
  formatDocx: { nl: 'Word (.docx)', en: 'Word (.docx)' },
  formatHtml: { nl: 'Webpagina (.html, goed af te drukken)', en: 'Web page (.html, prints well)' },
  includeMatrix: { nl: 'Matrix code × casus (segmenten)', en: 'Code × case matrix (segments)' },
  includeChart: { nl: 'Grafiek', en: 'Chart' },
  export: { nl: 'Exporteren', en: 'Export' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  working: { nl: 'Bezig…', en: 'Working…' },
  exported: { nl: '{file} opgeslagen.', en: '{file} saved.' },
  noCases: { nl: 'Nog geen casussen.', en: 'No cases yet.' },
  retrievalExport: { nl: 'Exporteren', en: 'Export' },
  retrievalCsv: { nl: 'Deze segmenten als CSV', en: 'These segments as CSV' },
  retrievalXlsx: { nl: 'Deze segmenten als Excel-werkmap', en: 'These segments as an Excel workbook' },
  retrievalDocx: { nl: 'Deze segmenten als Word (.docx)', en: 'These segments as Word (.docx)' },
  retrievalHtml: { nl: 'Deze segmenten als webpagina (.html)', en: 'These segments as a web page (.html)' },
  retrievalTitle: { nl: 'Segmenten van {code}', en: 'Segments of {code}' },
} as const satisfies Record<string, Record<Lang, string>>

export type ReportUiKey = keyof typeof REPORT_UI_STRINGS
export type TranslateR = (key: ReportUiKey, params?: Record<string, string | number>) => string

export function tr(lang: Lang, key: ReportUiKey, params: Record<string, string | number> = {}): string {
  return interpolate(REPORT_UI_STRINGS[key][lang], params)
}

/** The report strings in the workbench's language. */
export function useTR(): TranslateR {
  const lang = useApp((s) => s.lang)
  return useCallback((key, params) => tr(lang, key, params), [lang])
}
