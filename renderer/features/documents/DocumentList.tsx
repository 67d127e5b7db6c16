import { useMemo, useRef } from 'react'
import type { DocumentSummary } from '../../../shared/types'
import { canUpload } from '../../api/client'
import { useT } from '../../i18n'
import { useApp } from '../../store'

/** Cases with their documents and coding counts; a click opens a document. */
export function DocumentList() {
  const t = useT()
  const documents = useApp((s) => s.documents)
  const cases = useApp((s) => s.cases)
  const documentId = useApp((s) => s.documentId)
  const progress = useApp((s) => s.importProgress)
  const fileRef = useRef<HTMLInputElement>(null)

  const groups = useMemo(() => {
    const byCase = new Map<number | null, DocumentSummary[]>()
    for (const d of documents) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d])
    const out: { key: string; name: string | null; docs: DocumentSummary[] }[] = []
    for (const c of cases) if (byCase.has(c.id)) out.push({ key: `c${c.id}`, name: c.name, docs: byCase.get(c.id)! })
    if (byCase.has(null)) out.push({ key: 'none', name: null, docs: byCase.get(null)! })
    return out
  }, [documents, cases])

  return (
    <section className="panel documents" aria-labelledby="documents-title">
      <header className="panel-head">
        <h2 id="documents-title">{t('cases')}</h2>
        {canUpload() && (
          <>
            <button type="button" className="small" onClick={() => fileRef.current?.click()}>{t('importPdf')}</button>
            <input
              ref={fileRef}
              type="file"
              accept="application/pdf,.pdf"
              multiple
              hidden
              data-testid="import-input"
              onChange={(e) => {
                const files = Array.from(e.target.files ?? [])
                e.target.value = ''
                if (files.length > 0) void useApp.getState().uploadFiles(files, null)
              }}
            />
          </>
        )}
      </header>
      {progress && (
        <p className="progress small" role="status">
          {t('importing', { file: progress.file, page: progress.page, pages: progress.pages })}
        </p>
      )}
      {documents.length === 0 && <p className="muted small">{t('noDocuments')}</p>}
      <ul className="tree">
        {groups.map((g) => (
          <li key={g.key}>
            <div className="case-name">{g.name ?? t('noCase')}</div>
            <ul>
              {g.docs.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    className={`doc-link${d.id === documentId ? ' current' : ''}`}
                    onClick={() => void useApp.getState().openDocument(d.id)}
                    title={d.fileName}
                    data-testid={`doc-${d.id}`}
                  >
                    <span className="doc-name">{d.title}</span>
                    <span className="count" title={d.codingCount === 1 ? t('oneCoding') : t('nCodings', { count: d.codingCount })}>{d.codingCount}</span>
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}
