import { useState } from 'react'
import type { DocumentSummary } from '../../../shared/types'
import { Modal } from '../../components/Modal'
import { useT } from '../../i18n'
import { useApp } from '../../store'
import { CaseChoice, type CaseChoiceValue } from './CaseChoice'

/**
 * A document: its title and its case. The title is the file's name; the PDF's own Title
 * metadata, when it has one, is offered here (it is often junk, so never taken unasked).
 */
export function DocumentDialog({ value, onClose }: { value: DocumentSummary; onClose(): void }) {
  const t = useT()
  const [title, setTitle] = useState(value.title)
  const [choice, setChoice] = useState<CaseChoiceValue>({ caseId: value.caseId })
  const [busy, setBusy] = useState(false)
  const pdfTitle = (value.pdfTitle ?? '').trim()

  const save = async () => {
    setBusy(true)
    const s = useApp.getState()
    let ok = true
    if (title.trim() !== '' && title.trim() !== value.title) ok = await s.renameDocument(value.id, title.trim())
    let caseId: number | null | undefined = 'caseId' in choice ? choice.caseId : undefined
    if ('newCase' in choice) caseId = (await s.createCase(choice.newCase))?.id
    if (ok && caseId !== undefined && caseId !== value.caseId) await s.assignDocumentCase(value.id, caseId)
    setBusy(false)
    if (ok && caseId !== undefined) onClose()
  }

  return (
    <Modal title={t('documentDialogTitle')} onClose={onClose} onSubmit={() => void save()} testId="document-dialog">
      <label className="field">
        <span>{t('documentTitle')}</span>
        <input value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} data-autofocus />
      </label>
      <p className="muted small">{t('documentFacts', { file: value.fileName, pages: value.pageCount })}</p>
      {pdfTitle !== '' && (
        <p className="muted small" data-testid="document-pdf-title">
          {t('documentPdfTitle', { title: pdfTitle })}{' '}
          <button type="button" onClick={() => setTitle(pdfTitle.slice(0, 500))} disabled={title.trim() === pdfTitle}>
            {t('documentUsePdfTitle')}
          </button>
        </p>
      )}
      <CaseChoice value={choice} onChange={setChoice} />
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('cancel')}</button>
        <button type="submit" className="primary" disabled={busy || title.trim() === '' || ('newCase' in choice && choice.newCase.trim() === '')}>{t('save')}</button>
      </div>
    </Modal>
  )
}
