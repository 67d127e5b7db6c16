import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { DEFAULT_BACKUPS_TO_KEEP } from '../core/services/backup.service'

const Bounds = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(400), height: z.number().int().min(300) })

export const Settings = z.object({
  coder: z.string().max(200).default(''),
  lang: z.enum(['nl', 'en']).optional(),
  backupIntervalMinutes: z.number().int().min(1).max(24 * 60).default(10),
  backupsToKeep: z.number().int().min(1).max(1000).default(DEFAULT_BACKUPS_TO_KEEP),
  recent: z.array(z.string().max(4096)).max(10).default([]),
  window: Bounds.optional(),
})
export type Settings = z.infer<typeof Settings>

export const MAX_RECENT = 10

/**
 * The app's settings, one JSON file in the user-data folder. A missing or damaged file gives
 * the defaults (and is rewritten on the next save); a save is atomic (write, then rename).
 */
export class SettingsStore {
  private current: Settings

  constructor(private readonly path: string) {
    this.current = SettingsStore.read(path)
  }

  static read(path: string): Settings {
    try {
      const parsed = Settings.safeParse(JSON.parse(readFileSync(path, 'utf8')))
      if (parsed.success) return parsed.data
    } catch {
      // Missing or unreadable: start from the defaults.
    }
    return Settings.parse({})
  }

  get(): Settings {
    return this.current
  }

  update(change: Partial<Settings>): Settings {
    this.current = Settings.parse({ ...this.current, ...change })
    mkdirSync(dirname(this.path), { recursive: true })
    const tmp = `${this.path}.tmp`
    writeFileSync(tmp, JSON.stringify(this.current, null, 2))
    renameSync(tmp, this.path)
    return this.current
  }

  /** Puts a study first in the recent list (once), keeping at most ten. */
  addRecent(studyPath: string): Settings {
    return this.update({ recent: [studyPath, ...this.current.recent.filter((p) => p !== studyPath)].slice(0, MAX_RECENT) })
  }
}
