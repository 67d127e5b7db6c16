import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/**
 * A button that opens a small panel under it (checklists, export options); outside click or
 * Escape closes it. The panel is placed in the viewport (position: fixed), so a short pane
 * that scrolls (the cases or codebook panel) does not cut it off.
 */
export function Dropdown(props: { label: string; children: ReactNode; testId?: string; align?: 'left' | 'right'; active?: boolean }) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  const id = useId()
  const panelRef = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState<{ left: number; top: number; maxHeight: number } | null>(null)

  // Open towards where there is room (the toolbar wraps, so a button may sit at either edge),
  // under the button, within the viewport.
  useLayoutEffect(() => {
    const panel = panelRef.current
    const button = ref.current
    if (!open || !panel || !button) {
      setPlace(null)
      return
    }
    const b = button.getBoundingClientRect()
    const w = panel.offsetWidth
    const preferred = props.align ?? 'left'
    const side = preferred === 'left'
      ? (b.left + w > window.innerWidth - 8 && b.right - w >= 8 ? 'right' : 'left')
      : (b.right - w < 8 && b.left + w <= window.innerWidth - 8 ? 'left' : 'right')
    const left = Math.max(8, Math.min(window.innerWidth - w - 8, side === 'left' ? b.left : b.right - w))
    const top = b.bottom + 4
    setPlace({ left, top, maxHeight: Math.max(120, window.innerHeight - top - 8) })
  }, [open, props.align])

  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('mousedown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  return (
    <div className={`dropdown${open ? ' open' : ''}`} ref={ref}>
      <button
        type="button"
        className={props.active ? 'pressed' : undefined}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid={props.testId}
      >
        {props.label} ▾
      </button>
      {open && (
        <div
          ref={panelRef}
          className="dropdown-panel"
          id={id}
          style={place ? { left: place.left, top: place.top, maxHeight: place.maxHeight } : { visibility: 'hidden' }}
          data-testid={props.testId ? `${props.testId}-panel` : undefined}
        >
          {props.children}
        </div>
      )}
    </div>
  )
}
