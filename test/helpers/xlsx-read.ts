/**
 * Reads an .xlsx file for the tests without the library that wrote it: unzip (fflate), then the
 * sheets' XML as the Office Open XML standard lays it out (workbook.xml names the sheets,
 * sharedStrings.xml holds the texts, styles.xml the number formats and fills). Enough to check
 * values, types, formats, fills and frozen panes; not a general reader.
 */
import { XMLParser } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'

export interface ReadCell {
  value: string | number | boolean | null
  /** The number format's code ('General' when none). */
  format: string
  /** The solid fill's colour (RRGGBB), if any. */
  fill: string | null
}

export interface ReadSheet {
  name: string
  /** rows[r][c], 0-based; missing cells are null values. */
  rows: ReadCell[][]
  /** The frozen pane: rows above and columns left of it. */
  frozen: { rows: number; columns: number } | null
}

const BUILT_IN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 9: '0%', 10: '0.00%', 14: 'm/d/yyyy' }

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])

function columnIndex(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!
  let c = 0
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64)
  return [Number(m[2]) - 1, c - 1]
}

/** The text of a rich or plain string item. */
function text(si: unknown): string {
  if (typeof si === 'string' || typeof si === 'number') return String(si)
  const o = si as { t?: unknown; r?: unknown }
  if (o.t !== undefined) return typeof o.t === 'object' ? String((o.t as { '#text'?: unknown })['#text'] ?? '') : String(o.t)
  return list(o.r as unknown[]).map((r) => text(r)).join('')
}

export function readXlsx(bytes: Uint8Array): ReadSheet[] {
  const files = unzipSync(bytes)
  const xml = (path: string) => (files[path] ? strFromU8(files[path]!) : null)
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false })
  const wb = parser.parse(xml('xl/workbook.xml')!)
  const rels = parser.parse(xml('xl/_rels/workbook.xml.rels')!)
  const target = new Map(list(rels.Relationships.Relationship).map((r: Record<string, string>) => [r['@Id'], r['@Target']]))
  const shared = xml('xl/sharedStrings.xml')
  const strings: string[] = shared ? list(parser.parse(shared).sst.si).map(text) : []
  const styles = parser.parse(xml('xl/styles.xml')!).styleSheet
  const custom = new Map(list(styles.numFmts?.numFmt).map((f: Record<string, string>) => [Number(f['@numFmtId']), f['@formatCode']]))
  const fills = list(styles.fills?.fill).map((f: { patternFill?: { '@patternType'?: string; fgColor?: { '@rgb'?: string } } }) =>
    f.patternFill?.['@patternType'] === 'solid' ? (f.patternFill.fgColor?.['@rgb'] ?? '').slice(-6) : null)
  const xfs = list(styles.cellXfs.xf).map((x: Record<string, string>) => ({
    format: custom.get(Number(x['@numFmtId'])) ?? BUILT_IN_FORMATS[Number(x['@numFmtId'])] ?? 'General',
    fill: fills[Number(x['@fillId'] ?? 0)] ?? null,
  }))

  return list(wb.workbook.sheets.sheet).map((s: Record<string, string>) => {
    const path = `xl/${target.get(s['@r:id'])!.replace(/^\/?xl\//, '')}`
    const ws = parser.parse(xml(path)!).worksheet
    const rows: ReadCell[][] = []
    for (const row of list(ws.sheetData?.row)) {
      for (const c of list((row as { c?: unknown }).c) as Record<string, unknown>[]) {
        const [r, k] = columnIndex(c['@r'] as string)
        const style = xfs[Number(c['@s'] ?? 0)] ?? { format: 'General', fill: null }
        const type = c['@t'] as string | undefined
        const v = c.v === undefined ? null : String(c.v)
        let value: ReadCell['value'] = null
        if (type === 's') value = strings[Number(v)]!
        else if (type === 'inlineStr') value = text(c.is)
        else if (type === 'str') value = v
        else if (type === 'b') value = v === '1'
        else if (v !== null) value = Number(v)
        while (rows.length <= r) rows.push([])
        while (rows[r]!.length < k) rows[r]!.push({ value: null, format: 'General', fill: null })
        rows[r]![k] = { value, format: style.format, fill: style.fill }
      }
    }
    const pane = list(ws.sheetViews?.sheetView).map((v: { pane?: Record<string, string> }) => v.pane).find((p) => p?.['@state'] === 'frozen')
    return {
      name: s['@name']!,
      rows,
      frozen: pane ? { rows: Number(pane['@ySplit'] ?? 0), columns: Number(pane['@xSplit'] ?? 0) } : null,
    }
  })
}
