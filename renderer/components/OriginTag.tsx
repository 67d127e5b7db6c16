import type { CodingOrigin } from '../../shared/types'
import { useT, type Translate } from '../i18n'
import type { StringKey } from '../i18n/strings'

const KEYS: Record<CodingOrigin, StringKey> = {
  selection: 'originSelection',
  area: 'originArea',
  keyboard: 'originKeyboard',
  cli: 'originCli',
  autocode: 'originAutocode',
  suggestion: 'originSuggestion',
  import: 'originImport',
  merge: 'originMerge',
  consensus: 'originConsensus',
  unrecorded: 'originUnrecorded',
}

/** How a coding was made, in words. */
export function originText(t: Translate, origin: CodingOrigin): string {
  return t(KEYS[origin] ?? 'originUnrecorded')
}

/** How a coding was made, as a small tag; what with (the query, the method, the file) as its title. */
export function OriginTag({ origin, detail }: { origin: CodingOrigin; detail: string }) {
  const t = useT()
  const how = originText(t, origin)
  return (
    <span className={`origin-tag origin-${origin}`} title={detail ? `${t('originTitle', { how })}: ${detail}` : t('originTitle', { how })} data-testid="origin-tag" data-origin={origin}>
      {how}
    </span>
  )
}
