/**
 * Suggestions on a small hand-made study: three documents with sentences about fruit, cars and
 * the weather. The coder codes the fruit and car sentences of the first; suggestions for Fruit
 * must then find the fruit sentences of the others, a rejected unit must never come back, and an
 * accepted one must be an ordinary coding of the coder with origin 'suggestion'.
 */
import { describe, expect, it } from 'vitest'
import { textToPdf } from '../../electron/core/pdf/text-to-pdf'
import { caller, tempStudy } from '../helpers/study'

const FRUIT = [
  'Ripe apples and pears are picked in the orchard every autumn.',
  'The orchard grows sweet apples, juicy pears and a few plums.',
  'Fresh fruit from the orchard is sold at the market: apples, pears, plums.',
]
const CARS = [
  'The car needs new tyres and an oil change before the long drive.',
  'A diesel car burns more fuel on the motorway than in town.',
  'The garage repaired the brakes of the old car.',
]
const WEATHER = [
  'Heavy rain fell all week and the rivers rose.',
  'The wind turned north and the temperature dropped below zero.',
  'A sunny spell is expected after the storm.',
  'Snow covered the hills in the morning.',
]

/** The three PDFs, made once for the file. */
let pdfs: Promise<Uint8Array[]> | undefined

async function study() {
  const s = await tempStudy()
  const call = caller(s)
  const docs: number[] = []
  const bodies = [
    [...WEATHER.slice(0, 2), ...FRUIT, ...CARS, ...WEATHER.slice(2)],
    [WEATHER[0]!, 'Our neighbour picked apples and pears in his orchard yesterday.', CARS[1]!, WEATHER[2]!,
      'Plums and pears from the orchard make good jam.', WEATHER[3]!, 'The car would not start in the cold.'],
    [WEATHER[1]!, 'At the market the orchard sells apples by the kilo.', WEATHER[3]!, 'My car is parked behind the garage.'],
  ]
  pdfs ??= Promise.all(bodies.map((sentences, i) => textToPdf(sentences.join(' '), `doc${i + 1}`)))
  for (const [i, bytes] of (await pdfs).entries()) {
    const o = await s.importer.importBytes(`doc${i + 1}.pdf`, bytes)
    if (o.status !== 'imported') throw new Error(JSON.stringify(o))
    docs.push(o.documentId)
  }
  const fruit = await call('codes:ensurePath', { path: 'Fruit', definition: 'Fruit from the orchard: apples, pears, plums.' })
  const car = await call('codes:ensurePath', { path: 'Car' })
  const anna = s.ensureCoder('Anna').id
  const text = s.documents.text(docs[0]!)
  const code = (codeId: number, sentence: string) => {
    const start = findLoose(text, sentence)
    if (start < 0) throw new Error(`not found: ${sentence}`)
    return s.codings.create({ documentId: docs[0]!, codeId, coderId: anna, start, end: start + sentence.length })
  }
  for (const f of FRUIT) code(fruit.id, f)
  for (const c of CARS.slice(0, 2)) code(car.id, c)
  return { s, call, docs, fruit: fruit.id, car: car.id, anna }
}

/** Where a sentence starts in the text, where the PDF's line breaks stand for spaces. */
function findLoose(text: string, sentence: string): number {
  const flat = text.replace(/\s/g, ' ')
  return flat.indexOf(sentence)
}

describe('suggestions', () => {
  it('ranks the fruit sentences of the other documents first for Fruit', async () => {
    const { call, docs, fruit, anna } = await study()
    const list = await call('suggestions:list', { codeId: fruit, coderId: anna, documentIds: [docs[1]!, docs[2]!], limit: 3 })
    expect(list.method).toBe('logreg-terms@1')
    expect(list.segments).toBe(3)
    expect(list.items.map((i) => i.text.replace(/\s+/g, ' '))).toEqual(expect.arrayContaining([
      'Our neighbour picked apples and pears in his orchard yesterday.',
      'Plums and pears from the orchard make good jam.',
      'At the market the orchard sells apples by the kilo.',
    ]))
    for (const i of list.items) expect(i.score).toBeGreaterThanOrEqual(0.5)
  })

  it('never offers a rejected unit again to that coder for that code, and remembers it in the study', async () => {
    const { s, call, docs, fruit, anna } = await study()
    const first = (await call('suggestions:list', { codeId: fruit, coderId: anna, documentIds: [docs[1]!] })).items[0]!
    await call('suggestions:reject', { codeId: fruit, coderId: anna, documentId: first.documentId, start: first.start, end: first.end })
    expect(s.study.db.prepare('SELECT count(*) FROM rejected_suggestions').pluck().get()).toBe(1)
    const key = (i: { documentId: number; start: number }) => `${i.documentId}:${i.start}`
    for (let round = 0; round < 3; round++) {
      const all = await call('suggestions:list', { codeId: fruit, coderId: anna, limit: 1000 })
      expect(all.items.map(key)).not.toContain(key(first))
      // Reject the next best too: the first must stay away while the model changes.
      const next = all.items[0]!
      await call('suggestions:reject', { codeId: fruit, coderId: anna, documentId: next.documentId, start: next.start, end: next.end })
    }
    // Another coder has not rejected it: it is that coder's judgement, not a fact of the text.
    const bram = s.ensureCoder('Bram').id
    for (const f of FRUIT) {
      const at = findLoose(s.documents.text(docs[0]!), f)
      s.codings.create({ documentId: docs[0]!, codeId: fruit, coderId: bram, start: at, end: at + f.length })
    }
    const forBram = await call('suggestions:list', { codeId: fruit, coderId: bram, limit: 1000 })
    expect(forBram.items.map(key)).toContain(key(first))
  })

  it('accepting makes a coding of the coder with origin suggestion and the method, undoable, not offered again', async () => {
    const { s, call, docs, fruit, anna } = await study()
    const best = (await call('suggestions:list', { codeId: fruit, coderId: anna, documentIds: [docs[2]!] })).items[0]!
    const coding = await call('suggestions:accept', { codeId: fruit, coderId: anna, documentId: best.documentId, start: best.start, end: best.end })
    expect(coding).toMatchObject({ codeId: fruit, coderId: anna, documentId: docs[2], start: best.start, end: best.end, origin: 'suggestion', originDetail: 'logreg-terms@1' })
    const again = await call('suggestions:list', { codeId: fruit, coderId: anna, limit: 1000 })
    expect(again.segments).toBe(4)
    expect(again.items.some((i) => i.documentId === best.documentId && i.start === best.start)).toBe(false)
    await call('history:undo', {})
    expect(s.codings.list({}).some((c) => c.id === coding.id)).toBe(false)
  })

  it('refuses a code with fewer than three of the coder\'s segments, in words', async () => {
    const { call, car, anna } = await study()
    await expect(call('suggestions:list', { codeId: car, coderId: anna })).rejects.toMatchObject({
      appError: { code: 'suggestion-too-few-segments', params: { code: 'Car', coder: 'Anna', count: 2, needed: 3 } },
    })
  })

  it('lets agreement compare the method with a human coder as a coder of its own, writing nothing', async () => {
    const { s, call, docs, fruit, anna } = await study()
    // Anna codes fruit in all three documents, so each fold trains on the other two.
    for (const d of [docs[1]!, docs[2]!]) {
      const text = s.documents.text(d).replace(/\s/g, ' ')
      for (const m of text.matchAll(/[^.]*(orchard)[^.]*\./g)) {
        const start = m.index! + (m[0].length - m[0].trimStart().length)
        s.codings.create({ documentId: d, codeId: fruit, coderId: anna, start, end: m.index! + m[0].length })
      }
    }
    const before = s.study.db.prepare('SELECT count(*) FROM codings').pluck().get()
    const r = await call('agreement:measure', { coders: ['Anna', 'suggestions:Anna'], level: 'segment', codeIds: [fruit], overlap: 50, samples: 0 })
    expect(r.coders).toEqual(['Anna', 'suggestions:Anna'])
    expect(r.byCode[0]!.codeId).toBe(fruit)
    expect(s.study.db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(before)
    await expect(call('agreement:measure', { coders: ['Anna', 'suggestions:other-method@2:Anna'], level: 'document' }))
      .rejects.toMatchObject({ appError: { code: 'suggestion-method-unknown' } })
  })
})
