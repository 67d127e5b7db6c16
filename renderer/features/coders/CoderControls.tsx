import { useT } from '../../i18n'
import { useApp } from '../../store'

const NEW = '__new__'

/**
 * Who codes (switch, or a new coder), whose codings are shown (mine, all coders', one
 * coder's), and blind coding, which shows only my own.
 */
export function CoderControls() {
  const t = useT()
  const coder = useApp((s) => s.coder)
  const coders = useApp((s) => s.coders)
  const view = useApp((s) => s.view)
  const store = useApp.getState()
  if (!coder) return null
  const others = coders.filter((c) => c.id !== coder.id)
  const scopeValue = view.blind ? 'mine' : view.scope === 'coder' && view.coderId !== null ? `c${view.coderId}` : view.scope

  return (
    <div className="coder-controls small" role="group" aria-label={t('codersGroup')}>
      <label className="row">
        <span>{t('coder')}</span>
        <select
          value={coder.id}
          data-testid="coder-select"
          onChange={(e) => {
            const v = e.target.value
            if (v === NEW) store.setAskCoder(true)
            else {
              const next = coders.find((c) => String(c.id) === v)
              if (next) void store.ensureCoder(next.name)
            }
          }}
        >
          {coders.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          <option value={NEW}>{t('newCoder')}</option>
        </select>
      </label>
      <label className="row">
        <span>{t('show')}</span>
        <select
          value={scopeValue}
          disabled={view.blind}
          data-testid="coder-scope"
          title={view.blind ? t('blindHelp') : undefined}
          onChange={(e) => {
            const v = e.target.value
            if (v === 'mine' || v === 'all') void store.setView({ scope: v, coderId: null })
            else void store.setView({ scope: 'coder', coderId: Number(v.slice(1)) })
          }}
        >
          <option value="mine">{t('showMine')}</option>
          <option value="all">{t('showAll')}</option>
          {others.map((c) => <option key={c.id} value={`c${c.id}`}>{t('showCoder', { name: c.name })}</option>)}
        </select>
      </label>
      <button
        type="button"
        className={view.blind ? 'pressed' : ''}
        aria-pressed={view.blind}
        title={t('blindHelp')}
        data-testid="blind"
        onClick={() => void store.setView({ blind: !view.blind })}
      >
        {view.blind ? '◉' : '○'} {t('blind')}
      </button>
    </div>
  )
}
