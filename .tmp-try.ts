import { generateReports, generateBadPdfs, generateLongReport } from './test/fixtures/report-generator'
import { rc4 } from './test/fixtures/pdf-encrypt'
console.log(Buffer.from(rc4(Buffer.from('Key'), Buffer.from('Plaintext'))).toString('hex'), 'expect bbf316e8d940af0ad3')
let t = performance.now()
const m = await generateReports('/tmp/fx1')
console.log('17 reports', (performance.now() - t).toFixed(0), 'ms')
for (const r of m.reports) console.log(r.file, r.case.sector, r.case.year, r.case.phase, 'pages', r.pages, 'passages', r.passages.length)
t = performance.now()
console.log(await generateBadPdfs('/tmp/fx1'))
console.log('bad', (performance.now() - t).toFixed(0), 'ms')
t = performance.now()
await generateLongReport('/tmp/fx1/long-500.pdf', 500)
console.log('long', (performance.now() - t).toFixed(0), 'ms')
