import { openStudy, type OpenStudyOptions, type Study } from './db/open-study'
import { ExtractPool } from './pdf/extract-pool'
import { CasesRepo } from './repos/cases.repo'
import { CodersRepo } from './repos/coders.repo'
import { CodesRepo } from './repos/codes.repo'
import { DocumentsRepo } from './repos/documents.repo'
import { CaseService } from './services/case.service'
import { CodebookService } from './services/codebook.service'
import { DocumentService } from './services/document.service'
import { CodebookTransfer } from './services/codebook-transfer'
import { MemoService } from './services/memo.service'
import { QdpxImport } from './services/qdpx-import'
import { CodingService } from './services/coding.service'
import { History } from './services/history.service'
import { ImportService } from './services/import.service'
import { OcrService } from './services/ocr.service'
import { OcrPool } from './ocr/ocr-pool'
import { SearchService } from './services/search.service'
import { SuggestWorker } from './suggest/suggest-pool'
import { SuggestionService } from './suggest/suggestion.service'
import { BackupService, DEFAULT_BACKUPS_TO_KEEP, defaultBackupDir } from './services/backup.service'
import { WerkbankError } from '../../shared/errors'
import type { Coder } from '../../shared/types'

export interface StudySessionOptions extends OpenStudyOptions {
  /** How many rotating backups to keep (the desktop app passes the user's setting). */
  backupsToKeep?: number
}

/**
 * One open study with its services: what every door (IPC, HTTP, CLI) works on. Services share
 * one connection; each user action is one transaction.
 */
export class StudySession {
  readonly history: History
  readonly documents: DocumentsRepo
  readonly coders: CodersRepo
  readonly cases: CaseService
  readonly documentService: DocumentService
  readonly codings: CodingService
  readonly codebook: CodebookService
  readonly transfer: CodebookTransfer
  readonly importer: ImportService
  readonly search: SearchService
  readonly qdpx: QdpxImport
  readonly memos: MemoService
  /** Reading scanned pages as text (OCR), in a pool of workers started at the first page. */
  readonly ocr: OcrService
  private ocrPool: OcrPool | undefined
  /** The study's rotating backups (`NAME.backups` beside it): timer, close, merge and restore all use this one. */
  readonly backups: BackupService
  private pool: ExtractPool | undefined
  private suggestWorker: SuggestWorker | undefined
  private suggestionService: SuggestionService | undefined

  private constructor(readonly study: Study, backupsToKeep: number) {
    const db = study.db
    this.backups = new BackupService(defaultBackupDir(study.path), backupsToKeep)
    this.history = new History(db)
    this.documents = new DocumentsRepo(db)
    // Documents from before text units (migration 0007) get theirs now.
    this.documents.units.fillMissing()
    this.coders = new CodersRepo(db)
    const casesRepo = new CasesRepo(db)
    this.cases = new CaseService(casesRepo, this.history, this.coders)
    this.documentService = new DocumentService(this.documents, casesRepo, this.history)
    const codes = new CodesRepo(db)
    this.codings = new CodingService(db, this.documents, codes, this.coders, this.history)
    this.codebook = new CodebookService(codes, this.codings.codings, this.codings, this.history)
    this.transfer = new CodebookTransfer(this.codebook, this.history)
    this.importer = new ImportService(db, this.documents, () => (this.pool ??= new ExtractPool()))
    this.search = new SearchService(db)
    this.ocr = new OcrService(db, this.documents, this.codings, this.history, () => (this.ocrPool ??= new OcrPool()))
    this.memos = new MemoService(db, this.history)
    this.qdpx = new QdpxImport({
      importer: this.importer, documents: this.documents, documentService: this.documentService,
      codebook: this.codebook, cases: this.cases, codings: this.codings, history: this.history,
      ensureCoder: (name) => this.ensureCoder(name),
      memos: this.memos,
      discardDocument: (id) => {
        this.documents.remove(id)
        this.codings.forget(id)
      },
    })
  }

  static async open(path: string, options: StudySessionOptions = {}): Promise<StudySession> {
    const { backupsToKeep = DEFAULT_BACKUPS_TO_KEEP, ...open } = options
    return new StudySession(await openStudy(path, open), backupsToKeep)
  }

  /** Suggestions ("find more like this"), ranked in a worker started at the first request. */
  get suggestions(): SuggestionService {
    return (this.suggestionService ??= new SuggestionService(this, (this.suggestWorker ??= new SuggestWorker())))
  }

  get path(): string {
    return this.study.path
  }

  /**
   * The coder of that name, created the first time it is named. Not an undoable action: undoing
   * it would pull the coder from under the codings that follow.
   */
  ensureCoder(name: string): Coder {
    const trimmed = name.trim()
    if (trimmed === '') throw new WerkbankError('coder-name-invalid')
    return this.coders.byName(trimmed) ?? this.coders.insert(trimmed)
  }

  /** Deletes a document with its codings. Not undoable, so the undo history is cleared. */
  deleteDocument(id: number): { deletedCodings: number } {
    if (!this.documents.get(id)) throw new WerkbankError('document-not-found', { documentId: id })
    return this.study.db.transaction(() => {
      const deletedCodings = this.codings.codings.countForDocument(id)
      this.codings.codings.removeForDocument(id)
      this.study.db.prepare("DELETE FROM memos WHERE target_type = 'document' AND target_id = ?").run(id)
      this.documents.remove(id)
      this.history.clear()
      this.codings.forget(id)
      return { deletedCodings }
    })()
  }

  async close(): Promise<void> {
    await this.pool?.close()
    await this.ocrPool?.close()
    await this.suggestWorker?.close()
    this.study.close()
  }
}
