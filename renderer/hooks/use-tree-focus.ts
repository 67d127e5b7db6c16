import { useEffect, useRef, useState } from 'react'

/**
 * The state an ARIA tree needs (cases, codebook): which rows are folded, which row has the
 * roving tab stop, and moving the focus to a row once it is rendered.
 */
export function useTreeFocus<K>() {
  const [collapsed, setCollapsed] = useState<ReadonlySet<K>>(new Set())
  const [focused, setFocused] = useState<K | null>(null)
  const items = useRef(new Map<K, HTMLElement>())
  const focusOnRender = useRef(false)

  const setOpen = (key: K, open: boolean) =>
    setCollapsed((s) => {
      const next = new Set(s)
      if (open) next.delete(key)
      else next.add(key)
      return next
    })

  /** Moves the keyboard focus to a row; it takes it when next rendered. */
  const moveFocus = (key: K) => {
    focusOnRender.current = true
    setFocused(key)
  }

  /** The ref callback of a row's element. */
  const itemRef = (key: K) => (el: HTMLElement | null) => {
    if (el) items.current.set(key, el)
    else items.current.delete(key)
  }

  return { collapsed, setOpen, focused, setFocused, moveFocus, itemRef, items, focusOnRender }
}

/** The row that holds the tab stop (the focused one while it is shown, else the first). */
export function useTabStop<K>(tree: ReturnType<typeof useTreeFocus<K>>, rows: readonly { key: K }[]): K | null {
  const { focused, focusOnRender, items } = tree
  useEffect(() => {
    if (!focusOnRender.current || focused === null) return
    focusOnRender.current = false
    items.current.get(focused)?.focus()
  }, [focused, rows])
  return focused !== null && rows.some((r) => r.key === focused) ? focused : (rows[0]?.key ?? null)
}
