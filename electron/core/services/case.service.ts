import { WerkbankError } from '../../../shared/errors'
import type { Case } from '../../../shared/types'
import type { CasesRepo } from '../repos/cases.repo'
import type { History } from './history.service'

/** Cases (the innovation projects) and their attributes. */
export class CaseService {
  constructor(
    private readonly cases: CasesRepo,
    private readonly history: History,
  ) {}

  list(): Case[] {
    return this.cases.list()
  }

  get(id: number): Case {
    const found = this.cases.list().find((c) => c.id === id)
    if (!found) throw new WerkbankError('case-not-found', { caseId: id })
    return found
  }

  create(name: string): Case {
    const trimmed = name.trim()
    return this.history.record('case-create', { name: trimmed }, () => {
      if (this.cases.idByName(trimmed) !== undefined) throw new WerkbankError('case-name-taken', { name: trimmed })
      return this.get(this.cases.insert(trimmed))
    })
  }

  /** The case of that name, created when missing (import --case NAME). Not an undoable step of its own. */
  ensure(name: string): Case {
    const id = this.cases.idByName(name.trim())
    return id !== undefined ? this.get(id) : this.create(name)
  }

  rename(id: number, name: string): Case {
    const trimmed = name.trim()
    return this.history.record('case-rename', { caseId: id }, () => {
      this.get(id)
      const other = this.cases.idByName(trimmed)
      if (other !== undefined && other !== id) throw new WerkbankError('case-name-taken', { name: trimmed })
      this.cases.rename(id, trimmed)
      return this.get(id)
    })
  }

  /** A new name and attribute values ('' removes one) as one undo step. */
  update(id: number, change: { name?: string; attributes?: Record<string, string> }): Case {
    return this.history.record('case-update', { caseId: id }, () => {
      if (change.name !== undefined && change.name.trim() !== this.get(id).name) this.rename(id, change.name)
      for (const [name, value] of Object.entries(change.attributes ?? {})) this.setAttribute(id, name, value)
      return this.get(id)
    })
  }

  setAttribute(id: number, name: string, value: string): Case {
    return this.history.record('case-attribute', { caseId: id, name }, () => {
      this.get(id)
      this.cases.setAttribute(id, name.trim(), value.trim())
      return this.get(id)
    })
  }

}
