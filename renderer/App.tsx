import { useEffect, useState } from 'react'
import { ApiError, on, onMenuCommand } from './api/client'
import { Banners } from './components/Banners'
import { CoderPrompt } from './components/CoderPrompt'
import { Splitter } from './components/Splitter'
import { CodingOrAnalysis, ModeSwitch } from './features/analysis/AnalysisWorkspace'
import { CasePanel } from './features/cases/CasePanel'
import { CodebookTree } from './features/codebook/CodebookTree'
import { CoderControls } from './features/coders/CoderControls'
import { CodingPanel } from './features/codings/CodingPanel'
import { RetrievalList } from './features/codings/RetrievalList'
import { SearchPanel } from './features/codings/SearchPanel'
import { FileDrop } from './features/import/FileDrop'
import { ImportDialog } from './features/import/ImportDialog'
import { DesktopMenu } from './features/menu/DesktopMenu'
import { StudyLogDialog } from './features/log/StudyLogDialog'
import { SuggestionsPanel } from './features/suggestions/SuggestionsPanel'
import { PdfViewer } from './features/viewer/PdfViewer'
import { rememberLang, useT, type Lang } from './i18n'
import { historyLabel } from './i18n/history-labels'
import { useApp } from './store'
import { PANE_LIMITS, saveWorkspace } from './store/workspace'

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && el.closest('input, textarea, select, [contenteditable="true"]') !== null
}

type RightTab = 'retrieval' | 'search' | 'suggestions'
const RIGHT_TABS: readonly RightTab[] = ['retrieval', 'search', 'suggestions']

export function App() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const ready = useApp((s) => s.ready)
  const coder = useApp((s) => s.coder)
  const askCoder = useApp((s) => s.askCoder)
  const history = useApp((s) => s.history)
  const studyPath = useApp((s) => s.info?.path ?? '')
  const panes = useApp((s) => s.panes)
  const retrievalCodeId = useApp((s) => s.retrievalCodeId)
  const [tab, setTab] = useState<RightTab>('retrieval')
  const [logOpen, setLogOpen] = useState(false)
  const store = useApp.getState()

  useEffect(() => {
    void useApp.getState().loadStudy()
    return on('import:progress', (p) => useApp.getState().setImportProgress(p))
  }, [])

  useEffect(() => {
    document.documentElement.lang = lang
    document.title = studyPath ? `${studyPath.split(/[\\/]/).pop()} — Werkbank` : 'Werkbank'
  }, [lang, studyPath])

  // Choosing a code shows its codings.
  useEffect(() => {
    if (retrievalCodeId !== null) setTab('retrieval')
  }, [retrievalCodeId])

  // The workspace is remembered per study, a moment after it changes.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = useApp.subscribe((s, prev) => {
      if (!s.ready || !s.info) return
      if (
        s.documentId === prev.documentId && s.currentPage === prev.currentPage && s.scale === prev.scale &&
        s.zoomMode === prev.zoomMode && s.panes === prev.panes && s.view === prev.view &&
        s.retrievalSubcodes === prev.retrievalSubcodes && s.showStripes === prev.showStripes
      ) return
      clearTimeout(timer)
      timer = setTimeout(() => {
        const now = useApp.getState()
        if (!now.info) return
        saveWorkspace(now.info.path, {
          ...(now.documentId !== null ? { documentId: now.documentId, page: now.currentPage } : {}),
          scale: now.scale,
          zoomMode: now.zoomMode,
          panes: now.panes,
          view: now.view,
          retrievalSubcodes: now.retrievalSubcodes,
          showStripes: now.showStripes,
        })
      }, 250)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [])

  // Keys: undo/redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y; a text field keeps its own undo), find in
  // document (Ctrl+F), search all documents (Ctrl+Shift+F). In the desktop app the native
  // menu has the same accelerators: one key press must not undo twice.
  useEffect(() => {
    let lastKey = 0
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const k = e.key.toLowerCase()
      if (k === 'f') {
        e.preventDefault()
        if (e.shiftKey) {
          setTab('search')
          requestAnimationFrame(() => document.getElementById('search-input')?.focus())
        } else if (useApp.getState().documentId !== null) {
          useApp.getState().openFind()
          requestAnimationFrame(() => {
            const input = document.getElementById('find-input') as HTMLInputElement | null
            input?.focus()
            input?.select()
          })
        }
        return
      }
      if (isTextField(e.target)) return
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault()
        lastKey = Date.now()
        void useApp.getState().undo()
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault()
        lastKey = Date.now()
        void useApp.getState().redo()
      }
    }
    document.addEventListener('keydown', onKey)
    const offMenu = onMenuCommand(({ command, reply }) => {
      const s = useApp.getState()
      if (command === 'edit:undo' || command === 'edit:redo') {
        if (Date.now() - lastKey < 500) return
        void (command === 'edit:undo' ? s.undo() : s.redo())
      } else if (command === 'view:lang-nl' || command === 'view:lang-en') {
        const l: Lang = command === 'view:lang-nl' ? 'nl' : 'en'
        rememberLang(l)
        s.setLang(l)
      } else if (command === 'import:done' && reply) {
        if (!reply.ok) s.report(new ApiError(reply.error))
        else {
          for (const o of reply.data) {
            if (o.status === 'error') s.report(new ApiError(o.error))
            else if (o.status === 'duplicate') s.notify({ key: 'duplicate', params: { file: o.file } })
            else s.notify(o.warning === 'no-text-layer' ? { key: 'noTextLayer', params: { file: o.file } } : { key: 'imported', params: { file: o.file, pages: o.pages } })
          }
        }
        s.setImportProgress(null)
        void s.refreshAll()
      }
    })
    return () => {
      document.removeEventListener('keydown', onKey)
      offMenu()
    }
  }, [])

  const setLang = (l: Lang) => {
    rememberLang(l)
    store.setLang(l)
  }

  const tabKeys = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault()
      const at = RIGHT_TABS.indexOf(tab)
      const next = RIGHT_TABS[(at + (e.key === 'ArrowRight' ? 1 : RIGHT_TABS.length - 1)) % RIGHT_TABS.length]!
      setTab(next)
      document.getElementById(`tab-${next}`)?.focus()
    }
  }

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('appTitle')}</h1>
        <span className="study-path muted small" title={studyPath}>{studyPath.split(/[\\/]/).pop()}</span>
        <ModeSwitch />
        <span className="spacer" />
        <button
          type="button"
          onClick={() => void store.undo()}
          disabled={!history.canUndo}
          title={history.undoLabel ? `${t('undo')}: ${historyLabel(history.undoLabel, lang, history.undoParams)} (Ctrl+Z)` : t('undo')}
          data-testid="undo"
        >
          ↶ {t('undo')}
        </button>
        <button
          type="button"
          onClick={() => void store.redo()}
          disabled={!history.canRedo}
          title={history.redoLabel ? `${t('redo')}: ${historyLabel(history.redoLabel, lang, history.redoParams)} (Ctrl+Shift+Z)` : t('redo')}
          data-testid="redo"
        >
          ↷ {t('redo')}
        </button>
        <button type="button" onClick={() => setLogOpen(true)} disabled={!ready} data-testid="open-log">
          {t('studyLog')}
        </button>
        <span className="sep" />
        <CoderControls />
        <label className="lang small">
          <span>{t('language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang">
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <Banners />
      <CodingOrAnalysis>
      <main
        className="columns"
        style={{ gridTemplateColumns: `${panes.left}px 6px minmax(0, 1fr) 6px ${panes.right}px` }}
      >
        <aside className="left" aria-label={t('leftPanel')} style={{ gridTemplateRows: `${panes.split}px 6px minmax(0, 1fr)` }}>
          <CasePanel />
          <Splitter
            label={t('splitLeft')}
            orientation="horizontal"
            value={panes.split}
            min={PANE_LIMITS.split.min}
            max={PANE_LIMITS.split.max}
            direction={1}
            onChange={(px) => store.setPane('split', px)}
            testId="split-left"
          />
          <CodebookTree />
        </aside>
        <Splitter
          label={t('resizeLeft')}
          orientation="vertical"
          value={panes.left}
          min={PANE_LIMITS.left.min}
          max={PANE_LIMITS.left.max}
          direction={1}
          onChange={(px) => store.setPane('left', px)}
          testId="resize-left"
        />
        <PdfViewer />
        <Splitter
          label={t('resizeRight')}
          orientation="vertical"
          value={panes.right}
          min={PANE_LIMITS.right.min}
          max={PANE_LIMITS.right.max}
          direction={-1}
          onChange={(px) => store.setPane('right', px)}
          testId="resize-right"
        />
        <aside className="right" aria-label={t('rightPanel')}>
          <CodingPanel />
          <div className="tabs" role="tablist" aria-label={t('rightPanel')} onKeyDown={tabKeys}>
            <button type="button" role="tab" id="tab-retrieval" aria-controls="panel-retrieval" aria-selected={tab === 'retrieval'} tabIndex={tab === 'retrieval' ? 0 : -1} onClick={() => setTab('retrieval')}>
              {t('tabRetrieval')}
            </button>
            <button type="button" role="tab" id="tab-search" aria-controls="panel-search" aria-selected={tab === 'search'} tabIndex={tab === 'search' ? 0 : -1} onClick={() => setTab('search')} data-testid="tab-search">
              {t('tabSearch')}
            </button>
            <button type="button" role="tab" id="tab-suggestions" aria-controls="panel-suggestions" aria-selected={tab === 'suggestions'} tabIndex={tab === 'suggestions' ? 0 : -1} onClick={() => setTab('suggestions')} data-testid="tab-suggestions">
              {t('tabSuggestions')}
            </button>
          </div>
          <div role="tabpanel" id="panel-retrieval" aria-labelledby="tab-retrieval" hidden={tab !== 'retrieval'} className="tabpanel">
            <RetrievalList />
          </div>
          <div role="tabpanel" id="panel-search" aria-labelledby="tab-search" hidden={tab !== 'search'} className="tabpanel">
            <SearchPanel />
          </div>
          <div role="tabpanel" id="panel-suggestions" aria-labelledby="tab-suggestions" hidden={tab !== 'suggestions'} className="tabpanel">
            <SuggestionsPanel />
          </div>
        </aside>
      </main>
      </CodingOrAnalysis>
      {ready && (!coder || askCoder) && <CoderPrompt {...(coder ? { onCancel: () => store.setAskCoder(false) } : {})} />}
      {logOpen && <StudyLogDialog onClose={() => setLogOpen(false)} />}
      <ImportDialog />
      <FileDrop />
      <DesktopMenu />
    </div>
  )
}
