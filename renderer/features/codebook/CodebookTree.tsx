import { useEffect, useMemo, useRef, useState } from 'react'
import type { Code } from '../../../shared/types'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { buildTree, filterTree, type CodeNode } from './code-tree'

export function CodebookTree() {
  const t = useT()
  const byId = useApp((s) => s.codes.byId)
  const order = useApp((s) => s.codes.order)
  const filter = useApp((s) => s.codeFilter)
  const retrievalCodeId = useApp((s) => s.retrievalCodeId)
  const [adding, setAdding] = useState<{ parentId: number | null } | null>(null)
  const [renaming, setRenaming] = useState<number | null>(null)
  const [deleting, setDeleting] = useState<CodeNode | null>(null)

  const codes = useMemo(() => order.map((id) => byId[id]!).filter(Boolean), [order, byId])
  const tree = useMemo(() => buildTree(codes), [codes])
  const shown = useMemo(() => filterTree(tree, filter.trim().toLowerCase()), [tree, filter])
  const store = useApp.getState()

  const row = (n: CodeNode, depth: number): React.ReactNode => {
    const c = n.code
    return (
      <li key={c.id}>
        <div className={`code-row${retrievalCodeId === c.id ? ' current' : ''}`} style={{ paddingLeft: 4 + depth * 14 }} data-testid={`code-${c.id}`}>
          <label className="swatch-picker" title={t('colour')}>
            <span className="swatch" style={{ backgroundColor: c.colour }} />
            <ColourInput value={c.colour} label={`${t('colour')}: ${c.name}`} onCommit={(colour) => void store.recolourCode(c.id, colour)} />
          </label>
          {renaming === c.id ? (
            <NameInput
              initial={c.name}
              label={t('codeName')}
              onDone={(name) => {
                setRenaming(null)
                if (name && name !== c.name) void store.renameCode(c.id, name)
              }}
            />
          ) : (
            <button
              type="button"
              className="code-name"
              title={c.definition || c.path}
              onClick={() => void store.showRetrieval(c.id)}
              onDoubleClick={() => setRenaming(c.id)}
            >
              {c.name}
            </button>
          )}
          <span className="count" title={n.total === 1 ? t('oneCoding') : t('nCodings', { count: n.total })}>{n.total}</span>
          <span className="row-actions">
            <button type="button" className="icon" title={t('newSubcode')} aria-label={`${t('newSubcode')}: ${c.name}`} onClick={() => setAdding({ parentId: c.id })}>+</button>
            <button type="button" className="icon" title={t('rename')} aria-label={`${t('rename')}: ${c.name}`} onClick={() => setRenaming(c.id)}>✎</button>
            <button type="button" className="icon" title={t('delete')} aria-label={`${t('delete')}: ${c.name}`} onClick={() => setDeleting(n)}>✕</button>
          </span>
        </div>
        {(n.children.length > 0 || adding?.parentId === c.id) && (
          <ul>
            {n.children.map((ch) => row(ch, depth + 1))}
            {adding?.parentId === c.id && (
              <li style={{ paddingLeft: 4 + (depth + 1) * 14 }}>
                <NameInput initial="" label={t('codeName')} onDone={(name) => {
                  setAdding(null)
                  if (name) void store.createCode(c.id, name)
                }} />
              </li>
            )}
          </ul>
        )}
      </li>
    )
  }

  return (
    <section className="panel codebook" aria-labelledby="codebook-title">
      <header className="panel-head">
        <h2 id="codebook-title">{t('codebook')}</h2>
        <button type="button" className="small" onClick={() => setAdding({ parentId: null })}>+ {t('newCode')}</button>
      </header>
      <input
        className="filter"
        type="search"
        value={filter}
        placeholder={t('filterCodes')}
        aria-label={t('filterCodes')}
        onChange={(e) => store.setCodeFilter(e.target.value)}
      />
      {adding?.parentId === null && (
        <NameInput initial="" label={t('codeName')} onDone={(name) => {
          setAdding(null)
          if (name) void store.createCode(null, name)
        }} />
      )}
      {codes.length === 0 ? (
        <div className="muted small">
          <p>{t('noCodes')}</p>
          <button type="button" className="small" onClick={() => void store.applyTemplate()}>{t('applyTemplate')}</button>
        </div>
      ) : shown.length === 0 ? (
        <p className="muted small">{t('noCodesMatch', { filter })}</p>
      ) : (
        <ul className="tree codes">{shown.map((n) => row(n, 0))}</ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('deleteCodeTitle')}
          confirmLabel={t('delete')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.code.id
            setDeleting(null)
            void store.deleteCode(id)
          }}
        >
          <p data-testid="delete-code-text">
            {deleting.descendants > 0
              ? t('deleteCodeTextSub', {
                  name: deleting.code.name,
                  subcodes: deleting.descendants === 1 ? t('oneSubcode') : t('nSubcodes', { count: deleting.descendants }),
                })
              : t('deleteCodeText', { name: deleting.code.name })}{' '}
            {deleting.total > 0
              ? t('deleteCodeCodings', { codings: deleting.total === 1 ? t('oneCoding') : t('nCodings', { count: deleting.total }) })
              : t('deleteCodeNoCodings')}
          </p>
          <p className="muted small">{t('deleteCodeUndo')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

/** A one-line name editor: Enter or leaving it saves, Escape cancels (gives ''). */
function NameInput({ initial, label, onDone }: { initial: string; label: string; onDone(name: string): void }) {
  const [value, setValue] = useState(initial)
  const finished = useRef(false)
  const finish = (name: string) => {
    if (finished.current) return
    finished.current = true
    onDone(name.trim())
  }
  return (
    <input
      className="name-input"
      autoFocus
      value={value}
      aria-label={label}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(value)
        else if (e.key === 'Escape') finish('')
      }}
      onBlur={() => finish(value)}
    />
  )
}

/**
 * A colour input that saves once, when the picker closes (the native change event), not on
 * every step of a drag through the colours (React's onChange is the input event).
 */
function ColourInput({ value, label, onCommit }: { value: string; label: string; onCommit(colour: string): void }) {
  const ref = useRef<HTMLInputElement>(null)
  const commit = useRef(onCommit)
  commit.current = onCommit
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const onChange = () => {
      if (/^#[0-9a-f]{6}$/i.test(el.value)) commit.current(el.value)
    }
    el.addEventListener('change', onChange)
    return () => el.removeEventListener('change', onChange)
  }, [])
  useEffect(() => {
    if (ref.current) ref.current.value = value
  }, [value])
  return <input ref={ref} type="color" defaultValue={value} aria-label={label} />
}
