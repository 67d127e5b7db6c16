import { WerkbankError } from '../../../shared/errors'
import type { Case } from '../../../shared/types'
import type { CasesRepo } from '../repos/cases.repo'
import type { CodersRepo } from '../repos/coders.repo'
import type { History } from './history.service'
import { checkOwnership, SYSTEM, type Actor, type Ownership } from './ownership'

/**
 * Cases (the innovation projects) and their attributes. An attribute `ATTRIBUTE:CODER` naming a
 * coder of the study (`fase:Anna`) is that coder's judgement: only they change it, or a lead.
 */
export class CaseService {
  constructor(
    private readonly cases: CasesRepo,
    private readonly history: History,
    private readonly coders: CodersRepo,
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

  /**
   * A new name and attribute values ('' removes one) as one undo step. `by`: who acts (see
   * {@link judgements}); the system's default serves merges and imports.
   */
  update(id: number, change: { name?: string; attributes?: Record<string, string> }, by: Actor | null = SYSTEM): Case {
    const [label, params] = this.label('case-update', { caseId: id }, this.judgements(Object.keys(change.attributes ?? {}), by))
    return this.history.record(label, params, () => {
      if (change.name !== undefined && change.name.trim() !== this.get(id).name) this.rename(id, change.name)
      for (const [name, value] of Object.entries(change.attributes ?? {})) this.setAttribute(id, name, value)
      return this.get(id)
    })
  }

  setAttribute(id: number, name: string, value: string, by: Actor | null = SYSTEM): Case {
    const [label, params] = this.label('case-attribute', { caseId: id, name }, this.judgements([name], by))
    return this.history.record(label, params, () => {
      this.get(id)
      this.cases.setAttribute(id, name.trim(), value.trim())
      return this.get(id)
    })
  }

  /**
   * Whether `by` may change these attributes: each that is a coder's judgement must be theirs,
   * or `by` acts as lead. Without an acting coder (null) no judgement may change.
   */
  private judgements(names: string[], by: Actor | null): Ownership[] {
    const found: Ownership[] = []
    for (const name of names) {
      const at = name.indexOf(':')
      const owner = at > 0 ? this.coders.byName(name.slice(at + 1).trim()) : undefined
      if (!owner) continue
      if (by === null) throw new WerkbankError('bad-input', { detail: `changing ${owner.name}'s judgement (${name}) needs the acting coder (actingCoderId)` })
      found.push(checkOwnership(by, owner.id, (c) => this.coders.get(c)?.name, 'judgement', { name: name.trim() }))
    }
    return found
  }

  /** `LABEL-as-lead`, naming the lead and the owners, when a judgement was changed as lead. */
  private label(label: string, params: Record<string, string | number>, o: Ownership[]): [string, Record<string, string | number>] {
    const lead = o.filter((x) => x.lead)
    if (lead.length === 0) return [label, params]
    return [`${label}-as-lead`, { ...params, by: lead[0]!.by, owner: [...new Set(lead.map((x) => x.owner))].join(', ') }]
  }
}
