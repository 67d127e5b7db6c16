import { errorMessage } from '../../../shared/i18n/messages'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import type { ImportItem } from '../../store/study.slice'

/** The files of the last imports: a progress bar each, then the outcome or the error, in words. */
export function ImportList() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const imports = useApp((s) => s.imports)
  const progress = useApp((s) => s.importProgress)
  if (imports.length === 0) {
    // The desktop app imports through its menu: only the progress events arrive here.
    return progress ? (
      <p className="progress small" role="status">{t('importing', { file: progress.file, page: progress.page, pages: progress.pages })}</p>
    ) : null
  }
  const busy = imports.some((i) => i.status === 'waiting' || i.status === 'running')

  const status = (i: ImportItem): string => {
    switch (i.status) {
      case 'waiting':
        return t('importWaiting')
      case 'running':
        return i.pages > 0 ? t('importPage', { page: i.page, pages: i.pages }) : t('importReading')
      case 'imported':
        return i.warning === 'no-text-layer' ? t('noTextLayer', { file: i.file }) : t('importedPages', { pages: i.pages })
      case 'duplicate':
        return t('duplicate', { file: i.file })
      case 'error':
        return i.error ? errorMessage(i.error, lang) : ''
    }
  }

  return (
    <section className="imports" aria-label={t('importList')} data-testid="import-list">
      <ul>
        {imports.map((i) => {
          const done = i.status !== 'waiting' && i.status !== 'running'
          const max = Math.max(1, i.pages)
          const value = done ? max : i.page
          return (
            <li key={i.id} className={`import-item ${i.status}${i.warning ? ' warning' : ''}`} data-testid="import-item" data-status={i.status} data-progress-events={i.events}>
              <span className="import-file" title={i.file}>{i.file}</span>
              <progress max={max} value={value} aria-label={t('importProgressOf', { file: i.file })} />
              <span className="import-status small" role={i.status === 'error' ? 'alert' : undefined}>{status(i)}</span>
            </li>
          )
        })}
      </ul>
      {!busy && (
        <button type="button" className="link small" onClick={() => useApp.getState().clearImports()}>{t('importClear')}</button>
      )}
    </section>
  )
}
