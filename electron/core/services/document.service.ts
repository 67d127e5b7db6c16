import { WerkbankError } from '../../../shared/errors'
import type { DocumentSummary } from '../../../shared/types'
import type { CasesRepo } from '../repos/cases.repo'
import type { DocumentsRepo } from '../repos/documents.repo'
import type { History } from './history.service'

/** Changes to imported documents that can be undone: their case and their title. */
export class DocumentService {
  constructor(
    private readonly documents: DocumentsRepo,
    private readonly cases: CasesRepo,
    private readonly history: History,
  ) {}

  get(id: number): DocumentSummary {
    const doc = this.documents.get(id)
    if (!doc) throw new WerkbankError('document-not-found', { documentId: id })
    return doc
  }

  assignCase(id: number, caseId: number | null): DocumentSummary {
    return this.history.record('document-case', { documentId: id }, () => {
      this.get(id)
      if (caseId !== null && !this.cases.exists(caseId)) throw new WerkbankError('case-not-found', { caseId })
      this.documents.setCase(id, caseId)
      return this.get(id)
    })
  }

  rename(id: number, title: string): DocumentSummary {
    return this.history.record('document-rename', { documentId: id }, () => {
      this.get(id)
      this.documents.setTitle(id, title.trim())
      return this.get(id)
    })
  }
}
