import { useEffect, useRef } from 'react'
import { errorMessage } from '../../shared/i18n/messages'
import { useT } from '../i18n'
import { historyLabel } from '../i18n/history-labels'
import { useApp } from '../store'

/**
 * The last error (translated) and the last notice; a notice fades after a few seconds. The last
 * notice's text and their count stay on the container (`data-last-notice`, `data-notices`), so
 * a test can check a notice however late it looks.
 */
export function Banners() {
  const t = useT()
  const lang = useApp((s) => s.lang)
  const error = useApp((s) => s.error)
  const notice = useApp((s) => s.notice)

  const noticeText = notice
    ? t(notice.key, notice.key === 'undone' || notice.key === 'redone'
      ? { ...notice.params, label: historyLabel(String(notice.params.label ?? ''), lang, notice.params) }
      : notice.params)
    : null
  const last = useRef<{ notice: unknown; text: string; count: number }>({ notice: null, text: '', count: 0 })
  if (notice && notice !== last.current.notice) last.current = { notice, text: noticeText ?? '', count: last.current.count + 1 }

  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => useApp.getState().notify(null), 5000)
    return () => clearTimeout(timer)
  }, [notice])

  return (
    <div className="banners" data-testid="banners" data-last-notice={last.current.text} data-notices={last.current.count}>
      {error && (
        <div className="banner error" role="alert" data-testid="error">
          <span>{errorMessage(error, lang)}</span>
          <button type="button" className="link" onClick={() => useApp.getState().clearError()} aria-label={t('close')}>×</button>
        </div>
      )}
      {notice && (
        <div className="banner notice" role="status" data-testid="notice">
          <span>{noticeText}</span>
          <button type="button" className="link" onClick={() => useApp.getState().notify(null)} aria-label={t('close')}>×</button>
        </div>
      )}
    </div>
  )
}
