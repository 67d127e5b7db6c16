import { useEffect, useMemo, useRef, useState } from 'react'
import { useTabStop, useTreeFocus } from '../../hooks/use-tree-focus'
import type { Code } from '../../../shared/types'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { NameInput } from '../../components/NameInput'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { buildTree, filterTree, type CodeNode } from './code-tree'
import { CodeDetailsDialog } from './CodeDetailsDialog'
import { MergeDialog } from './MergeDialog'
import { MemoDialog } from '../memos/MemoDialog'
import { treeKey, type VisibleRow } from './tree-nav'
import { CodebookMenu } from './CodebookMenu'

const DRAG_TYPE = 'application/x-werkbank-code'

/**
 * The codebook as an ARIA tree: arrow keys move and fold, Enter shows the code's codings, F2
 * renames, Insert adds a subcode, Alt+Enter opens the details, Delete deletes. Drag a code
 * onto another to make it a subcode there, or onto "top level".
 */
export function CodebookTree() {
  const t = useT()
  const byId = useApp((s) => s.codes.byId)
  const order = useApp((s) => s.codes.order)
  const filter = useApp((s) => s.codeFilter)
  const retrievalCodeId = useApp((s) => s.retrievalCodeId)
  const myCounts = useApp((s) => s.myCounts)
  const [adding, setAdding] = useState<{ parentId: number | null } | null>(null)
  const [renaming, setRenaming] = useState<number | null>(null)
  const [deleting, setDeleting] = useState<CodeNode | null>(null)
  const [details, setDetails] = useState<number | null>(null)
  const [merging, setMerging] = useState<number | null>(null)
  const [memoFor, setMemoFor] = useState<{ id: number; name: string } | null>(null)
  const [dragId, setDragId] = useState<number | null>(null)
  const [dropTarget, setDropTarget] = useState<number | 'root' | null>(null)
  const treeFocus = useTreeFocus<number>()
  const { collapsed, setOpen, setFocused, moveFocus, itemRef } = treeFocus

  // In blind mode the counts are my own: the core's include the other coders.
  const codes = useMemo(
    () => order.map((id) => byId[id]!).filter(Boolean).map((c) => (myCounts ? { ...c, codingCount: myCounts.byCode[c.id] ?? 0 } : c)),
    [order, byId, myCounts],
  )
  const tree = useMemo(() => buildTree(codes), [codes])
  const q = filter.trim().toLowerCase()
  const shown = useMemo(() => filterTree(tree, q), [tree, q])
  const nodes = useMemo(() => {
    const m = new Map<number, CodeNode>()
    const walk = (ns: CodeNode[]) => ns.forEach((n) => (m.set(n.code.id, n), walk(n.children)))
    walk(tree)
    return m
  }, [tree])
  const store = useApp.getState()

  // While filtering everything that matches stays unfolded.
  const isOpen = (id: number) => q !== '' || !collapsed.has(id)
  const rows = useMemo(() => {
    const out: VisibleRow<number>[] = []
    const walk = (ns: CodeNode[], parent: number | null, level: number) => {
      for (const n of ns) {
        const open = q !== '' || !collapsed.has(n.code.id)
        out.push({ key: n.code.id, parent, level, hasChildren: n.children.length > 0, expanded: open })
        if (open) walk(n.children, n.code.id, level + 1)
      }
    }
    walk(shown, null, 1)
    return out
  }, [shown, collapsed, q])
  const tabStop = useTabStop(treeFocus, rows)

  const onTreeKey = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, textarea, select')) return
    const id = tabStop
    const action = treeKey(rows, id, e.key)
    if (action) {
      e.preventDefault()
      if (action.kind === 'focus') moveFocus(action.key)
      else setOpen(action.key, action.kind === 'expand')
      return
    }
    if (id === null) return
    const node = nodes.get(id)
    if (e.key === 'Enter' && e.altKey) {
      e.preventDefault()
      setDetails(id)
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      void store.showRetrieval(id)
    } else if (e.key === 'F2') {
      e.preventDefault()
      setRenaming(id)
    } else if (e.key === 'Insert') {
      e.preventDefault()
      setOpen(id, true)
      setAdding({ parentId: id })
    } else if (e.key === 'Delete' && node) {
      e.preventDefault()
      setDeleting(node)
    }
  }

  const dragProps = (c: Code) => ({
    draggable: renaming !== c.id,
    onDragStart: (e: React.DragEvent) => {
      e.stopPropagation()
      e.dataTransfer.setData(DRAG_TYPE, String(c.id))
      e.dataTransfer.effectAllowed = 'move'
      setDragId(c.id)
    },
    onDragEnd: () => {
      setDragId(null)
      setDropTarget(null)
    },
    onDragOver: (e: React.DragEvent) => {
      if (dragId === null || !e.dataTransfer.types.includes(DRAG_TYPE)) return
      e.preventDefault()
      e.stopPropagation()
      e.dataTransfer.dropEffect = 'move'
      if (dropTarget !== c.id) setDropTarget(c.id)
    },
    onDragLeave: () => dropTarget === c.id && setDropTarget(null),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault()
      e.stopPropagation()
      const id = Number(e.dataTransfer.getData(DRAG_TYPE) || dragId)
      setDragId(null)
      setDropTarget(null)
      if (id && id !== c.id) {
        setOpen(c.id, true)
        void store.moveCode(id, c.id)
      }
    },
  })

  const row = (n: CodeNode, level: number): React.ReactNode => {
    const c = n.code
    const open = isOpen(c.id)
    const hasChildren = n.children.length > 0
    const own = c.codingCount
    const countText = hasChildren && own !== n.total ? `${own} · ${n.total}` : String(n.total)
    const countLabel = hasChildren ? `${countText} (${t('countsTitle', { own, total: n.total })})` : n.total === 1 ? t('oneCoding') : t('nCodings', { count: n.total })
    return (
      // The row is the tree item and owns its subcodes' group (aria-owns), so its name says what
      // the row shows — the code and its count (WCAG 2.5.3, label in name) — not the subtree's text.
      <li key={c.id} role="none">
        <div
          className={`code-row${retrievalCodeId === c.id ? ' current' : ''}${dropTarget === c.id ? ' drop-target' : ''}${dragId === c.id ? ' dragging' : ''}`}
          style={{ paddingLeft: 2 + (level - 1) * 14 }}
          data-testid={`code-${c.id}`}
          title={c.definition || c.path}
          {...dragProps(c)}
          role="treeitem"
          aria-level={level}
          aria-expanded={hasChildren ? open : undefined}
          aria-selected={retrievalCodeId === c.id}
          aria-label={`${c.name} ${countLabel}`}
          aria-owns={(hasChildren && open) || adding?.parentId === c.id ? `code-group-${c.id}` : undefined}
          tabIndex={tabStop === c.id ? 0 : -1}
          ref={itemRef(c.id)}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setFocused(c.id)
          }}
        >
          <span
            className={`twisty${hasChildren ? '' : ' leaf'}`}
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation()
              if (hasChildren) setOpen(c.id, !open)
            }}
          >
            {hasChildren ? (open ? '▾' : '▸') : ''}
          </span>
          <label className="swatch-picker" title={t('colour')} onClick={(e) => e.stopPropagation()}>
            <span className="swatch" style={{ backgroundColor: c.colour }} />
            <ColourInput value={c.colour} label={`${t('colour')}: ${c.name}`} onCommit={(colour) => void store.recolourCode(c.id, colour)} />
          </label>
          {renaming === c.id ? (
            <NameInput
              initial={c.name}
              label={t('codeName')}
              onDone={(name) => {
                setRenaming(null)
                moveFocus(c.id)
                if (name && name !== c.name) void store.renameCode(c.id, name)
              }}
            />
          ) : (
            <span
              className="code-name"
              data-testid={`code-name-${c.id}`}
              onClick={() => {
                setFocused(c.id)
                void store.showRetrieval(c.id)
              }}
              onDoubleClick={() => setRenaming(c.id)}
            >
              {c.name}
            </span>
          )}{' '}
          <span className="count" title={countLabel}>
            {countText}
          </span>{' '}
          <span className="row-actions">
            <button type="button" className="icon" tabIndex={-1} title={t('newSubcode')} aria-label={`${t('newSubcode')}: ${c.name}`} onClick={() => (setOpen(c.id, true), setAdding({ parentId: c.id }))}>+</button>
            <button type="button" className="icon" tabIndex={-1} title={t('rename')} aria-label={`${t('rename')}: ${c.name}`} onClick={() => setRenaming(c.id)}>✎</button>
            <button type="button" className="icon" tabIndex={-1} title={t('codeDetails')} aria-label={`${t('codeDetails')}: ${c.name}`} onClick={() => setDetails(c.id)}>ℹ</button>
            <button type="button" className="icon" tabIndex={-1} title={t('memo')} aria-label={`${t('memo')}: ${c.name}`} onClick={() => setMemoFor(c)}>✍</button>
            <button type="button" className="icon" tabIndex={-1} title={t('merge')} aria-label={`${t('merge')}: ${c.name}`} onClick={() => setMerging(c.id)}>↦</button>
            <button type="button" className="icon" tabIndex={-1} title={t('delete')} aria-label={`${t('delete')}: ${c.name}`} onClick={() => setDeleting(n)}>✕</button>
          </span>
        </div>
        {((hasChildren && open) || adding?.parentId === c.id) && (
          <ul role="group" id={`code-group-${c.id}`}>
            {open && n.children.map((ch) => row(ch, level + 1))}
            {adding?.parentId === c.id && (
              <li role="none" style={{ paddingLeft: 2 + level * 14 }}>
                <NameInput initial="" label={t('codeName')} placeholder={t('newSubcodePlaceholder', { parent: c.name })} testId="new-code-input" onDone={(name) => {
                  setAdding(null)
                  moveFocus(c.id)
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
        <CodebookMenu />
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
        <NameInput initial="" label={t('codeName')} placeholder={t('newCodePlaceholder')} testId="new-code-input" onDone={(name) => {
          setAdding(null)
          if (name.includes('/')) void store.ensureCodePath(name.split('/').map((p) => p.trim()).filter(Boolean).join('/'))
          else if (name) void store.createCode(null, name)
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
        <ul className="tree codes" role="tree" aria-labelledby="codebook-title" aria-describedby="codebook-keys" onKeyDown={onTreeKey} data-testid="code-tree">
          {shown.map((n) => row(n, 1))}
        </ul>
      )}
      {dragId !== null && (
        <div
          className={`drop-root${dropTarget === 'root' ? ' drop-target' : ''}`}
          data-testid="drop-root"
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
            e.preventDefault()
            setDropTarget('root')
          }}
          onDragLeave={() => setDropTarget(null)}
          onDrop={(e) => {
            e.preventDefault()
            const id = dragId
            setDragId(null)
            setDropTarget(null)
            void store.moveCode(id, null)
          }}
        >
          {t('dropTopLevel')}
        </div>
      )}
      <p id="codebook-keys" className="sr-only">{t('treeKeys')}</p>
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
      {details !== null && byId[details] && (
        <CodeDetailsDialog
          code={byId[details]!}
          codes={codes}
          onClose={() => setDetails(null)}
          onMerge={() => {
            setMerging(details)
            setDetails(null)
          }}
        />
      )}
      {merging !== null && nodes.get(merging) && <MergeDialog source={nodes.get(merging)!} codes={codes} onClose={() => setMerging(null)} />}
      {memoFor && <MemoDialog targetType="code" targetId={memoFor.id} name={memoFor.name} onClose={() => setMemoFor(null)} />}
    </section>
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
  return <input ref={ref} type="color" defaultValue={value} aria-label={label} tabIndex={-1} />
}
