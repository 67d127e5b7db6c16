import { useMemo } from 'react'
import { useTA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { useAnalysis } from '../../store/analysis.slice'

/** Codes in tree order with their depth, for choosing a subtree. */
export function useCodeOutline(): { id: number; path: string; name: string; depth: number; colour: string }[] {
  const codes = useApp((s) => s.codes)
  return useMemo(() => {
    const list = codes.order.map((id) => codes.byId[id]!).filter(Boolean)
    const children = new Map<number | null, typeof list>()
    for (const c of list) {
      const k = c.parentId
      if (!children.has(k)) children.set(k, [])
      children.get(k)!.push(c)
    }
    const out: { id: number; path: string; name: string; depth: number; colour: string }[] = []
    const walk = (parent: number | null, depth: number) => {
      for (const c of children.get(parent) ?? []) {
        out.push({ id: c.id, path: c.path, name: c.name, depth, colour: c.colour })
        walk(c.id, depth + 1)
      }
    }
    walk(null, 0)
    return out
  }, [codes])
}

/** Rows of the matrix and co-occurrence: every code or one code's subtree, and the roll-up. */
export function CodeRowsChooser() {
  const t = useTA()
  const rows = useAnalysis((s) => s.rows)
  const outline = useCodeOutline()
  return (
    <>
      <label className="opt">
        <span>{t('rows')}</span>
        <select
          value={rows.rootId ?? ''}
          onChange={(e) => useAnalysis.getState().setRows({ rootId: e.target.value === '' ? null : Number(e.target.value) })}
          data-testid="rows-root"
        >
          <option value="">{t('allCodes')}</option>
          {outline.map((c) => (
            <option key={c.id} value={c.id}>
              {'\u00a0\u00a0'.repeat(c.depth)}
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="opt check-inline" title={t('rollupHelp')}>
        <input type="checkbox" checked={rows.rollup} onChange={(e) => useAnalysis.getState().setRows({ rollup: e.target.checked })} data-testid="rollup" />
        <span>{t('rollup')}</span>
      </label>
    </>
  )
}
