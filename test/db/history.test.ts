import { describe, expect, it } from 'vitest'
import { StudySession } from '../../electron/core/study-session'
import { studyWithDocument } from '../helpers/study'

const snapshot = (s: StudySession) => ({
  codes: s.codebook.list().map(({ codingCount: _n, ...c }) => c),
  codings: s.codings.list().map(({ updatedAt: _u, ...c }) => c),
  cases: s.cases.list(),
  coders: s.coders.list(),
})

describe('undo and redo', () => {
  it('undoes and redoes every kind of change, back to the exact earlier state', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const states = [snapshot(s)]
    const steps: (() => unknown)[] = [
      () => s.codebook.applyTemplate('loopbaan', 'nl'),
      () => s.codebook.create({ parentId: null, name: 'Eigen code' }),
      () => s.codings.create({ documentId, codeId: s.codebook.resolvePath('Eigen code'), coderId, start: 10, end: 40 }),
      () => s.codings.create({ documentId, codeId: s.codebook.resolvePath('Eigen code'), coderId, start: 35, end: 60 }), // merges
      () => s.codings.update(s.codings.list()[0]!.id, { memo: 'Belangrijk' }, { coderId }),
      () => s.codebook.update(s.codebook.resolvePath('Eigen code'), { name: 'Hernoemd', colour: '#000000' }),
      () => s.codebook.merge(s.codebook.resolvePath('Hernoemd'), s.codebook.list()[0]!.id),
      () => s.cases.create('Project 1'),
      () => s.cases.setAttribute(s.cases.list()[0]!.id, 'sector', 'zorg'),
      () => s.codebook.remove(s.codebook.list()[0]!.id, true),
    ]
    for (const step of steps) {
      step()
      states.push(snapshot(s))
    }
    for (let i = states.length - 2; i >= 0; i--) {
      s.history.undo()
      expect(snapshot(s)).toEqual(states[i])
    }
    expect(s.history.state().canUndo).toBe(false)
    while (s.history.state().canRedo) s.history.redo()
    expect(snapshot(s)).toEqual(states[states.length - 1])
  })

  it('undoes assigning a document to a case and renaming it', async () => {
    const { s, documentId } = await studyWithDocument()
    const c = s.cases.create('Project 7')
    const before = s.documentService.get(documentId)
    s.documentService.assignCase(documentId, c.id)
    s.documentService.rename(documentId, 'Eindrapport')
    expect(s.documentService.get(documentId)).toMatchObject({ caseId: c.id, caseName: 'Project 7', title: 'Eindrapport' })
    s.history.undo()
    s.history.undo()
    expect(s.documentService.get(documentId)).toEqual(before)
    expect(() => s.documentService.assignCase(documentId, 999)).toThrow(expect.objectContaining({ code: 'case-not-found' }))
  })

  it('keeps undo and redo across closing and reopening the study', async () => {
    const { s, documentId, coderId } = await studyWithDocument()
    const code = s.codebook.create({ parentId: null, name: 'Blijvend' })
    s.codings.create({ documentId, codeId: code.id, coderId, start: 5, end: 25 })
    s.codings.create({ documentId, codeId: code.id, coderId, start: 100, end: 125 })
    const path = s.path
    await s.close()

    const reopened = await StudySession.open(path)
    try {
      expect(reopened.history.state()).toMatchObject({ canUndo: true, undoLabel: 'coding-create' })
      reopened.history.undo()
      expect(reopened.codings.list()).toHaveLength(1)
      await reopened.close()
      const third = await StudySession.open(path)
      expect(third.history.state()).toMatchObject({ canRedo: true, redoLabel: 'coding-create' })
      third.history.redo()
      expect(third.codings.list().map((c) => c.start)).toEqual([5, 100])
      await third.close()
    } finally {
      await reopened.close()
    }
  })

  it('forgets the redo steps once a new change is made, and says when there is nothing to undo', async () => {
    const { s } = await studyWithDocument()
    expect(() => s.history.undo()).toThrow(expect.objectContaining({ code: 'nothing-to-undo' }))
    s.codebook.create({ parentId: null, name: 'A' })
    s.history.undo()
    s.codebook.create({ parentId: null, name: 'B' })
    expect(s.history.state().canRedo).toBe(false)
    expect(() => s.history.redo()).toThrow(expect.objectContaining({ code: 'nothing-to-redo' }))
    expect(s.codebook.list().map((c) => c.name)).toEqual(['B'])
  })

  it('records nothing for a change that fails, so undo skips it', async () => {
    const { s } = await studyWithDocument()
    s.codebook.create({ parentId: null, name: 'A' })
    expect(() => s.codebook.create({ parentId: null, name: 'A' })).toThrow()
    s.history.undo()
    expect(s.codebook.list()).toHaveLength(0)
    expect(s.history.state().canUndo).toBe(false)
  })
})

describe('one undo step per dialog', () => {
  it('undoes a code edit that also moved it in one step', async () => {
    const { s } = await studyWithDocument()
    const a = s.codebook.create({ parentId: null, name: 'A' })
    const b = s.codebook.create({ parentId: null, name: 'B' })
    const updated = s.codebook.update(b.id, { name: 'B2', definition: 'nieuw' }, a.id)
    expect(updated).toMatchObject({ path: 'A/B2', definition: 'nieuw' })
    s.history.undo()
    expect(s.codebook.get(b.id)).toMatchObject({ path: 'B', definition: '', parentId: null })
    expect(() => s.codebook.update(a.id, {}, b.id)).not.toThrow()
    expect(() => s.codebook.update(a.id, {}, a.id)).toThrow(expect.objectContaining({ code: 'code-move-cycle' }))
  })

  it('undoes a case rename with its attributes in one step', async () => {
    const { s } = await studyWithDocument()
    const c = s.cases.create('Project 1')
    s.cases.setAttribute(c.id, 'sector', 'zorg')
    const updated = s.cases.update(c.id, { name: 'Project Eén', attributes: { sector: '', jaar: '2012', regio: 'Twente' } })
    expect(updated).toMatchObject({ name: 'Project Eén', attributes: { jaar: '2012', regio: 'Twente' } })
    expect(updated.attributes).not.toHaveProperty('sector')
    expect(s.history.state().undoLabel).toBe('case-update')
    s.history.undo()
    expect(s.cases.get(c.id)).toMatchObject({ name: 'Project 1', attributes: { sector: 'zorg' } })
  })
})
