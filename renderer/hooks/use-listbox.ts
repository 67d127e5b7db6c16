import { useEffect, useId, useState } from 'react'

/**
 * A keyboard-driven listbox (aria-activedescendant): the list holds the focus, arrows, Home
 * and End move the active option, Enter or Space activates it, a click activates too.
 */
export function useListbox(count: number, onActivate: (index: number) => void) {
  const base = useId()
  const [active, setActive] = useState(-1)
  const optionId = (i: number) => `${base}-opt-${i}`

  useEffect(() => {
    if (active >= count) setActive(count - 1)
  }, [active, count])

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' })
  }, [active])

  const listProps = {
    role: 'listbox' as const,
    tabIndex: 0,
    'aria-activedescendant': active >= 0 && active < count ? optionId(active) : undefined,
    onFocus: () => {
      if (active < 0 && count > 0) setActive(0)
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (count === 0) return
      let next: number | null = null
      if (e.key === 'ArrowDown') next = Math.min(count - 1, active + 1)
      else if (e.key === 'ArrowUp') next = Math.max(0, active - 1)
      else if (e.key === 'Home') next = 0
      else if (e.key === 'End') next = count - 1
      else if ((e.key === 'Enter' || e.key === ' ') && active >= 0) {
        e.preventDefault()
        onActivate(active)
        return
      }
      if (next !== null) {
        e.preventDefault()
        setActive(next)
      }
    },
  }

  const optionProps = (i: number, selected: boolean) => ({
    id: optionId(i),
    role: 'option' as const,
    'aria-selected': selected,
    className: i === active ? 'active' : undefined,
    onClick: () => {
      setActive(i)
      onActivate(i)
    },
  })

  return { active, setActive, listProps, optionProps }
}
