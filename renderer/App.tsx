import { useEffect } from 'react'
import { ApiError, on, onMenuCommand } from './api/client'
import { Banners } from './components/Banners'
import { CoderPrompt } from './components/CoderPrompt'
import { CodebookTree } from './features/codebook/CodebookTree'
import { CodingPanel } from './features/codings/CodingPanel'
import { RetrievalList } from './features/codings/RetrievalList'
import { DocumentList } from './features/documents/DocumentList'
import { PdfViewer } from './features/viewer/PdfViewer'
import { rememberLang, useT, type Lang } from './i18n'
import { historyLabel } from './i18n/history-labels'
import { useApp } from './store'

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && el.closest('input, textarea, select, [contenteditable="true"]') !== null
}

export function App() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const ready = useApp((s) => s.ready)
  const coder = useApp((s) => s.coder)
  const history = useApp((s) => s.history)
  const studyPath = useApp((s) => s.info?.path ?? '')
  const store = useApp.getState()

  useEffect(() => {
    void useApp.getState().loadStudy()
    return on('import:progress', (p) => useApp.getState().setImportProgress(p))
  }, [])

  useEffect(() => {
    document.documentElement.lang = lang
    document.title = studyPath ? `${studyPath.split(/[\\/]/).pop()} — Werkbank` : 'Werkbank'
  }, [lang, studyPath])

  // Undo/redo: Ctrl+Z, Ctrl+Shift+Z (and Ctrl+Y); a text field keeps its own undo. In the
  // desktop app the native menu has the same accelerators: one key press must not undo twice.
  useEffect(() => {
    let lastKey = 0
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return
      const k = e.key.toLowerCase()
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

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('appTitle')}</h1>
        <span className="study-path muted small" title={studyPath}>{studyPath.split(/[\\/]/).pop()}</span>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => void store.undo()}
          disabled={!history.canUndo}
          title={history.undoLabel ? `${t('undo')}: ${historyLabel(history.undoLabel, lang)} (Ctrl+Z)` : t('undo')}
          data-testid="undo"
        >
          ↶ {t('undo')}
        </button>
        <button
          type="button"
          onClick={() => void store.redo()}
          disabled={!history.canRedo}
          title={history.redoLabel ? `${t('redo')}: ${historyLabel(history.redoLabel, lang)} (Ctrl+Shift+Z)` : t('redo')}
          data-testid="redo"
        >
          ↷ {t('redo')}
        </button>
        {coder && (
          <span className="coder small">
            {t('coderLabel', { name: coder.name })}{' '}
            <button type="button" className="link small" onClick={() => store.forgetCoder()}>{t('coderChange')}</button>
          </span>
        )}
        <label className="lang small">
          <span>{t('language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang">
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <Banners />
      <main className="columns">
        <aside className="left">
          <DocumentList />
          <CodebookTree />
        </aside>
        <PdfViewer />
        <aside className="right">
          <CodingPanel />
          <RetrievalList />
        </aside>
      </main>
      {ready && !coder && <CoderPrompt />}
    </div>
  )
}
