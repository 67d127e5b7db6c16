import { useEffect, useMemo, useRef, useState } from 'react'
import type { Code } from '../../../shared/types'
import { CodePathLabel } from '../../components/CodePathLabel'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { matchCodes } from '../codebook/code-tree'

interface Props {
  /** Where to show: viewport coordinates of the selection's end. */
  x: number
  y: number
  onApply(codeId: number): void
  onCreate(name: string): void
  onClose(): void
}

const MAX_SHOWN = 12

/**
 * The popover after a text selection: type to find a code, arrows to choose, Enter applies;
 * with an empty query, 1–9 apply the recent codes. A query that matches nothing offers to
 * create a code of that name.
 */
export function CodePicker({ x, y, onApply, onCreate, onClose }: Props) {
  const t = useT()
  const byId = useApp((s) => s.codes.byId)
  const order = useApp((s) => s.codes.order)
  const recent = useApp((s) => s.recentCodeIds)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const boxRef = useRef<HTMLDivElement>(null)

  const codes = useMemo(() => order.map((id) => byId[id]!).filter(Boolean), [order, byId])
  const matches = useMemo(() => matchCodes(codes, query).slice(0, MAX_SHOWN), [codes, query])
  const recentCodes = recent.map((id) => byId[id]).filter((c): c is Code => c !== undefined)
  // "Parent/Child" creates a sub-code (and any parent that is missing); a plain name a top-level code.
  const parts = query.split('/').map((p) => p.trim())
  const newPath = parts.every((p) => p !== '') ? parts.join('/') : ''
  const canCreate = newPath !== '' && (parts.length > 1
    ? !codes.some((c) => c.path.toLowerCase() === newPath.toLowerCase())
    : !codes.some((c) => c.name.toLowerCase() === newPath.toLowerCase()))
  const createLabel = parts.length > 1
    ? t('pickerCreateUnder', { name: parts.at(-1)!, parent: parts.slice(0, -1).join('/') })
    : t('pickerCreate', { name: newPath })
  const optionCount = matches.length + (canCreate ? 1 : 0)

  useEffect(() => {
    inputRef.current?.focus()
  }, [])
  useEffect(() => setActive(0), [query])

  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (boxRef.current && !boxRef.current.contains(e.target as Node)) onClose()
    }
    document.addEventListener('mousedown', away, true)
    return () => document.removeEventListener('mousedown', away, true)
  }, [onClose])

  const choose = (index: number) => {
    const code = matches[index]
    if (code) onApply(code.id)
    else if (canCreate && index === matches.length) onCreate(newPath)
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((a) => (optionCount === 0 ? 0 : (a + 1) % optionCount))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => (optionCount === 0 ? 0 : (a - 1 + optionCount) % optionCount))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      choose(active)
    } else if (query === '' && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const code = recentCodes[Number(e.key) - 1]
      if (code) {
        e.preventDefault()
        onApply(code.id)
      }
    }
  }

  // Keep the popover on screen.
  const left = Math.max(8, Math.min(x, window.innerWidth - 330))
  const top = y + 320 > window.innerHeight ? Math.max(8, y - 330) : y

  return (
    <div ref={boxRef} className="code-picker" role="dialog" aria-label={t('pickCode')} style={{ left, top }}>
      <input
        ref={inputRef}
        className="code-picker-input"
        value={query}
        placeholder={t('pickerPlaceholder')}
        aria-label={t('pickCode')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {query === '' && recentCodes.length > 0 && (
        <div className="code-picker-recent">
          <div className="muted small">{t('pickerRecent')}</div>
          {recentCodes.map((c, i) => (
            <button key={c.id} type="button" className="chip" onClick={() => onApply(c.id)} title={c.path} aria-label={`${i + 1}: ${c.path}`}>
              <kbd>{i + 1}</kbd>
              <span className="swatch" style={{ backgroundColor: c.colour }} />
              {c.name}
            </button>
          ))}
        </div>
      )}
      <ul className="code-picker-list" role="listbox">
        {matches.map((c, i) => (
          <li
            key={c.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => {
              e.preventDefault()
              onApply(c.id)
            }}
          >
            <span className="swatch" style={{ backgroundColor: c.colour }} />
            <CodePathLabel path={c.path} layout="stacked" />
          </li>
        ))}
        {canCreate && (
          <li
            role="option"
            aria-selected={active === matches.length}
            className={`create${active === matches.length ? ' active' : ''}`}
            onMouseEnter={() => setActive(matches.length)}
            onMouseDown={(e) => {
              e.preventDefault()
              onCreate(newPath)
            }}
            data-testid="picker-create"
          >
            + {createLabel}
          </li>
        )}
        {optionCount === 0 && <li className="muted">{t('pickerNone')}</li>}
      </ul>
    </div>
  )
}
