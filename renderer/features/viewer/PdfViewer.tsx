import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { hits as hitsRect, trimRange, type PageLayout, type UnitRect } from '../../pdf/offsets'
import { openPdf, type OpenedPdf } from '../../pdf/pdfjs'
import { takePdf } from '../../pdf/prefetch'
import { caretFromPoint, type BoxCache, type Caret } from '../../pdf/drag-select'
import { offsetAtPoint, selectionRange } from '../../pdf/selection'
import { call } from '../../api/client'
import { useApp } from '../../store'
import { mayChange } from '../../store/codings.slice'
import type { Flash } from '../../store/viewer.slice'
import { CodePicker } from './CodePicker'
import { FindBar } from './FindBar'
import { pageOfOffset } from './find'
import { documentText, rangeOf, step, type KeyboardSelection } from './keyboard-selection'
import { PdfPage, STRIPE_LANE_PX, STRIPE_LANES, type Overlay, type PageGeometry, type PageMark, type ResizeEdge } from './PdfPage'
import { ViewerToolbar } from './ViewerToolbar'
import { useSuggestionMarks } from '../suggestions/use-suggestion-overlays'

/** Space around pages in the scroll area (px); fit-width leaves it free. */
const GUTTER = 16
/** Room for the coding stripes to the right of the pages (px). */
export const STRIPE_GUTTER = STRIPE_LANES * STRIPE_LANE_PX + 12
/**
 * How long a flashed passage stays marked (ms); the CSS animation is shorter. Then it stays as an
 * invisible `ov-flash-done` until the next flash, so the tests can check where the last flash
 * went without racing it.
 */
const FLASH_MS = 2600
/** A drag closer than this to the viewer's top or bottom (px) scrolls it. */
const AUTOSCROLL_EDGE = 36

type Pending =
  | { kind: 'text'; start: number; end: number; x: number; y: number }
  | { kind: 'area'; page: number; rect: UnitRect; x: number; y: number }

interface Resizing {
  codingId: number
  edge: ResizeEdge
  start: number
  end: number
}

const NO_MARKS: PageMark[] = []
const NO_OVERLAYS: Overlay[] = []

/**
 * The PDF in the middle: pages laid out from their stored sizes, only the visible ones (and
 * one on each side) rendered. Selecting text, or dragging a rectangle with the area tool (or
 * Alt held), opens the code picker; clicking a highlight or a stripe selects its coding; the
 * selected coding's ends can be dragged.
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
  // Another coder's selected coding keeps its handles, locked, saying whose it is.
  const lockedTitle = useApp((s) => {
    const c = s.selectedCodingId === null ? undefined : s.codingRows.byId[s.selectedCodingId]
    return c === undefined || mayChange(s, c.coderId) ? null : c.coderName
  })
  const recentCodeIds = useApp((s) => s.recentCodeIds)
  const areaMode = useApp((s) => s.areaMode)
  const showStripes = useApp((s) => s.showStripes)
  const find = useApp((s) => s.find)
  const flash = useApp((s) => s.flash)
  const hasText = useApp((s) => s.documents.find((d) => d.id === s.documentId)?.hasText ?? true)
  // Suggestions of the open document: dashed outlines in the code's colour (features/suggestions).
  const suggestionMarks = useSuggestionMarks(documentId)

  // The PDF with the document it belongs to: for one render after a switch, the store already
  // names the new document while the old PDF is still here, and pages must not mix the two.
  const [opened, setOpened] = useState<{ documentId: number; doc: PDFDocumentProxy } | null>(null)
  const pdf = opened !== null && opened.documentId === documentId ? opened.doc : null
  const [loading, setLoading] = useState(false)
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set([1]))
  const [pending, setPending] = useState<Pending | null>(null)
  // Keyboard coding: a caret and selection as offsets (keyboard-selection.ts).
  const [kbd, setKbd] = useState<KeyboardSelection | null>(null)
  // Whether the passage to code was chosen with the keyboard (for the coding's provenance).
  const byKeyboard = useRef(false)
  const [draft, setDraft] = useState<{ page: number; rect: UnitRect } | null>(null)
  const [hovered, setHovered] = useState<number | null>(null)
  const [resizing, setResizing] = useState<Resizing | null>(null)
  const [activeFlash, setActiveFlash] = useState<(Flash & { done?: boolean }) | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const layouts = useRef(new Map<number, PageLayout>())
  const geometry = useRef(new Map<number, PageGeometry>())
  const anchor = useRef<{ page: number; fraction: number }>({ page: 1, fraction: 0 })
  const mismatchNoted = useRef(false)
  const areaDrag = useRef(false)
  // A text drag the viewer drives itself (see onMouseDown); its mouseup ends it, not onMouseUp.
  const textDrag = useRef(false)

  // Open the document's PDF.
  useEffect(() => {
    setOpened(null)
    setPending(null)
    setKbd(null)
    setDraft(null)
    setHovered(null)
    layouts.current.clear()
    geometry.current.clear()
    mismatchNoted.current = false
    if (documentId === null) return
    let handle: OpenedPdf | undefined
    let cancelled = false
    setLoading(true)
    void (async () => {
      try {
        const bytes = await takePdf(documentId)
        if (cancelled) return
        performance.mark('werkbank:pdf-fetched')
        handle = await openPdf(bytes)
        if (cancelled) return void handle.destroy()
        performance.mark('werkbank:pdf-opened')
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
      const s = (el.clientWidth - 2 * GUTTER - (showStripes ? STRIPE_GUTTER : 0)) / widest
      if (s > 0 && Math.abs(s - useApp.getState().scale) > 0.001) useApp.getState().setScale(s, 'fit')
    }
    fit()
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => ro.disconnect()
  }, [zoomMode, pages, showStripes])

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

  // Which way the reader scrolls (1 down, -1 up): two pages are rendered ahead that way, so a fast
  // wheel finds them drawn; a page still rendering shows its grey placeholder (styles.css).
  const [ahead, setAhead] = useState<1 | -1>(1)
  const lastTop = useRef(0)
  const renderSet = useMemo(() => {
    const set = new Set<number>()
    for (const n of visible) for (const m of [n - 1, n, n + 1, n + 2 * ahead]) if (m >= 1 && m <= pages.length) set.add(m)
    return set
  }, [visible, pages.length, ahead])

  // The current page is the one at a third of the viewer's height; it is also the anchor that
  // keeps the reader in place when the zoom changes.
  const onScroll = useCallback(() => {
    const root = scrollRef.current
    if (!root) return
    if (root.scrollTop !== lastTop.current) setAhead(root.scrollTop > lastTop.current ? 1 : -1)
    lastTop.current = root.scrollTop
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

  // Scroll to a requested page (page box, retrieval, search, find): a place on the page goes to
  // a third of the viewer's height.
  useLayoutEffect(() => {
    const root = scrollRef.current
    if (!root || !scrollRequest) return
    const el = root.querySelector<HTMLElement>(`[data-page-no="${scrollRequest.page}"]`)
    if (el) {
      root.scrollTop = scrollRequest.y === undefined
        ? el.offsetTop - GUTTER / 2
        : Math.max(0, el.offsetTop + scrollRequest.y * el.offsetHeight - root.clientHeight / 3)
      anchor.current = { page: scrollRequest.page, fraction: (root.scrollTop - el.offsetTop) / Math.max(1, el.offsetHeight) }
    }
  }, [scrollRequest, pages])

  // A flashed passage stays marked for a moment.
  useEffect(() => {
    if (!flash || flash.documentId !== documentId) {
      setActiveFlash(null)
      return
    }
    setActiveFlash(flash)
    const timer = setTimeout(() => setActiveFlash({ ...flash, done: true }), FLASH_MS)
    return () => clearTimeout(timer)
  }, [flash, documentId])

  const onLayout = useCallback((pageNo: number, layout: PageLayout | null) => {
    if (layout) layouts.current.set(pageNo, layout)
    else layouts.current.delete(pageNo)
  }, [])

  const onGeometry = useCallback((pageNo: number, geo: PageGeometry | null) => {
    if (geo) geometry.current.set(pageNo, geo)
    else geometry.current.delete(pageNo)
  }, [])

  const onTextMismatch = useCallback((pageNo: number) => {
    console.warn(`page ${pageNo}: the text layer differs from the stored page text`)
    if (!mismatchNoted.current) {
      mismatchNoted.current = true
      useApp.getState().notify({ key: 'textMismatch', params: { page: pageNo } })
    }
  }, [])

  // The codings of each page: text codings on every page they touch, area codings by their rects.
  const marksByPage = useMemo(() => {
    const map = new Map<number, PageMark[]>()
    const add = (page: number, mark: PageMark) => {
      let list = map.get(page)
      if (!list) map.set(page, (list = []))
      list.push(mark)
    }
    for (const id of codingRows.order) {
      const c = codingRows.byId[id]
      if (!c) continue
      const code = codesById[c.codeId]
      const base = {
        codingId: c.id,
        colour: code?.colour ?? '#999999',
        label: code?.name ?? c.codePath,
        initials: initialsOf(c.coderName),
        title: `${code?.path ?? c.codePath} — ${c.coderName}`,
      }
      if (c.kind === 'area') {
        for (const r of c.rects) add(r.page, { ...base, kind: 'area', start: c.start, end: c.end, areaRects: [{ x: r.x, y: r.y, w: r.w, h: r.h }] })
      } else {
        for (let p = c.pageFrom; p <= c.pageTo; p++) add(p, { ...base, kind: 'text', start: c.start, end: c.end })
      }
    }
    return map
  }, [codingRows, codesById])

  // What is drawn over the pages for a moment, per page.
  const overlaysByPage = useMemo(() => {
    const map = new Map<number, Overlay[]>()
    const add = (page: number, o: Overlay) => {
      if (!renderSet.has(page)) return
      let list = map.get(page)
      if (!list) map.set(page, (list = []))
      list.push(o)
    }
    const span = (start: number, end: number): number[] => {
      const a = pageOfOffset(pages, start)
      const b = pageOfOffset(pages, Math.max(start, end - 1))
      return Array.from({ length: b - a + 1 }, (_, i) => a + i)
    }
    if (pending?.kind === 'text') for (const p of span(pending.start, pending.end)) add(p, { key: 'pending', kind: 'pending', ranges: [pending] })
    if (kbd && !pending) {
      const r = rangeOf(kbd)
      // A selection is shaded; a caret is a bar before the character it stands at.
      if (r.end > r.start) for (const p of span(r.start, r.end)) add(p, { key: 'kbd', kind: 'pending', ranges: [r] })
      else add(pageOfOffset(pages, r.start), { key: 'kbd', kind: 'caret', ranges: [{ start: r.start, end: r.start + 1 }] })
    }
    if (pending?.kind === 'area') add(pending.page, { key: 'pending', kind: 'draft', rects: [pending.rect] })
    if (draft) add(draft.page, { key: 'draft', kind: 'draft', rects: [draft.rect] })
    if (resizing) for (const p of span(resizing.start, resizing.end)) add(p, { key: 'preview', kind: 'preview', ranges: [resizing] })
    if (find) {
      find.hits.forEach((h, i) => {
        for (const p of span(h.start, h.end)) add(p, { key: `f${i}`, kind: i === find.index ? 'find-current' : 'find', ranges: [h] })
      })
    }
    for (const m of suggestionMarks) {
      for (const p of span(m.start, m.end)) add(p, { key: m.key, kind: m.current ? 'suggestion-current' : 'suggestion', ranges: [{ start: m.start, end: m.end }], colour: m.colour, title: m.title })
    }
    if (activeFlash && activeFlash.documentId === documentId) {
      const kind = activeFlash.done ? 'flash-done' : 'flash'
      for (const r of activeFlash.ranges) for (const p of span(r.start, r.end)) add(p, { key: `flash${activeFlash.nonce}-${r.start}`, kind, ranges: [r] })
      for (const r of activeFlash.rects) add(r.page, { key: `flash${activeFlash.nonce}-r${r.x}-${r.y}`, kind, rects: [r] })
    }
    return map
  }, [pending, kbd, draft, resizing, find, activeFlash, suggestionMarks, documentId, pages, renderSet])

  const closePicker = useCallback(() => {
    setPending(null)
    // Coding by keyboard goes on from the pages.
    if (byKeyboard.current) scrollRef.current?.focus({ preventScroll: true })
    byKeyboard.current = false
  }, [])

  const apply = useCallback(async (codeId: number) => {
    const p = pending
    setPending(null)
    // The caret stays where the coded passage ends.
    if (p?.kind === 'text') setKbd((k) => (k === null ? null : { anchor: p.end, focus: p.end }))
    window.getSelection()?.removeAllRanges()
    const origin = byKeyboard.current ? 'keyboard' : 'selection'
    if (byKeyboard.current) scrollRef.current?.focus({ preventScroll: true })
    byKeyboard.current = false
    if (p?.kind === 'text') await useApp.getState().applyCode(codeId, p.start, p.end, origin)
    else if (p?.kind === 'area') await useApp.getState().applyArea(codeId, p.page, p.rect)
  }, [pending])

  const createAndApply = useCallback(async (name: string) => {
    // "Parent/Child" makes the path (missing parents too) in one step.
    const code = name.includes('/') ? await useApp.getState().ensureCodePath(name) : await useApp.getState().createCode(null, name)
    if (code) await apply(code.id)
  }, [apply])

  /** The codings under a point: shortest text coding first, areas (smallest first) last. */
  const hitsAt = useCallback((x: number, y: number): number[] => {
    const pageEl = document.elementsFromPoint(x, y).find((el): el is HTMLElement => el instanceof HTMLElement && el.matches('.page[data-page-no]'))
    if (!pageEl) return []
    const geo = geometry.current.get(Number(pageEl.dataset.pageNo))
    if (!geo) return []
    const box = pageEl.getBoundingClientRect()
    const ux = (x - box.left) / box.width
    const uy = (y - box.top) / box.height
    const rows = useApp.getState().codingRows.byId
    const found: { id: number; size: number }[] = []
    for (const [id, rects] of geo) {
      if (!rects.some((r) => hitsRect(r, ux, uy, 0.002))) continue
      const c = rows[id]
      if (!c) continue
      found.push({ id, size: c.kind === 'area' ? 1e9 + rects.reduce((n, r) => n + r.w * r.h, 0) : c.end - c.start })
    }
    return found.sort((a, b) => a.size - b.size || a.id - b.id).map((f) => f.id)
  }, [])

  /**
   * The coding a click selects: the first under the pointer; clicking again at the same place
   * goes on to the next, round. Where several overlap, a small list names them all.
   */
  const lastClick = useRef<{ x: number; y: number; ids: string } | null>(null)
  const [choices, setChoices] = useState<{ x: number; y: number; ids: number[] } | null>(null)
  const hitTest = useCallback((x: number, y: number): number | null => {
    const ids = hitsAt(x, y)
    if (ids.length === 0) {
      lastClick.current = null
      setChoices(null)
      return null
    }
    const key = ids.join(' ')
    const prev = lastClick.current
    const again = prev !== null && prev.ids === key && Math.hypot(prev.x - x, prev.y - y) < 8
    const current = useApp.getState().selectedCodingId
    const at = again && current !== null ? ids.indexOf(current) : -1
    lastClick.current = { x, y, ids: key }
    setChoices(ids.length > 1 ? { x, y, ids } : null)
    return ids[(at + 1) % ids.length]!
  }, [hitsAt])

  /** After a drag or a shift+arrow: the selection becomes a pending range, or a click selects a coding. */
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
      setPending({ kind: 'text', ...range, x: box.left, y: box.bottom + 6 })
      useApp.getState().setLastSelection(range)
      return
    }
    if (point && (!selection || selection.isCollapsed)) {
      const id = hitTest(point.x, point.y)
      if (id !== null) useApp.getState().selectCoding(id)
    }
  }, [hitTest])

  /** Area tool (or Alt held): drag a rectangle on a page. */
  const startArea = useCallback((e: React.MouseEvent) => {
    const pageEl = (e.target as HTMLElement).closest<HTMLElement>('.page[data-page-no]')
    if (!pageEl) return false
    e.preventDefault()
    window.getSelection()?.removeAllRanges()
    const page = Number(pageEl.dataset.pageNo)
    const box = pageEl.getBoundingClientRect()
    const clamp = (v: number) => Math.min(1, Math.max(0, v))
    const x0 = clamp((e.clientX - box.left) / box.width)
    const y0 = clamp((e.clientY - box.top) / box.height)
    const rectTo = (cx: number, cy: number): UnitRect => {
      const x1 = clamp((cx - box.left) / box.width)
      const y1 = clamp((cy - box.top) / box.height)
      return { x: Math.min(x0, x1), y: Math.min(y0, y1), w: Math.abs(x1 - x0), h: Math.abs(y1 - y0) }
    }
    areaDrag.current = true
    const move = (ev: MouseEvent) => setDraft({ page, rect: rectTo(ev.clientX, ev.clientY) })
    const up = (ev: MouseEvent) => {
      document.removeEventListener('mousemove', move)
      document.removeEventListener('mouseup', up)
      setDraft(null)
      setTimeout(() => (areaDrag.current = false), 0)
      const rect = rectTo(ev.clientX, ev.clientY)
      if (rect.w * box.width >= 6 && rect.h * box.height >= 6) {
        setPending({ kind: 'area', page, rect: round(rect), x: ev.clientX, y: ev.clientY + 6 })
        // One area per use of the tool, as in ATLAS.ti: the next drag selects text again (Alt
        // still draws one). A scan without text keeps it, having nothing else to select.
        const s = useApp.getState()
        if (s.areaMode && s.documents.find((d) => d.id === s.documentId)?.hasText !== false) s.setAreaMode(false)
      } else {
        const id = hitTest(ev.clientX, ev.clientY)
        if (id !== null) useApp.getState().selectCoding(id)
      }
    }
    document.addEventListener('mousemove', move)
    document.addEventListener('mouseup', up)
    return true
  }, [hitTest])

  /**
   * A plain left-button drag on a page selects from the caret nearest the button's place to the
   * caret nearest the pointer, in reading order (pdf/drag-select.ts), so a drag that starts or
   * ends in white space (margin, indent, after a line, between columns, below a paragraph)
   * takes the words the reader meant. Shift extends the current selection; double and triple
   * clicks (word, line) stay the browser's. Near the viewer's top or bottom the drag scrolls.
   */
  const startTextDrag = useCallback((e: React.MouseEvent): boolean => {
    const root = scrollRef.current
    if (!root || !(e.target as HTMLElement).closest('.page[data-page-no]') || e.detail > 1) return false
    const cache: BoxCache = new WeakMap()
    const selection = window.getSelection()
    const extend = e.shiftKey && selection && selection.rangeCount > 0 && selection.anchorNode && root.contains(selection.anchorNode)
    const anchor: Caret | null = extend
      ? { node: selection.anchorNode!, offset: selection.anchorOffset }
      : caretFromPoint(root, e.clientX, e.clientY, cache)
    if (!anchor) return false
    e.preventDefault()
    root.focus({ preventScroll: true })
    textDrag.current = true
    const x0 = e.clientX
    const y0 = e.clientY
    let last = { x: x0, y: y0 }
    let moved = !!extend
    let frame = 0
    const update = () => {
      const focus = caretFromPoint(root, last.x, last.y, cache)
      if (focus && anchor.node.isConnected) window.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset)
    }
    if (extend) update()
    else selection?.removeAllRanges()
    const scroll = () => {
      const box = root.getBoundingClientRect()
      const dy = last.y < box.top + AUTOSCROLL_EDGE
        ? -Math.min(40, box.top + AUTOSCROLL_EDGE - last.y)
        : last.y > box.bottom - AUTOSCROLL_EDGE ? Math.min(40, last.y - (box.bottom - AUTOSCROLL_EDGE)) : 0
      if (dy !== 0) {
        root.scrollTop += dy / 2
        update()
      }
      frame = requestAnimationFrame(scroll)
    }
    const move = (ev: MouseEvent) => {
      last = { x: ev.clientX, y: ev.clientY }
      if (!moved && Math.hypot(last.x - x0, last.y - y0) < 3) return
      if (!moved) frame = requestAnimationFrame(scroll)
      moved = true
      update()
    }
    const end = (ev: MouseEvent | FocusEvent) => {
      document.removeEventListener('mousemove', move)
      document.removeEventListener('mouseup', end)
      window.removeEventListener('blur', end)
      cancelAnimationFrame(frame)
      textDrag.current = false
      if (!moved) window.getSelection()?.removeAllRanges()
      if (ev instanceof MouseEvent) afterSelect({ x: ev.clientX, y: ev.clientY })
    }
    document.addEventListener('mousemove', move)
    document.addEventListener('mouseup', end)
    window.addEventListener('blur', end)
    return true
  }, [afterSelect])

  const onMouseDown = useCallback((e: React.MouseEvent) => {
    if (e.button !== 0) return
    setPending(null)
    setChoices(null)
    if ((useApp.getState().areaMode || e.altKey) && startArea(e)) return
    if (startTextDrag(e)) return
    const layer = (e.target as HTMLElement).closest('.textLayer')
    layer?.classList.add('selecting')
    const up = () => {
      layer?.classList.remove('selecting')
      document.removeEventListener('mouseup', up)
    }
    document.addEventListener('mouseup', up)
  }, [startArea, startTextDrag])

  const onMouseUp = useCallback((e: React.MouseEvent) => {
    if (e.button !== 0 || areaDrag.current || textDrag.current) return
    const point = { x: e.clientX, y: e.clientY }
    // Let the browser finish the selection first.
    setTimeout(() => afterSelect(point), 0)
  }, [afterSelect])

  const onKeyUp = useCallback((e: React.KeyboardEvent) => {
    // A browser selection extended with Shift+arrows (after a drag); the keyboard caret handles its own.
    if (e.shiftKey && e.key.startsWith('Arrow') && kbd === null) afterSelect()
  }, [afterSelect, kbd])

  // The canonical text the keyboard caret moves in: joined once per document, not per key press.
  const docText = useMemo(() => documentText(pages), [pages])

  /**
   * Keyboard coding on the pages (keyboard-selection.ts): arrows move or extend the caret by a
   * character or (Ctrl) a word, S and P take the sentence or paragraph, Enter opens the picker.
   */
  const onKeyDown = useCallback((e: React.KeyboardEvent) => {
    if (e.target !== scrollRef.current || documentId === null) return
    const { pages: ps } = useApp.getState()
    if (ps.length === 0) return
    const text = docText
    const current = kbd ?? { anchor: ps[useApp.getState().currentPage - 1]?.startOffset ?? 0, focus: ps[useApp.getState().currentPage - 1]?.startOffset ?? 0 }
    const arrow = e.key === 'ArrowRight' ? 'right' : e.key === 'ArrowLeft' ? 'left' : null
    if (arrow) {
      e.preventDefault()
      window.getSelection()?.removeAllRanges()
      setKbd(kbd === null ? current : step(text, current, arrow, { extend: e.shiftKey, word: e.ctrlKey || e.altKey }))
      return
    }
    const unit = e.key === 's' || e.key === 'S' ? 'sentence' : e.key === 'p' || e.key === 'P' ? 'paragraph' : null
    if (unit && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault()
      // Again on a whole unit: take the next one too.
      const r = rangeOf(current)
      const at = kbd !== null && r.end > r.start ? r.end : current.focus
      void call('units:around', { documentId, kind: unit, offset: at }).then((u) => {
        if (!u) return
        setKbd(kbd !== null && r.end > r.start ? { anchor: r.start, focus: u.end } : { anchor: u.start, focus: u.end })
      }, (err) => useApp.getState().report(err))
      return
    }
    if (e.key === 'Enter' && kbd !== null) {
      const r = rangeOf(kbd)
      const range = trimRange(ps, r.start, r.end)
      if (!range) return
      e.preventDefault()
      // The picker opens under the selection's last piece on screen (or the viewer's middle).
      const marks = scrollRef.current!.querySelectorAll('[data-overlay="kbd"]')
      const box = (marks[marks.length - 1] ?? scrollRef.current!).getBoundingClientRect()
      byKeyboard.current = true
      setPending({ kind: 'text', ...range, x: box.left, y: box.bottom + 6 })
      useApp.getState().setLastSelection(range)
      return
    }
    if (e.key === 'Escape' && kbd !== null) {
      e.preventDefault()
      setKbd({ anchor: kbd.focus, focus: kbd.focus })
    }
  }, [kbd, documentId, docText])

  // Find puts its current hit in the keyboard selection, ready to extend or code.
  const findHit = find && find.hits.length > 0 ? find.hits[find.index] : undefined
  useEffect(() => {
    if (findHit) setKbd({ anchor: findHit.start, focus: findHit.end })
  }, [findHit?.start, findHit?.end])
  // Closing Find (Escape) hands the keys back to the pages.
  const findOpen = find !== null
  const wasFindOpen = useRef(false)
  useEffect(() => {
    if (wasFindOpen.current && !findOpen) scrollRef.current?.focus({ preventScroll: true })
    wasFindOpen.current = findOpen
  }, [findOpen])

  // The caret stays in view when it moves (not when the reader scrolls away from it): its page
  // is brought up first, then the mark scrolled to.
  const renderSetRef = useRef(renderSet)
  renderSetRef.current = renderSet
  useEffect(() => {
    if (!kbd || pending) return
    const page = pageOfOffset(useApp.getState().pages, kbd.focus)
    if (!renderSetRef.current.has(page)) {
      useApp.getState().goToPage(page)
      return
    }
    const id = requestAnimationFrame(() => {
      const marks = scrollRef.current?.querySelectorAll('[data-overlay="kbd"]')
      const el = marks && marks[kbd.focus >= kbd.anchor ? marks.length - 1 : 0]
      el?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    })
    return () => cancelAnimationFrame(id)
  }, [kbd, pending])

  /** Dragging an end of the selected coding: a preview follows the pointer; letting go saves. */
  const onResizeStart = useCallback((codingId: number, edge: ResizeEdge, e: React.PointerEvent) => {
    const c = useApp.getState().codingRows.byId[codingId]
    const root = scrollRef.current
    if (!c || c.kind !== 'text' || !root || e.button !== 0 || !mayChange(useApp.getState(), c.coderId)) return
    e.preventDefault()
    e.stopPropagation()
    setPending(null)
    let current: Resizing = { codingId, edge, start: c.start, end: c.end }
    setResizing(current)
    const move = (ev: PointerEvent) => {
      const at = offsetAtPoint(root, ev.clientX, ev.clientY, edge, layouts.current)
      if (at === null) return
      current = edge === 'start'
        ? { ...current, start: Math.min(at, current.end - 1) }
        : { ...current, end: Math.max(at, current.start + 1) }
      setResizing(current)
    }
    const up = () => {
      document.removeEventListener('pointermove', move)
      document.removeEventListener('pointerup', up)
      setResizing(null)
      const range = trimRange(useApp.getState().pages, current.start, current.end)
      if (range && (range.start !== c.start || range.end !== c.end)) void useApp.getState().resizeCoding(codingId, range.start, range.end)
    }
    document.addEventListener('pointermove', move)
    document.addEventListener('pointerup', up)
  }, [])

  const onSelect = useCallback((id: number) => useApp.getState().selectCoding(id), [])

  // Keys 1–9 apply a recent code to the live selection (or drawn area) even when the picker was closed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!/^[1-9]$/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      const root = scrollRef.current
      if (!root) return
      const codeId = recentCodeIds[Number(e.key) - 1]
      if (codeId === undefined) return
      if (pending?.kind === 'area') {
        e.preventDefault()
        setPending(null)
        void useApp.getState().applyArea(codeId, pending.page, pending.rect)
        return
      }
      const fromKeys = !pending && kbd !== null && kbd.anchor !== kbd.focus
      const raw = pending ?? (fromKeys ? rangeOf(kbd) : null) ?? selectionRange(root, window.getSelection(), layouts.current)
      const range = raw && trimRange(useApp.getState().pages, raw.start, raw.end)
      if (!range) return
      e.preventDefault()
      setPending(null)
      window.getSelection()?.removeAllRanges()
      const origin = fromKeys || (pending !== null && byKeyboard.current) ? 'keyboard' : 'selection'
      byKeyboard.current = false
      if (fromKeys) setKbd({ anchor: range.end, focus: range.end })
      void useApp.getState().applyCode(codeId, range.start, range.end, origin)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [pending, recentCodeIds, kbd])

  if (documentId === null) {
    return (
      <section className="viewer empty" aria-label={t('viewer')}>
        <p className="muted">{t('noDocument')}</p>
      </section>
    )
  }

  const scrollClass = `viewer-scroll${areaMode ? ' area-mode' : ''}${showStripes ? ' with-stripes' : ''}${resizing ? ' resizing' : ''}`
  return (
    <section className="viewer" aria-label={t('viewer')}>
      <ViewerToolbar />
      {find && <FindBar />}
      {!hasText && <p className="viewer-hint small" role="note">{t('scanHint')}</p>}
      <div
        ref={scrollRef}
        className={scrollClass}
        onScroll={onScroll}
        onMouseDown={onMouseDown}
        onMouseUp={onMouseUp}
        onKeyUp={onKeyUp}
        onKeyDown={onKeyDown}
        tabIndex={0}
        aria-label={t('pagesOfDocument')}
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
                  overlays={overlaysByPage.get(info.pageNo) ?? NO_OVERLAYS}
                  selectedId={selectedCodingId}
                  lockedTitle={lockedTitle === null ? null : t('codingOfOther', { name: lockedTitle })}
                  hoveredId={hovered}
                  showStripes={showStripes}
                  onLayout={onLayout}
                  onGeometry={onGeometry}
                  onTextMismatch={onTextMismatch}
                  onHover={setHovered}
                  onSelect={onSelect}
                  onResizeStart={onResizeStart}
                />
              )}
            </div>
          )
        })}
      </div>
      {pending && <CodePicker x={pending.x} y={pending.y} onApply={apply} onCreate={createAndApply} onClose={closePicker} />}
      {choices && !pending && (
        <div
          className="overlap-choices"
          role="group"
          aria-label={t('codingsHere')}
          data-testid="overlap-choices"
          style={{ left: Math.max(8, choices.x - 300), top: Math.min(choices.y + 12, window.innerHeight - 40 - choices.ids.length * 30) }}
          onKeyDown={(e) => e.key === 'Escape' && setChoices(null)}
        >
          <div className="small muted">{t('codingsHereHint')}</div>
          {choices.ids.map((id) => {
            const c = codingRows.byId[id]
            if (!c) return null
            const code = codesById[c.codeId]
            return (
              <button
                key={id}
                type="button"
                className={`overlap-choice${id === selectedCodingId ? ' pressed' : ''}`}
                aria-pressed={id === selectedCodingId}
                title={`${code?.path ?? c.codePath} — ${c.coderName}`}
                onClick={() => useApp.getState().selectCoding(id)}
              >
                <span className="swatch" style={{ backgroundColor: code?.colour ?? '#999999' }} />
                <span className="overlap-name">{code?.name ?? c.codePath}</span>
                <span className="muted small">{c.coderName}</span>
              </button>
            )
          })}
          <button type="button" className="link small" onClick={() => setChoices(null)}>{t('close')}</button>
        </div>
      )}
    </section>
  )
}

/** A coder's initials for the stripes: first letters of the first and last word ("Anna de Vries" → "AV"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return ''
  const first = Array.from(words[0]!)[0]!
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0]! : ''
  return (first + last).toUpperCase()
}

function round(r: UnitRect): UnitRect {
  const f = (n: number) => Math.round(n * 1e5) / 1e5
  const x = f(r.x)
  const y = f(r.y)
  return { x, y, w: Math.min(f(r.w), 1 - x), h: Math.min(f(r.h), 1 - y) }
}
