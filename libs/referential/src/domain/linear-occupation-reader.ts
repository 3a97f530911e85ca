import { textStems } from './french-text.js';
import type { ClassifiedOccupation } from './occupation-classifier.js';
import { seededRandom } from '@passerelle/core';

/** An offer whose source gave its ROME code, with the referential's own reading of it. */
export interface LinearTrainingOffer {
  readonly title: string;
  readonly description: string | null;
  readonly codeRome: string;
}

/**
 * How the linear reader learns. A multinomial logistic regression (softmax) over the codes of the
 * coded offers, on TF-IDF features of French stems (title words, title word pairs and description
 * words in three namespaces), trained by averaged stochastic gradient descent, plus a few weights
 * shared by all codes on what the referential read (its readings' weights, its first reading's
 * score and evidence): a code no coded offer carries still wins when the referential reads it surely.
 */
export const LINEAR_OCCUPATION_WEIGHTS = {
  /** Scale of the title words' namespace against the description's (before the vector's norm). */
  title: 3,
  /** Scale of the title's word pairs. */
  titlePairs: 1.5,
  /** Scale of the description words. */
  description: 1,
  /** Scale of the referential's shared features (they learn faster than the words' weights). */
  referential: 1,
  /** Passes over the training offers. */
  epochs: 8,
  /** Step of the gradient descent (features are L2-normalised). */
  learningRate: 0.5,
  /** L2 penalty per step (applied lazily, as a decay of each touched feature's row). */
  l2: 1e-5,
  /** A term must appear in at least this many training offers to be a feature. */
  minDocuments: 2,
  /** At most this many features (the most frequent terms): bounds memory at build. */
  maxFeatures: 40_000,
  /** After training, class weights smaller than this are dropped (sparse rows: small and fast). */
  prune: 1e-3,
  /**
   * Each training offer's step is divided by its code's count among the coded offers to this power
   * (then scaled back to a mean of 1): the codes the store holds most (IT jobs) otherwise pull
   * every loose reading.
   */
  codePrior: 0.25,
  /** Each offer keeps only its heaviest terms (bounds build and read time). */
  termsPerOffer: 64,
  /** Order of the training offers: a fixed seed (deterministic). */
  seed: 1,
};
export type LinearOccupationWeights = typeof LINEAR_OCCUPATION_WEIGHTS;

/** Shared (code-independent) features of a candidate code, from the referential's reading. */
const BASE = 7;
/** Generic, then one block per letter of the referential's first reading (A–N): how far to trust it depends on the trade. */
const SHARED = BASE * 15;

export interface LinearReading {
  /** Codes with their probability, best first (at most `limit`). */
  readonly codes: ReadonlyArray<{ readonly codeRome: string; readonly probability: number }>;
}

interface Example {
  readonly ids: Int32Array;
  readonly values: Float32Array;
  readonly label: number;
  readonly referential: ReferentialFacts | null;
  /** Scale of this offer's steps (see codePrior). */
  readonly weight: number;
}

/** What the referential read, by class index (codes unseen in training get extra classes). */
interface ReferentialFacts {
  readonly readings: ReadonlyArray<{ readonly code: number; readonly weight: number }>;
  readonly evidence: 'title' | 'title+text' | 'text';
  readonly score: number;
}

export type ReferentialRead = (title: string, description: string | null) => ClassifiedOccupation | null;

const TITLE = 't:';
const DECAY_EVERY = 256;
const PAIR = 'p:';
const TEXT = 'd:';

function termsOf(title: string, description: string | null): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (term: string): void => void bag.set(term, (bag.get(term) ?? 0) + 1);
  const stems = textStems(title);
  stems.forEach((stem, i) => {
    add(TITLE + stem);
    if (i > 0) add(`${PAIR}${stems[i - 1]}_${stem}`);
  });
  for (const stem of textStems(description ?? '')) add(TEXT + stem);
  return bag;
}

/**
 * A linear reader of coded offers: a softmax regression over the codes the coded offers carry,
 * learned from their words and from the referential's reading of each of them (see
 * LINEAR_OCCUPATION_WEIGHTS). Built once from a list, then read synchronously; deterministic (fixed
 * seed and order; ties go to the code). Measured by `npm run eval:occupations` (rows `linear`);
 * not used by the platform yet (see the README's Offers section for why).
 */
export class LinearOccupationReader {
  private constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly idf: Float32Array,
    private readonly codes: string[],
    private readonly codeIndex: Map<string, number>,
    /** Per feature, sparse class weights: offsets into rowClasses/rowWeights. */
    private readonly rowStart: Int32Array,
    private readonly rowClasses: Uint16Array,
    private readonly rowWeights: Float32Array,
    private readonly bias: Float32Array,
    private readonly shared: Float32Array,
    private readonly weights: Readonly<LinearOccupationWeights>,
    readonly trainedOn: number,
  ) {}

  static build(
    offers: Iterable<LinearTrainingOffer>,
    options: {
      readonly referential: ReferentialRead;
      readonly isKnown?: (codeRome: string) => boolean;
      readonly maxOffers: number;
      readonly weights?: Readonly<LinearOccupationWeights>;
    },
  ): LinearOccupationReader {
    const weights = options.weights ?? LINEAR_OCCUPATION_WEIGHTS;
    const kept: Array<{ bag: Map<string, number>; code: string; read: ClassifiedOccupation | null }> = [];
    const df = new Map<string, number>();
    for (const offer of offers) {
      if (kept.length >= options.maxOffers) break;
      const code = offer.codeRome.trim().toUpperCase();
      if (!/^[A-Z]\d{4}$/.test(code) || (options.isKnown && !options.isKnown(code))) continue;
      const bag = termsOf(offer.title, offer.description);
      if (bag.size === 0) continue;
      for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
      kept.push({ bag, code, read: options.referential(offer.title, offer.description) });
    }
    const terms = [...df.entries()]
      .filter(([, count]) => count >= weights.minDocuments)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, weights.maxFeatures)
      .map(([term]) => term)
      .sort();
    const vocabulary = new Map(terms.map((term, id) => [term, id]));
    const idf = Float32Array.from(terms, (term) => Math.log((kept.length + 1) / (df.get(term)! + 1)) + 1);
    const codes = [...new Set(kept.map((offer) => offer.code))].sort();
    const codeIndex = new Map(codes.map((code, index) => [code, index]));
    const trained = codes.length;
    const reader = new LinearOccupationReader(
      vocabulary,
      idf,
      codes,
      codeIndex,
      new Int32Array(terms.length + 1),
      new Uint16Array(0),
      new Float32Array(0),
      new Float32Array(trained),
      new Float32Array(SHARED),
      weights,
      kept.length,
    );
    const counts = new Map<string, number>();
    for (const { code } of kept) counts.set(code, (counts.get(code) ?? 0) + 1);
    const raw = kept.map(({ code }) => counts.get(code)! ** -weights.codePrior);
    const mean = raw.reduce((sum, value) => sum + value, 0) / Math.max(1, raw.length);
    const examples: Example[] = kept.map(({ bag, code, read }, index) => ({
      ...reader.features(bag),
      label: codeIndex.get(code)!,
      referential: reader.facts(read, true),
      weight: raw[index] / mean,
    }));
    return reader.train(examples, trained);
  }

  /** Feature ids and values of a bag of terms: namespaced TF-IDF, L2-normalised. */
  private features(bag: Map<string, number>): { ids: Int32Array; values: Float32Array } {
    const entries: Array<[number, number]> = [];
    for (const [term, count] of bag) {
      const id = this.vocabulary.get(term);
      if (id === undefined) continue;
      const scale = term.startsWith(TITLE)
        ? this.weights.title
        : term.startsWith(PAIR)
          ? this.weights.titlePairs
          : this.weights.description;
      entries.push([id, (1 + Math.log(count)) * this.idf[id] * scale]);
    }
    if (entries.length > this.weights.termsPerOffer) {
      entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      entries.length = this.weights.termsPerOffer;
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0)) || 1;
    return {
      ids: Int32Array.from(entries, ([id]) => id),
      values: Float32Array.from(entries, ([, value]) => value / norm),
    };
  }

  /** The referential's reading by class index; unseen codes get class indices past the trained ones. */
  private facts(read: ClassifiedOccupation | null, extend: boolean): ReferentialFacts | null {
    if (!read) return null;
    const readings: Array<{ code: number; weight: number }> = [];
    for (const reading of [{ codeRome: read.codeRome, weight: 1 }, ...read.otherReadings]) {
      let code = this.codeIndex.get(reading.codeRome);
      if (code === undefined) {
        if (!extend) continue;
        code = this.codes.length;
        this.codes.push(reading.codeRome);
        this.codeIndex.set(reading.codeRome, code);
      }
      readings.push({ code, weight: reading.weight });
    }
    return { readings, evidence: read.evidence, score: read.score };
  }

  /** Shared features of candidate `code` given the referential's reading (see SHARED). */
  private sharedOf(facts: ReferentialFacts, code: number, into: Float64Array): boolean {
    return this.sharedOfCodes(facts, code, this.codes, into);
  }

  private train(examples: Example[], trained: number): LinearOccupationReader {
    const { epochs, learningRate, l2, seed } = this.weights;
    const classes = this.codes.length;
    const features = this.vocabulary.size;
    // Dense during training (features × classes, Float32), pruned into sparse rows afterwards.
    const w = new Float32Array(features * classes);
    const u = new Float32Array(features * classes); // Σ t·Δ, for the average
    const bias = new Float64Array(classes);
    const biasU = new Float64Array(classes);
    const shared = new Float64Array(SHARED);
    const sharedU = new Float64Array(SHARED);
    const scores = new Float64Array(classes);
    const phi = new Float64Array(SHARED);
    const order = examples.map((_, index) => index);
    const next = seededRandom(seed);
    let t = 1;
    const decay = 1 - learningRate * l2;
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const index of order) {
        const example = examples[index];
        this.scoreDense(example, w, bias, shared, scores, phi, classes);
        let max = -Infinity;
        for (let c = 0; c < classes; c += 1) if (scores[c] > max) max = scores[c];
        let sum = 0;
        for (let c = 0; c < classes; c += 1) {
          scores[c] = Math.exp(scores[c] - max);
          sum += scores[c];
        }
        const { ids, values } = example;
        for (let c = 0; c < classes; c += 1) {
          const g = scores[c] / sum - (c === example.label ? 1 : 0);
          if (g > -1e-3 && g < 1e-3) continue;
          const step = learningRate * example.weight * g;
          if (example.referential && this.sharedOf(example.referential, c, phi)) {
            for (let s = 0; s < SHARED; s += 1) {
              shared[s] -= step * phi[s];
              sharedU[s] -= t * step * phi[s];
            }
          }
          // Codes only the referential read (no coded offer carries them) learn no words.
          if (c >= trained) continue;
          for (let k = 0; k < ids.length; k += 1) {
            const at = ids[k] * classes + c;
            const delta = -step * values[k];
            w[at] += delta;
            u[at] += t * delta;
          }
          bias[c] -= step * 0.1;
          biasU[c] -= t * step * 0.1;
        }
        if (l2 > 0 && t % DECAY_EVERY === 0) {
          // The L2 penalty of the last DECAY_EVERY steps at once, on every weight (cheap, dense).
          const factor = decay ** DECAY_EVERY - 1;
          for (let at = 0; at < w.length; at += 1) {
            const delta = w[at] * factor;
            w[at] += delta;
            u[at] += t * delta;
          }
        }
        t += 1;
      }
    }
    // Averaged weights: w − u / t. Then sparse rows.
    const rowStart = new Int32Array(features + 1);
    const rowClasses: number[] = [];
    const rowWeights: number[] = [];
    for (let f = 0; f < features; f += 1) {
      rowStart[f] = rowClasses.length;
      for (let c = 0; c < classes; c += 1) {
        const value = w[f * classes + c] - u[f * classes + c] / t;
        if (Math.abs(value) >= this.weights.prune) {
          rowClasses.push(c);
          rowWeights.push(value);
        }
      }
    }
    rowStart[features] = rowClasses.length;
    return new LinearOccupationReader(
      this.vocabulary,
      this.idf,
      this.codes.slice(0, trained),
      new Map([...this.codeIndex].filter(([, index]) => index < trained)),
      rowStart,
      Uint16Array.from(rowClasses),
      Float32Array.from(rowWeights),
      Float32Array.from({ length: trained }, (_, c) => bias[c] - biasU[c] / t),
      Float32Array.from(shared, (value, s) => value - sharedU[s] / t),
      this.weights,
      this.trainedOn,
    );
  }

  private scoreDense(
    example: Example,
    w: Float32Array,
    bias: Float64Array,
    shared: Float64Array,
    scores: Float64Array,
    phi: Float64Array,
    classes: number,
  ): void {
    scores.set(bias);
    const { ids, values } = example;
    for (let k = 0; k < ids.length; k += 1) {
      const row = ids[k] * classes;
      const value = values[k];
      for (let c = 0; c < classes; c += 1) scores[c] += value * w[row + c];
    }
    if (example.referential) {
      // Shared features are non-zero only for the referential's readings' domains/letters: all
      // classes of the first reading's letter are touched, so loop over the classes.
      for (let c = 0; c < classes; c += 1) {
        if (!this.sharedOf(example.referential, c, phi)) continue;
        let sum = 0;
        for (let s = 0; s < SHARED; s += 1) sum += shared[s] * phi[s];
        scores[c] += sum;
      }
    }
  }

  /** Codes with their probability for an offer, given the referential's reading of it. */
  read(title: string, description: string | null, read: ClassifiedOccupation | null, limit = 5): LinearReading {
    const { ids, values } = this.features(termsOf(title, description));
    const trained = this.bias.length;
    // Codes the referential read that no coded offer carries get a class of their own.
    const extra: string[] = [];
    const codeOf = (codeRome: string): number => {
      const known = this.codeIndex.get(codeRome);
      if (known !== undefined) return known;
      let at = extra.indexOf(codeRome);
      if (at < 0) at = extra.push(codeRome) - 1;
      return trained + at;
    };
    const readings = read
      ? [{ codeRome: read.codeRome, weight: 1 }, ...read.otherReadings].map((reading) => ({
          code: codeOf(reading.codeRome),
          weight: reading.weight,
        }))
      : [];
    const all = [...this.codes, ...extra];
    const scores = new Float64Array(all.length);
    scores.set(this.bias);
    for (let k = 0; k < ids.length; k += 1)
      for (let at = this.rowStart[ids[k]]; at < this.rowStart[ids[k] + 1]; at += 1)
        scores[this.rowClasses[at]] += values[k] * this.rowWeights[at];
    if (read) {
      const facts: ReferentialFacts = { readings, evidence: read.evidence, score: read.score };
      const phi = new Float64Array(SHARED);
      for (let c = 0; c < all.length; c += 1) {
        if (!this.sharedOfCodes(facts, c, all, phi)) continue;
        for (let s = 0; s < SHARED; s += 1) scores[c] += this.shared[s] * phi[s];
      }
    }
    let max = -Infinity;
    for (const score of scores) if (score > max) max = score;
    let sum = 0;
    for (let c = 0; c < scores.length; c += 1) {
      scores[c] = Math.exp(scores[c] - max);
      sum += scores[c];
    }
    const ranked = [...scores.keys()]
      .sort((a, b) => scores[b] - scores[a] || (all[a] < all[b] ? -1 : 1))
      .slice(0, limit)
      .map((c) => ({ codeRome: all[c], probability: scores[c] / sum }));
    return { codes: ranked };
  }

  /** Fills `into` with the shared features of candidate `code`; false (and nothing filled) when all are 0. */
  private sharedOfCodes(facts: ReferentialFacts, code: number, all: readonly string[], into: Float64Array): boolean {
    const first = facts.readings[0];
    if (!first) return false;
    const own = facts.readings.find((reading) => reading.code === code);
    if (!own && all[first.code][0] !== all[code][0]) return false;
    into.fill(0);
    if (own) into[0] = own.weight;
    if (first.code === code) {
      into[1] = facts.evidence === 'title' ? 1 : 0;
      into[2] = facts.evidence === 'title+text' ? 1 : 0;
      into[3] = facts.evidence === 'text' ? 1 : 0;
      into[4] = facts.score;
    }
    if (all[first.code].slice(0, 3) === all[code].slice(0, 3)) into[5] = 1;
    if (all[first.code][0] === all[code][0]) into[6] = 1;
    const letter = all[first.code].charCodeAt(0) - 64;
    const scale = this.weights.referential;
    for (let s = 0; s < BASE; s += 1) into[s] *= scale;
    if (letter >= 1 && letter <= 14) for (let s = 0; s < BASE; s += 1) into[letter * BASE + s] = into[s];
    return true;
  }

  get stats(): { offers: number; codes: number; features: number; weights: number; approxBytes: number } {
    let termBytes = 0;
    for (const term of this.vocabulary.keys()) termBytes += 2 * term.length + 80;
    return {
      offers: this.trainedOn,
      codes: this.codes.length,
      features: this.vocabulary.size,
      weights: this.rowWeights.length,
      approxBytes: this.rowWeights.length * 6 + this.rowStart.length * 4 + this.idf.length * 4 + termBytes,
    };
  }
}
