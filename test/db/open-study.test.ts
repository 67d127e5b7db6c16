import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadMigrations } from '../../electron/core/db/migrations'
import { openStudy, STUDY_APPLICATION_ID } from '../../electron/core/db/open-study'
import { TRACKED_TABLES } from '../../electron/core/db/tracked-tables'
import { tempDir } from '../helpers/study'

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code })
}

describe('opening a study file', () => {
  it('creates a study with the current schema, WAL, foreign keys and our application id', async () => {
    const path = join(tempDir(), 'new.werkbank')
    const study = await openStudy(path, { create: true })
    expect(study.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length)
    expect(study.db.pragma('application_id', { simple: true })).toBe(STUDY_APPLICATION_ID)
    expect(study.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(study.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(study.db.pragma('busy_timeout', { simple: true })).toBe(5000)
    study.close()
    const again = await openStudy(path)
    expect(again.version).toBe(loadMigrations().length)
    again.close()
  })

  it('refuses a missing file unless asked to create it', async () => {
    await rejectsWith(openStudy(join(tempDir(), 'missing.werkbank')), 'study-not-found')
  })

  it('refuses a file that is not a study and leaves it byte-for-byte untouched', async () => {
    const dir = tempDir()
    const text = join(dir, 'notes.werkbank')
    writeFileSync(text, 'Dit is geen studie.\n'.repeat(20))
    const other = join(dir, 'other.sqlite')
    const db = new Database(other)
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    db.close()
    const before = [sha(text), sha(other)]
    await rejectsWith(openStudy(text), 'study-not-a-study')
    await rejectsWith(openStudy(other), 'study-not-a-study')
    expect([sha(text), sha(other)]).toEqual(before)
    expect(readdirSync(dir).sort()).toEqual(['notes.werkbank', 'other.sqlite'])
  })

  it('refuses a study from a newer version and leaves it byte-for-byte untouched', async () => {
    const dir = tempDir()
    const path = join(dir, 'future.werkbank')
    const migrations = loadMigrations()
    const future = [...migrations, { version: migrations.length + 1, name: '9999_future', sql: 'CREATE TABLE future_things (id INTEGER PRIMARY KEY);' }]
    ;(await openStudy(path, { create: true, migrations: future })).close()
    const before = sha(path)
    const files = readdirSync(dir).sort()
    await rejectsWith(openStudy(path), 'study-newer-version')
    expect(sha(path)).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(files)
  })

  it('refuses a study whose applied migrations this version does not know', async () => {
    const path = join(tempDir(), 'forked.werkbank')
    ;(await openStudy(path, { create: true })).close()
    const db = new Database(path)
    db.prepare("UPDATE schema_migrations SET name = '0001_someone_elses' WHERE version = 1").run()
    db.close()
    await rejectsWith(openStudy(path), 'study-unknown-migrations')
  })

  it('backs up an older study beside it before migrating it, and the backup opens as the old version', async () => {
    const dir = tempDir()
    const path = join(dir, 'old.werkbank')
    const migrations = loadMigrations()
    const old = await openStudy(path, { create: true, migrations })
    old.db.prepare("INSERT INTO coders (name, created_at) VALUES ('Anna', '2026-01-01')").run()
    old.close()
    const next = [...migrations, { version: migrations.length + 1, name: `000${migrations.length + 1}_test_extra`, sql: 'ALTER TABLE coders ADD COLUMN initials TEXT;' }]
    const backups: string[] = []
    const study = await openStudy(path, { migrations: next, onBackup: (p) => backups.push(p) })
    expect(study.version).toBe(next.length)
    expect(study.db.prepare('SELECT name FROM coders').pluck().all()).toEqual(['Anna'])
    study.close()
    expect(backups).toHaveLength(1)
    expect(existsSync(backups[0]!)).toBe(true)
    const backup = new Database(backups[0]!, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(backup.prepare('SELECT name FROM coders').pluck().all()).toEqual(['Anna'])
    backup.close()
  })

  it('migrates a study of the first version through the real migrations, keeping its data', async () => {
    const dir = tempDir()
    const path = join(dir, 'v1.werkbank')
    const all = loadMigrations()
    const v1 = await openStudy(path, { create: true, migrations: all.slice(0, 1) })
    v1.db.prepare("INSERT INTO cases (name, created_at) VALUES ('Project 1', '2013-01-01')").run()
    v1.close()
    const backups: string[] = []
    const study = await openStudy(path, { onBackup: (p) => backups.push(p) })
    expect(study.version).toBe(all.length)
    expect(study.db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all()).toEqual(all.map((m) => m.name))
    expect(study.db.prepare('SELECT name FROM cases').pluck().all()).toEqual(['Project 1'])
    study.close()
    expect(backups).toHaveLength(1)
  })

  it('has undo triggers that record every column of every tracked table', async () => {
    const study = await openStudy(join(tempDir(), 's.werkbank'), { create: true })
    for (const [table, columns] of Object.entries(TRACKED_TABLES)) {
      const actual = (study.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort()
      expect(actual, table).toEqual([...columns].sort())
      const triggers = study.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").pluck().all(table) as string[]
      // Documents and pages record updates only (case, title; OCR); the other tables every change.
      const undoTriggers = triggers.filter((sql) => sql.includes('undo_changes'))
      expect(undoTriggers, table).toHaveLength(table === 'documents' || table === 'pages' ? 1 : 3)
      for (const sql of undoTriggers) for (const c of columns) expect(sql).toContain(`'${c}'`)
    }
    study.close()
  })
})

describe('opening a study another connection holds open', () => {
  it('opens a new study whose header is still only in the write-ahead log', async () => {
    const path = join(tempDir(), 'shared.werkbank')
    // Another process made this study and holds it open; nothing is checkpointed yet.
    const other = new Database(path)
    other.pragma('journal_mode = WAL')
    other.pragma('wal_autocheckpoint = 0')
    const migrations = loadMigrations()
    other.transaction(() => {
      other.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
      for (const m of migrations) {
        other.exec(m.sql)
        other.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01')
      }
      other.pragma(`user_version = ${migrations.length}`)
      other.pragma(`application_id = ${STUDY_APPLICATION_ID}`)
    })()
    other.prepare("INSERT INTO coders (name, created_at) VALUES ('Anna', '2026-01-01')").run()
    expect(readFileSync(path).readUInt32BE(68)).toBe(0) // the main file's header does not say so yet
    const study = await openStudy(path)
    expect(study.db.prepare('SELECT name FROM coders').pluck().all()).toEqual(['Anna'])
    study.close()
    other.close()
  })

  it('still refuses an SQLite file of another program that has a write-ahead log', async () => {
    const path = join(tempDir(), 'other.db')
    const db = new Database(path)
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    await rejectsWith(openStudy(path), 'study-not-a-study')
    db.close()
  })
})
