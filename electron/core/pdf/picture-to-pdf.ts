/**
 * A picture (JPEG or PNG, the image kinds of REFI-QDA 1.5, 9.1.5) as a one-page PDF, so that it
 * goes through the one import path and is coded with areas like a scan.
 *
 * The standard wants the image's rotation respected where its metadata defines one, and counts
 * a PictureSelection's pixels "in the image's final rotated space" from its upper left corner
 * (10.4). So the EXIF orientation (tag 0x0112, in a JPEG's APP1 segment or a PNG's eXIf chunk)
 * is read here — a few bytes, no library — and the image is drawn on the page turned and
 * mirrored as it says: the page shows the picture as a viewer shows it, and a selection's
 * pixels divided by the turned width and height are fractions of the page.
 *
 * The page is the picture at 72 pixels to the inch, made smaller (never larger) so that its
 * longer side is at most 842 points (A4's height): the viewer lays out pages by their size.
 * The PDF is made the same for the same image (no dates), so a project imported twice finds
 * the document it made the first time.
 */
import { PDFDocument, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib'

export type PictureType = 'image/jpeg' | 'image/png'

/** What a picture became. */
export interface PicturePdf {
  pdf: Uint8Array
  mediaType: PictureType
  /** Width and height in pixels as shown: EXIF orientation applied (5–8 swap them). */
  width: number
  height: number
  /** The EXIF orientation found (1 when none). */
  orientation: number
}

/** The longest side of a picture's page, in points. */
const MAX_SIDE = 842

/** JPEG or PNG by their first bytes; undefined for anything else (GIF, TIFF, HEIC…). */
export function pictureType(bytes: Uint8Array): PictureType | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'image/png'
  return undefined
}

/** The orientation in a TIFF structure (EXIF's body): IFD0's tag 0x0112, or 1. */
function tiffOrientation(b: Uint8Array, start: number, end: number): number {
  if (end - start < 8) return 1
  const little = b[start] === 0x49 && b[start + 1] === 0x49 // "II"; "MM" is big-endian
  if (!little && !(b[start] === 0x4d && b[start + 1] === 0x4d)) return 1
  const view = new DataView(b.buffer, b.byteOffset + start, end - start)
  const u16 = (at: number) => view.getUint16(at, little)
  const u32 = (at: number) => view.getUint32(at, little)
  if (u16(2) !== 42) return 1
  const ifd = u32(4)
  if (ifd + 2 > view.byteLength) return 1
  const count = u16(ifd)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > view.byteLength) break
    if (u16(entry) !== 0x0112) continue
    // A SHORT, its value in the entry's first two value bytes.
    const value = u16(entry + 8)
    return value >= 1 && value <= 8 ? value : 1
  }
  return 1
}

/**
 * The EXIF orientation of a JPEG (the APP1 "Exif" segment, before the image data starts) or a
 * PNG (an eXIf chunk): 1 to 8, 1 when there is none.
 */
export function exifOrientation(bytes: Uint8Array): number {
  const type = pictureType(bytes)
  if (type === 'image/jpeg') {
    let at = 2
    while (at + 4 <= bytes.length) {
      if (bytes[at] !== 0xff) return 1
      const marker = bytes[at + 1]!
      if (marker === 0xff) { at++; continue } // fill byte
      if (marker === 0xd9 || marker === 0xda) return 1 // end, or the start of the scan: no EXIF before it
      if (marker >= 0xd0 && marker <= 0xd7) { at += 2; continue } // restart markers carry no length
      const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
      const body = at + 4
      const exif = [0x45, 0x78, 0x69, 0x66, 0, 0] // "Exif\0\0"
      if (marker === 0xe1 && exif.every((c, i) => bytes[body + i] === c)) return tiffOrientation(bytes, body + 6, Math.min(bytes.length, at + 2 + length))
      at += 2 + length
    }
    return 1
  }
  if (type === 'image/png') {
    let at = 8
    while (at + 12 <= bytes.length) {
      const length = ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!
      const name = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
      if (name === 'eXIf') return tiffOrientation(bytes, at + 8, Math.min(bytes.length, at + 8 + length))
      if (name === 'IDAT' || name === 'IEND') return 1 // eXIf must come before the image data
      at += 12 + length
    }
  }
  return 1
}

/**
 * The matrix that draws the image (pdf.js and PDF draw an image into the unit square, its first
 * row at the top) on a page of pw × ph points as orientation `o` shows it. With (u, v) a point of
 * the stored image from its top left and (X, Y) the same point of the shown picture, EXIF's
 * orientations are: 1 X=u Y=v; 2 X=1−u; 3 X=1−u Y=1−v; 4 Y=1−v; 5 X=v Y=u; 6 (turn right) X=1−v
 * Y=u; 7 X=1−v Y=1−u; 8 (turn left) X=v Y=1−u. On the page x = X·pw, y = (1−Y)·ph, and the
 * unit square's (s, t) is u = s, v = 1 − t.
 */
function placement(o: number, pw: number, ph: number): [number, number, number, number, number, number] {
  switch (o) {
    case 2: return [-pw, 0, 0, ph, pw, 0]
    case 3: return [-pw, 0, 0, -ph, pw, ph]
    case 4: return [pw, 0, 0, -ph, 0, ph]
    case 5: return [0, -ph, -pw, 0, pw, ph]
    case 6: return [0, -ph, pw, 0, 0, ph]
    case 7: return [0, ph, pw, 0, 0, 0]
    case 8: return [0, ph, -pw, 0, pw, 0]
    default: return [pw, 0, 0, ph, 0, 0]
  }
}

/** A JPEG or PNG as a one-page PDF showing it upright; undefined for another kind of file. */
export async function pictureToPdf(bytes: Uint8Array): Promise<PicturePdf | undefined> {
  const mediaType = pictureType(bytes)
  if (!mediaType) return undefined
  const doc = await PDFDocument.create({ updateMetadata: false })
  const image = mediaType === 'image/jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes)
  const orientation = exifOrientation(bytes)
  const turned = orientation >= 5
  const width = turned ? image.height : image.width
  const height = turned ? image.width : image.height
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height))
  const pw = width * scale
  const ph = height * scale
  const page = doc.addPage([pw, ph])
  const name = page.node.newXObject('Picture', image.ref)
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(...placement(orientation, pw, ph)),
    drawObject(name),
    popGraphicsState(),
  )
  return { pdf: await doc.save({ useObjectStreams: true }), mediaType, width, height, orientation }
}
