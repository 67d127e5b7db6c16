// The team workflow on real study files: a copy for each coder, and merging the copies back.
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadMigrations } from '../../electron/core/db/migrations'
import { BackupService, defaultBackupDir } from '../../electron/core/services/backup.service'
import { StudySession } from '../../electron/core/study-session'
import { INTEROP_PDF, caller, tempDir } from '../helpers/study'

const JA = '10_ja_dvipdfmx_issue16538.pdf' // one page, 692 characters
const IMG = '02_nl_word365-text-as-images_2col_ai-geletterdheid.pdf' // four pages, 215 characters
const AR = '11_ar_pstopdf_ArabicCIDTrueType.pdf' // not in the lead's study

let template: Promise<string> | undefined
const open: StudySession[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

async function openSession(path: string, create = false): Promise<StudySession> {
  const s = await StudySession.open(path, { create })
  open.push(s)
  return s
}

async function close(s: StudySession): Promise<void> {
  open.splice(open.indexOf(s), 1)
  await s.close()
}

async function importInto(s: StudySession, file: string): Promise<number> {
  const [outcome] = await s.importer.importFiles([join(INTEROP_PDF, file)])
  if (outcome?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`)
  return outcome.documentId
}

/**
 * The lead's study: documents ja and img in case "Project 1", codes Fase/1, Fase/2 and
 * Werk/A, coders Anna, Bram and Cas. Each test gets a copy.
 */
async function leadStudy() {
  template ??= (async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'werkbank-team-')), 'template.werkbank')
    const s = await StudySession.open(path, { create: true })
    const project = s.cases.create('Project 1')
    for (const file of [JA, IMG]) s.documentService.assignCase(await importInto(s, file), project.id)
    for (const p of ['Fase/1', 'Fase/2', 'Werk/A']) s.codebook.ensurePath(p)
    for (const n of ['Anna', 'Bram', 'Cas']) s.ensureCoder(n)
    s.history.clear()
    await s.close()
    return path
  })()
  const dir = tempDir()
  const path = join(dir, 'lead.werkbank')
  copyFileSync(await template, path)
  const s = await openSession(path)
  return { s, dir, call: caller(s), ...helpers(s) }
}

function helpers(s: StudySession) {
  const doc = (file: string) => s.documents.list().find((d) => d.fileName === file || d.title === file.replace(/\.pdf$/, ''))!.id
  const code = (path: string) => s.codebook.resolvePath(path)
  const coder = (name: string) => s.ensureCoder(name).id
  const add = (file: string, path: string, who: string, start: number, end: number, memo?: string) =>
    s.codings.create({ documentId: doc(file), codeId: code(path), coderId: coder(who), start, end, ...(memo ? { memo } : {}) })
  const memo = (who: string | null, title: string, body: string, target: { type: 'study' | 'case' | 'document' | 'code'; id: number | null } = { type: 'study', id: null }) =>
    s.study.db
      .prepare('INSERT INTO memos (target_type, target_id, coder_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(target.type, target.id, who === null ? null : coder(who), title, body, `2025-01-0${title.length % 9 + 1}T10:00:00.000Z`, '2025-01-10T10:00:00.000Z')
  const judge = (caseName: string, who: string, value: string) => {
    const c = s.cases.list().find((x) => x.name === caseName)!
    s.cases.setAttribute(c.id, `fase:${who}`, value)
  }
  return { doc, code, coder, add, memo, judge }
}

/** Everything a merge may change, keyed by what stays the same across copies. */
function snapshot(s: StudySession) {
  const db = s.study.db
  return {
    codes: s.codebook.list().map((c) => [c.uuid, c.path, c.colour, c.definition]),
    coders: s.coders.list().map((c) => c.name),
    cases: s.cases.list().map((c) => [c.name, c.attributes]),
    codings: db.prepare('SELECT * FROM codings ORDER BY uuid').all(),
    memos: db.prepare('SELECT * FROM memos ORDER BY id').all(),
    history: s.history.state(),
  }
}

/** A coding as it must arrive after a merge: everything but the study's own row ids. */
function portable(s: StudySession) {
  const sha = new Map(s.documents.list().map((d) => [d.id, d.sha256]))
  return s.codings.list().map((c) => ({
    uuid: c.uuid, document: sha.get(c.documentId), code: c.codePath, coder: c.coderName, kind: c.kind,
    start: c.start, end: c.end, quote: c.quote, prefix: c.prefix, suffix: c.suffix, pageFrom: c.pageFrom,
    pageTo: c.pageTo, rects: c.rects, memo: c.memo, createdAt: c.createdAt, updatedAt: c.updatedAt,
  }))
}

/** The error a call answered with; undefined when it succeeded. */
const errorCode = (p: Promise<unknown>) =>
  p.then(() => undefined, (e: { appError?: { code: string; params: Record<string, unknown> } }) => e.appError)

describe('a copy of the study for one coder', () => {
  it('has the documents and the codebook, and nothing of the other coders, not even in free pages', async () => {
    const lead = await leadStudy()
    lead.add(JA, 'Fase/1', 'Anna', 10, 60, 'GEHEIM-ANNA-CODERING')
    lead.add(JA, 'Fase/2', 'Bram', 100, 150)
    lead.memo('Anna', 'Anna denkt', 'GEHEIM-ANNA-MEMO')
    lead.memo('Bram', 'Bram denkt', 'van Bram')
    lead.memo(null, 'Studie', 'voor iedereen')
    lead.judge('Project 1', 'Anna', '2')
    lead.judge('Project 1', 'Bram', '3')
    const out = join(lead.dir, 'bram.werkbank')
    const r = await lead.call('agreement:exportForCoder', { coder: 'Bram', path: out })
    expect(r).toMatchObject({ path: out, coder: 'Bram', codings: 1, removedCodings: 1, removedMemos: 1, removedCoders: 2 })

    const bytes = readFileSync(out).toString('latin1')
    expect(bytes).not.toContain('GEHEIM-ANNA')
    const copy = await openSession(out)
    expect(copy.documents.list().map((d) => d.sha256)).toEqual(lead.s.documents.list().map((d) => d.sha256))
    expect(copy.codebook.list().map((c) => [c.uuid, c.path])).toEqual(lead.s.codebook.list().map((c) => [c.uuid, c.path]))
    expect(copy.coders.list().map((c) => c.name)).toEqual(['Bram'])
    expect(copy.codings.list().map((c) => [c.coderName, c.start, c.end])).toEqual([['Bram', 100, 150]])
    expect(copy.study.db.prepare('SELECT title FROM memos ORDER BY id').pluck().all()).toEqual(['Bram denkt', 'Studie'])
    expect(copy.cases.list()[0]!.attributes).toEqual({ 'fase:Bram': '3' })
    expect(copy.history.state().canUndo).toBe(false)
    expect(copy.study.db.prepare("SELECT value FROM study_meta WHERE key = 'team.exported_for'").pluck().get()).toBe('Bram')
    // The lead's study is unchanged.
    expect(lead.s.codings.list()).toHaveLength(2)
  })

  it('creates a coder the study does not know yet, and never overwrites a file', async () => {
    const lead = await leadStudy()
    const out = join(lead.dir, 'dewi.werkbank')
    const r = await lead.call('agreement:exportForCoder', { coder: 'Dewi', path: out })
    expect(r.codings).toBe(0)
    const again = await errorCode(lead.call('agreement:exportForCoder', { coder: 'Dewi', path: out }))
    expect(again).toEqual({ code: 'team-export-exists', params: { path: out } })
    writeFileSync(join(lead.dir, 'notes.txt'), 'mine')
    expect((await errorCode(lead.call('agreement:exportForCoder', { coder: 'Dewi', path: join(lead.dir, 'notes.txt') })))?.code).toBe('team-export-exists')
    expect(readFileSync(join(lead.dir, 'notes.txt'), 'utf8')).toBe('mine')
    expect(lead.s.coders.byName('Dewi')).toBeUndefined()
  })
})

describe('merging a coder study', () => {
  /** The lead exports copies for Bram (who coded once already) and Dewi; both code in their copy. */
  async function teamAtWork() {
    const lead = await leadStudy()
    const project = lead.s.cases.list()[0]!
    lead.add(JA, 'Fase/1', 'Anna', 10, 60)
    const early = lead.add(JA, 'Fase/2', 'Bram', 100, 150)
    const bramPath = join(lead.dir, 'bram.werkbank')
    const dewiPath = join(lead.dir, 'dewi.werkbank')
    await lead.call('agreement:exportForCoder', { coder: 'Bram', path: bramPath })
    await lead.call('agreement:exportForCoder', { coder: 'Dewi', path: dewiPath })

    const bram = await openSession(bramPath)
    const b = helpers(bram)
    b.add(JA, 'Fase/1', 'Bram', 12, 58, 'klopt dit?')
    b.add(JA, 'Fase/1', 'Bram', 600, 650)
    bram.codebook.ensurePath('Werk/Nieuw', { colour: '#123456', definition: 'Een code van Bram' })
    b.add(IMG, 'Werk/Nieuw', 'Bram', 0, 30)
    bram.codings.createArea({ documentId: b.doc(IMG), codeId: b.code('Werk/A'), coderId: b.coder('Bram'), page: 2, rect: { x: 0.1, y: 0.2, w: 0.3, h: 0.1 } })
    b.memo('Bram', 'Over fase 1', 'Bram twijfelt', { type: 'code', id: b.code('Fase/1') })
    b.memo('Bram', 'Over het document', 'lang verhaal', { type: 'document', id: b.doc(JA) })
    b.memo('Bram', 'Over het project', 'casusmemo', { type: 'case', id: project.id })
    b.judge('Project 1', 'Bram', '2')
    await close(bram)

    const dewi = await openSession(dewiPath)
    const d = helpers(dewi)
    d.add(JA, 'Fase/1', 'Dewi', 10, 60)
    d.judge('Project 1', 'Dewi', '3')
    await close(dewi)
    return { lead, early, bramPath, dewiPath }
  }

  it('brings in every coding and memo unchanged, new codes and coders, as one undoable action', async () => {
    const { lead, bramPath, dewiPath } = await teamAtWork()
    const before = snapshot(lead.s)
    const r = await lead.call('agreement:merge', { path: bramPath })
    // The lead's study was backed up, as it was, before the merge.
    const [backup] = new BackupService(defaultBackupDir(lead.s.path)).list(lead.s.path)
    expect(backup?.path).toContain('before-merge')
    const copy = await openSession(backup!.path)
    expect(snapshot(copy)).toEqual(before)
    await close(copy)
    expect(r.documents).toEqual({ matched: 2, matchedByText: 0, unmatched: [] })
    expect(r.codes).toEqual({ added: ['Werk/Nieuw'], matchedByUuid: 5, matchedByPath: 0, moved: [] })
    expect(r.coders).toEqual({ added: [], matched: ['Bram'] })
    expect(r.codings).toEqual({ added: 4, matched: 1, conflicted: [] })
    expect(r.memos).toEqual({ added: 3, matched: 0, conflicted: [] })
    expect(r.judgements).toEqual({ added: 1, matched: 0, conflicted: [] })

    // Lossless: every coding of Bram's study is here with the same uuid, offsets, quote, context, rectangles and memo.
    const other = await openSession(bramPath)
    const here = new Map(portable(lead.s).map((c) => [c.uuid, c]))
    for (const c of portable(other)) expect(here.get(c.uuid)).toEqual(c)
    const memoRows = (s: StudySession) => s.study.db.prepare(
      `SELECT m.target_type, coalesce(c.uuid, d.sha256, k.name, '') AS target, r.name AS coder, m.title, m.body, m.created_at, m.updated_at
       FROM memos m LEFT JOIN codes c ON m.target_type = 'code' AND c.id = m.target_id
       LEFT JOIN documents d ON m.target_type = 'document' AND d.id = m.target_id
       LEFT JOIN cases k ON m.target_type = 'case' AND k.id = m.target_id
       LEFT JOIN coders r ON r.id = m.coder_id ORDER BY m.created_at, m.title`).all()
    expect(memoRows(lead.s)).toEqual(memoRows(other))
    const nieuw = lead.s.codebook.get(lead.code('Werk/Nieuw'))
    expect([nieuw.uuid, nieuw.colour, nieuw.definition]).toEqual([other.codebook.get(helpers(other).code('Werk/Nieuw')).uuid, '#123456', 'Een code van Bram'])
    expect(lead.s.cases.list()[0]!.attributes).toMatchObject({ 'fase:Bram': '2' })

    // One action: undo takes all of it back, redo brings it again.
    expect(lead.s.history.state().undoLabel).toBe('team-merge')
    const after = snapshot(lead.s)
    lead.s.history.undo()
    expect({ ...snapshot(lead.s), history: null }).toEqual({ ...before, history: null })
    lead.s.history.redo()
    expect(snapshot(lead.s)).toEqual(after)

    // Dewi is a new coder; her coding at Anna's offsets is hers, not a duplicate.
    const d = await lead.call('agreement:merge', { path: dewiPath })
    expect(d.coders.added).toEqual(['Dewi'])
    expect(d.codings.added).toBe(1)
    expect(d.judgements.added).toBe(1)
  })

  it('adds nothing when the same study is merged twice', async () => {
    const { lead, bramPath } = await teamAtWork()
    await lead.call('agreement:merge', { path: bramPath })
    const once = snapshot(lead.s)
    const r = await lead.call('agreement:merge', { path: bramPath })
    expect(r.codes).toMatchObject({ added: [], matchedByUuid: 6 })
    expect(r.codings).toEqual({ added: 0, matched: 5, conflicted: [] })
    expect(r.memos).toEqual({ added: 0, matched: 3, conflicted: [] })
    expect(r.judgements).toEqual({ added: 0, matched: 1, conflicted: [] })
    // Nothing changed, so the merge left no step in the history either.
    expect(snapshot(lead.s)).toEqual(once)
  })

  it('skips an identical coding made twice, and keeps ours where a coding changed on both sides', async () => {
    const { lead, early, bramPath } = await teamAtWork()
    // Bram also coded [600,650) in the lead's study himself (another uuid): identical, skipped.
    lead.add(JA, 'Fase/1', 'Bram', 600, 650)
    // The lead changed Bram's early coding after the copy was made: a conflict, ours kept.
    lead.s.codings.update(early.id, { end: 160 }, { coderId: lead.s.ensureCoder('Anna').id, asLead: true })
    const r = await lead.call('agreement:merge', { path: bramPath })
    expect(r.codings.added).toBe(3)
    expect(r.codings.matched).toBe(1)
    expect(r.codings.conflicted).toEqual([{ uuid: early.uuid, document: '10_ja_dvipdfmx_issue16538', code: 'Fase/2', coder: 'Bram' }])
    expect(lead.s.codings.get(early.id).end).toBe(160)
  })

  it('keeps our path for a code renamed in the copy, and matches codes made apart by their path', async () => {
    const { lead, bramPath } = await teamAtWork()
    const bram = await openSession(bramPath)
    bram.codebook.update(helpers(bram).code('Fase/1'), { name: 'Eén' })
    await close(bram)
    const r = await lead.call('agreement:merge', { path: bramPath })
    expect(r.codes.moved).toEqual([{ path: 'Fase/1', otherPath: 'Fase/Eén' }])
    expect(lead.s.codings.list({ coderIds: [lead.coder('Bram')] }).filter((c) => c.codePath === 'Fase/1')).toHaveLength(2)

    // A study whose codebook was built apart (same paths, other uuids), e.g. from the same template.
    const { lead: lead2, bramPath: apart } = await teamAtWork()
    const db = new Database(apart)
    db.exec("UPDATE codes SET uuid = 'apart-' || uuid")
    db.close()
    const r2 = await lead2.call('agreement:merge', { path: apart })
    expect(r2.codes).toEqual({ added: ['Werk/Nieuw'], matchedByUuid: 0, matchedByPath: 5, moved: [] })
    expect(lead2.s.codebook.list()).toHaveLength(6)
    expect(r2.codings.added).toBe(4)
  })

  it('never writes to the other study', async () => {
    const { lead, bramPath } = await teamAtWork()
    const bytes = readFileSync(bramPath)
    await lead.call('agreement:merge', { path: bramPath })
    expect(readFileSync(bramPath).equals(bytes)).toBe(true)
  })

  it('matches a document by its text when the file bytes differ', async () => {
    const { lead, bramPath } = await teamAtWork()
    const db = new Database(bramPath)
    db.prepare("UPDATE documents SET sha256 = 'another-file' WHERE file_name = ?").run(JA)
    db.close()
    const r = await lead.call('agreement:merge', { path: bramPath })
    expect(r.documents).toMatchObject({ matched: 2, matchedByText: 1 })
    expect(r.codings.added).toBe(4)
  })

  describe('refuses, and changes nothing', () => {
    async function refused(lead: Awaited<ReturnType<typeof leadStudy>>, path: string) {
      const before = snapshot(lead.s)
      const error = await errorCode(lead.call('agreement:merge', { path }))
      expect(snapshot(lead.s)).toEqual(before)
      return error
    }

    it('a study of other documents', async () => {
      const lead = await leadStudy()
      lead.add(JA, 'Fase/1', 'Anna', 10, 60)
      const other = await openSession(join(lead.dir, 'other.werkbank'), true)
      const ar = await importInto(other, AR)
      other.codings.create({ documentId: ar, codeId: other.codebook.ensurePath('Fase/1').id, coderId: other.ensureCoder('Bram').id, start: 0, end: 10 })
      await close(other)
      expect(await refused(lead, join(lead.dir, 'other.werkbank'))).toEqual({
        code: 'team-merge-no-common-documents', params: { path: join(lead.dir, 'other.werkbank') },
      })
    })

    it('a study with codings on a document this study lacks', async () => {
      const { lead, bramPath } = await teamAtWork()
      const bram = await openSession(bramPath)
      const ar = await importInto(bram, AR)
      bram.codings.create({ documentId: ar, codeId: helpers(bram).code('Fase/1'), coderId: helpers(bram).coder('Bram'), start: 0, end: 10 })
      await close(bram)
      const e = await refused(lead, bramPath)
      expect(e).toMatchObject({ code: 'team-merge-document-missing', params: { title: '11_ar_pstopdf_ArabicCIDTrueType' } })
    })

    it('another version of the codebook: a path that means another code', async () => {
      const { lead, bramPath } = await teamAtWork()
      const bram = await openSession(bramPath)
      // In Bram's copy, Fase/1 was renamed and a new Fase/1 made; here Fase/1 is the old code.
      bram.codebook.update(helpers(bram).code('Fase/1'), { name: 'Eén' })
      bram.codebook.ensurePath('Fase/1')
      helpers(bram).add(JA, 'Fase/1', 'Bram', 300, 320)
      await close(bram)
      const e = await refused(lead, bramPath)
      expect(e).toEqual({ code: 'team-merge-codebook-conflict', params: { path: bramPath, code: 'Fase/1', other: 'Fase/Eén' } })
    })

    it('a study whose text differs where its codings are', async () => {
      const { lead, bramPath } = await teamAtWork()
      const db = new Database(bramPath)
      db.prepare("UPDATE codings SET quote = 'iets anders' WHERE start_offset = 600").run()
      db.close()
      expect((await refused(lead, bramPath))?.code).toBe('team-merge-text-differs')
    })

    it('a file that is not a study, a missing file, and a study of an older version', async () => {
      const lead = await leadStudy()
      const text = join(lead.dir, 'notes.werkbank')
      writeFileSync(text, 'not a study at all, but long enough to have a header of a hundred bytes or so, surely, yes'.repeat(3))
      expect((await refused(lead, text))?.code).toBe('study-not-a-study')
      expect((await refused(lead, join(lead.dir, 'missing.werkbank')))?.code).toBe('study-not-found')
      const old = join(lead.dir, 'old.werkbank')
      copyFileSync(await template!, old)
      const db = new Database(old)
      db.pragma('user_version = 0')
      db.close()
      expect(await refused(lead, old)).toMatchObject({ code: 'team-merge-older-version', params: { found: 0, known: loadMigrations().length } })
      expect(existsSync(old)).toBe(true)
    })
  })
})
