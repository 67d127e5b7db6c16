import { WerkbankError } from '../../../shared/errors'

/**
 * Who asks for a change to a coder's work (a coding, a memo, a judgement: the case attribute
 * `ATTRIBUTE:CODER`, e.g. `fase:Anna`). A coder acting for themselves changes only their
 * own codings and memos; `asLead` (the consensus / lead mode) lets them change another coder's,
 * and the history records it. `'system'` is the study's own bookkeeping (a REFI-QDA import,
 * the team merge, settling a disagreement into the consensus coder), never a coder editing.
 */
export type Actor = { coderId: number; asLead?: boolean } | 'system'

export const SYSTEM: Actor = 'system'

/** How a permitted change was made: by the owner (or the system), or as lead by another coder. */
export type Ownership = { lead: false } | { lead: true; by: string; owner: string }

/**
 * Refuses a change to `ownerId`'s work by a coder who is not its owner, unless they act as
 * lead. `nameOf` gives a coder's name (undefined: no such coder).
 */
export function checkOwnership(
  actor: Actor,
  ownerId: number,
  nameOf: (coderId: number) => string | undefined,
  what: 'coding' | 'memo' | 'judgement',
  params: Record<string, number | string> = {},
): Ownership {
  if (actor === 'system') return { lead: false }
  const by = nameOf(actor.coderId)
  if (by === undefined) throw new WerkbankError('coder-not-found', { coderId: actor.coderId })
  if (ownerId === actor.coderId) return { lead: false }
  const owner = nameOf(ownerId) ?? String(ownerId)
  if (actor.asLead !== true) {
    const code = ({ coding: 'coding-of-other-coder', memo: 'memo-of-other-coder', judgement: 'judgement-of-other-coder' } as const)[what]
    throw new WerkbankError(code, { ...params, owner, actor: by })
  }
  return { lead: true, by, owner }
}

/** The history label of a change: `LABEL-as-lead`, naming both coders, when made as lead. */
export function leadLabel(label: string, params: Record<string, string | number>, o: Ownership): [string, Record<string, string | number>] {
  return o.lead ? [`${label}-as-lead`, { ...params, by: o.by, owner: o.owner }] : [label, params]
}
