import { useEffect, useLayoutEffect, useRef, useState } from 'react'
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
  const lang = useApp((s) => s.lang)
  const [pageText, setPageText] = useState(String(currentPage))
  // One row always: where the tools do not fit beside the title at its least, "fit width" shows
  // its sign only (level 1), then the area and stripes tools too (level 2); the name stays for
  // screen readers and as title. The width a level needs is measured when it overflows, and it
  // comes back when the toolbar is that wide again.
  const bar = useRef<HTMLDivElement>(null)
  const [level, setLevel] = useState(0)
  const needs = useRef<number[]>([])
  const compact = level >= 2

  useEffect(() => setPageText(String(currentPage)), [currentPage])

  useLayoutEffect(() => {
    needs.current = []
    setLevel(0)
  }, [lang, pageCount])

  useLayoutEffect(() => {
    const el = bar.current
    if (!el) return
    const check = () => {
      if (el.scrollWidth > el.clientWidth) {
        if (level < 2) {
          needs.current[level] = el.scrollWidth
          setLevel(level + 1)
        }
      } else if (level > 0 && el.clientWidth >= (needs.current[level - 1] ?? Infinity)) setLevel(level - 1)
    }
    check()
    const ro = new ResizeObserver(check)
    ro.observe(el)
    return () => ro.disconnect()
  }, [level, lang, pageCount])

  /** A tool's label: beside its sign, or its sign alone with the name for screen readers. */
  const label = (sign: string, text: string, signOnly: boolean) => (
    <>
      {sign && <span aria-hidden="true">{sign}</span>}
      {signOnly ? <span className="sr-only">{text}</span> : <>{sign ? ' ' : ''}{text}</>}
    </>
  )

  return (
    <div ref={bar} className={`toolbar viewer-toolbar${level > 0 ? ` compact${level}` : ''}`} data-testid="viewer-toolbar">
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
      <button type="button" onClick={fitWidth} className={zoomMode === 'fit' ? 'pressed' : ''} aria-pressed={zoomMode === 'fit'} title={t('fitWidth')}>{label(level >= 1 ? '↔' : '', t('fitWidth'), level >= 1)}</button>
      <span className="sep" />
      <button
        type="button"
        onClick={() => setAreaMode(!areaMode)}
        className={areaMode ? 'pressed' : ''}
        aria-pressed={areaMode}
        title={t('areaToolHelp')}
        data-testid="area-tool"
      >
        {label('⬚', t('areaTool'), compact)}
      </button>
      <button
        type="button"
        onClick={() => setShowStripes(!showStripes)}
        className={showStripes ? 'pressed' : ''}
        aria-pressed={showStripes}
        title={t('stripesHelp')}
      >
        {label('┃', t('stripes'), compact)}
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
