/**
 * The report of coded segments as a Word document (docx package): a title page, the optional
 * overview (matrix as a table, chart as a PNG drawn with @napi-rs/canvas), then per code a
 * Heading 1 (so Word's navigation pane lists the codes), per case a Heading 2, each quote in
 * its own paragraph style with its source line and memo. A4, page numbers in the footer.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, HeightRule, ImageRun, Packer, PageBreak, PageNumber, Paragraph, ShadingType,
  Table, TableCell, TableRow, TextDirection, TextRun, WidthType, type ParagraphChild,
} from 'docx'
import { chartLayout, chartPng } from './report-chart'
import { pageLabel, reportFacts, type ReportCode, type ReportMemo, type ReportModel, type ReportSegment } from './report-model'
import { rs } from './report-strings'

const A4 = { width: 11906, height: 16838 } // twips
const MARGIN = 1134 // 2 cm
/** Content width in pixels at 96 dpi (A4 less the margins), for the chart. */
const CONTENT_PX = Math.floor(((A4.width - 2 * MARGIN) / 1440) * 96)
const MUTED = '5F6368'

function hex(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour.slice(1).toUpperCase() : '888888'
}

/** Text with line breaks as runs joined by breaks (Word ignores a bare \n). */
function lines(text: string, style: { italics?: boolean; color?: string; size?: number } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }))
}

function memoParagraph(label: string, body: string): Paragraph {
  return new Paragraph({
    style: 'ReportMemo',
    children: [new TextRun({ text: `${label}: `, bold: true }), ...lines(body.trim())],
  })
}

function memoLabel(lang: ReportModel['lang'], m: ReportMemo): string {
  return m.coder ? rs(lang, 'memoBy', { coder: m.coder }) : rs(lang, 'memoNoCoder')
}

function countText(lang: ReportModel['lang'], n: number): string {
  return n === 1 ? rs(lang, 'oneSegment') : rs(lang, 'segmentCount', { count: n })
}

function segmentParagraphs(lang: ReportModel['lang'], s: ReportSegment): Paragraph[] {
  const quote: ParagraphChild[] =
    s.kind === 'area'
      ? [new TextRun({ text: `[${rs(lang, 'area')}] `, bold: true, italics: false }), new TextRun({ text: s.quote || rs(lang, 'areaNoText') })]
      : [new TextRun({ text: s.quote })]
  const out = [
    new Paragraph({ style: 'SegmentQuote', keepNext: true, children: quote }),
    new Paragraph({ style: 'SegmentSource', children: [new TextRun(`${s.documentTitle} · ${pageLabel(lang, s.pageFrom, s.pageTo)} · ${s.coder}`)] }),
  ]
  if (s.memo.trim()) out.push(memoParagraph(rs(lang, 'codingMemo'), s.memo))
  return out
}

function codeParagraphs(lang: ReportModel['lang'], c: ReportCode): Paragraph[] {
  const at = c.path.lastIndexOf('/')
  const out: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      keepNext: true,
      children: [
        new TextRun({ text: '■ ', color: hex(c.colour) }),
        ...(at >= 0 ? [new TextRun({ text: c.path.slice(0, at + 1), color: MUTED })] : []),
        new TextRun(c.name),
        new TextRun({ text: `  (${countText(lang, c.segmentCount)})`, color: MUTED, size: 20 }),
      ],
    }),
  ]
  const field = (key: 'definition' | 'inclusion' | 'exclusion' | 'example', text: string) => {
    if (!text.trim()) return
    out.push(new Paragraph({ keepNext: true, spacing: { before: 80 }, children: [new TextRun({ text: rs(lang, key), bold: true })] }))
    out.push(new Paragraph({ indent: { left: 284 }, children: lines(text.trim()) }))
  }
  field('definition', c.definition)
  field('inclusion', c.inclusion)
  field('exclusion', c.exclusion)
  field('example', c.example)
  for (const m of c.memos) out.push(memoParagraph(memoLabel(lang, m), m.body))
  if (c.cases.length === 0) out.push(new Paragraph({ children: [new TextRun({ text: rs(lang, 'noSegments'), italics: true, color: MUTED })] }))
  for (const g of c.cases) {
    out.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        keepNext: true,
        children: [new TextRun(g.caseName), new TextRun({ text: `  (${countText(lang, g.segments.length)})`, color: MUTED, size: 20 })],
      }),
    )
    for (const s of g.segments) out.push(...segmentParagraphs(lang, s))
  }
  return out
}

function cell(text: string, opts: { bold?: boolean; right?: boolean; shade?: boolean; upright?: boolean; indent?: number } = {}): TableCell {
  return new TableCell({
    ...(opts.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EFEFF2' } } : {}),
    // Column headings read bottom to top, so a study's many cases fit the width of a page.
    ...(opts.upright ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT } : {}),
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        ...(opts.indent ? { indent: { left: opts.indent } } : {}),
        spacing: { after: 0 },
        children: [new TextRun({ text, bold: opts.bold, size: 16 })],
      }),
    ],
  })
}

function matrixTable(model: ReportModel): Table {
  const m = model.matrix!
  const lang = model.lang
  const header = new TableRow({
    tableHeader: true,
    height: { value: 1700, rule: HeightRule.ATLEAST },
    children: [
      cell(rs(lang, 'code'), { bold: true, shade: true }),
      ...m.columns.map((c) => cell(c, { bold: true, shade: true, upright: true })),
      cell(rs(lang, 'total'), { bold: true, shade: true, upright: true }),
    ],
  })
  const rows = m.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(r.name, { bold: r.depth === 0, indent: r.depth * 200 }),
          ...r.values.map((v) => cell(v === 0 ? '' : String(v), { right: true })),
          cell(String(r.total), { bold: true, right: true }),
        ],
      }),
  )
  const total = new TableRow({
    children: [cell(rs(lang, 'total'), { bold: true }), ...m.columnTotals.map((v) => cell(String(v), { bold: true, right: true })), cell(String(m.total), { bold: true, right: true })],
  })
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows, total] })
}

/** The report as .docx bytes. */
export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  const lang = model.lang
  const meta = reportFacts(model)
  const body: (Paragraph | Table)[] = [
    new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: 'WERKBANK', color: MUTED, size: 18 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 400 }, children: [new TextRun(model.title)] }),
    ...meta.map(([k, v]) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${k}: `, color: MUTED }), new TextRun(v)] })),
  ]
  if (model.studyMemos.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(rs(lang, 'studyMemos'))] }))
    for (const m of model.studyMemos) body.push(memoParagraph(memoLabel(lang, m), m.body))
  }
  body.push(new Paragraph({ children: [new PageBreak()] }))

  if (model.showMatrix || model.showChart) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(rs(lang, 'overview'))] }))
    if (model.showMatrix) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(rs(lang, 'matrixTitle'))] }), matrixTable(model))
    }
    if (model.showChart) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(rs(lang, 'chartTitle'))] }))
      const layout = chartLayout(model.matrix!, lang)
      if (layout) {
        const png = await chartPng(layout)
        const width = Math.min(CONTENT_PX, layout.width)
        body.push(
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: png,
                transformation: { width, height: Math.round((layout.height * width) / layout.width) },
                altText: { name: 'chart', title: layout.title, description: layout.title },
              }),
            ],
          }),
        )
      } else body.push(new Paragraph({ children: [new TextRun({ text: rs(lang, 'chartEmpty'), italics: true })] }))
    }
    body.push(new Paragraph({ children: [new PageBreak()] }))
  }
  for (const c of model.codes) body.push(...codeParagraphs(lang, c))

  const doc = new Document({
    creator: 'Werkbank',
    title: `${model.title} — ${model.studyName}`,
    description: rs(lang, 'reportOf'),
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 80 } } },
        heading1: { run: { font: 'Calibri', size: 30, bold: true, color: '1D1D1F' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: 'Calibri', size: 24, bold: true, color: '1D1D1F' }, paragraph: { spacing: { before: 240, after: 80 } } },
        title: { run: { font: 'Calibri', size: 52, bold: true, color: '1D1D1F' }, paragraph: { spacing: { after: 120 } } },
      },
      paragraphStyles: [
        {
          id: 'SegmentQuote',
          name: 'Segment quote',
          basedOn: 'Normal',
          next: 'SegmentSource',
          run: { font: 'Georgia', size: 21 },
          paragraph: {
            indent: { left: 284 },
            spacing: { before: 120, after: 20 },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F6F6F8' },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'D9D9DE', space: 6 } },
          },
        },
        {
          id: 'SegmentSource',
          name: 'Segment source',
          basedOn: 'Normal',
          run: { size: 17, color: MUTED },
          paragraph: { indent: { left: 284 }, spacing: { after: 80 } },
        },
        {
          id: 'ReportMemo',
          name: 'Report memo',
          basedOn: 'Normal',
          run: { size: 19 },
          paragraph: {
            indent: { left: 284 },
            spacing: { before: 40, after: 100 },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFFBEA' },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'C9A227', space: 6 } },
          },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${model.studyName} · ${rs(lang, 'pageOf')} `, PageNumber.CURRENT], size: 16, color: MUTED })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
