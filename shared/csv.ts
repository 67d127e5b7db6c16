// CSV writing and reading for exports to Excel (including Dutch Excel), SPSS and R, and for
// importing codebooks and reliability tables. Pure TypeScript: no Node or DOM imports, so the
// renderer in browser mode can use it too.

/** A value that can be written to one CSV field. */
export type Cell = string | number | boolean | null | undefined

/** A field delimiter Werkbank writes and reads. */
export type Delimiter = ',' | ';' | '\t'

/** How {@link toCsv} and {@link formatCell} write. */
export interface CsvOptions {
  /** Field delimiter; default `','`. Dutch Excel expects `';'`. */
  delimiter?: Delimiter
  /**
   * Write numbers with `,` as decimal separator (0.5 → `0,5`), as Dutch Excel reads them.
   * Never a thousands separator. Allowed with any delimiter, but with `','` every
   * non-integer number ends up quoted (`"0,5"`), which only makes sense for a reader that
   * expects decimal commas and comma delimiters at once; use `';'` or `'\t'` with it.
   */
  decimalComma?: boolean
  /** Prefix U+FEFF so Excel recognises the file as UTF-8; default false. */
  bom?: boolean
  /** Record terminator; default `'\r\n'` (RFC 4180). Also written after the last record. */
  lineEnding?: '\r\n' | '\n'
  /**
   * Prefix a `'` to text cells that Excel would run as a formula (see
   * {@link neutraliseFormula}); default true. Turn off only for files that will never be
   * opened in a spreadsheet, because R and SPSS keep the `'` as part of the text.
   */
  guardFormulas?: boolean
  /**
   * Write each run of line breaks (and form feeds, the page breaks of the canonical text) in a
   * text cell as one space; default false. Quotes cut from a PDF keep the page's line breaks,
   * which make rows in Excel several lines high; R and SPSS are better served by the exact text.
   */
  flattenLineBreaks?: boolean
}

/**
 * What a spreadsheet in this locale reads without an import dialog: where the decimal mark is
 * a comma (nl-NL, de-DE, fr-FR, …), Excel's list separator is `;` and numbers need a decimal
 * comma; elsewhere `,` and a point. The locale is the user's (browser or operating system), not
 * the UI's language: an English UI on a Dutch Windows still has a Dutch Excel.
 */
export function csvDefaultsFor(locale: string | undefined): { delimiter: ',' | ';'; decimalComma: boolean } {
  let mark = '.'
  try {
    mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  } catch {
    // An unknown locale tag: the standard's point.
  }
  return mark === ',' ? { delimiter: ';', decimalComma: true } : { delimiter: ',', decimalComma: false }
}

/** What went wrong in {@link parseCsv}. */
export type CsvErrorCode = 'unterminated-quote' | 'stray-quote'

/** Malformed CSV. `line` is 1-based; for an unterminated quote it is the line the quote opens on. */
export class CsvError extends Error {
  readonly code: CsvErrorCode
  readonly line: number
  constructor(code: CsvErrorCode, line: number) {
    super(
      code === 'unterminated-quote'
        ? `CSV: quoted field opened on line ${line} is never closed`
        : `CSV: unexpected double quote on line ${line} (a quote may only open a field or be doubled inside a quoted one)`,
    )
    this.name = 'CsvError'
    this.code = code
    this.line = line
  }
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t']

/**
 * Significant digits for non-integer numbers. Excel keeps 15 significant digits, so more
 * would only print binary noise (0.1 + 0.2 → 0.30000000000000004) that R and SPSS then read
 * back as a different value than the one shown in Werkbank; fewer would throw away precision
 * from statistics (a kappa, a small p-value) for no gain.
 */
export const SIGNIFICANT_DIGITS = 15

// The OWASP "CSV Injection" list: Excel, LibreOffice and Google Sheets may evaluate a cell that
// begins with one of these. Tab and CR are on it because leading whitespace can be skipped
// before the spreadsheet decides whether the rest is a formula.
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r'])

function checkDelimiter(delimiter: string): Delimiter {
  if (!(DELIMITERS as readonly string[]).includes(delimiter)) {
    throw new Error(`CSV delimiter must be ',', ';' or a tab, not ${JSON.stringify(delimiter)}`)
  }
  return delimiter as Delimiter
}

/**
 * Makes text that a spreadsheet would evaluate as a formula harmless by prefixing a single
 * quote: `=SUM(A1)` → `'=SUM(A1)`. Text that cannot start a formula comes back unchanged.
 * This guards the text only; quoting for CSV is {@link formatCell}'s job.
 */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_STARTS.has(text[0] as string) ? `'${text}` : text
}

/**
 * Writes a finite number in plain decimal notation, never with an exponent (1e-7 →
 * `0.0000001`): plain decimals need no locale-specific exponent handling in Excel, SPSS or R,
 * and people reading the file see the value directly. Integers are exact; other numbers are rounded to {@link SIGNIFICANT_DIGITS}
 * significant digits with trailing zeros trimmed.
 */
function formatNumber(n: number, decimalComma: boolean): string {
  if (!Number.isFinite(n)) return ''
  // BigInt gives every digit of a large integer without an exponent, and turns -0 into 0.
  if (Number.isInteger(n)) return BigInt(n).toString()
  const text = expandExponent(n.toPrecision(SIGNIFICANT_DIGITS))
  return decimalComma ? text.replace('.', ',') : text
}

// toPrecision answers in exponent form for very small and very large numbers; this rewrites
// "-1.50000000000000e-7" as "-0.00000015" and trims trailing zeros.
function expandExponent(text: string): string {
  const sign = text.startsWith('-') ? '-' : ''
  const unsigned = sign ? text.slice(1) : text
  const [mantissa = '', exponentText] = unsigned.split('e')
  const exponent = exponentText === undefined ? 0 : Number(exponentText)
  const [intPart = '', fracPart = ''] = mantissa.split('.')
  const digits = intPart + fracPart
  // Position of the decimal point within `digits`.
  const point = intPart.length + exponent
  let whole: string
  let fraction: string
  if (point <= 0) {
    whole = '0'
    fraction = '0'.repeat(-point) + digits
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length)
    fraction = ''
  } else {
    whole = digits.slice(0, point)
    fraction = digits.slice(point)
  }
  whole = whole.replace(/^0+(?=\d)/, '')
  fraction = fraction.replace(/0+$/, '')
  const body = fraction ? `${whole}.${fraction}` : whole
  return body === '0' ? '0' : sign + body
}

/**
 * Writes one value as a CSV field, quoted as needed (RFC 4180): a field is wrapped in double
 * quotes when it contains the delimiter, a double quote, CR or LF (or starts with U+FEFF), and
 * its quotes are doubled.
 *
 * - `null` and `undefined` → empty field.
 * - numbers → plain decimal notation (see {@link SIGNIFICANT_DIGITS}); NaN and ±Infinity →
 *   empty field; with `decimalComma`, `,` as decimal separator.
 * - booleans → `1` / `0`, which Excel, SPSS and R all read as numbers.
 * - strings → as they are, including leading and trailing spaces, after the formula guard.
 *
 * Callers must pass numbers as numbers: the string `"-3"` is text and gets the formula guard
 * (`'-3`), whereas the number `-3` is written as `-3`.
 */
export function formatCell(value: Cell, options: CsvOptions = {}): string {
  const delimiter = checkDelimiter(options.delimiter ?? ',')
  let text: string
  if (value === null || value === undefined) {
    text = ''
  } else if (typeof value === 'number') {
    text = formatNumber(value, options.decimalComma ?? false)
  } else if (typeof value === 'boolean') {
    text = value ? '1' : '0'
  } else {
    // Why only text and never numbers: a number is a value we produced, and the spreadsheet
    // reads "-3" as the number -3, not a formula; guarding it would turn every negative
    // number into text and break sums in Excel and numeric columns in SPSS and R. Text came
    // from someone's document or codebook, and we cannot tell "-3" typed as a label from
    // "-2+3" or "-cmd|' /C calc'!A0", so any text that starts like a formula is guarded.
    const flat = options.flattenLineBreaks ? value.replace(/[\r\n\f\v\u2028\u2029]+/g, ' ') : value
    text = options.guardFormulas === false ? flat : neutraliseFormula(flat)
  }
  return needsQuotes(text, delimiter) ? `"${text.replaceAll('"', '""')}"` : text
}

function needsQuotes(text: string, delimiter: Delimiter): boolean {
  return (
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\r') ||
    text.includes('\n') ||
    // A text that starts with U+FEFF, written first in a file without BOM, would be taken for
    // a BOM and stripped by readers; inside quotes it is plainly data.
    text.startsWith('\uFEFF')
  )
}

/**
 * Writes a table as CSV text: one record per row, each ended by `lineEnding` (default CRLF),
 * optionally after a BOM. Rows need not have the same length.
 *
 * A row of one empty cell is written as `""` rather than as a blank line, because Excel,
 * R (`read.csv`) and pandas skip blank lines and the row would vanish. A row with no cells is
 * a blank line, which readers either skip or read as one empty field.
 */
export function toCsv(rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const delimiter = checkDelimiter(options.delimiter ?? ',')
  const lineEnding = options.lineEnding ?? '\r\n'
  const cellOptions: CsvOptions = { ...options, delimiter }
  const parts: string[] = []
  for (const row of rows) {
    const fields: string[] = []
    // An index loop, not map: map skips the holes of a sparse array.
    for (let i = 0; i < row.length; i++) fields.push(formatCell(row[i], cellOptions))
    const line = fields.length === 1 && fields[0] === '' ? '""' : fields.join(delimiter)
    parts.push(line, lineEnding)
  }
  return (options.bom ? '\uFEFF' : '') + parts.join('')
}

/**
 * Reads CSV text (RFC 4180) into rows of strings, for importing codebooks and reliability
 * tables. Strips a leading BOM; accepts CRLF, LF and lone CR as record ends; reads quoted
 * fields with delimiters, doubled quotes and line breaks inside. A line break after the last
 * record is optional and does not make an extra record; a blank line in the middle is a
 * record of one empty field. Rows keep the length they have in the file.
 *
 * Strict about quotes, so a damaged file is reported instead of silently misread:
 * @throws {CsvError} `unterminated-quote` when a quoted field never closes, `stray-quote`
 *   when a quote appears inside an unquoted field or anything but a delimiter or line break
 *   follows a closing quote.
 */
export function parseCsv(text: string, options: { delimiter?: Delimiter } = {}): string[][] {
  const delimiter = checkDelimiter(options.delimiter ?? ',')
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let line = 1
  let i = text.startsWith('\uFEFF') ? 1 : 0
  const n = text.length
  // True right after a record ends (and at the start): EOF there adds no record.
  let atRecordStart = true

  const endRecord = (): void => {
    row.push(field)
    rows.push(row)
    row = []
    field = ''
    atRecordStart = true
  }
  // Consumes CRLF, LF or CR at text[i]; returns false when there is no line break there.
  const lineBreak = (): boolean => {
    const c = text[i]
    if (c === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1
    } else if (c === '\n') {
      i += 1
    } else {
      return false
    }
    line++
    return true
  }

  while (i < n) {
    atRecordStart = false
    if (text[i] === '"') {
      // Quoted field: runs to a quote not followed by another quote.
      const openedOn = line
      i++
      for (;;) {
        if (i >= n) throw new CsvError('unterminated-quote', openedOn)
        const c = text[i] as string
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (c === '\r' || c === '\n') {
          // Keep the line break as written, but count it.
          const start = i
          lineBreak()
          field += text.slice(start, i)
          continue
        }
        field += c
        i++
      }
      if (i >= n) break
      if (text[i] === delimiter) {
        row.push(field)
        field = ''
        i++
        continue
      }
      if (lineBreak()) {
        endRecord()
        continue
      }
      throw new CsvError('stray-quote', line)
    }
    // Unquoted field: runs to the delimiter or a line break.
    for (;;) {
      if (i >= n) break
      const c = text[i] as string
      if (c === delimiter) {
        row.push(field)
        field = ''
        i++
        break
      }
      if (lineBreak()) {
        endRecord()
        break
      }
      if (c === '"') throw new CsvError('stray-quote', line)
      field += c
      i++
    }
  }
  if (!atRecordStart) endRecord()
  return rows
}

/**
 * Guesses the delimiter from a header line: the candidate that occurs most often outside
 * quotes. Ties go to tab, then `;`, then `,`, since a comma turns up in Dutch text and
 * decimal numbers far more often than a semicolon or tab does. No candidate at all → `','`.
 * Only the first line counts when more text is passed; a leading BOM is ignored.
 */
export function sniffDelimiter(firstLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const c of firstLine.startsWith('\uFEFF') ? firstLine.slice(1) : firstLine) {
    if (c === '"') {
      // A doubled quote toggles twice, so it needs no special case.
      quoted = !quoted
    } else if (!quoted) {
      if (c === '\r' || c === '\n') break
      if (c === ',' || c === ';' || c === '\t') counts[c]++
    }
  }
  let best: Delimiter = ','
  let bestCount = 0
  // Strictly more wins, so on a tie the earlier candidate in this order stays.
  for (const d of ['\t', ';', ','] as const) {
    if (counts[d] > bestCount) {
      best = d
      bestCount = counts[d]
    }
  }
  return best
}
