import { useRef, useState } from 'react'

/** A one-line name editor: Enter or leaving it saves, Escape cancels (gives ''). */
export function NameInput({ initial, label, onDone, testId, placeholder }: { initial: string; label: string; onDone(name: string): void; testId?: string; placeholder?: string }) {
  const [value, setValue] = useState(initial)
  const finished = useRef(false)
  const finish = (name: string) => {
    if (finished.current) return
    finished.current = true
    onDone(name.trim())
  }
  return (
    <input
      className="name-input"
      autoFocus
      value={value}
      aria-label={label}
      placeholder={placeholder}
      maxLength={200}
      data-testid={testId}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter') {
          e.preventDefault()
          finish(value)
        } else if (e.key === 'Escape') {
          e.preventDefault()
          finish('')
        }
      }}
      onBlur={() => finish(value)}
    />
  )
}
