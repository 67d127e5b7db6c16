import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { fetchPdf } from '../../api/client'
import { useT } from '../../i18n'
import { trimRange, type PageLayout } from '../../pdf/offsets'
import { openPdf, type OpenedPdf } from '../../pdf/pdfjs'
import { selectionRange } from '../../pdf/selection'
import { useApp } from '../../store'
import { CodePicker } from './CodePicker'
import { PdfPage, type PageMark } from './PdfPage'
import { ViewerToolbar } from './ViewerToolbar'

/** Space around pages in the scroll area (px); fit-width leaves it free. */
const GUTTER = 16

interface Pending {
  start: number
  end: number
  x: number
  y: number
}

/**
 * The PDF in the middle: pages laid out from their stored sizes, only the visible ones (and
 * one on each side) rendered. Selecting text opens the code picker; clicking a highlight
 * selects its coding.
 */
export function PdfViewer() {
  const t = useT()
  const documentId = useApp((s) => s.documentId)
  const pages = useApp((s) => s.pages)
  const scale = useApp((s) => s.scale)
  const zoomMode = useApp((s) => s.zoomMode)
  const scrollRequest = useApp((s) => s.scrollRequest)
  const codingRows = useApp((s) => s.codingRows)
  const codesById = useApp((s) => s.codes.byId)
  const selectedCodingId = useApp((s) => s.selectedCodingId)
  const recentCodeIds = useApp((s) => s.recentCodeIds)

  // The PDF with the document it belongs to: for one render after a switch, the store already
  // names the new document while the old PDF is still here, and pages must not mix the two.
  const [opened, setOpened] = useState<{ documentId: number; doc: PDFDocumentProxy } | null>(null)
  const pdf = opened !== null && opened.documentId === documentId ? opened.doc : null
  const [loading, setLoading] = useState(false)
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set([1]))
  const [pending, setPending] = useState<Pending | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const layouts = useRef(new Map<number, PageLayout>())
  const anchor = useRef<{ page: number; fraction: number }>({ page: 1, fraction: 0 })
  const mismatchNoted = useRef(false)

  // Open the document's PDF.
  useEffect(() => {
    setOpened(null)
    setPending(null)
    layouts.current.clear()
    mismatchNoted.current = false
    if (documentId === null) return
    let handle: OpenedPdf | undefined
    let cancelled = false
    setLoading(true)
    void (async () => {
      try {
        const bytes = await fetchPdf(documentId)
        if (cancelled) return
        handle = await openPdf(bytes)
        if (cancelled) return void handle.destroy()
        setOpened({ documentId, doc: handle.doc })
      } catch (e) {
        if (!cancelled) useApp.getState().report(e)
      } finally {
        if (!cancelled) setLoading(false)
      }
    })()
    return () => {
      cancelled = true
      void handle?.destroy()
    }
  }, [documentId])

  // Fit width: on open, on "fit", and whenever the viewer is resized while fitting.
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el || zoomMode !== 'fit' || pages.length === 0) return
    const fit = () => {
      const widest = Math.max(...pages.map((p) => p.width))
      const s = (el.clientWidth - 2 * GUTTER) / widest
      if (s > 0 && Math.abs(s - useApp.getState().scale) > 0.001) useApp.getState().setScale(s, 'fit')
    }
    fit()
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => ro.disconnect()
  }, [zoomMode, pages])

  // Which pages are on screen.
  useEffect(() => {
    const root = scrollRef.current
    if (!root || pages.length === 0) return
    const shown = new Set<number>()
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const n = Number((e.target as HTMLElement).dataset.pageNo)
          if (e.isIntersecting) shown.add(n)
          else shown.delete(n)
        }
        setVisible(new Set(shown))
      },
      { root, threshold: 0 },
    )
    root.querySelectorAll('[data-page-no]').forEach((el) => io.observe(el))
    return () => io.disconnect()
  }, [pages, pdf])

  const renderSet = useMemo(() => {
    const set = new Set<number>()
    for (const n of visible) for (const m of [n - 1, n, n + 1]) if (m >= 1 && m <= pages.length) set.add(m)
    return set
  }, [visible, pages.length])

  // The current page is the one at a third of the viewer's height; it is also the anchor that
  // keeps the reader in place when the zoom changes.
  const onScroll = useCallback(() => {
    const root = scrollRef.current
    if (!root) return
    const els = root.querySelectorAll<HTMLElement>('[data-page-no]')
    const y = root.scrollTop + root.clientHeight / 3
    let lo = 0
    let hi = els.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (els[mid]!.offsetTop <= y) lo = mid
      else hi = mid - 1
    }
    const el = els[lo]
    if (!el) return
    const n = Number(el.dataset.pageNo)
    if (n !== useApp.getState().currentPage) useApp.getState().setCurrentPage(n)
    anchor.current = { page: n, fraction: (root.scrollTop - el.offsetTop) / Math.max(1, el.offsetHeight) }
  }, [])

  useLayoutEffect(() => {
    const root = scrollRef.current
    const el = root?.querySelector<HTMLElement>(`[data-page-no="${anchor.current.page}"]`)
    if (root && el) root.scrollTop = el.offsetTop + anchor.current.fraction * el.offsetHeight
  }, [scale])

  // Scroll to a requested page (page box, retrieval list).
  useLayoutEffect(() => {
    const root = scrollRef.current
    if (!root || !scrollRequest) return
    const el = root.querySelector<HTMLElement>(`[data-page-no="${scrollRequest.page}"]`)
    if (el) {
      root.scrollTop = el.offsetTop - GUTTER / 2
      anchor.current = { page: scrollRequest.page, fraction: 0 }
    }
  }, [scrollRequest, pages])

  const onLayout = useCallback((pageNo: number, layout: PageLayout | null) => {
    if (layout) layouts.current.set(pageNo, layout)
    else layouts.current.delete(pageNo)
  }, [])

  const onTextMismatch = useCallback((pageNo: number) => {
    console.warn(`page ${pageNo}: the text layer differs from the stored page text`)
    if (!mismatchNoted.current) {
      mismatchNoted.current = true
      useApp.getState().notify({ key: 'textMismatch', params: { page: pageNo } })
    }
  }, [])

  // Highlights per page: every text coding that touches it, area codings by their rects.
  const marksByPage = useMemo(() => {
    const map = new Map<number, PageMark[]>()
    const add = (page: number, mark: PageMark) => map.set(page, [...(map.get(page) ?? []), mark])
    for (const id of codingRows.order) {
      const c = codingRows.byId[id]
      if (!c) continue
      const colour = codesById[c.codeId]?.colour ?? '#999999'
      const selected = c.id === selectedCodingId
      if (c.kind === 'area') {
        for (const r of c.rects) add(r.page, { key: `c${c.id}`, codingId: c.id, colour, start: 0, end: 0, areaRects: [r], selected })
      } else {
        for (let p = c.pageFrom; p <= c.pageTo; p++) add(p, { key: `c${c.id}`, codingId: c.id, colour, start: c.start, end: c.end, selected })
      }
    }
    if (pending) {
      for (const info of pages) {
        const pageEnd = info.startOffset + info.text.length
        if (pending.start < pageEnd && pending.end > info.startOffset) {
          add(info.pageNo, { key: 'pending', codingId: null, colour: '', start: pending.start, end: pending.end, pending: true })
        }
      }
    }
    return map
  }, [codingRows, codesById, selectedCodingId, pending, pages])

  const closePicker = useCallback(() => setPending(null), [])

  const apply = useCallback(async (codeId: number) => {
    const p = pending
    setPending(null)
    window.getSelection()?.removeAllRanges()
    if (p) await useApp.getState().applyCode(codeId, p.start, p.end)
  }, [pending])

  const createAndApply = useCallback(async (name: string) => {
    const code = await useApp.getState().createCode(null, name)
    if (code) await apply(code.id)
  }, [apply])

  /** After a drag or a shift+arrow: the selection becomes a pending range, or a click selects a highlight. */
  const afterSelect = useCallback((point?: { x: number; y: number }) => {
    const root = scrollRef.current
    if (!root) return
    const selection = window.getSelection()
    const raw = selectionRange(root, selection, layouts.current)
    const range = raw && trimRange(useApp.getState().pages, raw.start, raw.end)
    if (range) {
      const rects = selection!.getRangeAt(0).getClientRects()
      const last = rects[rects.length - 1]
      const box = last ?? root.getBoundingClientRect()
      setPending({ ...range, x: box.left, y: box.bottom + 6 })
      return
    }
    if (point && (!selection || selection.isCollapsed)) {
      // Highlights lie under the text layer: look through it.
      const hits = document
        .elementsFromPoint(point.x, point.y)
        .filter((el): el is HTMLElement => el instanceof HTMLElement && el.classList.contains('hl') && el.dataset.codingId !== undefined)
      if (hits.length > 0) {
        // The shortest coding under the pointer is the one the reader means.
        const rows = useApp.getState().codingRows.byId
        const ids = hits.map((h) => Number(h.dataset.codingId))
        ids.sort((a, b) => ((rows[a]?.end ?? 0) - (rows[a]?.start ?? 0)) - ((rows[b]?.end ?? 0) - (rows[b]?.start ?? 0)))
        useApp.getState().selectCoding(ids[0]!)
      }
    }
  }, [])

  const onMouseDown = useCallback((e: React.MouseEvent) => {
    if (e.button !== 0) return
    setPending(null)
    const layer = (e.target as HTMLElement).closest('.textLayer')
    layer?.classList.add('selecting')
    const up = () => {
      layer?.classList.remove('selecting')
      document.removeEventListener('mouseup', up)
    }
    document.addEventListener('mouseup', up)
  }, [])

  const onMouseUp = useCallback((e: React.MouseEvent) => {
    if (e.button !== 0) return
    const point = { x: e.clientX, y: e.clientY }
    // Let the browser finish the selection first.
    setTimeout(() => afterSelect(point), 0)
  }, [afterSelect])

  const onKeyUp = useCallback((e: React.KeyboardEvent) => {
    if (e.shiftKey && e.key.startsWith('Arrow')) afterSelect()
  }, [afterSelect])

  // Keys 1–9 apply a recent code to the live selection even when the picker was closed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!/^[1-9]$/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      const root = scrollRef.current
      if (!root) return
      const raw = pending ?? selectionRange(root, window.getSelection(), layouts.current)
      const range = raw && trimRange(useApp.getState().pages, raw.start, raw.end)
      const codeId = recentCodeIds[Number(e.key) - 1]
      if (!range || codeId === undefined) return
      e.preventDefault()
      setPending(null)
      window.getSelection()?.removeAllRanges()
      void useApp.getState().applyCode(codeId, range.start, range.end)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [pending, recentCodeIds])

  if (documentId === null) {
    return (
      <section className="viewer empty">
        <p className="muted">{t('noDocument')}</p>
      </section>
    )
  }

  return (
    <section className="viewer">
      <ViewerToolbar />
      <div
        ref={scrollRef}
        className="viewer-scroll"
        onScroll={onScroll}
        onMouseDown={onMouseDown}
        onMouseUp={onMouseUp}
        onKeyUp={onKeyUp}
        data-testid="viewer"
      >
        {(loading || !pdf) && <div className="viewer-loading muted">{t('loadingPdf')}</div>}
        {pages.map((info) => {
          const w = Math.floor(info.width * scale)
          const h = Math.floor(info.height * scale)
          return (
            <div
              key={`${documentId}-${info.pageNo}`}
              className="page"
              data-page-no={info.pageNo}
              style={{
                width: w,
                height: h,
                ['--scale-factor' as string]: scale,
                ['--total-scale-factor' as string]: scale,
                ['--scale-round-x' as string]: '1px',
                ['--scale-round-y' as string]: '1px',
              }}
            >
              {pdf && renderSet.has(info.pageNo) && (
                <PdfPage
                  pdf={pdf}
                  info={info}
                  scale={scale}
                  marks={marksByPage.get(info.pageNo) ?? NO_MARKS}
                  onLayout={onLayout}
                  onTextMismatch={onTextMismatch}
                />
              )}
            </div>
          )
        })}
      </div>
      {pending && <CodePicker x={pending.x} y={pending.y} onApply={apply} onCreate={createAndApply} onClose={closePicker} />}
    </section>
  )
}

const NO_MARKS: PageMark[] = []
