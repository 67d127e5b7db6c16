import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { createHandlers } from '../../electron/core/handlers/handlers'
import { dispatch } from '../../electron/core/handlers/dispatch'
import { BackupService } from '../../electron/core/services/backup.service'
import { StudySession } from '../../electron/core/study-session'
import { studyWithDocument, tempDir } from '../helpers/study'

describe('backups', () => {
  it('keeps the newest backups, each a consistent study, and restores one', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const backups = new BackupService(join(tempDir(), 'backups'), 3)
    const code = s.codebook.create({ parentId: null, name: 'Bewaard' })
    const made = []
    for (let i = 0; i < 5; i++) {
      s.codings.create({ documentId, codeId: code.id, coderId, start: 100 * i, end: 100 * i + 10 })
      made.push(await backups.backup(s))
      await new Promise((r) => setTimeout(r, 5))
    }
    const kept = backups.list(s.path)
    expect(kept).toHaveLength(3)
    expect(kept.map((b) => b.path)).toEqual(made.slice(2).map((b) => b.path).reverse())

    // The oldest kept backup holds the codings made before it, and opens as a study.
    const copy = await StudySession.open(kept[2]!.path)
    expect(copy.codings.list()).toHaveLength(3)
    expect(copy.study.db.pragma('integrity_check', { simple: true })).toBe('ok')
    await copy.close()

    const path = s.path
    await s.close()
    backups.restore(kept[2]!.path, path)
    const restored = await StudySession.open(path)
    expect(restored.codings.list()).toHaveLength(3)
    await restored.close()
    // What was there before the restore was itself kept.
    expect(backups.list(path).some((b) => b.path.includes('before-restore'))).toBe(true)
  })

  it('backs up while another write is going on, and the copy is consistent', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const backups = new BackupService(join(tempDir(), 'b'))
    const code = s.codebook.create({ parentId: null, name: 'Druk' })
    const pending = backups.backup(s)
    for (let i = 0; i < 50; i++) s.codings.create({ documentId, codeId: code.id, coderId, start: 20 * i, end: 20 * i + 5 })
    const info = await pending
    const copy = await StudySession.open(info.path)
    expect(copy.study.db.pragma('integrity_check', { simple: true })).toBe('ok')
    // Whatever the copy caught is a clean prefix of what was written, quotes intact.
    const originals = s.codings.list()
    const caught = copy.codings.list()
    expect(caught).toEqual(originals.slice(0, caught.length))
    await copy.close()
  })

  it("keeps as many backups as the user's setting says, also when a team merge backs up", async () => {
    const path = join(tempDir(), 'team.werkbank')
    const s = await StudySession.open(path, { create: true, backupsToKeep: 20 })
    try {
      for (let i = 0; i < 15; i++) await s.backups.backup(s, `t${String(i).padStart(2, '0')}`)
      expect(s.backups.list(path)).toHaveLength(15)
      // The merge backs up first, whatever becomes of the merge (here: not a study, refused).
      const notAStudy = join(tempDir(), 'bram.werkbank')
      writeFileSync(notAStudy, 'not a study')
      const reply = await dispatch(createHandlers(s), 'agreement:merge', { path: notAStudy })
      expect(reply.ok).toBe(false)
      const kept = s.backups.list(path)
      expect(kept).toHaveLength(16)
      expect(kept.filter((b) => b.path.includes('before-merge'))).toHaveLength(1)
    } finally {
      await s.close()
    }
  })
})
