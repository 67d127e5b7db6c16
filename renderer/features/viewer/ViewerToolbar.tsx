import { useEffect, useState } from 'react'
import { useT } from '../../i18n'
import { useApp } from '../../store'

export function ViewerToolbar() {
  const t = useT()
  const scale = useApp((s) => s.scale)
  const zoomMode = useApp((s) => s.zoomMode)
  const currentPage = useApp((s) => s.currentPage)
  const pageCount = useApp((s) => s.pages.length)
  const title = useApp((s) => s.documents.find((d) => d.id === s.documentId)?.title ?? '')
  const areaMode = useApp((s) => s.areaMode)
  const showStripes = useApp((s) => s.showStripes)
  const findOpen = useApp((s) => s.find !== null)
  const { zoomIn, zoomOut, fitWidth, goToPage, setAreaMode, setShowStripes, openFind, closeFind } = useApp.getState()
  const [pageText, setPageText] = useState(String(currentPage))

  useEffect(() => setPageText(String(currentPage)), [currentPage])

  return (
    <div className="toolbar viewer-toolbar">
      <span className="doc-title" title={title}>{title}</span>
      <button type="button" onClick={() => goToPage(currentPage - 1)} disabled={currentPage <= 1} title={t('previousPage')} aria-label={t('previousPage')}>‹</button>
      <label className="page-box">
        <span className="sr-only">{t('page')}</span>
        <input
          aria-label={t('page')}
          value={pageText}
          inputMode="numeric"
          onChange={(e) => setPageText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              const n = Number(pageText)
              if (Number.isFinite(n)) goToPage(n)
            }
          }}
          onBlur={() => setPageText(String(currentPage))}
        />
        <span className="muted">{t('pageOf', { count: pageCount })}</span>
      </label>
      <button type="button" onClick={() => goToPage(currentPage + 1)} disabled={currentPage >= pageCount} title={t('nextPage')} aria-label={t('nextPage')}>›</button>
      <span className="sep" />
      <button type="button" onClick={zoomOut} title={t('zoomOut')} aria-label={t('zoomOut')}>−</button>
      <span className="zoom-level" data-testid="zoom-level">{Math.round(scale * 100)}%</span>
      <button type="button" onClick={zoomIn} title={t('zoomIn')} aria-label={t('zoomIn')}>+</button>
      <button type="button" onClick={fitWidth} className={zoomMode === 'fit' ? 'pressed' : ''} aria-pressed={zoomMode === 'fit'}>{t('fitWidth')}</button>
      <span className="sep" />
      <button
        type="button"
        onClick={() => setAreaMode(!areaMode)}
        className={areaMode ? 'pressed' : ''}
        aria-pressed={areaMode}
        title={t('areaToolHelp')}
        data-testid="area-tool"
      >
        ⬚ {t('areaTool')}
      </button>
      <button
        type="button"
        onClick={() => setShowStripes(!showStripes)}
        className={showStripes ? 'pressed' : ''}
        aria-pressed={showStripes}
        title={t('stripesHelp')}
      >
        ┃ {t('stripes')}
      </button>
      <button
        type="button"
        onClick={() => (findOpen ? closeFind() : openFind())}
        className={findOpen ? 'pressed' : ''}
        aria-pressed={findOpen}
        title={`${t('findInDocument')} (Ctrl+F)`}
        data-testid="find-toggle"
      >
        {t('find')}
      </button>
    </div>
  )
}
