import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Disagreement } from '../../../shared/agreement-types'
import { rectsForRange } from '../../../shared/anchoring'
import type { PageInfo } from '../../../shared/types'
import { call, fetchPdf } from '../../api/client'
import { useTA } from '../../i18n/analysis-strings'
import { openPdf, type OpenedPdf } from '../../pdf/pdfjs'
import { useApp } from '../../store'
import { PdfPage, STRIPE_LANE_PX, STRIPE_LANES, type Overlay, type PageGeometry, type PageMark } from '../viewer/PdfPage'

const GUTTER = 16
const STRIPES = STRIPE_LANES * STRIPE_LANE_PX + 12

/** The page(s) a range lies on. */
function pagesOf(pages: readonly PageInfo[], start: number, end: number): PageInfo[] {
  return pages.filter((p) => p.startOffset < Math.max(end, start + 1) && start < p.startOffset + p.text.length)
}

const noop = () => undefined

/**
 * The page of a disagreement in the real PDF viewer's page component: each compared coder's
 * segments painted in that coder's colour (overlaps darken), named in the stripes beside the
 * page, and the consensus so far outlined. Only the pages of the place are drawn.
 */
export function DisagreementPage({ d, colours, order }: { d: Disagreement; colours: ReadonlyMap<string, string>; order: readonly string[] }) {
  const t = useTA()
  // Where the page component measured each segment: for outlines in each coder's own style.
  const [geometry, setGeometry] = useState<ReadonlyMap<number, PageGeometry>>(new Map())
  const [pdf, setPdf] = useState<{ documentId: number; doc: PDFDocumentProxy } | null>(null)
  const [pages, setPages] = useState<{ documentId: number; pages: PageInfo[] } | null>(null)
  const [width, setWidth] = useState(0)
  const scrollRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let cancelled = false
    let handle: OpenedPdf | undefined
    setPdf(null)
    setPages(null)
    void (async () => {
      try {
        const [bytes, info] = await Promise.all([fetchPdf(d.documentId), call('documents:pages', { id: d.documentId })])
        if (cancelled) return
        setPages({ documentId: d.documentId, pages: info })
        handle = await openPdf(bytes)
        if (cancelled) return void handle.destroy()
        setPdf({ documentId: d.documentId, doc: handle.doc })
      } catch (e) {
        if (!cancelled) useApp.getState().report(e)
      }
    })()
    return () => {
      cancelled = true
      void handle?.destroy()
    }
  }, [d.documentId])

  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    setWidth(el.clientWidth)
    return () => ro.disconnect()
  }, [])

  const shown = useMemo(() => (pages && pages.documentId === d.documentId ? pagesOf(pages.pages, d.start, d.end) : []), [pages, d])
  const scale = useMemo(() => {
    const widest = Math.max(1, ...shown.map((p) => p.width))
    return Math.max(0.3, Math.min(1.25, (width - 2 * GUTTER - STRIPES) / widest))
  }, [shown, width])

  const marks = useMemo(() => {
    const byPage = new Map<number, PageMark[]>()
    for (const p of shown) {
      const end = p.startOffset + p.text.length
      byPage.set(
        p.pageNo,
        d.segments
          .filter((s) => s.start < end && s.end > p.startOffset)
          .map((s) => ({ codingId: s.codingId, colour: colours.get(s.coder) ?? '#888888', label: s.coder, kind: 'text' as const, start: s.start, end: s.end })),
      )
    }
    return byPage
  }, [shown, d, colours])

  // The consensus so far, outlined (the viewer's preview outline, restyled in analysis.css).
  const overlays = useMemo(() => {
    const byPage = new Map<number, Overlay[]>()
    for (const p of shown) byPage.set(p.pageNo, d.consensus.map((s) => ({ key: `c${s.codingId}`, kind: 'preview' as const, ranges: [{ start: s.start, end: s.end }] })))
    return byPage
  }, [shown, d])

  // The place at a third of the height, from the importer's boxes (before the page is drawn).
  useLayoutEffect(() => {
    const root = scrollRef.current
    const first = shown[0]
    if (!root || !first) return
    const el = root.querySelector<HTMLElement>(`.page[data-page-no="${first.pageNo}"]`)
    if (!el) return
    const rect = rectsForRange(first.pageNo, first.boxes, Math.max(0, d.start - first.startOffset), d.end - first.startOffset)[0]
    root.scrollTop = Math.max(0, el.offsetTop + (rect?.y ?? 0) * el.offsetHeight - root.clientHeight / 3)
  }, [shown, d, scale])

  const onGeometry = useCallback((pageNo: number, geo: PageGeometry | null) => {
    setGeometry((prev) => {
      const next = new Map(prev)
      if (geo) next.set(pageNo, geo)
      else next.delete(pageNo)
      return next
    })
  }, [])
  const coderOf = useMemo(() => new Map(d.segments.map((s) => [s.codingId, s.coder])), [d])

  const onTextMismatch = useCallback((pageNo: number) => console.warn(`page ${pageNo}: the text layer differs from the stored page text`), [])
  const doc = pdf && pdf.documentId === d.documentId ? pdf.doc : null

  return (
    <div className="dis-page with-stripes" ref={scrollRef} data-testid="disagreement-page" tabIndex={0} role="region" aria-label={t('pageOfDisagreement')}>
      {!doc && <p className="muted dis-loading">{t('loading')}</p>}
      {shown.map((info) => (
        <div
          key={`${d.documentId}-${info.pageNo}`}
          className="page"
          data-page-no={info.pageNo}
          style={{
            width: Math.floor(info.width * scale),
            height: Math.floor(info.height * scale),
            ['--scale-factor' as string]: scale,
            ['--total-scale-factor' as string]: scale,
            ['--scale-round-x' as string]: '1px',
            ['--scale-round-y' as string]: '1px',
          }}
        >
          {doc && (
            <PdfPage
              pdf={doc}
              info={info}
              scale={scale}
              marks={marks.get(info.pageNo) ?? []}
              overlays={overlays.get(info.pageNo) ?? []}
              selectedId={null}
              hoveredId={null}
              showStripes
              onLayout={noop}
              onGeometry={onGeometry}
              onTextMismatch={onTextMismatch}
              onHover={noop}
              onSelect={noop}
              onResizeStart={noop}
            />
          )}
          <div className="coder-outlines" aria-hidden="true">
            {[...(geometry.get(info.pageNo) ?? new Map<number, readonly { x: number; y: number; w: number; h: number }[]>())].flatMap(([codingId, rects]) => {
              const coder = coderOf.get(codingId)
              if (coder === undefined) return []
              const k = Math.max(0, order.indexOf(coder))
              return rects.map((r, n) => (
                <div
                  key={`${codingId}-${n}`}
                  className={`co co-${Math.min(k, 2)}`}
                  data-coding-id={codingId}
                  style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%`, ['--coder-colour' as string]: colours.get(coder) ?? '#888888' }}
                />
              ))
            })}
          </div>
        </div>
      ))}
    </div>
  )
}
