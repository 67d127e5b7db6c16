import { readFileSync, writeFileSync } from 'node:fs'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { createCanvas } from '@napi-rs/canvas'
const m = JSON.parse(readFileSync('/tmp/fx1/ground-truth.json', 'utf8'))
const open = (data: Uint8Array, extra: object = {}) => pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, ...extra }).promise
let t = performance.now(); let pagesTotal = 0; let bad = 0
for (const r of m.reports) {
  const d = await open(new Uint8Array(readFileSync('/tmp/fx1/' + r.file)))
  if (d.numPages !== r.pages) console.log('PAGES MISMATCH', r.file)
  const texts: string[] = []
  for (let p = 1; p <= d.numPages; p++) {
    const tc = await (await d.getPage(p)).getTextContent()
    texts.push((tc.items as any[]).map((i) => i.str + (i.hasEOL ? '\n' : '')).join('').replace(/\s+/g, ' '))
  }
  pagesTotal += d.numPages
  for (const ps of r.passages) if (!texts[ps.page - 1]!.includes(ps.text.replace(/\s+/g, ' '))) { bad++; console.log('MISS', r.file, ps.page, ps.text.slice(0, 60)) }
  await d.destroy()
}
console.log('extracted', pagesTotal, 'pages in', (performance.now() - t).toFixed(0), 'ms; misses', bad)
// render some pages
const d = await open(new Uint8Array(readFileSync('/tmp/fx1/p02-technieklab-ijsselvallei.pdf')))
for (const p of [1, 2, 5, 6, 9, 12, 24]) {
  const page = await d.getPage(p); const vp = page.getViewport({ scale: 1.2 })
  const c = createCanvas(vp.width, vp.height)
  await page.render({ canvasContext: c.getContext('2d') as any, viewport: vp, canvas: c as any }).promise
  writeFileSync(`/tmp/fx1-p${p}.png`, c.toBuffer('image/png'))
  const tc = await page.getTextContent()
  if (p === 6 || p===9) console.log(JSON.stringify((tc.items as any[]).slice(0, 30).map((i) => [i.str, i.hasEOL])))
}
for (const kind of ['empty', 'not-a-pdf', 'truncated', 'corrupt', 'encrypted', 'image-only']) {
  try {
    const dd = await open(new Uint8Array(readFileSync(`/tmp/fx1/bad-${kind}.pdf`)))
    let msg = `opened numPages=${dd.numPages}`
    try { for (let p = 1; p <= dd.numPages; p++) { const tc = await (await dd.getPage(p)).getTextContent(); msg += ` p${p}:${tc.items.length}items` } } catch (e: any) { msg += ` page error ${e.name}: ${e.message}` }
    console.log(kind, msg)
  } catch (e: any) { console.log(kind, 'FAIL', e.name, e.code, e.message) }
}
for (const pw of ['fout', 'werkbank', 'eigenaar-2013']) {
  try { const dd = await open(new Uint8Array(readFileSync('/tmp/fx1/bad-encrypted.pdf')), { password: pw }); const tc = await (await dd.getPage(1)).getTextContent(); console.log(pw, 'OK', (tc.items as any[]).map((i) => i.str).join(' ').slice(0, 200)); const md = await dd.getMetadata(); console.log((md.info as any).Title) } catch (e: any) { console.log(pw, 'FAIL', e.name, e.code, e.message) }
}
