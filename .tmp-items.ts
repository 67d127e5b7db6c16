import { readFileSync } from 'node:fs'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
const d = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[2]!)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
for (let p = 1; p <= d.numPages; p++) {
  const items = (await (await d.getPage(p)).getTextContent()).items as any[]
  items.forEach((it, i) => {
    const sup = it.height < 8 && it.height > 0 && /^\d+$/.test(it.str)
    if (sup || it.str.startsWith('Kader') || it.str === 'Activiteit') {
      console.log('page', p, 'item', i)
      for (const j of items.slice(Math.max(0, i - 2), i + (it.str === 'Activiteit' ? 14 : 5))) console.log('  ', JSON.stringify(j.str), j.hasEOL, j.transform.slice(4).map((n: number) => n.toFixed(1)).join(','), 'h', j.height.toFixed(1), 'w', j.width.toFixed(1))
    }
  })
}
