import { useMemo } from 'react'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { suggestionKey } from '../../store/suggestions.slice'

/** A suggestion to outline in the viewer: its range, its code's colour, whether it is the current one. */
export interface SuggestionMark {
  key: string
  start: number
  end: number
  colour: string
  title: string
  current: boolean
}

/**
 * The listed suggestions of the open document, for the viewer to outline (dashed, in the code's
 * colour, with a mark in the margin); the current one is drawn stronger.
 */
export function useSuggestionMarks(documentId: number | null): SuggestionMark[] {
  const t = useT()
  const list = useApp((s) => s.sg.list)
  const index = useApp((s) => s.sg.index)
  const codesById = useApp((s) => s.codes.byId)
  return useMemo(() => {
    if (!list || documentId === null) return []
    const out: SuggestionMark[] = []
    list.items.forEach((s, i) => {
      if (s.documentId !== documentId) return
      const code = codesById[s.codeId]
      out.push({
        key: `sg-${suggestionKey(s)}`,
        start: s.start,
        end: s.end,
        colour: code?.colour ?? '#999999',
        title: t('suggestionMarkTitle', { code: code?.path ?? '', score: s.score.toFixed(2) }),
        current: i === index,
      })
    })
    return out
  }, [list, index, codesById, documentId, t])
}
