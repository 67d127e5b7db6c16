/**
 * REFI-QDA PictureSources (REFI-QDA 1.5, 9.1.5 and 10.4): a PNG and a JPEG whose EXIF
 * orientation says "turn right" (6), made here with @napi-rs/canvas, each with coloured marks;
 * their PictureSelections (pixels from the top left of the picture as shown) come in as areas of
 * a one-page PDF of the picture, and the page, drawn by pdf.js, has each mark under its area.
 * The export gives the pictures back byte for byte with the same selections (checked by an
 * independent reading of the XML and against the schema), and imports again unchanged.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { XMLParser } from 'fast-xml-parser'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { exifOrientation, pictureToPdf } from '../../electron/core/pdf/picture-to-pdf'
import type { StudySession } from '../../electron/core/study-session'
import { caller, tempStudy } from '../helpers/study'

const PROJECT_XSD = readFileSync(join(import.meta.dirname, '../../../shared/interop/refi/Project-mrt2019.xsd'), 'utf8')
const G = (n: number) => `9b1c0000-0000-4000-8000-${String(n).padStart(12, '0')}`
type Node = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false })
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

type Box = [number, number, number, number] // firstX, firstY, secondX, secondY
type Rgb = [number, number, number]
const RED: Rgb = [220, 20, 20]
const BLUE: Rgb = [20, 40, 220]
const GREEN: Rgb = [20, 180, 40]

/** A picture of w × h pixels, white, with rectangles of colour at [x0, y0, x1, y1] (stored pixels). */
function picture(w: number, h: number, marks: [Box, Rgb][], type: 'png' | 'jpeg'): Uint8Array {
  const canvas = createCanvas(w, h)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, w, h)
  for (const [[x0, y0, x1, y1], [r, g, b]] of marks) {
    ctx.fillStyle = `rgb(${r}, ${g}, ${b})`
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0)
  }
  return new Uint8Array(type === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 95))
}

/** A JPEG with an EXIF APP1 segment (big-endian TIFF, IFD0 holding only Orientation) after SOI. */
function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]
  const length = body.length + 2
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, ...body, ...jpeg.subarray(2)])
}

// The PNG: 400 × 300, a red and a blue mark, selected where they are.
const PNG_MARKS: [Box, Rgb][] = [[[40, 30, 140, 110], RED], [[250, 180, 370, 280], BLUE]]
// The JPEG is stored 300 wide and 400 high and shown turned right (orientation 6): 400 × 300.
// A stored point (u, v) is shown at (400 − v, u): the green mark stored at u 20..100, v 50..150
// is shown at x 250..350, y 20..100 — where its selection is.
const JPEG_STORED_MARK: Box = [20, 50, 100, 150]
const JPEG_SHOWN_MARK: Box = [250, 20, 350, 100]

let png: Uint8Array
let jpeg: Uint8Array
beforeAll(() => {
  png = picture(400, 300, PNG_MARKS, 'png')
  jpeg = withOrientation(picture(300, 400, [[JPEG_STORED_MARK, GREEN]], 'jpeg'), 6)
})

function selection(n: number, box: Box, code: number, name: string): string {
  const [x0, y0, x1, y1] = box
  return `<PictureSelection guid="${G(n)}" name="${name}" firstX="${x0}" firstY="${y0}" secondX="${x1}" secondY="${y1}" creatingUser="${G(90)}"><Coding guid="${G(n + 1)}" creatingUser="${G(90)}"><CodeRef targetGUID="${G(code)}"/></Coding></PictureSelection>`
}

function project(): { xml: string; qdpx: Uint8Array } {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="beelden" origin="ATLAS.ti 9">
  <Users><User guid="${G(90)}" name="Anna"/></Users>
  <CodeBook><Codes><Code guid="${G(1)}" name="rood" isCodable="true"/><Code guid="${G(2)}" name="blauw" isCodable="true"/><Code guid="${G(3)}" name="groen" isCodable="true"/><Code guid="${G(4)}" name="foto" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <PictureSource guid="${G(10)}" name="werkplaats.png" path="internal://${G(10)}.png">${selection(11, PNG_MARKS[0]![0], 1, 'Quotation 1:1')}${selection(13, PNG_MARKS[1]![0], 2, 'Quotation 1:2')}</PictureSource>
    <PictureSource guid="${G(20)}" name="stage.jpg" path="stage.jpg">${selection(21, JPEG_SHOWN_MARK, 3, 'Quotation 2:1')}<Coding guid="${G(25)}" creatingUser="${G(90)}"><CodeRef targetGUID="${G(4)}"/></Coding></PictureSource>
    <PictureSource guid="${G(30)}" name="schets.gif" path="internal://${G(30)}.gif"/>
    <AudioSource guid="${G(40)}" name="interview.m4a" path="internal://${G(40)}.m4a"/>
  </Sources>
</Project>`
  const gif = strToU8('GIF89a\u0001\u0000\u0001\u0000')
  return { xml, qdpx: zipSync({ 'project.qde': strToU8(xml), [`Sources/${G(10)}.png`]: png, 'Sources/stage.jpg': jpeg, [`Sources/${G(30)}.gif`]: gif }) }
}

/** The colour pdf.js draws at (x, y), fractions of the page. */
async function colourAt(pdf: Uint8Array, points: [number, number][]): Promise<Rgb[]> {
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false })
  const doc = await task.promise
  const page = await doc.getPage(1)
  const viewport = page.getViewport({ scale: 1 })
  const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height))
  await page.render({ canvas: canvas as never, canvasContext: canvas.getContext('2d') as never, viewport }).promise
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
  await task.destroy()
  return points.map(([x, y]) => {
    const i = (Math.floor(y * canvas.height) * canvas.width + Math.floor(x * canvas.width)) * 4
    return [data[i]!, data[i + 1]!, data[i + 2]!]
  })
}

const near = (a: Rgb, b: Rgb) => a.every((v, i) => Math.abs(v - b[i]!) <= 40)

async function imported(): Promise<{ s: StudySession; result: Awaited<ReturnType<StudySession['qdpx']['import']>> }> {
  const s = await tempStudy()
  const { xml, qdpx } = project()
  const valid = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [PROJECT_XSD] })
  expect(valid.errors.map((e) => e.message)).toEqual([])
  return { s, result: await s.qdpx.import(qdpx) }
}

describe('REFI-QDA pictures', () => {
  it('reads the EXIF orientation of a JPEG, and none of a plain PNG', () => {
    expect(exifOrientation(jpeg)).toBe(6)
    expect(exifOrientation(png)).toBe(1)
    expect(exifOrientation(withOrientation(picture(10, 10, [], 'jpeg'), 8))).toBe(8)
  })

  it('makes a one-page PDF of each picture, upright, as large as its pixels shown', async () => {
    const made = (await pictureToPdf(jpeg))!
    expect(made).toMatchObject({ mediaType: 'image/jpeg', width: 400, height: 300, orientation: 6 })
    // The same picture makes the same PDF (a project imported twice finds its document).
    expect(sha((await pictureToPdf(jpeg))!.pdf)).toBe(sha(made.pdf))
    expect(await pictureToPdf(strToU8('GIF89a'))).toBeUndefined()
  })

  it('imports pictures as documents with their selections as areas over the marks, and names what it cannot read', async () => {
    const { s, result } = await imported()
    expect(result).toMatchObject({ documents: { imported: 2, existing: 0 }, codings: { text: 0, area: 4, notPlaced: 0 } })
    expect(result.skipped).toEqual([
      { name: 'interview.m4a', reason: 'not-supported' },
      { name: 'schets.gif', reason: 'not-supported', detail: 'not a JPEG or PNG picture Werkbank can read' },
    ])
    const docs = s.documents.list()
    expect(docs.map((d) => [d.title, d.fileName, d.pageCount]).sort()).toEqual([['stage', 'stage.jpg', 1], ['werkplaats', 'werkplaats.png', 1]])
    const codes = new Map(s.codebook.list().map((c) => [c.id, c.name]))
    for (const [title, marks, size] of [
      ['werkplaats', PNG_MARKS.map(([box, colour], i) => [box, colour, ['rood', 'blauw'][i]] as const), [400, 300]],
      ['stage', [[JPEG_SHOWN_MARK, GREEN, 'groen'] as const], [400, 300]],
    ] as const) {
      const doc = docs.find((d) => d.title === title)!
      const page = s.documents.page(doc.id, 1)!
      expect(page.width / page.height).toBeCloseTo(size[0] / size[1], 5)
      const areas = s.codings.list({ documentId: doc.id })
      const centres: [number, number][] = []
      for (const [box, , code] of marks) {
        const area = areas.find((k) => codes.get(k.codeId) === code)!
        expect(area.kind).toBe('area')
        const r = area.rects[0]!
        expect([r.x * size[0], r.y * size[1], (r.x + r.w) * size[0], (r.y + r.h) * size[1]].map((v) => Math.round(v))).toEqual([...box])
        centres.push([r.x + r.w / 2, r.y + r.h / 2])
      }
      // Drawn by pdf.js, the page has each mark under the middle of its area.
      const colours = await colourAt(s.documents.bytes(doc.id)!, centres)
      colours.forEach((c, i) => expect(near(c, marks[i]![1]), `${title} ${marks[i]![2]}: ${c}`).toBe(true))
      // And white where there is no mark (top left of the JPEG as shown, bottom left of the PNG).
      expect(near((await colourAt(s.documents.bytes(doc.id)!, [[0.05, 0.9]]))[0]!, [255, 255, 255])).toBe(true)
    }
    // The Coding on the JPEG itself is an area of the whole picture, by Anna.
    const stage = docs.find((d) => d.title === 'stage')!
    const whole = s.codings.list({ documentId: stage.id }).find((k) => codes.get(k.codeId) === 'foto')!
    expect(whole.rects[0]).toMatchObject({ page: 1, x: 0, y: 0, w: 1, h: 1 })
    expect(s.coders.list().find((c) => c.id === whole.coderId)?.name).toBe('Anna')
  })

  it('exports the pictures back as PictureSources with their own bytes and the same selections, and takes them back unchanged', async () => {
    const { s } = await imported()
    const qdpx = new Uint8Array(Buffer.from(await caller(s)('export:qdpx', {}), 'base64'))
    const files = unzipSync(qdpx)
    const xml = new TextDecoder().decode(files['project.qde'])
    const valid = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [PROJECT_XSD] })
    expect(valid.errors.map((e) => e.message)).toEqual([])
    const project = parser.parse(xml).Project as Node
    expect(list(project.Sources.PDFSource)).toHaveLength(0)
    const pictures = list<Node>(project.Sources.PictureSource)
    expect(pictures.map((p) => p.name).sort()).toEqual(['stage', 'werkplaats'])
    const codeName = new Map(list<Node>(project.CodeBook.Codes.Code).map((c) => [c.guid, c.name]))
    const boxes = (p: Node) => list<Node>(p.PictureSelection).map((x) => [codeName.get(x.Coding.CodeRef.targetGUID), [x.firstX, x.firstY, x.secondX, x.secondY].map(Number)]).sort()
    const png_ = pictures.find((p) => p.name === 'werkplaats')!
    const jpg_ = pictures.find((p) => p.name === 'stage')!
    expect(png_.path).toMatch(/^internal:\/\/.+\.png$/)
    expect(jpg_.path).toMatch(/^internal:\/\/.+\.jpg$/)
    expect(sha(files[`Sources/${png_.path.slice('internal://'.length)}`]!)).toBe(sha(png))
    expect(sha(files[`Sources/${jpg_.path.slice('internal://'.length)}`]!)).toBe(sha(jpeg))
    expect(boxes(png_)).toEqual([['blauw', PNG_MARKS[1]![0]], ['rood', PNG_MARKS[0]![0]]])
    expect(boxes(jpg_)).toEqual([['foto', [0, 0, 400, 300]], ['groen', JPEG_SHOWN_MARK]])

    // Into a fresh study: the same PDFs, the same areas; into the same study: nothing new.
    const b = await tempStudy('b.werkbank')
    const again = await b.qdpx.import(qdpx)
    expect(again).toMatchObject({ documents: { imported: 2 }, codings: { area: 4, notPlaced: 0 }, skipped: [] })
    const shape = (x: StudySession) => x.documents.list().map((d) => [d.title, d.sha256, x.codings.list({ documentId: d.id }).map((k) => k.rects[0]!).map((r) => [r.x, r.y, r.w, r.h].map((v) => Math.round(v * 400)))]).sort()
    expect(shape(b)).toEqual(shape(s))
    const twice = await s.qdpx.import(qdpx)
    expect(twice).toMatchObject({ documents: { imported: 0, existing: 2 }, codings: { area: 0 } })
  })
})
