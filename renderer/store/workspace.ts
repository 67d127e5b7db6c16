/**
 * The workspace remembered per study (localStorage, keyed by the study's path): the open
 * document, its page and zoom, the pane sizes and the viewing options. Ids mean nothing in
 * another study, hence the key.
 */

export interface PaneSizes {
  /** Width of the left column (cases, codebook), px. */
  left: number
  /** Width of the right column (coding, retrieval, search), px. */
  right: number
  /** Height of the cases panel inside the left column, px. */
  split: number
}

export type CoderScope = 'mine' | 'all' | 'coder'

export interface CodingView {
  scope: CoderScope
  /** The coder shown when scope is 'coder'. */
  coderId: number | null
  /** Blind coding: only my own codings, whatever the scope says. */
  blind: boolean
}

export interface Workspace {
  documentId?: number
  page?: number
  scale?: number
  zoomMode?: 'fit' | 'manual'
  panes?: Partial<PaneSizes>
  view?: Partial<CodingView>
  retrievalSubcodes?: boolean
  showStripes?: boolean
}

export const DEFAULT_PANES: PaneSizes = { left: 290, right: 340, split: 300 }
export const PANE_LIMITS = {
  left: { min: 200, max: 600 },
  right: { min: 240, max: 700 },
  split: { min: 80, max: 900 },
} as const

export function clampPane(kind: keyof PaneSizes, px: number): number {
  const { min, max } = PANE_LIMITS[kind]
  return Math.round(Math.min(max, Math.max(min, px)))
}

function key(studyPath: string): string {
  return `werkbank.workspace:${studyPath}`
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** Reads what was remembered; anything malformed is dropped field by field. */
export function parseWorkspace(raw: string | null): Workspace {
  if (!raw) return {}
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return {}
  }
  if (!v || typeof v !== 'object') return {}
  const o = v as Record<string, unknown>
  const ws: Workspace = {}
  const documentId = num(o.documentId)
  if (documentId !== undefined && Number.isInteger(documentId) && documentId > 0) ws.documentId = documentId
  const page = num(o.page)
  if (page !== undefined && page >= 1) ws.page = Math.floor(page)
  const scale = num(o.scale)
  if (scale !== undefined && scale > 0) ws.scale = scale
  if (o.zoomMode === 'fit' || o.zoomMode === 'manual') ws.zoomMode = o.zoomMode
  if (o.panes && typeof o.panes === 'object') {
    const p = o.panes as Record<string, unknown>
    const panes: Partial<PaneSizes> = {}
    for (const k of ['left', 'right', 'split'] as const) {
      const n = num(p[k])
      if (n !== undefined) panes[k] = clampPane(k, n)
    }
    ws.panes = panes
  }
  if (o.view && typeof o.view === 'object') {
    const p = o.view as Record<string, unknown>
    const view: Partial<CodingView> = {}
    if (p.scope === 'mine' || p.scope === 'all' || p.scope === 'coder') view.scope = p.scope
    const coderId = num(p.coderId)
    if (coderId !== undefined) view.coderId = coderId
    if (typeof p.blind === 'boolean') view.blind = p.blind
    ws.view = view
  }
  if (typeof o.retrievalSubcodes === 'boolean') ws.retrievalSubcodes = o.retrievalSubcodes
  if (typeof o.showStripes === 'boolean') ws.showStripes = o.showStripes
  return ws
}

export function loadWorkspace(studyPath: string): Workspace {
  try {
    return parseWorkspace(localStorage.getItem(key(studyPath)))
  } catch {
    return {}
  }
}

export function saveWorkspace(studyPath: string, ws: Workspace): void {
  try {
    localStorage.setItem(key(studyPath), JSON.stringify(ws))
  } catch {
    // Not remembered; the app still works.
  }
}
