/**
 * The report of coded segments as one self-contained HTML file: inline CSS (with print rules
 * for A4), the chart as inline SVG, no scripts and nothing fetched. Its own CSP says so, so a
 * browser that opens it loads nothing else even if a quote were to smuggle markup in (every
 * text is escaped anyway).
 */
import { chartLayout, chartSvg } from './report-chart'
import { pageLabel, reportFacts, type ReportCode, type ReportMemo, type ReportModel, type ReportSegment } from './report-model'
import { rs } from './report-strings'

/** Text as HTML: the five characters that could open markup or end an attribute are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --quote: #f6f6f8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 11pt/1.5 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2.4rem 0 .5rem; padding-top: .8rem; border-top: 2px solid var(--ink); break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; break-after: avoid; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; color: var(--muted); break-after: avoid; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; color: var(--muted); margin: 0 0 .6rem; }
.title-page { padding-bottom: .5rem; }
.title-page h1 { margin-bottom: 1.2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.toc ol { padding-left: 0; list-style: none; columns: 2; column-gap: 2rem; }
.toc li { break-inside: avoid; }
.toc a { color: inherit; text-decoration: none; }
.toc .n { color: var(--muted); }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em; vertical-align: baseline;
  border: 1px solid rgba(0,0,0,.25); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.parent { color: var(--muted); font-weight: normal; }
.count { color: var(--muted); font-weight: normal; font-size: .85em; margin-left: .4em; }
dl.code-def { margin: 0 0 .6rem; }
dl.code-def dt { font-weight: 600; margin-top: .4rem; }
dl.code-def dd { margin: 0 0 0 1rem; white-space: pre-wrap; }
.memo { margin: .4rem 0; padding: .4rem .7rem; border-left: 3px solid #c9a227; background: #fffbea; white-space: pre-wrap;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.memo .who { display: block; font-size: .8rem; color: var(--muted); white-space: normal; }
figure.segment { margin: 0 0 1rem; break-inside: avoid; }
blockquote { margin: 0; padding: .45rem .8rem; background: var(--quote); border-left: 3px solid var(--rule); font-family: Georgia, 'DejaVu Serif', serif;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
blockquote.area { font-family: inherit; font-style: italic; }
.badge { font-style: normal; font-size: .75rem; border: 1px solid var(--muted); border-radius: 3px; padding: 0 .3em; margin-right: .4em; color: var(--muted); }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .2rem; }
.empty { color: var(--muted); font-style: italic; }
table.matrix { border-collapse: collapse; font-size: .8rem; line-height: 1.3; margin: .5rem 0 1rem; }
table.matrix th, table.matrix td { border: 1px solid var(--rule); padding: .15rem .35rem; }
table.matrix td { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix thead th { vertical-align: bottom; font-weight: 600; }
table.matrix thead th.col { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; max-height: 11rem; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; padding: .35rem .15rem; }
table.matrix th[scope=row] { text-align: left; font-weight: normal; min-width: 12rem; }
table.matrix tbody th[scope=row].top { font-weight: 600; }
table.matrix tr.total th, table.matrix tr.total td, table.matrix td.total { font-weight: 600; }
.chart { margin: .5rem 0 1rem; }
.chart svg { max-width: 100%; height: auto; }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .title-page { break-after: page; border: 0; }
  .toc { break-after: page; }
  .overview { break-after: page; }
  a { color: inherit; text-decoration: none; }
}
`

function memoHtml(lang: ReportModel['lang'], m: ReportMemo): string {
  const who = m.coder ? rs(lang, 'memoBy', { coder: m.coder }) : rs(lang, 'memoNoCoder')
  return `<div class="memo"><span class="who">${escapeHtml(who)}</span>${escapeHtml(m.body)}</div>`
}

function segmentHtml(lang: ReportModel['lang'], s: ReportSegment): string {
  const where = [s.documentTitle, pageLabel(lang, s.pageFrom, s.pageTo), s.coder].map(escapeHtml).join(' · ')
  const quote =
    s.kind === 'area'
      ? `<blockquote class="area"><span class="badge">${escapeHtml(rs(lang, 'area'))}</span>${escapeHtml(s.quote || rs(lang, 'areaNoText'))}</blockquote>`
      : `<blockquote>${escapeHtml(s.quote)}</blockquote>`
  const memo = s.memo.trim() ? `<div class="memo"><span class="who">${escapeHtml(rs(lang, 'codingMemo'))}</span>${escapeHtml(s.memo)}</div>` : ''
  return `<figure class="segment" data-coding="${s.codingId}">${quote}<figcaption>${where}</figcaption>${memo}</figure>`
}

function codeHeading(c: ReportCode): string {
  const at = c.path.lastIndexOf('/')
  const parent = at >= 0 ? `<span class="parent">${escapeHtml(c.path.slice(0, at + 1))}</span>` : ''
  return `<span class="swatch" style="background:${safeColour(c.colour)}"></span>${parent}${escapeHtml(c.name)}`
}

function safeColour(c: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(c) ? c : '#888888'
}

function countText(lang: ReportModel['lang'], n: number): string {
  return n === 1 ? rs(lang, 'oneSegment') : rs(lang, 'segmentCount', { count: n })
}

function codeHtml(lang: ReportModel['lang'], c: ReportCode): string {
  const def: string[] = []
  const field = (key: 'definition' | 'inclusion' | 'exclusion' | 'example', text: string) => {
    if (text.trim()) def.push(`<dt>${escapeHtml(rs(lang, key))}</dt><dd>${escapeHtml(text.trim())}</dd>`)
  }
  field('definition', c.definition)
  field('inclusion', c.inclusion)
  field('exclusion', c.exclusion)
  field('example', c.example)
  const parts = [
    `<section class="code" id="code-${c.id}" data-code="${escapeHtml(c.path)}">`,
    `<h2>${codeHeading(c)}<span class="count">${escapeHtml(countText(lang, c.segmentCount))}</span></h2>`,
    def.length > 0 ? `<dl class="code-def">${def.join('')}</dl>` : '',
    c.memos.length > 0 ? `<h4>${escapeHtml(rs(lang, 'codeMemos'))}</h4>${c.memos.map((m) => memoHtml(lang, m)).join('')}` : '',
  ]
  if (c.cases.length === 0) parts.push(`<p class="empty">${escapeHtml(rs(lang, 'noSegments'))}</p>`)
  for (const g of c.cases) {
    parts.push(
      `<section class="case"><h3>${escapeHtml(g.caseName)}<span class="count">${escapeHtml(countText(lang, g.segments.length))}</span></h3>`,
      ...g.segments.map((s) => segmentHtml(lang, s)),
      '</section>',
    )
  }
  parts.push('</section>')
  return parts.join('\n')
}

function matrixHtml(model: ReportModel): string {
  const m = model.matrix!
  const lang = model.lang
  // Column headings turned upright so a study's many cases fit the width of a page; rows by
  // name, indented as in the codebook, the full path in the tooltip.
  const head = `<tr><th scope="col">${escapeHtml(rs(lang, 'code'))}</th>${m.columns.map((c) => `<th scope="col" class="col" title="${escapeHtml(c)}">${escapeHtml(c)}</th>`).join('')}<th scope="col" class="col">${escapeHtml(rs(lang, 'total'))}</th></tr>`
  const body = m.rows
    .map(
      (r) =>
        `<tr><th scope="row"${r.depth === 0 ? ' class="top"' : ''} title="${escapeHtml(r.path)}" style="padding-left:${(0.35 + r.depth * 0.9).toFixed(2)}rem">${escapeHtml(r.name)}</th>` +
        `${r.values.map((v) => `<td>${v === 0 ? '' : v}</td>`).join('')}<td class="total">${r.total}</td></tr>`,
    )
    .join('')
  const foot = `<tr class="total"><th scope="row">${escapeHtml(rs(lang, 'total'))}</th>${m.columnTotals.map((v) => `<td>${v}</td>`).join('')}<td>${m.total}</td></tr>`
  return `<h3>${escapeHtml(rs(lang, 'matrixTitle'))}</h3><table class="matrix"><thead>${head}</thead><tbody>${body}</tbody><tfoot>${foot}</tfoot></table>`
}

/** The report as one HTML document. */
export function reportHtml(model: ReportModel): string {
  const lang = model.lang
  const meta = reportFacts(model)
  const out: string[] = [
    // Polyglot markup (void elements closed, CSS without < or &): an XML parser reads it too.
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8"/>',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}"/>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    '<meta name="generator" content="Werkbank"/>',
    `<title>${escapeHtml(`${model.title} — ${model.studyName}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    '<header class="title-page">',
    '<p class="kicker">Werkbank</p>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
    model.studyMemos.length > 0 ? `<h4>${escapeHtml(rs(lang, 'studyMemos'))}</h4>${model.studyMemos.map((m) => memoHtml(lang, m)).join('')}` : '',
    '</header>',
  ]
  if (model.codes.length > 1) {
    out.push(
      `<nav class="toc" aria-label="${escapeHtml(rs(lang, 'contents'))}"><h2>${escapeHtml(rs(lang, 'contents'))}</h2><ol>`,
      ...model.codes.map((c) => `<li style="padding-left:${c.depth * 1.2}em"><a href="#code-${c.id}">${escapeHtml(c.name)}</a> <span class="n">(${c.segmentCount})</span></li>`),
      '</ol></nav>',
    )
  }
  if (model.showMatrix || model.showChart) {
    out.push(`<section class="overview"><h2>${escapeHtml(rs(lang, 'overview'))}</h2>`)
    if (model.showMatrix) out.push(matrixHtml(model))
    if (model.showChart) {
      const layout = chartLayout(model.matrix!, lang)
      out.push(`<h3>${escapeHtml(rs(lang, 'chartTitle'))}</h3>`)
      out.push(layout ? `<figure class="chart">${chartSvg(layout)}</figure>` : `<p class="empty">${escapeHtml(rs(lang, 'chartEmpty'))}</p>`)
    }
    out.push('</section>')
  }
  for (const c of model.codes) out.push(codeHtml(lang, c))
  out.push(`<footer>${escapeHtml(rs(lang, 'madeWith'))} · ${escapeHtml(model.date)}</footer>`, '</main></body></html>', '')
  return out.join('\n')
}
