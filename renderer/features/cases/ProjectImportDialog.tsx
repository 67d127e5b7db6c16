import { Modal } from '../../components/Modal'
import { useT } from '../../i18n'
import { useApp } from '../../store'

const REASON = {
  'not-supported': 'skippedNotSupported',
  'file-missing': 'skippedFileMissing',
  'import-failed': 'skippedImportFailed',
  'codings-not-placed': 'skippedCodingsNotPlaced',
} as const

/**
 * A REFI-QDA project import: "Importing…" while the core works, then what came in and which
 * sources did not, with the reason — a list the researcher may need to act on, so it stays
 * until closed rather than fading like a notice.
 */
export function ProjectImportDialog() {
  const t = useT()
  const job = useApp((s) => s.projectImport)
  if (!job) return null
  const close = () => useApp.getState().closeProjectImport()
  const r = job.result
  return (
    <Modal title={t('projectImportTitle')} {...(r ? { onClose: close } : {})} testId="project-import">
      {!r ? (
        <p role="status">
          {t('projectImporting', { file: job.file })}
          <progress aria-label={t('projectImporting', { file: job.file })} />
        </p>
      ) : (
        <div role="status" data-testid="project-import-result">
          <p className="small muted">{job.file}</p>
          <ul className="plain">
            <li>{t('projectDocuments', r.documents)}</li>
            <li>{t('projectCodes', { n: r.codes })}</li>
            <li>{t('projectCases', { n: r.cases })}</li>
            <li>{t('projectCodings', r.codings)}</li>
            {r.codings.notPlaced > 0 && <li>{t('projectNotPlaced', { n: r.codings.notPlaced })}</li>}
            {/* Which way the project's PDF boxes were read (found by fitting them to the pages). */}
            {r.pdfBoxes && <li data-testid="project-pdf-boxes">{t(r.pdfBoxes === 'top-left' ? 'projectPdfBoxesTopLeft' : 'projectPdfBoxesBottomLeft')}</li>}
            {r.memos > 0 && <li>{t('projectMemos', { n: r.memos })}</li>}
          </ul>
          {r.skipped.length > 0 && (
            <>
              <p>{t('projectSkipped', { n: r.skipped.length })}</p>
              <ul className="plain small" data-testid="project-import-skipped">
                {r.skipped.map((x, i) => (
                  <li key={i}>
                    <strong>{x.name}</strong>: {t(REASON[x.reason])}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="modal-actions">
            <button type="button" onClick={close} data-autofocus>
              {t('ok')}
            </button>
          </div>
        </div>
      )}
    </Modal>
  )
}
