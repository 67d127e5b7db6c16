import { useRef } from 'react'
import { CODEBOOK_IMPORT_ACCEPT } from '../../../shared/codebook-files'
import { Dropdown } from '../../components/Dropdown'
import { useT } from '../../i18n'
import { useApp } from '../../store'

/**
 * The codebook's import and export: a codebook file from another study or another program
 * (REFI-QDA, the exchange standard of ATLAS.ti, MAXQDA, NVivo and QualCoder) comes in as one
 * undo step; the codebook goes out as CSV, JSON or REFI-QDA .qdc.
 */
export function CodebookMenu() {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const store = useApp.getState()

  return (
    <Dropdown label={t('codebookMenu')} testId="codebook-menu" align="right">
      <div className="menu-stack">
        <button type="button" onClick={() => input.current?.click()} data-testid="codebook-import">
          {t('codebookImport')}
        </button>
        <p className="small muted">{t('codebookImportHelp')}</p>
        <input
          ref={input}
          type="file"
          hidden
          accept={CODEBOOK_IMPORT_ACCEPT}
          data-testid="codebook-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = '' // the same file may be chosen again
            if (file) void store.importCodebook(file)
          }}
        />
        <p className="small">{t('codebookExportAs')}</p>
        <div className="row-buttons">
          <button type="button" onClick={() => void store.exportCodebook('csv')} data-testid="codebook-export-csv">CSV</button>
          <button type="button" onClick={() => void store.exportCodebook('json')} data-testid="codebook-export-json">JSON</button>
          <button type="button" onClick={() => void store.exportCodebook('qdc')} data-testid="codebook-export-qdc">{t('codebookExportQdc')}</button>
        </div>
      </div>
    </Dropdown>
  )
}
