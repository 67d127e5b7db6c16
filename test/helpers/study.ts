import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import { createHandlers } from '../../electron/core/handlers/handlers'
import { dispatch } from '../../electron/core/handlers/dispatch'
import type { Args, Method, Result } from '../../shared/api'

/** Real PDFs made by other programs, beside the repository (read-only). */
export const INTEROP_PDF = join(import.meta.dirname, '../../../shared/interop/pdf')

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'werkbank-test-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A new study file in a temp folder, closed and removed after the test. */
export async function tempStudy(name = 'study.werkbank'): Promise<StudySession> {
  const session = await StudySession.open(join(tempDir(), name), { create: true })
  cleanups.push(() => session.close())
  return session
}

/** Calls the handler table through dispatch, as every door does; throws on an error reply. */
export function caller(session: StudySession) {
  const handlers = createHandlers(session)
  return async <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
    const reply = await dispatch(handlers, method, args)
    if (!reply.ok) throw Object.assign(new Error(reply.error.code), { appError: reply.error })
    return reply.data as Result<M>
  }
}

let template: Promise<{ path: string; documentId: number }> | undefined

/**
 * A study holding one real PDF (OpenOffice, 55 pages of English prose) and one coder. The PDF
 * is imported once per test file into a template study; each test works on its own copy.
 */
export async function studyWithDocument() {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkbank-template-'))
    const path = join(dir, 'template.werkbank')
    const s = await StudySession.open(path, { create: true })
    const [outcome] = await s.importer.importFiles([join(INTEROP_PDF, '12_en_openoffice_pdkids.pdf')])
    if (outcome?.status !== 'imported') throw new Error(`fixture import failed: ${JSON.stringify(outcome)}`)
    s.ensureCoder('Anna')
    s.history.clear() // tests start with nothing to undo
    await s.close()
    return { path, documentId: outcome.documentId }
  })()
  const t = await template
  const path = join(tempDir(), 'study.werkbank')
  copyFileSync(t.path, path)
  const s = await StudySession.open(path)
  cleanups.push(() => s.close())
  const coder = s.ensureCoder('Anna')
  return { s, documentId: t.documentId, coderId: coder.id, text: s.documents.text(t.documentId) }
}
