import { useState } from 'react'
import { Modal } from '../../components/Modal'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { CaseChoice, type CaseChoiceValue } from '../cases/CaseChoice'

/** Files chosen or dropped: which case do they belong to? Then the import starts. */
export function ImportDialog() {
  const files = useApp((s) => s.importQueue)
  // Mounted afresh for every batch of files, so the case choice starts over.
  return files ? <ImportQuestion files={files} /> : null
}

function ImportQuestion({ files }: { files: File[] }) {
  const t = useT()
  const [choice, setChoice] = useState<CaseChoiceValue>({ caseId: null })
  const close = () => useApp.getState().queueImport(null)
  const start = () => {
    if ('newCase' in choice && choice.newCase.trim() === '') return
    close()
    void useApp.getState().importFiles(files, 'newCase' in choice ? { newCase: choice.newCase.trim() } : choice)
  }
  return (
    <Modal title={files.length === 1 ? t('importOneTitle') : t('importTitle', { count: files.length })} onClose={close} onSubmit={start} testId="import-dialog">
      <ul className="file-list small">
        {files.map((f, i) => (
          <li key={i}>
            <span className="doc-name">{f.name}</span> <span className="muted">{formatSize(f.size)}</span>
          </li>
        ))}
      </ul>
      <CaseChoice value={choice} onChange={setChoice} />
      <div className="modal-actions">
        <button type="button" onClick={close}>{t('cancel')}</button>
        <button type="submit" className="primary" data-autofocus disabled={'newCase' in choice && choice.newCase.trim() === ''} data-testid="import-start">{t('importStart')}</button>
      </div>
    </Modal>
  )
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
