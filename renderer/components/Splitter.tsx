import { useRef } from 'react'

interface Props {
  /** What the separator sizes, for screen readers ("Width of the left panel"). */
  label: string
  orientation: 'vertical' | 'horizontal'
  value: number
  min: number
  max: number
  /** +1: dragging right/down grows the pane; -1: it shrinks it (a pane on the right). */
  direction: 1 | -1
  onChange(px: number): void
  testId?: string
}

/**
 * A drag handle between two panes (role=separator, focusable): drag it, or use the arrow keys
 * (Shift: bigger steps), Home and End.
 */
export function Splitter({ label, orientation, value, min, max, direction, onChange, testId }: Props) {
  const drag = useRef<{ from: number; value: number } | null>(null)
  const vertical = orientation === 'vertical'
  const clamp = (n: number) => Math.min(max, Math.max(min, n))

  return (
    <div
      className={`splitter ${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={(e) => {
        if (e.button !== 0) return
        e.preventDefault()
        e.currentTarget.setPointerCapture(e.pointerId)
        drag.current = { from: vertical ? e.clientX : e.clientY, value }
      }}
      onPointerMove={(e) => {
        if (!drag.current) return
        const delta = (vertical ? e.clientX : e.clientY) - drag.current.from
        onChange(clamp(drag.current.value + direction * delta))
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 64 : 16
        const grow = vertical ? 'ArrowRight' : 'ArrowDown'
        const shrink = vertical ? 'ArrowLeft' : 'ArrowUp'
        let next: number | null = null
        if (e.key === grow) next = value + direction * step
        else if (e.key === shrink) next = value - direction * step
        else if (e.key === 'Home') next = min
        else if (e.key === 'End') next = max
        if (next === null) return
        e.preventDefault()
        onChange(clamp(next))
      }}
    />
  )
}
