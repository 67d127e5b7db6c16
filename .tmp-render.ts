import { readFileSync, writeFileSync } from 'node:fs'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { createCanvas } from '@napi-rs/canvas'
const [file, ...needles] = process.argv.slice(2)
const d = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file!)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise
for (let p = 1; p <= d.numPages; p++) {
  const page = await d.getPage(p)
  const tc = await page.getTextContent()
  const text = (tc.items as any[]).map((i) => i.str).join(' ')
  if (!needles.some((n) => text.includes(n))) continue
  const vp = page.getViewport({ scale: 1.2 })
  const c = createCanvas(vp.width, vp.height)
  await page.render({ canvasContext: c.getContext('2d') as any, viewport: vp, canvas: c as any }).promise
  writeFileSync(`/tmp/r-${p}.png`, c.toBuffer('image/png'))
  console.log('rendered', p)
}
