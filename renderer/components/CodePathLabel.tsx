import { headAndTail, splitPath } from './code-path'

interface Props {
  path: string
  /** 'inline': "parents / leaf" on one line; 'stacked': the leaf, the parents under it. */
  layout?: 'inline' | 'stacked'
  className?: string
}

/**
 * A code's name where it decides what was applied: the leaf in full (wrapping rather than
 * cut), its parents shortened in the middle as the width requires (CSS: a shrinking head with
 * an ellipsis and a fixed tail), the whole path on hover and, as text, for screen readers.
 */
export function CodePathLabel({ path, layout = 'inline', className }: Props) {
  const { parent, leaf } = splitPath(path)
  const [head, tail] = headAndTail(parent.split('/').join(' / '))
  const parents = parent && (
    <span className="cpl-parent">
      <span className="cpl-head">{head}</span>
      {tail && <span className="cpl-tail">{tail}</span>}
    </span>
  )
  return (
    <span className={`cpl cpl-${layout}${className ? ` ${className}` : ''}`} title={path} data-path={path}>
      <span className="sr-only">{path}</span>
      {layout === 'stacked' ? (
        <span className="cpl-shown" aria-hidden="true">
          <span className="cpl-leaf">{leaf}</span>
          {parents}
        </span>
      ) : (
        <span className="cpl-shown" aria-hidden="true">
          {parents}
          {parent && <span className="cpl-sep"> / </span>}
          <span className="cpl-leaf">{leaf}</span>
        </span>
      )}
    </span>
  )
}
