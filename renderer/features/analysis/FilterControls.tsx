import { useMemo } from 'react'
import { useTA } from '../../i18n/analysis-strings'
import { useApp } from '../../store'
import { useAnalysis } from '../../store/analysis.slice'
import { Dropdown } from '../../components/Dropdown'

/** Case attributes in the study, each with its values (natural order). */
export function useAttributes(): { name: string; values: string[] }[] {
  const cases = useApp((s) => s.cases)
  return useMemo(() => {
    const byName = new Map<string, Set<string>>()
    for (const c of cases) {
      for (const [k, v] of Object.entries(c.attributes)) {
        if (!byName.has(k)) byName.set(k, new Set())
        byName.get(k)!.add(v)
      }
    }
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
    return [...byName.entries()]
      .map(([name, values]) => ({ name, values: [...values].sort(collator.compare) }))
      .sort((a, b) => collator.compare(a.name, b.name))
  }, [cases])
}

/** The coders and case-attribute filter shared by the matrix, co-occurrence and phases. */
export function FilterControls() {
  const t = useTA()
  const coders = useApp((s) => s.coders)
  const filter = useAnalysis((s) => s.filter)
  const attributes = useAttributes()
  const set = useAnalysis.getState().setFilter
  const conditions = Object.values(filter.attributes).filter((v) => v.length > 0).length

  const toggleCoder = (id: number, on: boolean) => set({ coderIds: on ? [...filter.coderIds, id] : filter.coderIds.filter((x) => x !== id) })
  const toggleValue = (name: string, value: string, on: boolean) => {
    const now = filter.attributes[name] ?? []
    set({ attributes: { ...filter.attributes, [name]: on ? [...now, value] : now.filter((v) => v !== value) } })
  }

  return (
    <>
      <Dropdown label={filter.coderIds.length === 0 ? t('codersAll') : t('codersSome', { count: filter.coderIds.length })} testId="filter-coders" active={filter.coderIds.length > 0}>
        <fieldset className="checklist">
          <legend className="sr-only">{t('coders')}</legend>
          {coders.map((c) => (
            <label key={c.id} className="check-inline">
              <input type="checkbox" checked={filter.coderIds.includes(c.id)} onChange={(e) => toggleCoder(c.id, e.target.checked)} data-testid={`filter-coder-${c.id}`} />
              <span>{c.name}</span>
            </label>
          ))}
        </fieldset>
        {filter.coderIds.length > 0 && (
          <button type="button" className="link small" onClick={() => set({ coderIds: [] })}>{t('clearFilter')}</button>
        )}
      </Dropdown>
      <Dropdown label={conditions === 0 ? t('attributesNone') : t('attributesSome', { count: conditions })} testId="filter-attributes" active={conditions > 0}>
        <p className="small muted help">{t('attributesHelp')}</p>
        {attributes.length === 0 && <p className="small muted">{t('noAttributes')}</p>}
        <div className="attr-filter">
          {attributes.map((a) => (
            <fieldset key={a.name} className="checklist">
              <legend>{a.name}</legend>
              {a.values.map((v) => (
                <label key={v} className="check-inline">
                  <input
                    type="checkbox"
                    checked={(filter.attributes[a.name] ?? []).includes(v)}
                    onChange={(e) => toggleValue(a.name, v, e.target.checked)}
                    data-testid={`filter-attr-${a.name}-${v}`}
                  />
                  <span>{v || '""'}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        {conditions > 0 && (
          <button type="button" className="link small" onClick={() => set({ attributes: {} })}>{t('clearFilter')}</button>
        )}
      </Dropdown>
    </>
  )
}
