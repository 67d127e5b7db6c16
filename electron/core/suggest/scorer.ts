/**
 * The suggestion scorer: given a code (its name and codebook texts), the units to rank and what
 * is known about the code (its segments, the units the coder accepted or rejected, other codes'
 * segments, text the coder left uncoded), a score per unit, higher = more like the code.
 *
 * One implementation now (`TermLogisticScorer`); a local embedding model could implement the same
 * interface later. Pure computation: no database, no network, so it runs in a worker.
 */
import { terms, type Language } from './terms'

/** A unit of text (a sentence): `key` names it for caching (document:start). */
export interface UnitText {
  key: string
  text: string
  lang: Language
}

/** A code as the scorer sees it: the codebook's texts and the language they are written in. */
export interface CodeProfile {
  id: number
  name: string
  definition: string
  inclusion: string
  example: string
  exclusion: string
  lang: Language
}

/**
 * What is known about the code. `positive`: its segments' units and accepted suggestions;
 * `negative`: rejected suggestions and units of other codes' segments; `background`: units the
 * coder read and left without this code (weaker evidence: the coder may have missed them).
 */
export interface Feedback {
  positive: UnitText[]
  negative: UnitText[]
  background: UnitText[]
}

export interface SuggestionScorer {
  /** Name and version, recorded as an accepted suggestion's origin detail (e.g. `logreg-terms@1`). */
  readonly method: string
  /** Units scoring below it are not suggested (the method abstains rather than offer a poor guess). */
  readonly threshold: number
  /** How many units are offered per request even below the threshold (the best of them). */
  readonly minimum: number
  /** A score per unit, in the order given; higher is more like the code (here: the model's probability, 0..1). */
  rank(code: CodeProfile, units: readonly UnitText[], feedback: Feedback): Float64Array
}

interface Features {
  ids: Int32Array
  /** 1 + ln(tf) per term. */
  tf: Float64Array
  /** tf × idf, L2-normalised, for the idf of `ver` (the count of units seen when it was made). */
  w?: Float64Array
  ver?: number
}

/** Weights of the training evidence (tuned on the generated reports; see docs/SUGGESTIONS.md). */
export const DEFAULTS = { positive: 1, codebook: 0.5, negative: 1, exclusion: 0.5, background: 0.25, l2: 1e-3, epochs: 40, threshold: 0.5, minimum: 2 }
export type ScorerOptions = typeof DEFAULTS

/**
 * L2-regularised logistic regression per code over tf-idf weighted stemmed terms and term pairs
 * of sentence units, trained by stochastic gradient descent (fixed order, so results repeat).
 * Positive: the code's units, its definition, inclusion and example texts; negative: rejected
 * units, other codes' units, its exclusion text; background: the coder's uncoded units, weighted
 * low. Classes are balanced by weight, so a code with 5 segments among 2,000 sentences is not
 * drowned. Features of each unit are computed once and cached by key; document frequencies are
 * counted over every unit seen.
 */
export class TermLogisticScorer implements SuggestionScorer {
  readonly method = 'logreg-terms@1'
  readonly threshold: number
  readonly minimum: number
  private readonly o: ScorerOptions
  private readonly vocab = new Map<string, number>()
  private df = new Float64Array(1024)
  private docs = 0
  private readonly cache = new Map<string, Features>()

  constructor(options: Partial<ScorerOptions> = {}) {
    this.o = { ...DEFAULTS, ...options }
    this.threshold = this.o.threshold
    this.minimum = this.o.minimum
  }

  rank(code: CodeProfile, units: readonly UnitText[], feedback: Feedback): Float64Array {
    const feats = units.map((u) => this.unit(u))
    const examples: { f: Features; y: number; w: number }[] = []
    const posKeys = new Set(feedback.positive.map((u) => u.key))
    for (const u of feedback.positive) examples.push({ f: this.unit(u), y: 1, w: this.o.positive })
    for (const t of [code.name, code.definition, code.inclusion, code.example]) {
      if (t.trim()) examples.push({ f: this.features(t, code.lang, false), y: 1, w: this.o.codebook })
    }
    for (const u of feedback.negative) if (!posKeys.has(u.key)) examples.push({ f: this.unit(u), y: 0, w: this.o.negative })
    if (code.exclusion.trim()) examples.push({ f: this.features(code.exclusion, code.lang, false), y: 0, w: this.o.exclusion })
    for (const u of feedback.background) if (!posKeys.has(u.key)) examples.push({ f: this.unit(u), y: 0, w: this.o.background })

    const idf = this.idf()
    const ver = this.docs
    // Each unit's weights are made once per idf (which changes only when new units come in).
    const weighted = (f: Features): Float64Array => {
      if (f.w && f.ver === ver) return f.w
      const w = new Float64Array(f.ids.length)
      let ss = 0
      for (let i = 0; i < w.length; i++) {
        w[i] = f.tf[i]! * idf[f.ids[i]!]!
        ss += w[i]! * w[i]!
      }
      const n = ss > 0 ? 1 / Math.sqrt(ss) : 0
      for (let i = 0; i < w.length; i++) w[i]! *= n
      f.w = w
      f.ver = ver
      return w
    }
    // Balance the classes: each side's weights sum to the same total.
    let wPos = 0
    let wNeg = 0
    for (const e of examples) (e.y === 1 ? (wPos += e.w) : (wNeg += e.w))
    const scalePos = wPos > 0 ? (wPos + wNeg) / (2 * wPos) : 1
    const scaleNeg = wNeg > 0 ? (wPos + wNeg) / (2 * wNeg) : 1
    const train = examples.map((e) => ({ ...e, w: e.w * (e.y === 1 ? scalePos : scaleNeg), x: weighted(e.f) }))

    const weights = new Float64Array(this.vocab.size)
    let bias = 0
    for (let epoch = 0; epoch < this.o.epochs; epoch++) {
      const rate = 0.5 / (1 + epoch * 0.2)
      for (const e of train) {
        let z = bias
        const { ids } = e.f
        const x = e.x
        for (let i = 0; i < ids.length; i++) z += weights[ids[i]!]! * x[i]!
        const p = 1 / (1 + Math.exp(-z))
        const g = (p - e.y) * e.w * rate
        bias -= g
        for (let i = 0; i < ids.length; i++) {
          const t = ids[i]!
          weights[t] = weights[t]! * (1 - rate * this.o.l2) - g * x[i]!
        }
      }
    }

    const scores = new Float64Array(units.length)
    for (let k = 0; k < feats.length; k++) {
      const f = feats[k]!
      const x = weighted(f)
      let z = bias
      for (let i = 0; i < f.ids.length; i++) z += weights[f.ids[i]!]! * x[i]!
      scores[k] = 1 / (1 + Math.exp(-z))
    }
    return scores
  }

  private unit(u: UnitText): Features {
    let f = this.cache.get(u.key)
    if (!f) {
      f = this.features(u.text, u.lang, true)
      this.cache.set(u.key, f)
    }
    return f
  }

  private features(text: string, lang: Language, count: boolean): Features {
    const tf = new Map<number, number>()
    for (const t of terms(text, lang)) {
      let id = this.vocab.get(t)
      if (id === undefined) {
        id = this.vocab.size
        this.vocab.set(t, id)
        if (id >= this.df.length) {
          const grown = new Float64Array(this.df.length * 2)
          grown.set(this.df)
          this.df = grown
        }
      }
      tf.set(id, (tf.get(id) ?? 0) + 1)
    }
    if (count) {
      this.docs++
      for (const id of tf.keys()) this.df[id]!++
    }
    const ids = Int32Array.from(tf.keys())
    return { ids, tf: Float64Array.from(tf.values(), (n) => 1 + Math.log(n)) }
  }

  private idf(): Float64Array {
    const idf = new Float64Array(this.vocab.size)
    for (let t = 0; t < idf.length; t++) idf[t] = Math.log((1 + this.docs) / (1 + this.df[t]!)) + 1
    return idf
  }
}
