import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist'
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api'
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { buildPageText, normaliseItemText } from '../../../shared/page-text'
import type { PageInfo } from '../../../shared/types'
import { TextMeasurer } from '../../pdf/measure'
import type { PageLayout, UnitRect } from '../../pdf/offsets'
import { layoutStripes, type StripeInput } from './stripes'

/** A coding drawn on a page: text codings by their range, area codings by their rectangles. */
export interface PageMark {
  codingId: number
  colour: string
  /** The code's name, written beside its stripe. */
  label: string
  /** The coder's initials, written before the name; the full path and coder go in the stripe's title. */
  initials?: string
  title?: string
  kind: 'text' | 'area'
  start: number
  end: number
  areaRects?: UnitRect[]
}

/** Something drawn over the page for a moment: the selection to code, find hits, a flash, a resize preview, an area being drawn. */
export interface Overlay {
  key: string
  /** `flash-done`: a flash that has faded, kept (invisible) until the next one. */
  kind: 'pending' | 'caret' | 'find' | 'find-current' | 'flash' | 'flash-done' | 'preview' | 'draft' | 'suggestion' | 'suggestion-current'
  ranges?: { start: number; end: number }[]
  rects?: UnitRect[]
  /** The outline's colour (a suggestion: its code's colour), and a title for its margin mark. */
  colour?: string
  title?: string
}

type MeasuredOverlay = { key: string; kind: Overlay['kind']; rects: UnitRect[]; colour?: string; title?: string }

/** What the viewer needs for hit testing: the boxes each coding covers on the page. */
export type PageGeometry = ReadonlyMap<number, readonly UnitRect[]>

export type ResizeEdge = 'start' | 'end'

interface Props {
  pdf: PDFDocumentProxy
  info: PageInfo
  scale: number
  marks: readonly PageMark[]
  overlays: readonly Overlay[]
  selectedId: number | null
  /** Why the selected coding's ends cannot be dragged (another coder's); null or absent: they can. */
  lockedTitle?: string | null
  hoveredId: number | null
  showStripes: boolean
  onLayout(pageNo: number, layout: PageLayout | null): void
  onGeometry(pageNo: number, geometry: PageGeometry | null): void
  onTextMismatch(pageNo: number): void
  onHover(codingId: number | null): void
  onSelect(codingId: number): void
  onResizeStart(codingId: number, edge: ResizeEdge, e: React.PointerEvent): void
}

interface Loaded {
  page: PDFPageProxy
  content: TextContent
  layout: PageLayout
}

/** Lanes of stripes beside a page, and the most stripes drawn on one page. */
export const STRIPE_LANES = 6
export const STRIPE_LANE_PX = 18
const MAX_STRIPES = 150
/** Characters of a code's name written beside its stripe. */
const LABEL_CHARS = 22

/**
 * One rendered page: the PDF canvas, a canvas of highlights (every coding of the page, in its
 * code's colour; overlapping codings multiply, so each stays visible; area codings outlined),
 * the text layer (the normalised item strings, so that a character in the layer is a
 * character of the canonical text), a few live outlines (selected, hovered, flashed, find
 * hits) and the coding stripes in the margin.
 */
export const PdfPage = memo(function PdfPage(props: Props) {
  const { pdf, info, scale, marks, overlays, selectedId, hoveredId, showStripes, onLayout, onGeometry, onTextMismatch } = props
  const pageNo = info.pageNo
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const hlRef = useRef<HTMLCanvasElement>(null)
  // Holds the text layer, a fresh `.textLayer` div for every render (see the effect below).
  const textHostRef = useRef<HTMLDivElement>(null)
  const measurer = useRef<TextMeasurer | null>(null)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [textVersion, setTextVersion] = useState(0)
  const [geometry, setGeometry] = useState<PageGeometry>(new Map())
  const [overlayRects, setOverlayRects] = useState<MeasuredOverlay[]>([])

  // Load the page and its text once; build the layout the selection mapping needs.
  useEffect(() => {
    let cancelled = false
    let page: PDFPageProxy | undefined
    void (async () => {
      try {
        page = await pdf.getPage(pageNo)
        const raw = await page.getTextContent()
        if (cancelled) return
        const content: TextContent = {
          ...raw,
          items: raw.items.map((i) => ('str' in i ? { ...i, str: normaliseItemText(i.str) } : i)),
        }
        const items = raw.items.filter((i): i is TextItem => 'str' in i)
        const built = buildPageText(items)
        if (built.text !== info.text) onTextMismatch(pageNo)
        const layout: PageLayout = {
          pageNo,
          startOffset: info.startOffset,
          length: info.text.length,
          spans: built.spans,
          lengths: items.map((i) => normaliseItemText(i.str).length),
        }
        setLoaded({ page, content, layout })
      } catch (e) {
        if (!cancelled) console.error(`page ${pageNo}`, e)
      }
    })()
    return () => {
      cancelled = true
      page?.cleanup()
    }
  }, [pdf, pageNo, info.startOffset, info.text, onTextMismatch])

  useEffect(() => {
    if (!loaded) return
    onLayout(pageNo, loaded.layout)
    return () => onLayout(pageNo, null)
  }, [loaded, pageNo, onLayout])

  // Canvas and text layer, again at every zoom.
  useEffect(() => {
    const canvas = canvasRef.current
    const host = textHostRef.current
    if (!loaded || !canvas || !host) return
    const { page, content } = loaded
    const viewport = page.getViewport({ scale })
    const dpr = Math.min(window.devicePixelRatio || 1, 3)
    canvas.width = Math.floor(viewport.width * dpr)
    canvas.height = Math.floor(viewport.height * dpr)
    let task: RenderTask | undefined = page.render({
      canvas,
      viewport,
      ...(dpr !== 1 ? { transform: [dpr, 0, 0, dpr, 0, 0] } : {}),
    })
    task.promise.catch((e: { name?: string }) => {
      if (e?.name !== 'RenderingCancelledException') console.error(`render page ${pageNo}`, e)
    })

    // A new container each time instead of cancelling the old layer: pdf.js's TextLayer.cancel()
    // nulls its stream reader while a read it started may still deliver, and its pump then
    // throws "Cannot read properties of null (reading 'read')" as an unhandled rejection (seen
    // in the browser tests when a page re-rendered quickly). The old layer now finishes into a
    // detached div that nothing shows or reads.
    const textDiv = document.createElement('div')
    textDiv.className = 'textLayer'
    host.replaceChildren(textDiv)
    measurer.current = null
    const layer = new TextLayer({ textContentSource: content, container: textDiv, viewport })
    let live = true
    const textDone = layer.render()
    textDone
      .then(() => {
        if (!live) return
        layer.textDivs.forEach((div, i) => {
          div.dataset.i = String(i)
        })
        // As in pdf.js's viewer: a block after the text keeps a drag into empty space from
        // selecting the whole page.
        const end = document.createElement('div')
        end.className = 'endOfContent'
        textDiv.append(end)
        const pageEl = host.parentElement
        measurer.current = pageEl ? new TextMeasurer(pageEl, loaded.layout) : null
        setTextVersion((v) => v + 1)
      })
      .catch((e: { name?: string }) => {
        if (live && e?.name !== 'AbortException') console.error(`text layer page ${pageNo}`, e)
      })
    // For the benchmark: when a page stands drawn with its text layer.
    void Promise.all([task.promise, textDone]).then(
      () => live && performance.mark('werkbank:page-ready', { detail: { page: pageNo } }),
      () => undefined,
    )
    return () => {
      live = false
      task?.cancel()
      task = undefined
    }
  }, [loaded, scale, pageNo])

  // Every coding of the page, measured on the text layer and painted on one canvas. The
  // measure 'werkbank:highlights' (read by the benchmark) times measuring plus painting.
  useLayoutEffect(() => {
    const canvas = hlRef.current
    if (!canvas) return
    const t0 = performance.now()
    const w = Math.floor(info.width * scale)
    const h = Math.floor(info.height * scale)
    const dpr = Math.min(window.devicePixelRatio || 1, 3)
    const cw = Math.max(1, Math.floor(w * dpr))
    const ch = Math.max(1, Math.floor(h * dpr))
    if (canvas.width !== cw || canvas.height !== ch) {
      canvas.width = cw
      canvas.height = ch
    }
    const m = textVersion > 0 ? measurer.current : null
    const textMarks = marks.filter((k) => k.kind === 'text')
    const measured = m ? m.measureAll(textMarks) : []
    const geo = new Map<number, UnitRect[]>()
    textMarks.forEach((k, i) => {
      const rects = measured[i]
      if (rects && rects.length > 0) geo.set(k.codingId, rects)
    })
    for (const k of marks) if (k.kind === 'area' && k.areaRects) geo.set(k.codingId, k.areaRects)
    const t1 = performance.now()

    const ctx = canvas.getContext('2d')
    if (ctx) {
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.clearRect(0, 0, cw, ch)
      // Multiplied, overlapping highlights darken instead of hiding one another.
      ctx.globalCompositeOperation = 'multiply'
      for (const k of marks) {
        const rects = geo.get(k.codingId)
        if (!rects) continue
        ctx.fillStyle = k.colour
        ctx.strokeStyle = k.colour
        if (k.kind === 'area') {
          // On whole device pixels, so the outline is crisp.
          const lw = Math.max(2, Math.round(2 * dpr))
          ctx.lineWidth = lw
          for (const r of rects) {
            const x0 = Math.round(r.x * cw)
            const y0 = Math.round(r.y * ch)
            const x1 = Math.round((r.x + r.w) * cw)
            const y1 = Math.round((r.y + r.h) * ch)
            ctx.globalAlpha = 0.12
            ctx.fillRect(x0, y0, x1 - x0, y1 - y0)
            ctx.globalAlpha = 0.95
            ctx.strokeRect(x0 + lw / 2, y0 + lw / 2, x1 - x0 - lw, y1 - y0 - lw)
          }
        } else {
          ctx.globalAlpha = 0.35
          for (const r of rects) ctx.fillRect(r.x * cw, r.y * ch, r.w * cw, r.h * ch)
        }
      }
      ctx.globalAlpha = 1
      ctx.globalCompositeOperation = 'source-over'
    }
    canvas.dataset.codingIds = [...geo.keys()].join(' ')
    const t2 = performance.now()
    performance.measure('werkbank:highlights', { start: t0, end: t2, detail: { page: pageNo, codings: marks.length, measureMs: t1 - t0, paintMs: t2 - t1 } })
    setGeometry(geo)
  }, [marks, textVersion, scale, info.width, info.height, pageNo])

  useEffect(() => {
    onGeometry(pageNo, geometry)
  }, [geometry, pageNo, onGeometry])
  useEffect(() => () => onGeometry(pageNo, null), [pageNo, onGeometry])

  // The live outlines: measured ranges of overlays; selected and hovered codings from the geometry.
  useLayoutEffect(() => {
    const m = textVersion > 0 ? measurer.current : null
    const out: MeasuredOverlay[] = []
    for (const o of overlays) {
      const rects = [...(o.rects ?? [])]
      if (o.ranges && m) for (const r of m.measureAll(o.ranges)) rects.push(...r)
      if (rects.length > 0) out.push({ key: o.key, kind: o.kind, rects, ...(o.colour ? { colour: o.colour } : {}), ...(o.title ? { title: o.title } : {}) })
    }
    setOverlayRects(out)
  }, [overlays, textVersion])

  const selectedMark = selectedId !== null ? marks.find((k) => k.codingId === selectedId) : undefined
  const selectedRects = selectedId !== null ? geometry.get(selectedId) : undefined
  const hoveredRects = hoveredId !== null && hoveredId !== selectedId ? geometry.get(hoveredId) : undefined

  // Stripes in lanes; a stripe takes the room its name needs, so names stay readable even
  // beside a one-line coding.
  const pageHeightPx = info.height * scale
  const stripes = useMemo(() => {
    if (!showStripes) return { placed: [], hidden: 0 }
    const input: (StripeInput & { mark: PageMark; extent: number })[] = []
    for (const k of marks) {
      const rects = geometry.get(k.codingId)
      if (!rects || rects.length === 0) continue
      let top = 1
      let bottom = 0
      for (const r of rects) {
        top = Math.min(top, r.y)
        bottom = Math.max(bottom, r.y + r.h)
      }
      const labelPx = Math.min(k.label.length + (k.initials ? k.initials.length + 3 : 0), LABEL_CHARS) * 7.4 + 10
      input.push({ codingId: k.codingId, top, bottom: Math.max(bottom, top + labelPx / Math.max(1, pageHeightPx)), extent: bottom - top, mark: k })
    }
    return layoutStripes(input, STRIPE_LANES, MAX_STRIPES)
  }, [marks, geometry, showStripes, pageHeightPx])

  // Resize handles: at the start of the selected text coding (on the page that holds it) and at its end.
  const handles: { edge: 'start' | 'end'; x: number; y: number; h: number }[] = []
  if (selectedMark?.kind === 'text' && selectedRects && selectedRects.length > 0) {
    const pageStart = info.startOffset
    const pageEnd = info.startOffset + info.text.length
    const first = selectedRects[0]!
    const last = selectedRects[selectedRects.length - 1]!
    if (selectedMark.start >= pageStart && selectedMark.start < pageEnd) handles.push({ edge: 'start', x: first.x, y: first.y, h: first.h })
    if (selectedMark.end > pageStart && selectedMark.end <= pageEnd) handles.push({ edge: 'end', x: last.x + last.w, y: last.y, h: last.h })
  }

  const box = (r: UnitRect): React.CSSProperties => ({ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` })

  return (
    <>
      <canvas ref={canvasRef} className="page-canvas" />
      <canvas ref={hlRef} className="hl-canvas" aria-hidden="true" />
      <div className="overlay-layer" aria-hidden="true">
        {overlayRects.flatMap((o) => o.rects.map((r, i) => <div key={`${o.key}-${i}`} className={`ov ov-${o.kind}`} data-overlay={o.key} style={o.colour ? { ...box(r), ['--ov-colour' as string]: o.colour } : box(r)} />))}
        {overlayRects.filter((o) => o.kind === 'suggestion' || o.kind === 'suggestion-current').map((o) => <SuggestionMargin key={`m-${o.key}`} overlay={o} />)}
        {hoveredRects?.map((r, i) => <div key={`h${i}`} className="hl-outline hovered" data-coding-id={hoveredId ?? undefined} style={box(r)} />)}
        {selectedRects?.map((r, i) => <div key={`s${i}`} className="hl-outline selected" data-coding-id={selectedId ?? undefined} style={box(r)} />)}
      </div>
      <div ref={textHostRef} className="text-host" />
      {handles.map((hd) => (
        <div
          key={hd.edge}
          className={`resize-handle ${hd.edge}${props.lockedTitle == null ? '' : ' locked'}`}
          data-edge={hd.edge}
          style={{ left: `${hd.x * 100}%`, top: `${hd.y * 100}%`, height: `${hd.h * 100}%` }}
        >
          <span
            className="knob"
            title={props.lockedTitle ?? undefined}
            aria-disabled={props.lockedTitle == null ? undefined : true}
            onPointerDown={(e) => selectedId !== null && props.lockedTitle == null && props.onResizeStart(selectedId, hd.edge, e)}
          />
        </div>
      ))}
      {showStripes && (
        <div className="stripes" data-testid={`stripes-${pageNo}`}>
          {stripes.placed.map(({ stripe, lane }) => {
            const k = stripe.mark
            const cls = `stripe${k.codingId === selectedId ? ' selected' : ''}${k.codingId === hoveredId ? ' hovered' : ''}`
            const height = stripe.bottom - stripe.top
            return (
              <div
                key={k.codingId}
                className={cls}
                data-coding-id={k.codingId}
                title={k.title ?? k.label}
                aria-label={k.title ?? k.label}
                style={{ top: `${stripe.top * 100}%`, height: `${height * 100}%`, left: lane * STRIPE_LANE_PX, ['--stripe-colour' as string]: k.colour }}
                onMouseEnter={() => props.onHover(k.codingId)}
                onMouseLeave={() => props.onHover(null)}
                onMouseDown={(e) => e.stopPropagation()}
                onClick={() => props.onSelect(k.codingId)}
              >
                <span className="stripe-bar" style={{ height: `${(stripe.extent / height) * 100}%` }} />
                <span className="stripe-label">{k.initials && <b className="stripe-coder">{k.initials}</b>}{k.initials ? ' ' : ''}{k.label}</span>
              </div>
            )
          })}
          {stripes.hidden > 0 && <div className="stripes-more">+{stripes.hidden}</div>}
        </div>
      )}
    </>
  )
})

/** A suggestion's mark in the page's left margin, over its extent on the page, in its code's colour. */
function SuggestionMargin({ overlay }: { overlay: MeasuredOverlay }) {
  let top = 1
  let bottom = 0
  for (const r of overlay.rects) {
    top = Math.min(top, r.y)
    bottom = Math.max(bottom, r.y + r.h)
  }
  return (
    <div
      className={`sg-margin${overlay.kind === 'suggestion-current' ? ' current' : ''}`}
      data-suggestion-mark={overlay.key}
      title={overlay.title}
      style={{ top: `${top * 100}%`, height: `${(bottom - top) * 100}%`, ['--ov-colour' as string]: overlay.colour ?? '#999999' }}
    />
  )
}
