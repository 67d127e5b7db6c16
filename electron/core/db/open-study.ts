import Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { WerkbankError } from '../../../shared/errors'
import { loadMigrations, type Migration } from './migrations'

/** PRAGMA application_id of a study file: "WBNK". Tells our files from other SQLite files. */
export const STUDY_APPLICATION_ID = 0x57424e4b

export interface OpenStudyOptions {
  /** Create the file when it does not exist (or is empty). */
  create?: boolean
  migrations?: Migration[]
  /** Path to a better-sqlite3 build for another ABI (Electron). */
  nativeBinding?: string
  /** Called with the backup path before an older study is migrated. */
  onBackup?: (path: string) => void
}

export interface Study {
  db: Database.Database
  path: string
  version: number
  close(): void
}

export interface Header {
  isSqlite: boolean
  userVersion: number
  applicationId: number
}

/**
 * Reads the SQLite header without opening the database, so a file we must refuse (not ours,
 * or from a newer Werkbank) is never touched: not even a journal-mode change reaches it.
 */
export function readHeader(path: string): Header {
  const buf = Buffer.alloc(100)
  const fd = openSync(path, 'r')
  let read = 0
  try {
    read = readSync(fd, buf, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  const isSqlite = read === 100 && buf.subarray(0, 16).toString('latin1') === 'SQLite format 3\0'
  return {
    isSqlite,
    userVersion: isSqlite ? buf.readUInt32BE(60) : 0,
    applicationId: isSqlite ? buf.readUInt32BE(68) : 0,
  }
}

function walHasContent(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0
  } catch {
    return false
  }
}

function backupPathFor(path: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  return `${path}.v${version}-${stamp}.backup`
}

/**
 * Opens (or creates) a study file and brings it to the current schema. Refuses, with a
 * translated error and the file byte-for-byte untouched, a file that is not a study or that a
 * newer Werkbank wrote. Before migrating an older study it writes a backup copy beside it.
 */
export async function openStudy(path: string, options: OpenStudyOptions = {}): Promise<Study> {
  const migrations = options.migrations ?? loadMigrations()
  const latest = migrations.length
  const exists = existsSync(path)
  const empty = exists && statSync(path).size === 0
  if (!exists && !options.create) throw new WerkbankError('study-not-found', { path })
  if (empty && !options.create) throw new WerkbankError('study-not-a-study', { path })

  if (exists && !empty) {
    const header = readHeader(path)
    // A study just created by another connection may still have its header in the WAL;
    // then SQLite, which reads both, decides below.
    const headerInWal = header.isSqlite && header.applicationId === 0 && walHasContent(path)
    if (!header.isSqlite || (header.applicationId !== STUDY_APPLICATION_ID && !headerInWal)) {
      throw new WerkbankError('study-not-a-study', { path })
    }
    if (header.userVersion > latest) {
      throw new WerkbankError('study-newer-version', { path, found: header.userVersion, known: latest })
    }
  }

  const db = new Database(path, {
    fileMustExist: exists && !empty,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    if (exists && !empty && db.pragma('application_id', { simple: true }) !== STUDY_APPLICATION_ID) {
      throw new WerkbankError('study-not-a-study', { path })
    }
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > latest) {
      // The header can lag behind a write-ahead log; check again now that SQLite has read both.
      throw new WerkbankError('study-newer-version', { path, found: version, known: latest })
    }
    if (version > 0) checkKnownMigrations(db, migrations, path)

    db.pragma('journal_mode = WAL')
    // FULL: a committed coding survives a power cut too, not only a crash of the app.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')

    if (version > 0 && version < latest) {
      const backup = backupPathFor(path, version)
      await db.backup(backup)
      options.onBackup?.(backup)
    }
    applyMigrations(db, migrations, version)
    // Write the header into the main file now, so that other programs (and the header check
    // above, in another process) see a Werkbank study without reading the WAL.
    if (version < latest) db.pragma('wal_checkpoint(PASSIVE)')
    return {
      db,
      path,
      version: latest,
      close() {
        if (!db.open) return
        db.pragma('wal_checkpoint(TRUNCATE)')
        db.close()
      },
    }
  } catch (e) {
    db.close()
    throw e
  }
}

export function checkKnownMigrations(db: Database.Database, migrations: Migration[], path: string): void {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  if (!hasTable) throw new WerkbankError('study-not-a-study', { path })
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number
    name: string
  }[]
  const unknown = applied.filter((a) => migrations[a.version - 1]?.name !== a.name)
  if (unknown.length > 0) {
    throw new WerkbankError('study-unknown-migrations', {
      path,
      detail: unknown.map((u) => u.name).join(', '),
    })
  }
}

function applyMigrations(db: Database.Database, migrations: Migration[], from: number): void {
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
      db.exec(migration.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      )
      // Pragmas take no bound parameters; both values are integers we computed.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`)
      db.pragma(`application_id = ${STUDY_APPLICATION_ID}`)
    })()
  }
}
