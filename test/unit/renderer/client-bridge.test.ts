import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/core/handlers/dispatch'
import { createHandlers } from '../../../electron/core/handlers/handlers'
import { createBridge } from '../../../electron/preload/bridge'
import { ApiError, call, isDesktop, uploadPdf } from '../../../renderer/api/client'
import { CALL_CHANNEL } from '../../../shared/ipc'
import { INTEROP_PDF, tempStudy } from '../../helpers/study'

/**
 * The UI's client over the desktop transport, without Electron: the real preload bridge on a
 * fake ipcRenderer whose invoke runs the real dispatch, as ipcMain would (structured clone
 * keeps a Uint8Array a Uint8Array).
 */
async function desktop() {
  const s = await tempStudy()
  const handlers = createHandlers(s)
  const bridge = createBridge({
    invoke: async (channel, method, args) => {
      if (channel !== CALL_CHANNEL) throw new Error(`unexpected channel ${channel}`)
      return dispatch(handlers, method as string, structuredClone(args))
    },
    on: () => undefined,
    removeListener: () => undefined,
  })
  ;(globalThis as { window?: unknown }).window = { werkbank: bridge }
  return s
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window
})

describe('the UI client in the desktop app', () => {
  it('calls the handler table through the preload bridge and throws typed errors', async () => {
    const s = await desktop()
    expect(isDesktop()).toBe(true)
    const code = await call('codes:create', { parentId: null, name: 'Fase' })
    expect(code.path).toBe('Fase')
    await expect(call('codes:create', { parentId: null, name: 'Fase' })).rejects.toBeInstanceOf(ApiError)
    await expect(call('codes:create', { parentId: null, name: 'Fase' })).rejects.toMatchObject({ error: { code: 'code-name-taken' } })
    expect(s.codebook.list()).toHaveLength(1)
  })

  it('imports a PDF dropped on the window as bytes over IPC', async () => {
    const s = await desktop()
    const c = s.cases.create('Project 3')
    const bytes = readFileSync(join(INTEROP_PDF, '10_ja_dvipdfmx_issue16538.pdf'))
    const file = new File([bytes], 'rapport.pdf', { type: 'application/pdf' })
    const outcome = await uploadPdf(file, c.id)
    expect(outcome).toMatchObject({ status: 'imported', file: 'rapport.pdf', pages: 1 })
    expect(s.documents.list()).toMatchObject([{ caseName: 'Project 3', fileName: 'rapport.pdf' }])
  })
})
