/**
 * Excel workbooks (.xlsx) from tables of cells — the same tables the CSV exports write
 * (shared/analysis-tables.ts and friends): one writer of that model, not a second query.
 *
 * Why a workbook when there is CSV: numbers stay numbers in every locale (a Dutch Excel reads
 * 0.25 from a CSV as text unless the separators match), a percentage keeps its value and shows
 * as a percentage, long code paths and quotes are kept whole, headings stay in view, and the
 * heat map of the screen comes along. Text is stored as text, never as a formula, so the CSV's
 * formula guard is not needed (and would show its apostrophe).
 */
import ExcelJS from 'exceljs'
import type { Cell } from '../../../shared/csv'
import { HEAT_WHITE_TEXT, heatHex, heatLevel } from '../../../shared/heat'

/** One sheet: a table whose first row is its header, and how to present it. */
export interface SheetData {
  /** The tab's name; made safe for Excel (31 characters, none of []:*?/\) and unique. */
  name: string
  rows: Cell[][]
  /** Rows and columns kept in view while scrolling (default: the header row, no columns). */
  freeze?: { rows: number; columns: number }
  /** Number formats by column (0-based), for the numbers below the header, e.g. '0.0%'. */
  formats?: Record<number, string>
  /** A number format for every number below the header that has none by column. */
  format?: string
  /** Cells shaded as the heat map on screen: rows and columns (0-based, inclusive). */
  heat?: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number }
  /** Columns (0-based) whose long texts wrap in a wide column instead of one long line. */
  wrap?: number[]
}

/** Excel's limit on a sheet name, and the characters it refuses in one. */
const NAME_LENGTH = 31
const NAME_FORBIDDEN = /[[\]:*?/\\]/g
/** Widest column, in characters, before text is cut off visually (the cell keeps it all). */
const MAX_WIDTH = 60
const WRAP_WIDTH = 80
/** Excel refuses a cell longer than this; a longer text is cut with a visible mark. */
const CELL_LIMIT = 32767

export function safeSheetName(name: string, taken: Set<string>): string {
  let base = name.replace(NAME_FORBIDDEN, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet'
  base = base.slice(0, NAME_LENGTH)
  let candidate = base
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) {
    const suffix = ` (${k})`
    candidate = base.slice(0, NAME_LENGTH - suffix.length) + suffix
  }
  taken.add(candidate.toLowerCase())
  return candidate
}

/**
 * A cell's value as the workbook stores it. XML cannot hold most control characters: the form
 * feed that separates pages in the canonical text becomes a line break, the rest are dropped
 * (a quote keeps its words; the CSV export has the exact text).
 */
function value(cell: Cell): string | number | boolean | null {
  if (cell === undefined || cell === null) return null
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null
  if (typeof cell !== 'string') return cell
  // eslint-disable-next-line no-control-regex
  const text = cell.replace(/\f/g, '\n').replace(/[\u0000-\u0008\u000B\u000E-\u001F\uFFFE\uFFFF]/g, '')
  return text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT - 1)}…` : text
}

/** The workbook as the bytes of an .xlsx file. */
export async function writeWorkbook(sheets: SheetData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Werkbank'
  // A fixed date: the same study exports to the same workbook (and tests can compare files).
  wb.created = new Date(0)
  wb.modified = new Date(0)
  const taken = new Set<string>()
  for (const sheet of sheets) addSheet(wb, sheet, safeSheetName(sheet.name, taken))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function addSheet(wb: ExcelJS.Workbook, sheet: SheetData, name: string): void {
  const freeze = sheet.freeze ?? { rows: 1, columns: 0 }
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: freeze.columns, ySplit: freeze.rows }],
  })
  const widths: number[] = []
  const wrap = new Set(sheet.wrap ?? [])
  const heat = sheet.heat
  let max = 0
  if (heat) {
    for (let r = heat.firstRow; r <= heat.lastRow; r++) {
      for (let c = heat.firstColumn; c <= heat.lastColumn; c++) {
        const v = sheet.rows[r]?.[c]
        if (typeof v === 'number' && v > max) max = v
      }
    }
  }
  sheet.rows.forEach((cells, r) => {
    const row = ws.addRow(cells.map(value))
    if (r === 0) row.font = { bold: true }
    cells.forEach((cell, c) => {
      const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell : ''
      const longestLine = text.split('\n').reduce((n, line) => Math.max(n, line.length), 0)
      widths[c] = Math.max(widths[c] ?? 8, Math.min(wrap.has(c) ? WRAP_WIDTH : MAX_WIDTH, longestLine + 2))
      const x = row.getCell(c + 1)
      if (r > 0 && typeof cell === 'number') {
        const format = sheet.formats?.[c] ?? sheet.format
        if (format) x.numFmt = format
      }
      if (wrap.has(c) && r > 0) x.alignment = { wrapText: true, vertical: 'top' }
      if (heat && r >= heat.firstRow && r <= heat.lastRow && c >= heat.firstColumn && c <= heat.lastColumn && typeof cell === 'number') {
        const level = heatLevel(cell, max)
        if (level > 0) {
          x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${heatHex(level)}` } }
          if (level >= HEAT_WHITE_TEXT) x.font = { color: { argb: 'FFFFFFFF' } }
        }
      }
    })
  })
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w))
}
