import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { studyStem } from '../../../shared/study-file'
import type { StudySession } from '../study-session'

export interface BackupInfo {
  path: string
  createdAt: string
  bytes: number
}

const SUFFIX = '.werkbank-backup'

/** How many backups of a study are kept when the user's settings do not say (settings.ts starts from it too). */
export const DEFAULT_BACKUPS_TO_KEEP = 20

/** `NAME-2026-11-29T14-30-00-000Z.werkbank-backup`: sorts by time as text. */
function backupName(studyPath: string, when: Date, tag = ''): string {
  const stem = studyStem(studyPath)
  return `${stem}${tag ? '-' + tag : ''}-${when.toISOString().replace(/[:.]/g, '-')}${SUFFIX}`
}

function isBackupOf(studyPath: string, file: string): boolean {
  const stem = studyStem(studyPath)
  return file.startsWith(stem + '-') && file.endsWith(SUFFIX)
}

/** Where a study's backups go unless told otherwise: a folder beside it, `NAME.backups`. */
export function defaultBackupDir(studyPath: string): string {
  return join(dirname(studyPath), `${studyStem(studyPath)}.backups`)
}

/**
 * Rotating backups of an open study, made with SQLite's backup API (consistent while the study
 * is in use), kept in a folder of their own; the oldest beyond `keep` are removed.
 */
export class BackupService {
  constructor(
    readonly dir: string,
    private readonly keep = DEFAULT_BACKUPS_TO_KEEP,
  ) {}

  async backup(session: StudySession, tag = ''): Promise<BackupInfo> {
    mkdirSync(this.dir, { recursive: true })
    const path = join(this.dir, backupName(session.path, new Date(), tag))
    await session.study.db.backup(path)
    this.rotate(session.path)
    return this.info(path)
  }

  /** Backups of `studyPath`, newest first. */
  list(studyPath: string): BackupInfo[] {
    if (!existsSync(this.dir)) return []
    return readdirSync(this.dir)
      .filter((f) => isBackupOf(studyPath, f))
      .map((f) => this.info(join(this.dir, f)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.path.localeCompare(a.path))
  }

  /**
   * Puts a backup in place of the study. The study must be closed; its current state is itself
   * backed up first (tag "before-restore"), so a restore can be undone by restoring that one.
   */
  restore(backupPath: string, studyPath: string): void {
    if (existsSync(studyPath)) {
      mkdirSync(this.dir, { recursive: true })
      copyFileSync(studyPath, join(this.dir, backupName(studyPath, new Date(), 'before-restore')))
    }
    for (const side of ['-wal', '-shm']) rmSync(studyPath + side, { force: true })
    copyFileSync(backupPath, studyPath)
  }

  private rotate(studyPath: string): void {
    for (const old of this.list(studyPath).slice(this.keep)) rmSync(old.path, { force: true })
  }

  private info(path: string): BackupInfo {
    const st = statSync(path)
    return { path, createdAt: st.mtime.toISOString(), bytes: st.size }
  }
}
