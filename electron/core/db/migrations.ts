import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Migration {
  version: number
  name: string
  sql: string
}

/**
 * migrations/ at the repository root: three folders up from this source file, or one up from
 * the bundled Electron main process (dist-electron/main.mjs).
 */
export const DEFAULT_MIGRATIONS_DIR = ['../../../migrations/', '../migrations/']
  .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
  .find((dir) => existsSync(join(dir, '0001_init.sql'))) ?? fileURLToPath(new URL('../../../migrations/', import.meta.url))

/**
 * Reads `NNNN_name.sql` files in order. Numbers must run 1, 2, 3… without gaps, because the
 * study's PRAGMA user_version is the count of migrations applied.
 */
export function loadMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort()
  return files.map((file, index) => {
    const version = Number(file.slice(0, 4))
    if (version !== index + 1) throw new Error(`migration ${file} is out of sequence`)
    return { version, name: file.replace(/\.sql$/, ''), sql: readFileSync(join(dir, file), 'utf8') }
  })
}
