import { templateById } from '../../../shared/codebook/loopbaan'
import { childColour } from '../../../shared/code-colour'
import type { Lang } from '../../../shared/codebook/template-types'
import { WerkbankError } from '../../../shared/errors'
import type { Code } from '../../../shared/types'
import { PATH_SEPARATOR, type CodesRepo, type CodeFields } from '../repos/codes.repo'
import type { CodingsRepo } from '../repos/codings.repo'
import type { CodingService } from './coding.service'
import type { History } from './history.service'

/** Colours handed to new codes in turn, distinct enough as highlights. */
export const DEFAULT_COLOURS = [
  '#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6',
  '#bcf60c', '#fabebe', '#008080', '#e6beff', '#9a6324', '#fffac8', '#800000', '#aaffc3',
]

export interface NewCode {
  parentId: number | null
  name: string
  colour?: string
  definition?: string
  inclusion?: string
  exclusion?: string
  example?: string
}

export function splitPath(path: string): string[] {
  return path.split(PATH_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '')
}

function checkName(name: string): string {
  const trimmed = name.trim()
  // Control characters cannot be written to XML (REFI-QDA exchange) and are never meant.
  if (trimmed === '' || trimmed.includes(PATH_SEPARATOR) || /[\u0000-\u001F\u007F]/.test(trimmed)) {
    throw new WerkbankError('code-name-invalid')
  }
  return trimmed
}

/** The codebook: a tree of codes with names unique among siblings. */
export class CodebookService {
  constructor(
    readonly codes: CodesRepo,
    private readonly codings: CodingsRepo,
    private readonly codingService: CodingService,
    private readonly history: History,
  ) {}

  list(): Code[] {
    return this.codes.list()
  }

  get(id: number): Code {
    const code = this.codes.get(id)
    if (!code) throw new WerkbankError('code-not-found', { codeId: id })
    return code
  }

  create(input: NewCode): Code {
    const name = checkName(input.name)
    return this.history.record('code-create', { name }, () => {
      if (input.parentId !== null) this.get(input.parentId)
      if (this.codes.idByName(input.parentId, name) !== undefined) throw new WerkbankError('code-name-taken', { name })
      const id = this.codes.insert({ ...input, name, colour: input.colour ?? this.colourFor(input.parentId) })
      return this.get(id)
    })
  }

  /** Changes a code's name, colour and texts, and with `parentId` its place: one undo step. */
  update(id: number, fields: CodeFields, parentId?: number | null): Code {
    return this.history.record('code-update', { codeId: id }, () => {
      const current = this.get(id)
      const next = { ...fields }
      if (fields.name !== undefined) {
        next.name = checkName(fields.name)
        const other = this.codes.idByName(current.parentId, next.name)
        if (other !== undefined && other !== id) throw new WerkbankError('code-name-taken', { name: next.name })
      }
      this.codes.update(id, current, next)
      if (parentId !== undefined && parentId !== current.parentId) return this.move(id, parentId)
      return this.get(id)
    })
  }

  move(id: number, parentId: number | null): Code {
    return this.history.record('code-move', { codeId: id }, () => {
      const code = this.get(id)
      if (parentId !== null) {
        this.get(parentId)
        if (this.codes.subtreeIds(id).includes(parentId)) throw new WerkbankError('code-move-cycle')
      }
      const other = this.codes.idByName(parentId, code.name)
      if (other !== undefined && other !== id) throw new WerkbankError('code-name-taken', { name: code.name })
      this.codes.move(id, parentId)
      return this.get(id)
    })
  }

  /**
   * Merges `sourceId` into `targetId`: the source's codings move to the target (joining any
   * they now overlap, as MAXQDA does), its subcodes move under the target (merging with a
   * subcode of the same name there), and the source is deleted.
   */
  merge(sourceId: number, targetId: number): Code {
    return this.history.record('code-merge', { codeId: sourceId, targetId }, () => {
      const source = this.get(sourceId)
      this.get(targetId)
      if (this.codes.subtreeIds(sourceId).includes(targetId)) throw new WerkbankError('code-merge-self')
      this.mergeInto(source, targetId)
      return this.get(targetId)
    })
  }

  private mergeInto(source: Code, targetId: number): void {
    for (const childId of this.codes.childIds(source.id)) {
      const child = this.get(childId)
      const twin = this.codes.idByName(targetId, child.name)
      if (twin !== undefined) this.mergeInto(child, twin)
      else this.codes.move(childId, targetId)
    }
    for (const codingId of this.codings.idsForCodes([source.id])) {
      this.codings.setCode(codingId, targetId)
      this.codingService.coalesce(codingId)
    }
    this.codes.moveMemos(source.id, targetId)
    this.codes.remove(source.id)
  }

  /**
   * Deletes a code and its subcodes. Refused while they hold codings, unless `withCodings`
   * says to delete those too.
   */
  remove(id: number, withCodings = false): { deletedCodes: number; deletedCodings: number } {
    return this.history.record('code-delete', { codeId: id }, () => {
      const code = this.get(id)
      const ids = this.codes.subtreeIds(id)
      const count = this.codings.countForCodes(ids)
      if (count > 0 && !withCodings) throw new WerkbankError('code-has-codings', { name: code.name, count })
      for (const codingId of this.codings.idsForCodes(ids)) this.codings.remove(codingId)
      for (const codeId of ids) this.codes.remove(codeId)
      return { deletedCodes: ids.length, deletedCodings: count }
    })
  }

  /** The id of the code at `path` (Parent/Child), if there is one. */
  findPath(path: string): number | undefined {
    let parentId: number | null = null
    const parts = splitPath(path)
    if (parts.length === 0) return undefined
    for (const part of parts) {
      const id = this.codes.idByName(parentId, part)
      if (id === undefined) return undefined
      parentId = id
    }
    return parentId ?? undefined
  }

  /** The id of the code at `path` (Parent/Child), or an error naming the path. */
  resolvePath(path: string): number {
    const id = this.findPath(path)
    if (id === undefined) throw new WerkbankError('code-path-not-found', { path })
    return id
  }

  /** Creates the code at `path` and any missing parents; returns the code (new or existing). */
  ensurePath(path: string, fields: Omit<NewCode, 'parentId' | 'name'> = {}): Code {
    const parts = splitPath(path).map(checkName)
    if (parts.length === 0) throw new WerkbankError('code-name-invalid')
    return this.history.record('code-create', { name: parts.join(PATH_SEPARATOR) }, () => {
      let parentId: number | null = null
      parts.forEach((part, i) => {
        const existing = this.codes.idByName(parentId, part)
        const last = i === parts.length - 1
        parentId =
          existing ??
          this.codes.insert({ parentId, name: part, ...(last ? fields : {}), colour: (last && fields.colour) || this.colourFor(parentId) })
      })
      return this.get(parentId!)
    })
  }

  /** Adds a built-in template's codes; codes it already added (same key) are left alone. */
  applyTemplate(templateId: string, lang: Lang): Code[] {
    const template = templateById(templateId)
    if (!template) throw new WerkbankError('template-not-found', { template: templateId })
    return this.history.record('codebook-template', { template: templateId }, () => {
      const byKey = new Map<string, number>()
      for (const c of this.codes.list()) if (c.templateKey) byKey.set(c.templateKey, c.id)
      for (const t of template.codes) {
        if (byKey.has(t.key)) continue
        const parentId = t.parentKey === null ? null : (byKey.get(t.parentKey) ?? null)
        const name = this.freeName(parentId, t.name[lang])
        byKey.set(
          t.key,
          this.codes.insert({
            parentId,
            name,
            colour: t.colour,
            definition: t.definition[lang],
            inclusion: t.inclusion[lang],
            exclusion: t.exclusion[lang],
            example: t.example[lang],
            templateKey: t.key,
          }),
        )
      }
      return this.codes.list()
    })
  }

  private freeName(parentId: number | null, name: string): string {
    let candidate = name
    for (let n = 2; this.codes.idByName(parentId, candidate) !== undefined; n++) candidate = `${name} (${n})`
    return candidate
  }

  /** A new code's colour: a shade of its parent's (shared/code-colour.ts), else the next of the palette. */
  private colourFor(parentId: number | null): string {
    if (parentId === null) return this.nextColour()
    return childColour(this.get(parentId).colour, this.codes.childIds(parentId).length)
  }

  private nextColour(): string {
    const count = this.codes.list().length
    return DEFAULT_COLOURS[count % DEFAULT_COLOURS.length]!
  }
}
