/**
 * The codebook in the REFI-QDA exchange standard (QDA-XML 1.0, www.qdasoftware.org), the format
 * ATLAS.ti, MAXQDA, NVivo, QualCoder and Taguette read and write:
 * - a `.qdc` file is a `<CodeBook>` (schema Codebook.xsd);
 * - a `.qdpx` file is a zip that holds a project, `project.qde` (`<Project>`, Project.xsd), whose
 *   `<CodeBook>` is read the same way. Sources and codings in it are not read here.
 *
 * REFI gives a code a name, a colour and one description; Werkbank's definition, inclusion,
 * exclusion and example travel in that description as labelled paragraphs, so that a codebook
 * comes back whole from a round trip and still reads well in the other program.
 *
 * Untrusted input: the XML may not declare a DOCTYPE (no entities, so no entity expansion or
 * external files). The zip is opened by shared/qdpx.ts.
 */
import { createHash } from 'node:crypto'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { WerkbankError } from '../../../shared/errors'
import type { Code } from '../../../shared/types'
import type { CodebookEntry } from './codebook-transfer'

/** The namespace we write; files in the older `codebook:0:4` spelling are read too. */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0'

/** Deeper trees than this are refused rather than walked (a real codebook has a handful of levels). */
const MAX_DEPTH = 64

/** The labels of the paragraphs that carry what REFI has no field for, in the order written. */
const SECTIONS = [
  ['inclusion', 'Inclusion'],
  ['exclusion', 'Exclusion'],
  ['example', 'Example'],
] as const

function invalid(detail: string): WerkbankError {
  return new WerkbankError('codebook-import-invalid', { detail })
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Elements that may repeat, read as arrays even when one is there. */
const LISTS = new Set([
  'Code', 'User', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'Note', 'NoteRef', 'Coding',
  'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource', 'PDFSelection', 'PlainTextSelection',
  'PictureSelection',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Decodes numeric character references (&#233;) as well as the five XML entities; without
  // it fast-xml-parser leaves "&#233;" as text. Entities of a DOCTYPE never get here.
  htmlEntities: true,
  // Text as written: a selection's text may start or end with a space that is part of it.
  trimValues: false,
  isArray: (name) => LISTS.has(name),
})

interface XmlCode {
  NoteRef?: { '@targetGUID'?: string }[]
  '@name'?: string
  '@color'?: string
  '@guid'?: string
  Description?: string | { '#text'?: string }
  Code?: XmlCode[]
}

/**
 * The codes of a REFI codebook (`<CodeBook>`) or project (`<Project>` with a `<CodeBook>`), in
 * document order, parents before their subcodes. Refuses anything that is not well-formed
 * QDA-XML with a message that says where.
 */
export function parseRefiCodebook(xml: string): RefiCodeEntry[] {
  return codesOf(parseRefiXml(xml))
}

/** A code read from REFI-QDA XML, with its GUID (to which codings refer). */
export interface RefiCodeEntry extends CodebookEntry {
  guid: string
  /** The GUIDs of the notes (memos) the code refers to, in a project. */
  notes: string[]
}

/**
 * A REFI-QDA document (`<CodeBook>` or `<Project>`) parsed, once checked: well-formed, no
 * DOCTYPE, a known root. Returns the root's name and element.
 */
export function parseRefiXml(xml: string): { root: 'CodeBook' | 'Project'; element: unknown } {
  const text = xml.replace(/^\uFEFF/, '')
  if (/<!DOCTYPE/i.test(text)) throw invalid('the XML declares a DOCTYPE, which REFI-QDA files never do')
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw invalid(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`)
  let doc: Record<string, unknown>
  try {
    doc = parser.parse(text) as Record<string, unknown>
  } catch (e) {
    // The parser's own limits: element names such as __proto__, nesting deeper than 100.
    throw invalid(`not readable as REFI-QDA XML (${(e as Error).message.slice(0, 200)})`)
  }
  // Processing instructions (<?xml …?>, <?xml-stylesheet …?>) sit beside the root element.
  const root = Object.keys(doc).find((k) => !k.startsWith('?'))
  if (root !== 'CodeBook' && root !== 'Project') {
    throw invalid(`not a REFI-QDA codebook or project (the root element is ${root ?? 'missing'})`)
  }
  return { root, element: doc[root] }
}

/** An element's child; an element without content parses as '', so every step checks. */
export function child(node: unknown, name: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined
}

/** The codes of a codebook file: refused when it holds none. */
function codesOf(doc: { root: 'CodeBook' | 'Project'; element: unknown }): RefiCodeEntry[] {
  const entries = codesIn(doc)
  if (entries.length === 0) throw invalid('the file holds no codes')
  return entries
}

/** The codes of a parsed REFI-QDA document, in document order, parents first; maybe none. */
export function codesIn(doc: { root: 'CodeBook' | 'Project'; element: unknown }): RefiCodeEntry[] {
  const codebook = doc.root === 'CodeBook' ? doc.element : child(doc.element, 'CodeBook')
  const top = (child(child(codebook, 'Codes'), 'Code') as XmlCode[] | undefined) ?? []
  const entries: RefiCodeEntry[] = []
  const walk = (codes: XmlCode[], parent: string | null, depth: number) => {
    if (depth > MAX_DEPTH) throw invalid(`codes nested deeper than ${MAX_DEPTH} levels`)
    for (const c of codes) {
      const name = codeName(c['@name'])
      const path = parent === null ? name : `${parent}/${name}`
      const notes = (c.NoteRef ?? []).map((r) => String(r['@targetGUID'] ?? '').toLowerCase().replace(/[{}]/g, ''))
      entries.push({ path, guid: (c['@guid'] ?? '').toLowerCase().replace(/[{}]/g, ''), notes, ...colourOf(c['@color']), ...fromDescription(descriptionOf(c.Description)) })
      walk(c.Code ?? [], path, depth + 1)
    }
  }
  walk(top, null, 0)
  return entries
}

/** A code's name as a path segment: '/' separates our path, so it becomes '∕' (U+2215). */
function codeName(raw: string | undefined): string {
  // Line breaks and tabs (written as &#10; &#9;) become spaces: a code name is one line.
  const name = (raw ?? '').replace(/\s+/g, ' ').trim().replaceAll('/', '\u2215')
  if (name === '') throw invalid('a code without a name')
  return name
}

function colourOf(raw: string | undefined): { colour?: string } {
  const m = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.exec((raw ?? '').trim())
  if (!m) return {}
  const hex = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!
  return { colour: `#${hex}` }
}

function descriptionOf(d: XmlCode['Description']): string {
  if (d === undefined) return ''
  return (typeof d === 'string' ? d : (d['#text'] ?? '')).trim()
}

type Texts = Pick<CodebookEntry, 'definition' | 'inclusion' | 'exclusion' | 'example'>

/**
 * Splits a description into the definition and the labelled paragraphs we write (a paragraph
 * that starts with "Inclusion:", "Exclusion:" or "Example:", and those after it up to the next
 * label); any other description is all definition.
 */
export function fromDescription(description: string): Texts {
  const parts: Record<keyof Texts, string[]> = { definition: [], inclusion: [], exclusion: [], example: [] }
  let current: keyof Texts = 'definition'
  for (const paragraph of description.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const section = SECTIONS.find(([, label]) => paragraph.startsWith(`${label}:`))
    if (section) current = section[0]
    parts[current].push(section ? paragraph.slice(section[1].length + 1).trim() : paragraph)
  }
  const out: Texts = {}
  for (const key of Object.keys(parts) as (keyof Texts)[]) {
    const text = parts[key].join('\n\n').trim()
    if (text !== '') out[key] = text
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The description we write: the definition, then the labelled paragraphs that have text. */
export function toDescription(c: Pick<Code, 'definition' | 'inclusion' | 'exclusion' | 'example'>): string {
  const parts = [c.definition.trim()]
  for (const [key, label] of SECTIONS) if (c[key].trim() !== '') parts.push(`${label}: ${c[key].trim()}`)
  return parts.filter((p) => p !== '').join('\n\n')
}

/** The codebook as a REFI-QDA `.qdc` document (valid against Codebook.xsd). */
export function toQdc(codes: readonly Code[], origin: string): string {
  if (codes.length === 0) throw new WerkbankError('codebook-empty')
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="${escapeAttr(origin)}">`,
    '  <Codes>',
    ...codeElements(codes, '    '),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n')
}

/**
 * The `<Code>` elements of a codebook, nested as the tree, parents before children in the order
 * given: the same in a .qdc and in a project (.qde), whose schemas define Code alike. In a
 * project a code may refer to notes (its memos) by GUID.
 */
export function codeElements(codes: readonly Code[], indent: string, noteRefs: ReadonlyMap<number, readonly string[]> = new Map()): string[] {
  const children = new Map<number | null, Code[]>()
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c])
  const lines: string[] = []
  const write = (parentId: number | null, at: string) => {
    for (const c of children.get(parentId) ?? []) {
      // A colour from another study (team merge) is not checked on the way in: only a valid
      // #RRGGBB is written, as the schema wants.
      const colour = /^#[0-9A-Fa-f]{6}$/.test(c.colour) ? ` color="${c.colour}"` : ''
      const attrs = `guid="${guidOf(c.uuid)}" name="${escapeAttr(c.name)}" isCodable="true"${colour}`
      const description = toDescription(c)
      const notes = noteRefs.get(c.id) ?? []
      if (!children.has(c.id) && description === '' && notes.length === 0) {
        lines.push(`${at}<Code ${attrs}/>`)
        continue
      }
      lines.push(`${at}<Code ${attrs}>`)
      if (description !== '') lines.push(`${at}  <Description>${escapeXml(description)}</Description>`)
      for (const n of notes) lines.push(`${at}  <NoteRef targetGUID="${n}"/>`)
      write(c.id, `${at}  `)
      lines.push(`${at}</Code>`)
    }
  }
  write(null, indent)
  return lines
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/**
 * The uuid when it has the GUID form REFI requires, else a stable GUID derived from it: also
 * for things that have no uuid of their own (a coder, a case, a document by its hash).
 */
export function guidOf(uuid: string): string {
  if (GUID.test(uuid)) return uuid
  const h = createHash('sha256').update(uuid).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

/**
 * Text for XML content; characters XML 1.0 cannot hold are left out, and a carriage return is
 * written as a reference, which XML readers would otherwise turn into a line feed.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\r', '&#13;')
}

/** Text for an attribute value: also tabs and line breaks as references, which readers keep. */
export function escapeAttr(s: string): string {
  return escapeXml(s).replaceAll('\t', '&#9;').replaceAll('\n', '&#10;')
}
