/**
 * The whole study as a REFI-QDA project (.qdpx), the exchange format ATLAS.ti, MAXQDA, NVivo
 * and QualCoder open: a zip holding `project.qde` (valid against Project-mrt2019.xsd) and, under
 * `Sources/`, every PDF as imported and its canonical text.
 *
 * What goes where:
 * - coders → `<Users>`; the codebook → `<CodeBook>` (as in a .qdc, see refi-codebook.ts);
 * - case attributes → `<Variables>` (text); cases → `<Cases>` with their values and documents;
 * - documents → `<PDFSource>` with a `<Representation>`: the text Werkbank codes, so a reader
 *   can check offsets against it;
 * - codings → `<PDFSelection>`, one per page a coding spans (the selection of the standard is a
 *   rectangle on one page): the bounding box of the coding's rectangles in whole PDF points from
 *   the bottom left of the page's media box, as the standard says (section 10.3: y upward, so
 *   firstY < secondY; crop box and /Rotate taken into account, see refi-pdf-boxes.ts), pages counted from 0 as ATLAS.ti does; a text coding's selection carries
 *   the page's part of the quote as its Representation's PlainTextContent (how a reader tells
 *   text from area, and where exactly the text is); an area coding is its rectangle, without a
 *   Representation; each has a `<Coding>` of the code by the coder, and a coding's memo becomes
 *   a `<Note>` its Coding refers to;
 * - a document made of a picture (a PictureSource brought in, see qdpx-import.ts) goes back as a
 *   `<PictureSource>` with the picture as it came (document_pictures) and its area codings as
 *   `<PictureSelection>`s: whole pixels from the top left of the picture as shown (10.4), the
 *   box grown to the next pixel on every side;
 * - memos on the study, a code or a document become `<Note>`s the Project, Code or PDFSource
 *   refers to (the standard gives a case no NoteRef, so case memos stay behind).
 *
 * Things without a uuid of their own (coders, cases, attributes, documents) get GUIDs derived
 * from what identifies them, so exporting the same study twice gives the same GUIDs.
 */
import type Database from 'better-sqlite3'
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { PageRect } from '../../../shared/anchoring'
import { PAGE_SEPARATOR } from '../../../shared/page-text'
import type { Code, PageGeometry } from '../../../shared/types'
import { codeElements, escapeAttr, escapeXml, guidOf } from '../services/refi-codebook'
import { rectToBox, type Box } from '../services/refi-pdf-boxes'

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0'
/** The folder of the zip that `internal://` paths point into (as ATLAS.ti and NVivo write it). */
export const SOURCES_FOLDER = 'Sources'

interface DocumentRow {
  id: number
  caseId: number | null
  title: string
  sha256: string
  importedAt: string
  hasText: number
}

interface Picture {
  mediaType: 'image/jpeg' | 'image/png'
  width: number
  height: number
  bytes: Buffer
}

interface PageRow {
  pageNo: number
  startOffset: number
  width: number
  height: number
  text: string
  geometry: PageGeometry
}

interface CodingRow {
  uuid: string
  codeId: number
  coderId: number
  kind: 'text' | 'area'
  start: number
  end: number
  quote: string
  pageFrom: number
  pageTo: number
  rects: string
  memo: string
  origin: string
  originDetail: string
  createdAt: string
  updatedAt: string
}

/**
 * How a coding was made, for the selection's Description (the standard has no field for it):
 * `Werkbank origin: autocode; docent* [sentence]`. Nothing for codings made before it was kept.
 */
function originDescription(k: Pick<CodingRow, 'origin' | 'originDetail'>): string[] {
  if (!k.origin || k.origin === 'unrecorded') return []
  const text = `Werkbank origin: ${k.origin}${k.originDetail ? `; ${k.originDetail}` : ''}`
  return [`        <Description>${escapeXml(text)}</Description>`]
}

/** An attribute value as XML: `a="v"`, escaped. */
const attr = (name: string, value: string | number) => `${name}="${escapeAttr(String(value))}"`

/**
 * A date attribute as xsd:dateTime, or nothing: dates from another study (team merge) are not
 * checked on the way in, and the schema refuses any other form.
 */
function dateAttr(name: string, value: string): string {
  const t = Date.parse(value)
  return Number.isNaN(t) ? '' : ` ${attr(name, new Date(t).toISOString())}`
}

/** What a selection is called in the other program: the start of its text (whole characters). */
function label(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length > 80 ? `${chars.slice(0, 79).join('').trimEnd()}…` : chars.join('')
}

export class QdpxExport {
  private readonly s

  constructor(private readonly db: Database.Database) {
    this.s = {
      coders: db.prepare('SELECT id, name FROM coders ORDER BY id'),
      cases: db.prepare('SELECT id, name FROM cases ORDER BY sort_order, name'),
      attributes: db.prepare('SELECT case_id AS caseId, name, value FROM case_attributes ORDER BY case_id, name'),
      documents: db.prepare(`
        SELECT id, case_id AS caseId, title, sha256, imported_at AS importedAt, has_text AS hasText
        FROM documents ORDER BY id`),
      bytes: db.prepare('SELECT bytes FROM document_files WHERE document_id = ?').pluck(),
      picture: db.prepare('SELECT media_type AS mediaType, width, height, bytes FROM document_pictures WHERE document_id = ?'),
      pages: db.prepare(`
        SELECT page_no AS pageNo, start_offset AS startOffset, width, height, text,
               view_x AS viewX, view_y AS viewY, media_x AS mediaX, media_y AS mediaY, rotate
        FROM pages WHERE document_id = ? ORDER BY page_no`),
      memos: db.prepare(`
        SELECT id, target_type AS targetType, target_id AS targetId, coder_id AS coderId, body,
               created_at AS createdAt, updated_at AS updatedAt
        FROM memos WHERE target_type IN ('study', 'code', 'document') AND trim(body) <> '' ORDER BY id`),
      codings: db.prepare(`
        SELECT uuid, code_id AS codeId, coder_id AS coderId, kind, start_offset AS start, end_offset AS end, quote,
               page_from AS pageFrom, page_to AS pageTo, rects, memo, origin, origin_detail AS originDetail,
               created_at AS createdAt, updated_at AS updatedAt
        FROM codings WHERE document_id = ? ORDER BY start_offset, id`),
    }
  }

  /** The project as the bytes of a .qdpx file. One read transaction: a consistent snapshot. */
  write(codes: readonly Code[], projectName: string): Uint8Array {
    return this.db.transaction(() => this.build(codes, projectName))()
  }

  private build(codes: readonly Code[], projectName: string): Uint8Array {
    const coders = this.s.coders.all() as { id: number; name: string }[]
    const userGuid = new Map(coders.map((c) => [c.id, guidOf(`werkbank-coder:${c.name}`)]))
    const codeGuid = new Map(codes.map((c) => [c.id, guidOf(c.uuid)]))
    const documents = this.s.documents.all() as DocumentRow[]
    const sourceGuid = new Map(documents.map((d) => [d.id, guidOf(`werkbank-document:${d.sha256}`)]))
    const files: Zippable = {}
    const notes: string[] = []
    const sources: string[] = []
    const note = (guid: string, body: string, coderId: number | null, createdAt: string, updatedAt: string) => {
      const user = coderId === null ? undefined : userGuid.get(coderId)
      notes.push(
        `    <Note ${attr('guid', guid)} ${attr('name', label(body))}${user ? ` ${attr('creatingUser', user)}` : ''}${dateAttr('creationDateTime', createdAt)}${dateAttr('modifiedDateTime', updatedAt)}>`,
        `      <PlainTextContent>${escapeXml(body)}</PlainTextContent>`,
        '    </Note>',
      )
    }
    // Memos on the study, codes and documents become notes their element refers to. (A case
    // cannot refer to a note in the standard, so case memos stay behind.)
    const memoRefs = { study: [] as string[], code: new Map<number, string[]>(), document: new Map<number, string[]>() }
    for (const m of this.s.memos.all() as { id: number; targetType: 'study' | 'code' | 'document'; targetId: number | null; coderId: number | null; body: string; createdAt: string; updatedAt: string }[]) {
      const guid = guidOf(`werkbank-note:${m.id}:${m.createdAt}`)
      if (m.targetType === 'study') memoRefs.study.push(guid)
      else if (m.targetId !== null) memoRefs[m.targetType].set(m.targetId, [...(memoRefs[m.targetType].get(m.targetId) ?? []), guid])
      note(guid, m.body, m.coderId, m.createdAt, m.updatedAt)
    }

    for (const d of documents) {
      const guid = sourceGuid.get(d.id)!
      const picture = this.s.picture.get(d.id) as Picture | undefined
      if (picture) {
        sources.push(...this.pictureSource(d, guid, picture, files, userGuid, codeGuid, note, memoRefs.document.get(d.id) ?? []))
        continue
      }
      // PDFs are compressed already: stored, not deflated again.
      files[`${SOURCES_FOLDER}/${guid}.pdf`] = [new Uint8Array(this.s.bytes.get(d.id) as Buffer), { level: 0 }]
      const pages = (this.s.pages.all(d.id) as (Omit<PageRow, 'geometry'> & PageGeometry)[]).map(
        ({ viewX, viewY, mediaX, mediaY, rotate, ...p }): PageRow => ({ ...p, geometry: { viewX, viewY, mediaX, mediaY, rotate } }),
      )
      const selections: string[] = []
      for (const k of this.s.codings.all(d.id) as CodingRow[]) {
        const user = userGuid.get(k.coderId)!
        const memo = k.memo.trim() === '' ? null : guidOf(`werkbank-memo:${k.uuid}`)
        if (memo) note(memo, k.memo, k.coderId, k.createdAt, k.updatedAt)
        pieces(k, pages).forEach((p, i) => {
          // The first piece's Coding keeps the coding's own uuid; later pages get derived ones.
          const codingGuid = i === 0 ? guidOf(k.uuid) : guidOf(`${k.uuid}:${p.page.pageNo}`)
          selections.push(
            `      <PDFSelection ${attr('guid', guidOf(`werkbank-selection:${k.uuid}:${p.page.pageNo}`))} ${attr('name', label(p.text || k.quote))} ${attr('page', p.page.pageNo - 1)} ${attr('firstX', p.box[0])} ${attr('firstY', p.box[1])} ${attr('secondX', p.box[2])} ${attr('secondY', p.box[3])} ${attr('creatingUser', user)}${dateAttr('creationDateTime', k.createdAt)}${dateAttr('modifiedDateTime', k.updatedAt)}>`,
            ...originDescription(k),
            ...(p.text === '' ? [] : [
              `        <Representation ${attr('guid', guidOf(`werkbank-selection-text:${k.uuid}:${p.page.pageNo}`))}>`,
              `          <PlainTextContent>${escapeXml(p.text)}</PlainTextContent>`,
              '        </Representation>',
            ]),
            `        <Coding ${attr('guid', codingGuid)} ${attr('creatingUser', user)}${dateAttr('creationDateTime', k.createdAt)}>`,
            `          <CodeRef ${attr('targetGUID', codeGuid.get(k.codeId)!)}/>`,
            ...(memo ? [`          <NoteRef ${attr('targetGUID', memo)}/>`] : []),
            '        </Coding>',
            '      </PDFSelection>',
          )
        })
      }
      let representation: string[] = []
      if (d.hasText) {
        const textGuid = guidOf(`werkbank-text:${d.sha256}`)
        files[`${SOURCES_FOLDER}/${textGuid}.txt`] = strToU8(pages.map((p) => p.text).join(PAGE_SEPARATOR))
        representation = [`      <Representation ${attr('guid', textGuid)} ${attr('name', `${d.title}.txt`)} ${attr('plainTextPath', `internal://${textGuid}.txt`)}/>`]
      }
      sources.push(
        `    <PDFSource ${attr('guid', guid)} ${attr('name', d.title)} ${attr('path', `internal://${guid}.pdf`)}${dateAttr('creationDateTime', d.importedAt)}>`,
        ...selections,
        ...representation,
        ...(memoRefs.document.get(d.id) ?? []).map((g) => `      <NoteRef ${attr('targetGUID', g)}/>`),
        '    </PDFSource>',
      )
    }

    const xml = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<Project xmlns="${PROJECT_NAMESPACE}" ${attr('name', projectName)} origin="Werkbank" ${attr('creationDateTime', new Date().toISOString())}>`,
      ...section('Users', coders.map((c) => `    <User ${attr('guid', userGuid.get(c.id)!)} ${attr('name', c.name)}/>`)),
      ...(codes.length === 0 ? [] : ['  <CodeBook>', '    <Codes>', ...codeElements(codes, '      ', memoRefs.code), '    </Codes>', '  </CodeBook>']),
      ...this.casesAndVariables(documents, sourceGuid),
      ...section('Sources', sources),
      ...section('Notes', notes),
      ...memoRefs.study.map((g) => `  <NoteRef ${attr('targetGUID', g)}/>`),
      '</Project>',
      '',
    ].join('\n')
    files['project.qde'] = strToU8(xml)
    return zipSync(files, { level: 6 })
  }

  /**
   * A document made of a picture, as the PictureSource it came from: the picture's own bytes, and
   * each area coding as a PictureSelection in pixels of the picture as shown. (Such a page has
   * no text, so it has no text codings.)
   */
  private pictureSource(
    d: DocumentRow,
    guid: string,
    picture: Picture,
    files: Zippable,
    userGuid: Map<number, string>,
    codeGuid: Map<number, string>,
    note: (guid: string, body: string, coderId: number | null, createdAt: string, updatedAt: string) => void,
    noteRefs: string[],
  ): string[] {
    const ext = picture.mediaType === 'image/png' ? 'png' : 'jpg'
    files[`${SOURCES_FOLDER}/${guid}.${ext}`] = [new Uint8Array(picture.bytes), { level: 0 }]
    const selections: string[] = []
    const down = (v: number, max: number) => Math.min(max, Math.max(0, Math.floor(v + 1e-6)))
    const up = (v: number, max: number) => Math.min(max, Math.max(0, Math.ceil(v - 1e-6)))
    for (const k of this.s.codings.all(d.id) as CodingRow[]) {
      const r = validRects(k.rects)[0]
      if (k.kind !== 'area' || !r) continue
      const user = userGuid.get(k.coderId)!
      const memo = k.memo.trim() === '' ? null : guidOf(`werkbank-memo:${k.uuid}`)
      if (memo) note(memo, k.memo, k.coderId, k.createdAt, k.updatedAt)
      const { width: w, height: h } = picture
      selections.push(
        `      <PictureSelection ${attr('guid', guidOf(`werkbank-selection:${k.uuid}:1`))} ${attr('name', label(k.quote) || 'Area')} ${attr('firstX', down(r.x * w, w))} ${attr('firstY', down(r.y * h, h))} ${attr('secondX', up((r.x + r.w) * w, w))} ${attr('secondY', up((r.y + r.h) * h, h))} ${attr('creatingUser', user)}${dateAttr('creationDateTime', k.createdAt)}${dateAttr('modifiedDateTime', k.updatedAt)}>`,
        ...originDescription(k),
        `        <Coding ${attr('guid', guidOf(k.uuid))} ${attr('creatingUser', user)}${dateAttr('creationDateTime', k.createdAt)}>`,
        `          <CodeRef ${attr('targetGUID', codeGuid.get(k.codeId)!)}/>`,
        ...(memo ? [`          <NoteRef ${attr('targetGUID', memo)}/>`] : []),
        '        </Coding>',
        '      </PictureSelection>',
      )
    }
    return [
      `    <PictureSource ${attr('guid', guid)} ${attr('name', d.title)} ${attr('path', `internal://${guid}.${ext}`)}${dateAttr('creationDateTime', d.importedAt)}>`,
      ...selections,
      ...noteRefs.map((g) => `      <NoteRef ${attr('targetGUID', g)}/>`),
      '    </PictureSource>',
    ]
  }

  /** `<Variables>` (the attribute names) and `<Cases>` (values and documents). */
  private casesAndVariables(documents: DocumentRow[], sourceGuid: Map<number, string>): string[] {
    const cases = this.s.cases.all() as { id: number; name: string }[]
    const attributes = this.s.attributes.all() as { caseId: number; name: string; value: string }[]
    // Attribute names are case-insensitive in a study: one variable per name, as first spelled.
    const variables = new Map<string, { name: string; guid: string }>()
    for (const a of attributes) {
      const key = a.name.toLowerCase()
      if (!variables.has(key)) variables.set(key, { name: a.name, guid: guidOf(`werkbank-variable:${key}`) })
    }
    const caseLines = cases.flatMap((c) => [
      `    <Case ${attr('guid', guidOf(`werkbank-case:${c.id}:${c.name}`))} ${attr('name', c.name)}>`,
      ...attributes.filter((a) => a.caseId === c.id).flatMap((a) => [
        '      <VariableValue>',
        `        <VariableRef ${attr('targetGUID', variables.get(a.name.toLowerCase())!.guid)}/>`,
        `        <TextValue>${escapeXml(a.value)}</TextValue>`,
        '      </VariableValue>',
      ]),
      ...documents.filter((d) => d.caseId === c.id).map((d) => `      <SourceRef ${attr('targetGUID', sourceGuid.get(d.id)!)}/>`),
      '    </Case>',
    ])
    return [
      ...section('Variables', [...variables.values()].map((v) => `    <Variable ${attr('guid', v.guid)} ${attr('name', v.name)} typeOfVariable="Text"/>`)),
      ...section('Cases', caseLines),
    ]
  }
}

/** An element that holds a list; left out when the list is empty (the schema wants one item). */
function section(name: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`  <${name}>`, ...lines, `  </${name}>`]
}

interface Piece {
  page: PageRow
  /** firstX, firstY, secondX, secondY in whole PDF points from the page's bottom left. */
  box: Box
  /** The coding's text on this page ('' for an area). */
  text: string
}

/** A coding cut into one piece per page it spans, each with its box and its text there. */
function pieces(k: CodingRow, pages: readonly PageRow[]): Piece[] {
  const rects = validRects(k.rects)
  const out: Piece[] = []
  for (const page of pages) {
    if (page.pageNo < k.pageFrom || page.pageNo > k.pageTo) continue
    const on = rects.filter((r) => r.page === page.pageNo)
    const start = Math.max(k.start, page.startOffset)
    const end = Math.min(k.end, page.startOffset + page.text.length)
    const text = k.kind === 'text' && end > start ? page.text.slice(start - page.startOffset, end - page.startOffset) : ''
    // A text coding whose page has no boxes (no layout known) is placed on the whole page.
    const x0 = on.length ? Math.min(...on.map((r) => r.x)) : 0
    const y0 = on.length ? Math.min(...on.map((r) => r.y)) : 0
    const x1 = on.length ? Math.max(...on.map((r) => r.x + r.w)) : 1
    const y1 = on.length ? Math.max(...on.map((r) => r.y + r.h)) : 1
    if (k.kind === 'text' && text.trim() === '' && on.length === 0) continue // only a page break's whitespace
    out.push({ page, box: rectToBox({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, page), text })
  }
  // Never lose a coding: one that fell only on page breaks goes on its first page.
  if (out.length === 0) {
    const page = pages.find((p) => p.pageNo === k.pageFrom) ?? pages[0]
    if (page) out.push({ page, box: rectToBox({ x: 0, y: 0, w: 1, h: 1 }, page), text: '' })
  }
  return out
}

/** The rectangles of a coding; ones that are not numbers 0..1 (another study's) are left out. */
function validRects(json: string): PageRect[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return []
  }
  const unit = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1
  return Array.isArray(parsed)
    ? parsed.filter((r): r is PageRect => typeof r === 'object' && r !== null && Number.isInteger(r.page) && unit(r.x) && unit(r.y) && unit(r.w) && unit(r.h))
    : []
}
