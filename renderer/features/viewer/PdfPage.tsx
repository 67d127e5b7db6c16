import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist'
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api'
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { buildPageText, normaliseItemText } from '../../../shared/page-text'
import type { PageInfo } from '../../../shared/types'
import type { PageLayout, UnitRect } from '../../pdf/offsets'
import { rangeRects } from '../../pdf/selection'

/** What a page draws as highlights: codings (and the pending selection) that touch it. */
export interface PageMark {
  key: string
  codingId: number | null
  colour: string
  start: number
  end: number
  /** Stored rects for area codings (no text range to measure). */
  areaRects?: UnitRect[]
  selected?: boolean
  pending?: boolean
}

interface Props {
  pdf: PDFDocumentProxy
  info: PageInfo
  scale: number
  marks: readonly PageMark[]
  onLayout(pageNo: number, layout: PageLayout | null): void
  onTextMismatch(pageNo: number): void
}

interface Loaded {
  page: PDFPageProxy
  content: TextContent
  layout: PageLayout
}

/**
 * One rendered page: canvas, text layer (the normalised item strings, so that a character in
 * the layer is a character of the canonical text) and a highlight layer under the text.
 */
export const PdfPage = memo(function PdfPage({ pdf, info, scale, marks, onLayout, onTextMismatch }: Props) {
  const pageNo = info.pageNo
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [textVersion, setTextVersion] = useState(0)
  const [rects, setRects] = useState<{ mark: PageMark; rects: UnitRect[] }[]>([])

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
    const textDiv = textRef.current
    if (!loaded || !canvas || !textDiv) return
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

    textDiv.replaceChildren()
    const layer = new TextLayer({ textContentSource: content, container: textDiv, viewport })
    let live = true
    layer
      .render()
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
        setTextVersion((v) => v + 1)
      })
      .catch((e: { name?: string }) => {
        if (live && e?.name !== 'AbortException') console.error(`text layer page ${pageNo}`, e)
      })
    return () => {
      live = false
      task?.cancel()
      task = undefined
      layer.cancel()
    }
  }, [loaded, scale, pageNo])

  // Highlights are measured on the text layer itself, in 0..1 of the page: they sit on the
  // words whatever the zoom.
  useLayoutEffect(() => {
    const pageEl = textRef.current?.parentElement
    if (!loaded || !pageEl || textVersion === 0) {
      setRects([])
      return
    }
    setRects(
      marks.map((mark) => ({
        mark,
        rects: mark.areaRects ?? rangeRects(pageEl, loaded.layout, mark.start, mark.end),
      })),
    )
  }, [marks, loaded, textVersion])

  return (
    <>
      <canvas ref={canvasRef} className="page-canvas" />
      <div className="highlight-layer" aria-hidden="true">
        {rects.flatMap(({ mark, rects }) =>
          rects.map((r, i) => (
            <div
              key={`${mark.key}-${i}`}
              className={`hl${mark.selected ? ' selected' : ''}${mark.pending ? ' pending' : ''}`}
              data-coding-id={mark.codingId ?? undefined}
              style={{
                left: `${r.x * 100}%`,
                top: `${r.y * 100}%`,
                width: `${r.w * 100}%`,
                height: `${r.h * 100}%`,
                ...(mark.pending ? {} : { backgroundColor: mark.colour }),
              }}
            />
          )),
        )}
      </div>
      <div ref={textRef} className="textLayer" />
    </>
  )
})
