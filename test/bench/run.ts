/**
 * `npm run bench [-- NAME...]`: runs the benchmarks (all, or those whose name contains NAME)
 * and prints one table each. Not part of `npm test`: timings are reported, not asserted.
 */
export interface BenchRow {
  name: string
  ms?: number
  note?: string
  [column: string]: string | number | undefined
}

const BENCHES: Record<string, () => Promise<{ run: () => Promise<BenchRow[]> }>> = {
  import: () => import('./import.bench'),
  stats: () => import('./stats.bench'),
  agreement: () => import('./agreement.bench'),
  matrix: () => import('./matrix.bench'),
  ui: () => import('./ui.bench'),
  suggest: () => import('./suggest.bench'),
  autocode: () => import('./autocode.bench'),
}

const wanted = process.argv.slice(2)
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.some((w) => name.includes(w))) continue
  console.log(`\n## ${name}`)
  const rows = await (await load()).run()
  console.table(rows.map((r) => (r.ms === undefined ? r : { ...r, ms: Math.round(r.ms * 10) / 10 })))
}
