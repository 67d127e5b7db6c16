import { useEffect, useId, useRef } from 'react'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

interface Props {
  title: string
  children: React.ReactNode
  /** Escape (and the backdrop) close it; absent: the dialog must be answered. */
  onClose?: () => void
  /** alertdialog for questions that confirm a destructive step. */
  role?: 'dialog' | 'alertdialog'
  className?: string
  /** Submitting the form (Enter in a field) calls this. */
  onSubmit?: () => void
  testId?: string
}

/**
 * A modal dialog: role=dialog with aria-modal, labelled by its title; focus goes in (to the
 * element marked data-autofocus, else the first field), Tab and Shift+Tab stay inside, Escape
 * closes, and focus returns where it was.
 */
export function Modal({ title, children, onClose, role = 'dialog', className, onSubmit, testId }: Props) {
  const titleId = useId()
  const boxRef = useRef<HTMLFormElement>(null)
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const box = boxRef.current
    const first = box?.querySelector<HTMLElement>('[data-autofocus]') ?? box?.querySelector<HTMLElement>(FOCUSABLE)
    first?.focus()
    return () => {
      if (before && document.contains(before)) before.focus()
    }
  }, [])

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && close.current) {
      e.preventDefault()
      e.stopPropagation()
      close.current()
      return
    }
    if (e.key !== 'Tab' || !boxRef.current) return
    const items = Array.from(boxRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el === document.activeElement)
    if (items.length === 0) {
      e.preventDefault()
      return
    }
    const first = items[0]!
    const last = items[items.length - 1]!
    const active = document.activeElement
    if (e.shiftKey && (active === first || !boxRef.current.contains(active))) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && (active === last || !boxRef.current.contains(active))) {
      e.preventDefault()
      first.focus()
    }
  }

  return (
    <div
      className="modal-backdrop"
      onKeyDown={onKeyDown}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close.current?.()
      }}
    >
      <form
        ref={boxRef}
        className={`modal${className ? ` ${className}` : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit?.()
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </form>
    </div>
  )
}
