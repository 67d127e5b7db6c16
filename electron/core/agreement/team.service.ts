import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { ExportForCoderResult, MergeReport } from '../../../shared/agreement-types'
import { WerkbankError } from '../../../shared/errors'
import { PAGE_SEPARATOR } from '../../../shared/page-text'
import { loadMigrations } from '../db/migrations'
import { checkKnownMigrations, openStudy, readHeader, STUDY_APPLICATION_ID } from '../db/open-study'
import { PATH_SEPARATOR } from '../repos/codes.repo'
import type { StudySession } from '../study-session'

interface OtherCode {
  id: number
  uuid: string
  parent_id: number | null
  name: string
  colour: string
  definition: string
  inclusion: string
  exclusion: string
  example: string
  template_key: string | null
}

interface CodingRow {
  id: number
  uuid: string
  document_id: number
  code_id: number
  coder_id: number
  kind: 'text' | 'area'
  start_offset: number
  end_offset: number
  quote: string
  prefix: string
  suffix: string
  page_from: number
  page_to: number
  rects: string
  memo: string
  /** Absent in a copy from before provenance was kept. */
  origin?: string
  origin_detail?: string
  created_at: string
  updated_at: string
}

interface MemoRow {
  id: number
  target_type: 'study' | 'case' | 'document' | 'code'
  target_id: number | null
  coder_id: number | null
  title: string
  body: string
  created_at: string
  updated_at: string
}

/**
 * The better-sqlite3 build the main process opens studies with (Electron's ABI), so that the
 * copy and the other study are opened by the same native module as the study itself.
 */
function nativeBinding(): { nativeBinding?: string } {
  const binding = process.env.WERKBANK_NATIVE_BINDING
  return binding ? { nativeBinding: binding } : {}
}

/** The label of a merge in the undo history. */
export const MERGE_LABEL = 'team-merge'

/**
 * The team workflow: a copy of the study for one coder (documents and codebook, none of the
 * others' codings), and merging such a copy back. Identity across copies: documents by the
 * sha256 of their PDF (then by equal canonical text), codes by uuid (then by path), coders by
 * name, codings by uuid (then by an identical coding: same document, code, coder and offsets),
 * memos by target, coder and creation time, judgements by case name and attribute name.
 */
export class TeamService {
  private readonly s

  constructor(private readonly session: StudySession) {
    const db = session.study.db
    this.s = {
      documents: db.prepare('SELECT id, title, sha256 FROM documents ORDER BY id'),
      codings: db.prepare('SELECT id, uuid, document_id, code_id, coder_id, kind, start_offset, end_offset, memo, rects FROM codings'),
      memos: db.prepare('SELECT target_type, target_id, coder_id, title, body, created_at FROM memos'),
      insertCoding: db.prepare(`
        INSERT INTO codings (uuid, document_id, code_id, coder_id, kind, start_offset, end_offset, quote, prefix, suffix,
                             page_from, page_to, rects, memo, origin, origin_detail, created_at, updated_at)
        VALUES (@uuid, @document_id, @code_id, @coder_id, @kind, @start_offset, @end_offset, @quote, @prefix, @suffix,
                @page_from, @page_to, @rects, @memo, 'merge', @origin_detail, @created_at, @updated_at)`),
      insertMemo: db.prepare(`
        INSERT INTO memos (target_type, target_id, coder_id, title, body, created_at, updated_at)
        VALUES (@target_type, @target_id, @coder_id, @title, @body, @created_at, @updated_at)`),
    }
  }

  /**
   * Writes a copy of the study for one coder with SQLite's backup API, then removes from the
   * copy every other coder with their codings, memos and judgements (`ATTRIBUTE:OTHER` case
   * attributes), clears its undo history (it would undo other people's work) and vacuums it,
   * so that nothing of the others can be read back from free pages. The coder is created in
   * the copy when the study does not know them yet. Refuses to overwrite a file.
   */
  async exportForCoder(coderName: string, target: string): Promise<ExportForCoderResult> {
    const name = coderName.trim()
    if (name === '') throw new WerkbankError('coder-name-invalid')
    const path = resolve(target)
    if (existsSync(path)) throw new WerkbankError('team-export-exists', { path })
    await this.session.study.db.backup(path)
    try {
      const copy = await openStudy(path, nativeBinding())
      try {
        const db = copy.db
        const result = db.transaction(() => {
          const now = new Date().toISOString()
          let coder = db.prepare('SELECT id, name FROM coders WHERE name = ?').get(name) as { id: number; name: string } | undefined
          if (!coder) coder = { id: Number(db.prepare('INSERT INTO coders (name, created_at) VALUES (?, ?)').run(name, now).lastInsertRowid), name }
          const others = (db.prepare('SELECT name FROM coders WHERE id != ?').pluck().all(coder.id) as string[]).map((n) => n.toLowerCase())
          const removedCodings = db.prepare('DELETE FROM codings WHERE coder_id != ?').run(coder.id).changes
          const removedMemos = db.prepare('DELETE FROM memos WHERE coder_id IS NOT NULL AND coder_id != ?').run(coder.id).changes
          const attrs = db.prepare("SELECT id, name FROM case_attributes WHERE instr(name, ':') > 0").all() as { id: number; name: string }[]
          const dropAttr = db.prepare('DELETE FROM case_attributes WHERE id = ?')
          for (const a of attrs) {
            const lower = a.name.toLowerCase()
            if (others.some((o) => lower.endsWith(`:${o}`))) dropAttr.run(a.id)
          }
          const removedCoders = db.prepare('DELETE FROM coders WHERE id != ?').run(coder.id).changes
          db.exec('DELETE FROM undo_changes; DELETE FROM undo_actions; UPDATE undo_state SET recording = NULL WHERE id = 1')
          const meta = db.prepare('INSERT OR REPLACE INTO study_meta (key, value) VALUES (?, ?)')
          meta.run('team.exported_for', coder.name)
          meta.run('team.exported_at', now)
          const codings = db.prepare('SELECT count(*) FROM codings').pluck().get() as number
          return { path, coder: coder.name, codings, removedCodings, removedMemos, removedCoders }
        })()
        db.exec('VACUUM')
        return result
      } finally {
        copy.close()
      }
    } catch (e) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
      throw e
    }
  }

  /**
   * Brings another study's codings, memos, new codes, coders and judgements into this one, as
   * one undoable action in one transaction: a study of other documents or another codebook
   * version is refused with nothing changed. The other file is opened read-only. Codings are
   * copied exactly (offsets, quote, context, rectangles, memo, times) and not joined with
   * overlapping codings here, so nothing of the other study is lost. Merging twice adds
   * nothing the second time. Like every action it drops the redo steps; the undo triggers log
   * each inserted row, so one undo takes the whole merge back.
   *
   * Codebook versions: a code is the same code when its uuid is the same, whatever its path
   * now (renamed or moved on one side: ours is kept and the move reported). A code whose uuid
   * is unknown here is the same as the code at its path (two studies that took the same
   * template), unless that code here is, by uuid, another code of the other study: then the
   * two codebooks disagree about what the path means, and the merge is refused.
   */
  merge(target: string): MergeReport {
    const path = resolve(target)
    if (!existsSync(path)) throw new WerkbankError('study-not-found', { path })
    const other = openOther(path)
    try {
      return this.session.history.record(MERGE_LABEL, { file: basename(path) }, () => this.apply(path, other))
    } finally {
      other.close()
    }
  }

  private apply(path: string, other: Database.Database): MergeReport {
    const s = this.session
    const report: MergeReport = {
      path,
      documents: { matched: 0, matchedByText: 0, unmatched: [] },
      codes: { added: [], matchedByUuid: 0, matchedByPath: 0, moved: [] },
      coders: { added: [], matched: [] },
      cases: { added: [] },
      codings: { added: 0, matched: 0, conflicted: [] },
      memos: { added: 0, matched: 0, conflicted: [] },
      judgements: { added: 0, matched: 0, conflicted: [] },
    }

    // Documents: sha256 of the PDF, then the canonical text.
    const otherDocs = other.prepare('SELECT id, title, sha256 FROM documents ORDER BY id').all() as { id: number; title: string; sha256: string }[]
    const localDocs = this.s.documents.all() as { id: number; title: string; sha256: string }[]
    const bySha = new Map(localDocs.map((d) => [d.sha256, d.id]))
    let byText: Map<string, number> | undefined
    const textHash = (text: string) => createHash('sha256').update(text).digest('hex')
    const otherPages = other.prepare('SELECT text FROM pages WHERE document_id = ? ORDER BY page_no').pluck()
    const docMap = new Map<number, number>()
    const docTitle = new Map(otherDocs.map((d) => [d.id, d.title]))
    for (const d of otherDocs) {
      let local = bySha.get(d.sha256)
      if (local === undefined) {
        byText ??= new Map(localDocs.map((l) => [textHash(s.documents.text(l.id)), l.id]))
        local = byText.get(textHash((otherPages.all(d.id) as string[]).join(PAGE_SEPARATOR)))
        if (local !== undefined) report.documents.matchedByText++
      }
      if (local === undefined) report.documents.unmatched.push(d.title)
      else {
        docMap.set(d.id, local)
        report.documents.matched++
      }
    }
    if (otherDocs.length > 0 && docMap.size === 0) throw new WerkbankError('team-merge-no-common-documents', { path })

    const codings = other.prepare('SELECT * FROM codings ORDER BY id').all() as CodingRow[]
    const memos = other.prepare('SELECT * FROM memos ORDER BY id').all() as MemoRow[]
    const needDoc = (id: number) => {
      const local = docMap.get(id)
      if (local === undefined) throw new WerkbankError('team-merge-document-missing', { path, title: docTitle.get(id) ?? String(id) })
      return local
    }
    for (const c of codings) needDoc(c.document_id)
    for (const m of memos) if (m.target_type === 'document' && m.target_id !== null) needDoc(m.target_id)

    const codeMap = this.mergeCodes(path, other, report)

    // Coders by name (case-insensitive, as the study compares them).
    const coderMap = new Map<number, number>()
    for (const c of other.prepare('SELECT id, name FROM coders ORDER BY id').all() as { id: number; name: string }[]) {
      const local = s.coders.byName(c.name)
      if (local) report.coders.matched.push(local.name)
      else report.coders.added.push(c.name)
      coderMap.set(c.id, (local ?? s.coders.insert(c.name)).id)
    }

    // Cases by name, created when a memo or a judgement needs one.
    const otherCases = new Map((other.prepare('SELECT id, name FROM cases').all() as { id: number; name: string }[]).map((c) => [c.id, c.name]))
    const caseFor = (otherId: number): number | null => {
      const name = otherCases.get(otherId)
      if (name === undefined) return null
      const known = s.cases.list().find((c) => c.name.toLowerCase() === name.toLowerCase())
      if (known) return known.id
      report.cases.added.push(name)
      return s.cases.create(name).id
    }

    // Codings by uuid, then by an identical coding.
    const local = this.s.codings.all() as Pick<CodingRow, 'id' | 'uuid' | 'document_id' | 'code_id' | 'coder_id' | 'kind' | 'start_offset' | 'end_offset' | 'memo' | 'rects'>[]
    const byUuid = new Map(local.map((c) => [c.uuid, c]))
    const identity = (c: Pick<CodingRow, 'document_id' | 'code_id' | 'coder_id' | 'kind' | 'start_offset' | 'end_offset' | 'rects'>) =>
      `${c.document_id}|${c.code_id}|${c.coder_id}|${c.kind}|${c.start_offset}|${c.end_offset}${c.kind === 'area' ? `|${c.rects}` : ''}`
    const identical = new Set(local.map(identity))
    const codePaths = new Map(s.codebook.list().map((c) => [c.id, c.path]))
    const coderNames = new Map(s.coders.list().map((c) => [c.id, c.name]))
    for (const c of codings) {
      const mapped = {
        ...c,
        document_id: docMap.get(c.document_id) as number,
        code_id: codeMap.get(c.code_id) as number,
        coder_id: coderMap.get(c.coder_id) as number,
      }
      const twin = byUuid.get(c.uuid)
      if (twin) {
        const same = twin.document_id === mapped.document_id && twin.code_id === mapped.code_id && twin.coder_id === mapped.coder_id &&
          twin.kind === mapped.kind && twin.start_offset === mapped.start_offset && twin.end_offset === mapped.end_offset && twin.memo === mapped.memo
        if (same) report.codings.matched++
        else {
          report.codings.conflicted.push({
            uuid: c.uuid,
            document: docTitle.get(c.document_id) ?? '',
            code: codePaths.get(twin.code_id) ?? '',
            coder: coderNames.get(twin.coder_id) ?? '',
          })
        }
        continue
      }
      const key = identity(mapped)
      if (identical.has(key)) {
        report.codings.matched++
        continue
      }
      if (mapped.kind === 'text') {
        // Equal bytes do not promise equal text (another extractor version): check every quote.
        const text = s.codings.docText(mapped.document_id).text
        if (mapped.end_offset > text.length || text.slice(mapped.start_offset, mapped.end_offset) !== mapped.quote) {
          throw new WerkbankError('team-merge-text-differs', {
            path, title: docTitle.get(c.document_id) ?? '', start: c.start_offset, end: c.end_offset,
          })
        }
      }
      // A merged coding says where it came from: the copy's file, and how it was made there.
      const how = c.origin && c.origin !== 'unrecorded' ? `; ${c.origin}${c.origin_detail ? `: ${c.origin_detail}` : ''}` : ''
      this.s.insertCoding.run({ ...mapped, origin_detail: `${basename(path)}${how}` })
      identical.add(key)
      report.codings.added++
    }

    // Memos by target, coder and creation time (memos have no uuid; a copy keeps the time).
    const memoKey = (m: Pick<MemoRow, 'target_type' | 'target_id' | 'coder_id' | 'created_at'>) =>
      `${m.target_type}|${m.target_id ?? ''}|${m.coder_id ?? ''}|${m.created_at}`
    const localMemos = new Map(
      (this.s.memos.all() as Pick<MemoRow, 'target_type' | 'target_id' | 'coder_id' | 'title' | 'body' | 'created_at'>[]).map((m) => [memoKey(m), m]),
    )
    for (const m of memos) {
      let targetId: number | null = null
      if (m.target_id !== null) {
        if (m.target_type === 'document') targetId = docMap.get(m.target_id) ?? null
        else if (m.target_type === 'code') targetId = codeMap.get(m.target_id) ?? null
        else if (m.target_type === 'case') targetId = caseFor(m.target_id)
      }
      const mapped = { ...m, target_id: targetId, coder_id: m.coder_id === null ? null : (coderMap.get(m.coder_id) ?? null) }
      const twin = localMemos.get(memoKey(mapped))
      if (twin) {
        if (twin.title === m.title && twin.body === m.body) report.memos.matched++
        else report.memos.conflicted.push({ title: twin.title, coder: mapped.coder_id === null ? null : (coderNames.get(mapped.coder_id) ?? null) })
        continue
      }
      this.s.insertMemo.run(mapped)
      localMemos.set(memoKey(mapped), mapped)
      report.memos.added++
    }

    // Judgements: case attributes NAME:CODER of the other study's coders.
    const otherCoderNames = (other.prepare('SELECT name FROM coders').pluck().all() as string[]).map((n) => n.toLowerCase())
    const attrs = other.prepare("SELECT case_id, name, value FROM case_attributes WHERE instr(name, ':') > 0 ORDER BY id").all() as { case_id: number; name: string; value: string }[]
    for (const a of attrs) {
      const lower = a.name.toLowerCase()
      if (!otherCoderNames.some((n) => lower.endsWith(`:${n}`))) continue
      const caseId = caseFor(a.case_id)
      if (caseId === null) continue
      const here = s.cases.get(caseId).attributes
      const ours = Object.entries(here).find(([k]) => k.toLowerCase() === lower)?.[1]
      if (ours === undefined) {
        s.cases.setAttribute(caseId, a.name, a.value)
        report.judgements.added++
      } else if (ours === a.value) report.judgements.matched++
      else report.judgements.conflicted.push({ case: otherCases.get(a.case_id) ?? '', attribute: a.name, ours, theirs: a.value })
    }
    return report
  }

  /** Maps every code of the other study to a code here, adding the new ones (parents first). */
  private mergeCodes(path: string, other: Database.Database, report: MergeReport): Map<number, number> {
    const codebook = this.session.codebook
    const codes = other.prepare('SELECT * FROM codes ORDER BY sort_order, id').all() as OtherCode[]
    const byId = new Map(codes.map((c) => [c.id, c]))
    const otherPath = (c: OtherCode): string => {
      const parts: string[] = []
      for (let x: OtherCode | undefined = c; x && parts.length < 64; x = x.parent_id === null ? undefined : byId.get(x.parent_id)) parts.unshift(x.name)
      return parts.join(PATH_SEPARATOR)
    }
    const local = codebook.list()
    const localByUuid = new Map(local.map((c) => [c.uuid, c]))
    const localById = new Map(local.map((c) => [c.id, c]))
    const otherUuids = new Map(codes.map((c) => [c.uuid, c]))
    const map = new Map<number, number>()

    const children = new Map<number | null, OtherCode[]>()
    for (const c of codes) {
      const parent = c.parent_id !== null && byId.has(c.parent_id) ? c.parent_id : null
      children.set(parent, [...(children.get(parent) ?? []), c])
    }
    const visit = (parent: number | null) => {
      for (const c of children.get(parent) ?? []) {
        const same = localByUuid.get(c.uuid)
        if (same) {
          map.set(c.id, same.id)
          report.codes.matchedByUuid++
          const theirs = otherPath(c)
          if (same.path !== theirs) report.codes.moved.push({ path: same.path, otherPath: theirs })
        } else {
          const parentHere = c.parent_id === null || !byId.has(c.parent_id) ? null : (map.get(c.parent_id) as number)
          const atPath = codebook.codes.idByName(parentHere, c.name)
          if (atPath !== undefined) {
            const here = localById.get(atPath)
            const claimant = here ? otherUuids.get(here.uuid) : undefined
            if (claimant) {
              throw new WerkbankError('team-merge-codebook-conflict', { path, code: otherPath(c), other: otherPath(claimant) })
            }
            map.set(c.id, atPath)
            report.codes.matchedByPath++
          } else {
            const id = codebook.codes.insert({
              uuid: c.uuid,
              parentId: parentHere,
              name: c.name,
              colour: c.colour,
              definition: c.definition,
              inclusion: c.inclusion,
              exclusion: c.exclusion,
              example: c.example,
              templateKey: c.template_key,
            })
            map.set(c.id, id)
            report.codes.added.push(otherPath(c))
          }
        }
        visit(c.id)
      }
    }
    visit(null)
    return map
  }
}

/**
 * Opens another study read-only after the same checks as opening one: ours (application id),
 * the same schema version, the same migrations. An older study must be opened (and so
 * migrated, with its backup) in Werkbank first: merging never writes to the other file.
 */
function openOther(path: string): Database.Database {
  const header = readHeader(path)
  if (!header.isSqlite || header.applicationId !== STUDY_APPLICATION_ID) throw new WerkbankError('study-not-a-study', { path })
  const migrations = loadMigrations()
  const db = new Database(path, { readonly: true, fileMustExist: true, ...nativeBinding() })
  try {
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > migrations.length) throw new WerkbankError('study-newer-version', { path, found: version, known: migrations.length })
    if (version < migrations.length) throw new WerkbankError('team-merge-older-version', { path, found: version, known: migrations.length })
    checkKnownMigrations(db, migrations, path)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}
