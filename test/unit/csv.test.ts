import { parse } from 'csv-parse/sync'
// Deterministic PRNG so a failing table can be reproduced from its seed.
import { mulberry32 } from '../../shared/stats/random'
import { describe, expect, it } from 'vitest'
import {
  type Cell,
  type CsvOptions,
  CsvError,
  csvDefaultsFor,
  formatCell,
  neutraliseFormula,
  parseCsv,
  sniffDelimiter,
  toCsv,
} from '../../shared/csv'

type Delimiter = ',' | ';' | '\t'

// The independent reader: csv-parse, strict about quotes, tolerant of ragged rows.
function readBack(text: string, delimiter: Delimiter = ','): string[][] {
  return parse(text, {
    bom: true,
    delimiter,
    relax_quotes: false,
    relax_column_count: true,
  }) as string[][]
}

const COMBOS: CsvOptions[] = [
  {},
  { delimiter: ';', decimalComma: true, bom: true },
  { delimiter: '\t', lineEnding: '\n' },
  { delimiter: ',', bom: true, lineEnding: '\n', guardFormulas: false },
  { delimiter: ';', lineEnding: '\r\n', guardFormulas: false },
]

const NASTY_TEXT = [
  'gewoon',
  'a,b',
  'a;b',
  'tab\there',
  'zei "hallo"',
  '"',
  '""',
  'regel 1\nregel 2',
  'regel 1\r\nregel 2',
  'regel 1\rregel 2',
  'ends with LF\n',
  'ë ï é è ç ĳ — “curly” ‘quotes’',
  'Zorg & Welzijn 😀👩🏽‍⚕️',
  '  leading and trailing  ',
  ' ',
  '',
]

function label(o: CsvOptions): string {
  return JSON.stringify(o).replaceAll('\\t', 'TAB')
}

describe('toCsv read back by csv-parse', () => {
  for (const options of COMBOS) {
    const delimiter = options.delimiter ?? ','
    it(`keeps every nasty text cell intact with ${label(options)}`, () => {
      const rows = NASTY_TEXT.map((text, i) => [`r${i}`, text, 'end'])
      const back = readBack(toCsv(rows, options), delimiter)
      expect(back).toHaveLength(rows.length)
      rows.forEach((row, r) => expect(back[r]).toEqual(row))
    })

    it(`reads null and undefined back as empty fields, like empty strings, with ${label(options)}`, () => {
      const back = readBack(toCsv([['', null, undefined, 'x'], [null], ['']], options), delimiter)
      expect(back).toEqual([['', '', '', 'x'], [''], ['']])
    })
  }

  it('quotes a field only when it holds the delimiter, a quote, CR or LF', () => {
    expect(formatCell('a,b')).toBe('"a,b"')
    expect(formatCell('a,b', { delimiter: ';' })).toBe('a,b')
    expect(formatCell('a;b', { delimiter: ';' })).toBe('"a;b"')
    expect(formatCell('a\tb', { delimiter: '\t' })).toBe('"a\tb"')
    expect(formatCell('zei "hallo"')).toBe('"zei ""hallo"""')
    expect(formatCell('a\rb')).toBe('"a\rb"')
    expect(formatCell('a\nb')).toBe('"a\nb"')
    expect(formatCell('  spaces  ')).toBe('  spaces  ')
    expect(formatCell('ë 😀')).toBe('ë 😀')
  })

  it('writes a row of one empty cell as "" so that readers do not skip it as a blank line', () => {
    expect(toCsv([['a'], [null], [''], ['b']])).toBe('a\r\n""\r\n""\r\nb\r\n')
  })

  it('ends every record, the last one too, with the chosen line ending', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n')
    expect(toCsv([['a', 'b'], ['c', 'd']], { lineEnding: '\n' })).toBe('a,b\nc,d\n')
    expect(toCsv([])).toBe('')
  })

  it('treats the holes of a sparse row as empty cells', () => {
    const sparse: Cell[] = ['a']
    sparse[2] = 'c'
    expect(toCsv([sparse])).toBe('a,,c\r\n')
  })

  it('writes a BOM only when asked', () => {
    const rows = [['Naam', 'Score'], ['Jan', 1]]
    expect(toCsv(rows).startsWith('\uFEFF')).toBe(false)
    expect(toCsv(rows, { bom: false }).startsWith('\uFEFF')).toBe(false)
    const withBom = toCsv(rows, { bom: true })
    expect(withBom.startsWith('\uFEFFNaam')).toBe(true)
    expect(withBom.indexOf('\uFEFF', 1)).toBe(-1)
    expect(readBack(withBom)[0]).toEqual(['Naam', 'Score'])
  })

  it('rejects a delimiter it cannot quote for', () => {
    expect(() => toCsv([['a']], { delimiter: '|' as unknown as Delimiter })).toThrow(/delimiter/)
    expect(() => parseCsv('a', { delimiter: '"' as unknown as Delimiter })).toThrow(/delimiter/)
  })
})

describe('numbers and booleans', () => {
  it('writes numbers in plain decimal notation, never with an exponent', () => {
    expect(formatCell(0.0001)).toBe('0.0001')
    expect(formatCell(1e-7)).toBe('0.0000001')
    expect(formatCell(-1.5e-7)).toBe('-0.00000015')
    expect(formatCell(1e21)).toBe('1000000000000000000000')
    expect(formatCell(123456789012345680000)).toBe('123456789012345683968')
    expect(formatCell(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991')
    expect(formatCell(0)).toBe('0')
    expect(formatCell(-0)).toBe('0')
    expect(formatCell(42)).toBe('42')
    expect(formatCell(-3)).toBe('-3')
    expect(formatCell(1234.5)).toBe('1234.5')
  })

  it('drops binary noise beyond 15 significant digits and trims trailing zeros', () => {
    expect(formatCell(0.1 + 0.2)).toBe('0.3')
    expect(formatCell(1 / 3)).toBe('0.333333333333333')
    expect(formatCell(2.5)).toBe('2.5')
    expect(formatCell(0.8123456789012345)).toBe('0.812345678901235')
    expect(formatCell(4503599627370495.5)).toBe('4503599627370500')
    expect(formatCell(1e14 + 0.5)).toBe('100000000000001')
  })

  it('writes NaN and infinities as empty fields', () => {
    expect(formatCell(Number.NaN)).toBe('')
    expect(formatCell(Number.POSITIVE_INFINITY)).toBe('')
    expect(formatCell(Number.NEGATIVE_INFINITY)).toBe('')
  })

  it('writes booleans as 1 and 0', () => {
    expect(toCsv([[true, false]])).toBe('1,0\r\n')
  })

  it('writes a decimal comma without thousands separator for Dutch Excel', () => {
    const options: CsvOptions = { delimiter: ';', decimalComma: true }
    expect(formatCell(0.5, options)).toBe('0,5')
    expect(formatCell(1234.5, options)).toBe('1234,5')
    expect(formatCell(-1234567.25, options)).toBe('-1234567,25')
    expect(formatCell(1000000, options)).toBe('1000000')
    const text = toCsv([['kappa', 0.5, 1234.5, -2]], options)
    expect(text).toBe('kappa;0,5;1234,5;-2\r\n')
    expect(readBack(text, ';')).toEqual([['kappa', '0,5', '1234,5', '-2']])
  })

  it('quotes a decimal comma when the delimiter is a comma', () => {
    const text = toCsv([[0.5, 'x']], { decimalComma: true })
    expect(text).toBe('"0,5",x\r\n')
    expect(readBack(text)).toEqual([['0,5', 'x']])
  })

  it('reads numbers back to the same value, to 15 significant digits', () => {
    const values = [0.0001, 1.5e-12, 3.14159, -271.828, 1e13 + 0.5, 123456.789, 7, Math.PI * 1e-9]
    const back = readBack(toCsv([values]))[0] ?? []
    values.forEach((v, i) => {
      expect(Math.abs(Number(back[i]) - v), `${v} → ${back[i]}`).toBeLessThanOrEqual(Math.abs(v) * 5e-15)
    })
    expect(back.slice(0, 5)).toEqual(['0.0001', '0.0000000000015', '3.14159', '-271.828', '10000000000000.5'])
  })
})

describe('formula-injection guard', () => {
  const attacks = ['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx', "=cmd|' /C calc'!A0", '-2+3']

  for (const options of COMBOS.filter((o) => o.guardFormulas !== false)) {
    it(`prefixes a quote to every text that starts like a formula with ${label(options)}`, () => {
      const back = readBack(toCsv([attacks], options), options.delimiter ?? ',')
      expect(back).toEqual([attacks.map((a) => `'${a}`)])
    })
  }

  it('leaves numbers alone, so the number -1 stays a number while the text "-1" is guarded', () => {
    expect(toCsv([[-1, '-1', -0.5, '+1', 1]])).toBe("-1,'-1,-0.5,'+1,1\r\n")
    expect(toCsv([[-1.5, '-1,5']], { delimiter: ';', decimalComma: true })).toBe("-1,5;'-1,5\r\n")
  })

  it('leaves text that cannot start a formula alone', () => {
    for (const safe of ['SUM(A1)', 'a=b', ' =1', '', "'quoted", '1-2', 'e-mail']) {
      expect(neutraliseFormula(safe)).toBe(safe)
      expect(formatCell(safe, { delimiter: ';' })).toBe(safe)
    }
  })

  it('can be turned off for files that never meet a spreadsheet', () => {
    expect(toCsv([['=SUM(A1)', '-1']], { guardFormulas: false })).toBe('=SUM(A1),-1\r\n')
  })

  it('quotes the guarded text when the quote is not enough on its own', () => {
    expect(formatCell('\tx', { delimiter: '\t' })).toBe(`"'\tx"`)
    expect(formatCell('\rx')).toBe(`"'\rx"`)
    expect(formatCell('=A1&","')).toBe(`"'=A1&"","""`)
  })
})

const ALPHABET = [
  'a', 'Z', '0', '9', ' ', ',', ';', '\t', '"', '"', '\r', '\n', '\r\n', '=', '+', '-', '@', "'",
  'ë', 'ĳ', 'é', '€', '😀', '👩🏽‍⚕️', '\u00a0', '\uFEFF', '.', '\\',
]

function randomText(next: () => number): string {
  const length = Math.floor(next() * 12)
  let text = ''
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)]
  return text
}

function randomCell(next: () => number): Cell {
  const kind = next()
  if (kind < 0.65) return randomText(next)
  if (kind < 0.72) return null
  if (kind < 0.76) return undefined
  if (kind < 0.8) return next() < 0.5
  if (kind < 0.9) return Math.floor((next() - 0.5) * 1e6)
  return (next() - 0.5) * 10 ** Math.floor(next() * 12 - 6)
}

// What any reader should get back for a cell, spelled out independently of formatCell for
// everything except non-integer numbers, which are compared by value instead.
function expectedText(cell: Cell, options: CsvOptions): string | number {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'boolean') return cell ? '1' : '0'
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : cell
  const guard = options.guardFormulas !== false && /^[=+\-@\t\r]/.test(cell)
  return guard ? `'${cell}` : cell
}

function checkRow(actual: string[] | undefined, row: Cell[], options: CsvOptions, seed: number): void {
  expect(actual, `seed ${seed}`).toBeDefined()
  expect(actual?.length, `seed ${seed}`).toBe(row.length)
  row.forEach((cell, c) => {
    const expected = expectedText(cell, options)
    const got = actual?.[c] ?? ''
    if (typeof expected === 'number') {
      const value = Number(options.decimalComma ? got.replace(',', '.') : got)
      expect(Math.abs(value - expected), `seed ${seed} cell ${c}: ${got}`).toBeLessThanOrEqual(
        Math.abs(expected) * 1e-14,
      )
      expect(got, `seed ${seed} cell ${c}`).not.toMatch(/e/i)
    } else {
      expect(got, `seed ${seed} cell ${c}`).toBe(expected)
    }
  })
}

describe('random tables (property-style, seeded)', () => {
  const TABLES = 200

  it(`parseCsv and csv-parse both read back ${TABLES} random tables written by toCsv`, () => {
    for (let seed = 1; seed <= TABLES; seed++) {
      const next = mulberry32(seed)
      const options = COMBOS[seed % COMBOS.length] as CsvOptions
      const delimiter = options.delimiter ?? ','
      const columns = 1 + Math.floor(next() * 5)
      const rowCount = Math.floor(next() * 8)
      const rows: Cell[][] = Array.from({ length: rowCount }, () =>
        Array.from({ length: columns }, () => randomCell(next)),
      )
      const text = toCsv(rows, options)
      const ours = parseCsv(text, { delimiter })
      const theirs = readBack(text, delimiter)
      expect(ours, `seed ${seed}`).toEqual(theirs)
      expect(ours, `seed ${seed}`).toHaveLength(rows.length)
      rows.forEach((row, r) => checkRow(ours[r], row, options, seed))
    }
  })

  it('round-trips random text tables exactly when the guard is off', () => {
    for (let seed = 1001; seed <= 1000 + TABLES; seed++) {
      const next = mulberry32(seed)
      const delimiter = ([',', ';', '\t'] as const)[seed % 3] as Delimiter
      const lineEnding = seed % 2 === 0 ? '\n' : '\r\n'
      const rows = Array.from({ length: 1 + Math.floor(next() * 6) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, () => randomText(next)),
      )
      const text = toCsv(rows, { delimiter, lineEnding, guardFormulas: false, bom: seed % 5 === 0 })
      expect(parseCsv(text, { delimiter }), `seed ${seed}`).toEqual(rows)
      expect(readBack(text, delimiter), `seed ${seed}`).toEqual(rows)
    }
  })
})

describe('parseCsv', () => {
  it('reads quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","zei ""hoi""","x\r\ny"\r\nd,e,f,g\r\n')).toEqual([
      ['a', 'b,c', 'zei "hoi"', 'x\r\ny'],
      ['d', 'e', 'f', 'g'],
    ])
  })

  it('accepts CRLF, LF and lone CR as record ends, mixed in one file', () => {
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']])
  })

  it('strips a BOM and reads a Dutch semicolon file', () => {
    expect(parseCsv('\uFEFFCode;Omschrijving\r\nZ1;"Zorg; welzijn"\r\n', { delimiter: ';' })).toEqual([
      ['Code', 'Omschrijving'],
      ['Z1', 'Zorg; welzijn'],
    ])
  })

  it('makes no extra record for a final line break, but keeps empty fields and blank lines', () => {
    expect(parseCsv('')).toEqual([])
    expect(parseCsv('a')).toEqual([['a']])
    expect(parseCsv('a\r\n')).toEqual([['a']])
    expect(parseCsv('a,\r\n')).toEqual([['a', '']])
    expect(parseCsv('a,')).toEqual([['a', '']])
    expect(parseCsv(',')).toEqual([['', '']])
    expect(parseCsv('""')).toEqual([['']])
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']])
    expect(parseCsv('a\r\n\r\n')).toEqual([['a'], ['']])
  })

  it('keeps rows ragged as they are in the file', () => {
    expect(parseCsv('a,b,c\nd\n')).toEqual([['a', 'b', 'c'], ['d']])
  })

  it('agrees with csv-parse on hand-made inputs', () => {
    const inputs = [
      'a,b\r\n"c\rd",e\r\n',
      '"x\ny",1\n"z",2\n',
      '\uFEFF"a""b",c\n',
      ' a , b \n',
      'a\n\nb\n',
      '"",""\n',
    ]
    for (const input of inputs) expect(parseCsv(input), JSON.stringify(input)).toEqual(readBack(input))
  })

  function errorOf(run: () => unknown): CsvError {
    try {
      run()
    } catch (e) {
      if (e instanceof CsvError) return e
      throw e
    }
    throw new Error('expected a CsvError')
  }

  it('throws CsvError unterminated-quote with the line the quote opened on', () => {
    const error = errorOf(() => parseCsv('a,b\r\nc,"never\r\nclosed\r\n'))
    expect(error).toBeInstanceOf(Error)
    expect(error.code).toBe('unterminated-quote')
    expect(error.line).toBe(2)
    expect(error.message).toMatch(/line 2/)
    expect(() => readBack('a,b\r\nc,"never\r\nclosed\r\n')).toThrow()
  })

  it('throws CsvError stray-quote for a quote inside an unquoted field or after a closing quote', () => {
    for (const [input, line] of [
      ['ab"c\r\n', 1],
      ['a\nb "c"\n', 2],
      ['"ab"c\n', 1],
      ['x\n"ab" ,c\n', 2],
    ] as const) {
      const error = errorOf(() => parseCsv(input))
      expect(error.code, input).toBe('stray-quote')
      expect(error.line, input).toBe(line)
      expect(() => readBack(input), input).toThrow()
    }
  })

  it('counts lines inside quoted fields when reporting an error further on', () => {
    expect(errorOf(() => parseCsv('"a\r\nb\rc\nd",x\ny"z\n')).line).toBe(5)
  })
})

describe('sniffDelimiter', () => {
  it('picks ; for a Dutch Excel header line', () => {
    expect(sniffDelimiter('Code;Omschrijving;Aantal;Gemiddelde (0,5 = half)')).toBe(';')
    expect(sniffDelimiter('\uFEFFDocument;Codeur A;Codeur B\r\nrapport.pdf;1;2')).toBe(';')
  })

  it('picks , and tab when they dominate', () => {
    expect(sniffDelimiter('code,label,count')).toBe(',')
    expect(sniffDelimiter('code\tlabel\tcount, with comma')).toBe('\t')
  })

  it('ignores delimiters inside quotes and falls back to , when there are none', () => {
    expect(sniffDelimiter('"a,b,c";"d,e"')).toBe(';')
    expect(sniffDelimiter('Omschrijving')).toBe(',')
    expect(sniffDelimiter('')).toBe(',')
  })

  it('breaks a tie in favour of ; over ,', () => {
    expect(sniffDelimiter('Naam;Bedrag, in euro')).toBe(';')
  })
})

describe('CSV defaults per locale', () => {
  it('takes ; and decimal commas where the locale writes a decimal comma, else , and a point', () => {
    for (const locale of ['nl-NL', 'nl-BE', 'de-DE', 'fr-FR']) expect(csvDefaultsFor(locale), locale).toEqual({ delimiter: ';', decimalComma: true })
    for (const locale of ['en-US', 'en-GB', 'ja-JP']) expect(csvDefaultsFor(locale), locale).toEqual({ delimiter: ',', decimalComma: false })
  })

  it('falls back to , and a point for a tag Intl does not accept', () => {
    expect(csvDefaultsFor('not a locale!')).toEqual({ delimiter: ',', decimalComma: false })
    expect(csvDefaultsFor(undefined).delimiter).toMatch(/^[,;]$/)
  })

  it('writes line breaks and page breaks in text as one space when asked, and only then', () => {
    const rows = [['a\r\nb\n\nc\fd', 'x']]
    expect(readBack(toCsv(rows, { flattenLineBreaks: true }))).toEqual([['a b c d', 'x']])
    expect(readBack(toCsv(rows))).toEqual([['a\r\nb\n\nc\fd', 'x']])
    // The guard still sees the text's start.
    expect(formatCell('=1\n+2', { flattenLineBreaks: true })).toBe("'=1 +2")
  })
})
