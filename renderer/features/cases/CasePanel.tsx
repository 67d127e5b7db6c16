import { useMemo, useRef, useState } from 'react'
import { useTabStop, useTreeFocus } from '../../hooks/use-tree-focus'
import type { Case, DocumentSummary } from '../../../shared/types'
import { NameInput } from '../../components/NameInput'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { treeKey, type VisibleRow } from '../codebook/tree-nav'
import { ImportList } from '../import/ImportList'
import { attributeSummary } from './attributes'
import { CaseDialog } from './CaseDialog'
import { DocumentDialog } from './DocumentDialog'
import { Dropdown } from '../../components/Dropdown'
import { ProjectImportDialog } from './ProjectImportDialog'
import { MemoDialog } from '../memos/MemoDialog'

const DOC_DRAG = 'application/x-werkbank-document'
type Key = string // 'c12' a case, 'none' documents without a case, 'd7' a document

interface Group {
  key: Key
  case: Case | null
  docs: DocumentSummary[]
}

/**
 * Cases (the projects) with their documents and coding counts, as an ARIA tree. Enter opens a
 * document or folds a case, F2 renames, Alt+Enter opens the details (a case's attributes, a
 * document's case). Drag a document onto a case to move it there.
 */
export function CasePanel() {
  const t = useT()
  const documents = useApp((s) => s.documents)
  const cases = useApp((s) => s.cases)
  const documentId = useApp((s) => s.documentId)
  const myCounts = useApp((s) => s.myCounts)
  const fileRef = useRef<HTMLInputElement>(null)
  const qdpxRef = useRef<HTMLInputElement>(null)
  const [adding, setAdding] = useState(false)
  const [renaming, setRenaming] = useState<Key | null>(null)
  const [caseDialog, setCaseDialog] = useState<number | null>(null)
  const [docDialog, setDocDialog] = useState<number | null>(null)
  const [memoFor, setMemoFor] = useState<{ targetType: 'case' | 'document'; targetId: number; name: string } | null>(null)
  const [dropKey, setDropKey] = useState<Key | null>(null)
  const tree = useTreeFocus<Key>()
  const { collapsed, setOpen, setFocused, moveFocus, itemRef } = tree
  const store = useApp.getState()

  const groups = useMemo(() => {
    const byCase = new Map<number | null, DocumentSummary[]>()
    for (const d of documents) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d])
    const out: Group[] = cases.map((c) => ({ key: `c${c.id}`, case: c, docs: byCase.get(c.id) ?? [] }))
    if (byCase.has(null)) out.push({ key: 'none', case: null, docs: byCase.get(null)! })
    return out
  }, [documents, cases])

  const rows = useMemo(() => {
    const out: VisibleRow<Key>[] = []
    for (const g of groups) {
      const open = !collapsed.has(g.key)
      out.push({ key: g.key, parent: null, level: 1, hasChildren: g.docs.length > 0, expanded: open })
      if (open) for (const d of g.docs) out.push({ key: `d${d.id}`, parent: g.key, level: 2, hasChildren: false, expanded: false })
    }
    return out
  }, [groups, collapsed])
  const tabStop = useTabStop(tree, rows)

  const onTreeKey = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, textarea, select')) return
    const action = treeKey(rows, tabStop, e.key)
    if (action) {
      e.preventDefault()
      if (action.kind === 'focus') moveFocus(action.key)
      else setOpen(action.key, action.kind === 'expand')
      return
    }
    const key = tabStop
    if (key === null) return
    const isDoc = key.startsWith('d')
    const id = Number(key.slice(1))
    if (e.key === 'Enter' && e.altKey) {
      e.preventDefault()
      if (isDoc) setDocDialog(id)
      else if (key !== 'none') setCaseDialog(id)
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      if (isDoc) void store.openDocument(id)
      else setOpen(key, collapsed.has(key))
    } else if (e.key === 'F2' && key !== 'none') {
      e.preventDefault()
      setRenaming(key)
    }
  }

  const itemProps = (key: Key, level: number, label: string, expanded?: boolean) => ({
    role: 'treeitem',
    'aria-level': level,
    'aria-expanded': expanded,
    'aria-label': label,
    tabIndex: tabStop === key ? 0 : -1,
    ref: itemRef(key),
    onFocus: (e: React.FocusEvent) => {
      if (e.target === e.currentTarget) setFocused(key)
    },
  })

  const dropProps = (g: Group) => ({
    onDragOver: (e: React.DragEvent) => {
      if (!e.dataTransfer.types.includes(DOC_DRAG)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'move'
      if (dropKey !== g.key) setDropKey(g.key)
    },
    onDragLeave: () => dropKey === g.key && setDropKey(null),
    onDrop: (e: React.DragEvent) => {
      const id = Number(e.dataTransfer.getData(DOC_DRAG))
      setDropKey(null)
      if (!id) return
      e.preventDefault()
      void store.assignDocumentCase(id, g.case?.id ?? null)
    },
  })

  return (
    <section className="panel documents" aria-labelledby="documents-title">
      <header className="panel-head">
        <h2 id="documents-title">{t('cases')}</h2>
        <span className="row">
          <button type="button" className="small" onClick={() => setAdding(true)} data-testid="new-case">+ {t('newCase')}</button>
          <button type="button" className="small" onClick={() => fileRef.current?.click()}>{t('importPdf')}</button>
          <input
            ref={fileRef}
            type="file"
            accept="application/pdf,.pdf"
            multiple
            hidden
            data-testid="import-input"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? [])
              e.target.value = ''
              store.queueImport(files)
            }}
          />
          <Dropdown label={t('exchangeMenu')} testId="study-exchange" align="right">
            <div className="menu-stack">
              <button type="button" onClick={() => qdpxRef.current?.click()} data-testid="import-qdpx">{t('importQdpx')}</button>
              <p className="small muted">{t('importQdpxHelp')}</p>
              <input
                ref={qdpxRef}
                type="file"
                accept=".qdpx"
                hidden
                data-testid="import-qdpx-file"
                onChange={(e) => {
                  const file = e.target.files?.[0]
                  e.target.value = ''
                  if (file) void store.importProject(file)
                }}
              />
              <button type="button" onClick={() => void store.exportProject()} data-testid="export-qdpx">{t('exportQdpx')}</button>
              <p className="small muted">{t('exportQdpxHelp')}</p>
            </div>
          </Dropdown>
          <ProjectImportDialog />
        </span>
      </header>
      <ImportList />
      {adding && (
        <NameInput initial="" label={t('caseName')} testId="case-name-input" onDone={(name) => {
          setAdding(false)
          if (name) void store.createCase(name)
        }} />
      )}
      {documents.length === 0 && cases.length === 0 && <p className="muted small">{t('noDocuments')}</p>}
      <ul className="tree cases" role="tree" aria-labelledby="documents-title" onKeyDown={onTreeKey} data-testid="case-tree">
        {groups.map((g) => {
          const open = !collapsed.has(g.key)
          const name = g.case?.name ?? t('noCase')
          const summary = g.case ? attributeSummary(g.case.attributes) : ''
          return (
            // The row is the tree item and owns its documents' group (aria-owns): its name, which says
            // what the row shows (WCAG 2.5.3, label in name), is then not the whole subtree's text.
            <li key={g.key} role="none">
              <div
                className={`case-row${dropKey === g.key ? ' drop-target' : ''}`}
                data-testid={g.case ? `case-${g.case.id}` : 'case-none'}
                {...dropProps(g)}
                {...itemProps(g.key, 1, [name, summary, t('nDocuments', { count: g.docs.length })].filter(Boolean).join(' '), g.docs.length > 0 ? open : undefined)}
                aria-owns={open && g.docs.length > 0 ? `case-group-${g.key}` : undefined}
              >
                <span className={`twisty${g.docs.length > 0 ? '' : ' leaf'}`} aria-hidden="true" onClick={() => g.docs.length > 0 && setOpen(g.key, !open)}>
                  {g.docs.length > 0 ? (open ? '▾' : '▸') : ''}
                </span>
                {renaming === g.key && g.case ? (
                  <NameInput initial={g.case.name} label={t('caseName')} onDone={(n) => {
                    setRenaming(null)
                    moveFocus(g.key)
                    if (n && n !== g.case!.name) void store.renameCase(g.case!.id, n)
                  }} />
                ) : (
                  <span className="case-text" onDoubleClick={() => g.case && setRenaming(g.key)} title={summary || name}>
                    <span className="case-name">{name}</span>{' '}
                    {summary && <span className="case-attrs small muted">{summary}</span>}
                  </span>
                )}{' '}
                <span className="count" title={t('nDocuments', { count: g.docs.length })}>{g.docs.length}</span>{' '}
                {g.case && (
                  <span className="row-actions">
                    <button type="button" className="icon" tabIndex={-1} title={t('rename')} aria-label={`${t('rename')}: ${name}`} onClick={() => setRenaming(g.key)}>✎</button>
                    <button type="button" className="icon" tabIndex={-1} title={t('caseDetails')} aria-label={`${t('caseDetails')}: ${name}`} onClick={() => setCaseDialog(g.case!.id)}>ℹ</button>
                    <button type="button" className="icon" tabIndex={-1} title={t('memo')} aria-label={`${t('memo')}: ${name}`} onClick={() => setMemoFor({ targetType: 'case', targetId: g.case!.id, name })}>✍</button>
                  </span>
                )}
              </div>
              {open && g.docs.length > 0 && (
                <ul role="group" id={`case-group-${g.key}`}>
                  {g.docs.map((d) => {
                    const key = `d${d.id}`
                    const count = myCounts ? (myCounts.byDocument[d.id] ?? 0) : d.codingCount
                    return (
                      <li key={d.id} {...itemProps(key, 2, `${d.title} ${count === 1 ? t('oneCoding') : t('nCodings', { count })}`)} aria-current={d.id === documentId ? 'page' : undefined}>
                        <div
                          className={`doc-link${d.id === documentId ? ' current' : ''}`}
                          onClick={() => {
                            setFocused(key)
                            void store.openDocument(d.id)
                          }}
                          title={d.fileName}
                          data-testid={`doc-${d.id}`}
                          draggable={renaming !== key}
                          onDragStart={(e) => {
                            e.dataTransfer.setData(DOC_DRAG, String(d.id))
                            e.dataTransfer.effectAllowed = 'move'
                          }}
                        >
                          {renaming === key ? (
                            <NameInput initial={d.title} label={t('documentTitle')} onDone={(n) => {
                              setRenaming(null)
                              moveFocus(key)
                              if (n && n !== d.title) void store.renameDocument(d.id, n)
                            }} />
                          ) : (
                            <span className="doc-name" onDoubleClick={() => setRenaming(key)}>
                              {!d.hasText && <span className="badge" title={t('noTextBadge')}>{t('scan')}</span>}
                              {d.title}
                            </span>
                          )}{' '}
                          <span className="count" title={count === 1 ? t('oneCoding') : t('nCodings', { count })}>{count}</span>{' '}
                          <span className="row-actions">
                            <button type="button" className="icon" tabIndex={-1} title={t('rename')} aria-label={`${t('rename')}: ${d.title}`} onClick={(e) => (e.stopPropagation(), setRenaming(key))}>✎</button>
                            <button type="button" className="icon" tabIndex={-1} title={t('documentDetails')} aria-label={`${t('documentDetails')}: ${d.title}`} onClick={(e) => (e.stopPropagation(), setDocDialog(d.id))}>ℹ</button>
                            <button type="button" className="icon" tabIndex={-1} title={t('memo')} aria-label={`${t('memo')}: ${d.title}`} onClick={(e) => (e.stopPropagation(), setMemoFor({ targetType: 'document', targetId: d.id, name: d.title }))}>✍</button>
                          </span>
                        </div>
                      </li>
                    )
                  })}
                </ul>
              )}
            </li>
          )
        })}
      </ul>
      {caseDialog !== null && cases.some((c) => c.id === caseDialog) && (
        <CaseDialog value={cases.find((c) => c.id === caseDialog)!} onClose={() => setCaseDialog(null)} />
      )}
      {docDialog !== null && documents.some((d) => d.id === docDialog) && (
        <DocumentDialog value={documents.find((d) => d.id === docDialog)!} onClose={() => setDocDialog(null)} />
      )}
      {memoFor && <MemoDialog {...memoFor} onClose={() => setMemoFor(null)} />}
    </section>
  )
}
