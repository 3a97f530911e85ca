import { textStems } from './french-text.js';
import type { ClassifiedOccupation, OccupationReading } from './occupation-classifier.js';

/** An offer whose source gave its ROME code (France Travail's own coding): what the reader learns from. */
export interface CodedOffer {
  readonly title: string;
  readonly description: string | null;
  readonly codeRome: string;
}

/**
 * How the reader of coded offers weighs its evidence. Chosen by 5-fold cross-validation on the
 * development offers (folds by employer, so one employer's near-identical offers never sit on both
 * sides), on the `tune` half of the employers, scoring the representative file (département 74,
 * every sector) and the IT-heavy files equally; `npm run eval:occupations` reports the other half.
 */
export const CODED_OFFER_WEIGHTS = {
  /** A title word weighs this many times a description word (the title names the job). */
  title: 5,
  /** Similar coded offers consulted. */
  neighbours: 40,
  /** A neighbour counts only when its cosine with the offer is at least this (0 chosen: the
   * power below and `minVotes` already silence distant offers). */
  minSimilarity: 0,
  /** Each neighbour votes for its code with its similarity to this power: near copies decide. */
  sharpness: 2,
  /** The votes are divided by their total, but by at least this: a few weak neighbours cannot outvote the referential. */
  minVotes: 2,
  /** The referential's readings (weight 1 for its first) are added with this factor. */
  referential: 0.5,
  /** Each offer, stored or read, keeps only its heaviest words (bounds memory and time). */
  termsPerOffer: 64,
};
export type CodedOfferWeights = typeof CODED_OFFER_WEIGHTS;

export interface CodedOfferBuildOptions {
  readonly maxOffers: number;
  readonly isKnown?: (codeRome: string) => boolean;
  readonly onProgress?: (read: number) => void;
  readonly weights?: Readonly<CodedOfferWeights>;
}

/** What a built reader holds, for logs and the CLI. */
export interface CodedOfferStats {
  readonly offers: number;
  readonly codes: number;
  readonly terms: number;
  readonly postings: number;
  /** Bytes of the typed arrays and dictionaries, roughly. */
  readonly approxBytes: number;
}

/** What the similar coded offers say of one offer: each code with the share of their votes. */
export interface CodedVotes {
  readonly votes: ReadonlyArray<{ readonly codeRome: string; readonly share: number; readonly offers: number }>;
  /** Neighbours similar enough to vote. */
  readonly neighbours: number;
}

/** How a reading was reached, said with the occupation (see readWithCodedOffers). */
export interface CodedOfferEvidence {
  /** `referential`: the title and description against the ROME; `coded-offers`: similar offers
   * whose source coded them outvoted the referential's first reading. */
  readonly readFrom: 'referential' | 'coded-offers';
  /** Similar coded offers that voted, and how many of them carry the code read. */
  readonly similarOffers: number;
  readonly agreeing: number;
}

export type LearnedOccupation = ClassifiedOccupation & CodedOfferEvidence;

/**
 * A nearest-neighbour reader built from offers that came with their ROME code (France Travail's
 * source codes every offer): an uncoded offer is read the way the most similar coded offers were
 * coded. Offers are TF-IDF vectors of French stems (title words apart and heavier), compared by
 * cosine through an inverted index. Built once from a list (the platform's stored coded offers,
 * newest first, capped), then read synchronously. Deterministic: same offers in, same readings out
 * (ties go to the earlier offer of the list, then to the code).
 */
export class CodedOfferReader {
  private readonly vocabulary = new Map<string, number>();
  private readonly idf: Float64Array;
  /** For each term, the offers holding it and the (normalised) weight there, in two parallel arrays. */
  private readonly postingOffers: Int32Array[];
  private readonly postingWeights: Float32Array[];
  private readonly codeOfOffer: Uint16Array;
  private readonly codes: string[];
  private readonly scratch: Float64Array;

  private constructor(
    offers: ReadonlyArray<{ readonly bag: Map<string, number>; readonly code: number }>,
    codes: string[],
    df: Map<string, number>,
    private readonly weights: Readonly<CodedOfferWeights>,
  ) {
    this.codes = codes;
    const terms = [...df.keys()].sort();
    terms.forEach((term, id) => this.vocabulary.set(term, id));
    this.idf = Float64Array.from(terms, (term) => Math.log((offers.length + 1) / (df.get(term)! + 1)) + 1);
    const lists: Array<{ offers: number[]; weights: number[] }> = terms.map(() => ({ offers: [], weights: [] }));
    this.codeOfOffer = new Uint16Array(offers.length);
    offers.forEach(({ bag, code }, index) => {
      this.codeOfOffer[index] = code;
      for (const [id, weight] of this.vector(bag)) {
        lists[id].offers.push(index);
        lists[id].weights.push(weight);
      }
    });
    this.postingOffers = lists.map((list) => Int32Array.from(list.offers));
    this.postingWeights = lists.map((list) => Float32Array.from(list.weights));
    this.scratch = new Float64Array(offers.length);
  }

  /**
   * Builds the reader from coded offers, best kept first (newest): at most `maxOffers` are kept;
   * offers whose code `isKnown` rejects are skipped. `onProgress` is told every 1,000 offers.
   */
  static build(offers: Iterable<CodedOffer>, options: CodedOfferBuildOptions): CodedOfferReader {
    const builder = CodedOfferReader.builder(options);
    for (const offer of offers) if (!builder.add(offer)) break;
    return builder.finish();
  }

  /** The same, fed one offer at a time (from a paged database read): `add` says whether to go on. */
  static builder(options: CodedOfferBuildOptions): { add(offer: CodedOffer): boolean; finish(): CodedOfferReader } {
    const weights = options.weights ?? CODED_OFFER_WEIGHTS;
    const codes: string[] = [];
    const codeIndex = new Map<string, number>();
    const kept: Array<{ bag: Map<string, number>; code: number }> = [];
    const df = new Map<string, number>();
    let read = 0;
    return {
      add(offer: CodedOffer): boolean {
        if (kept.length >= options.maxOffers) return false;
        read += 1;
        if (read % 1000 === 0) options.onProgress?.(read);
        const codeRome = offer.codeRome.trim().toUpperCase();
        if (!/^[A-Z]\d{4}$/.test(codeRome) || (options.isKnown && !options.isKnown(codeRome))) return true;
        const bag = bagOf(offer.title, offer.description);
        if (bag.size === 0) return true;
        let code = codeIndex.get(codeRome);
        if (code === undefined) {
          code = codes.length;
          codes.push(codeRome);
          codeIndex.set(codeRome, code);
        }
        for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
        kept.push({ bag, code });
        return kept.length < options.maxOffers;
      },
      finish: () => new CodedOfferReader(kept, codes, df, weights),
    };
  }

  get stats(): CodedOfferStats {
    let postings = 0;
    for (const list of this.postingOffers) postings += list.length;
    // Each term costs its string, a dictionary entry and two small typed arrays (~600 B measured:
    // 4,411 offers, 18,040 terms, 265,343 postings grew the heap by 17.5 MB).
    let termBytes = 0;
    for (const term of this.vocabulary.keys()) termBytes += 2 * term.length + 600;
    return {
      offers: this.codeOfOffer.length,
      codes: this.codes.length,
      terms: this.vocabulary.size,
      postings,
      approxBytes: postings * 8 + this.codeOfOffer.length * 10 + termBytes,
    };
  }

  /** What the most similar coded offers say of an offer: codes with their share of the votes. */
  votes(title: string, description: string | null): CodedVotes {
    const bag = new Map<string, number>();
    for (const [term, count] of bagOf(title, description)) if (this.vocabulary.has(term)) bag.set(term, count);
    const touched: number[] = [];
    for (const [id, weight] of this.vector(bag)) {
      const offers = this.postingOffers[id];
      const weights = this.postingWeights[id];
      for (let i = 0; i < offers.length; i += 1) {
        const offer = offers[i];
        if (this.scratch[offer] === 0) touched.push(offer);
        this.scratch[offer] += weight * weights[i];
      }
    }
    const similar = touched.map((offer) => ({ offer, similarity: this.scratch[offer] }));
    for (const offer of touched) this.scratch[offer] = 0;
    similar.sort((a, b) => b.similarity - a.similarity || a.offer - b.offer);
    const tally = new Map<number, { vote: number; offers: number }>();
    let total = 0;
    let neighbours = 0;
    for (const { offer, similarity } of similar.slice(0, this.weights.neighbours)) {
      if (similarity < this.weights.minSimilarity) break;
      const vote = similarity ** this.weights.sharpness;
      const code = this.codeOfOffer[offer];
      const entry = tally.get(code) ?? { vote: 0, offers: 0 };
      entry.vote += vote;
      entry.offers += 1;
      tally.set(code, entry);
      total += vote;
      neighbours += 1;
    }
    const divisor = Math.max(total, this.weights.minVotes);
    const votes = [...tally.entries()]
      .map(([code, { vote, offers }]) => ({ codeRome: this.codes[code], share: vote / divisor, offers }))
      .sort((a, b) => b.share - a.share || compare(a.codeRome, b.codeRome));
    return { votes, neighbours };
  }

  /** Term id → normalised TF-IDF weight, the heaviest `limit` terms only. */
  private vector(bag: Map<string, number>, limit = this.weights.termsPerOffer): Array<[number, number]> {
    const weighted: Array<[number, number]> = [];
    for (const [term, count] of bag) {
      const id = this.vocabulary.get(term);
      if (id === undefined) continue;
      const titleFactor = term.startsWith(TITLE_MARK) ? this.weights.title : 1;
      weighted.push([id, (1 + Math.log(count)) * this.idf[id] * titleFactor]);
    }
    weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = weighted.length > limit ? weighted.slice(0, limit) : weighted;
    const norm = Math.sqrt(kept.reduce((sum, [, weight]) => sum + weight * weight, 0)) || 1;
    return kept.map(([id, weight]) => [id, weight / norm]);
  }
}

const TITLE_MARK = 't:';

/** Title stems (marked apart) and description stems with their counts. */
function bagOf(title: string, description: string | null): Map<string, number> {
  const bag = new Map<string, number>();
  for (const stem of textStems(title)) bag.set(TITLE_MARK + stem, (bag.get(TITLE_MARK + stem) ?? 0) + 1);
  for (const stem of textStems(description ?? '')) bag.set(stem, (bag.get(stem) ?? 0) + 1);
  return bag;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The occupation read from the referential's readings and the votes of similar coded offers: each
 * code scores its share of the votes plus `referential` × its weight among the referential's
 * readings (1 for the first). The best wins; ties go to the referential's order, then to the code.
 * Without votes the referential's reading is returned as it is. `label` names a code the
 * referential did not propose (null: the code is skipped).
 */
export function readWithCodedOffers(
  referential: ClassifiedOccupation | null,
  votes: CodedVotes,
  label: (codeRome: string) => string | null,
  weights: Readonly<CodedOfferWeights> = CODED_OFFER_WEIGHTS,
): LearnedOccupation | null {
  const readings: OccupationReading[] = referential
    ? [{ codeRome: referential.codeRome, label: referential.label, weight: 1 }, ...referential.otherReadings]
    : [];
  const scores = new Map<string, { label: string; score: number; order: number }>();
  readings.forEach((reading, order) =>
    scores.set(reading.codeRome, { label: reading.label, score: weights.referential * reading.weight, order }),
  );
  for (const vote of votes.votes) {
    const known = scores.get(vote.codeRome);
    if (known) known.score += vote.share;
    else {
      const name = label(vote.codeRome);
      if (name !== null) scores.set(vote.codeRome, { label: name, score: vote.share, order: readings.length });
    }
  }
  const ranked = [...scores.entries()].sort(
    ([codeA, a], [codeB, b]) =>
      (Math.abs(a.score - b.score) <= 1e-9 ? 0 : b.score - a.score) || a.order - b.order || compare(codeA, codeB),
  );
  if (ranked.length === 0) return null;
  const [[codeRome, best], ...others] = ranked;
  const agreeing = votes.votes.find((vote) => vote.codeRome === codeRome);
  const fromReferential = referential !== null && codeRome === referential.codeRome;
  const evidence: CodedOfferEvidence = {
    readFrom: fromReferential ? 'referential' : 'coded-offers',
    similarOffers: votes.neighbours,
    agreeing: agreeing?.offers ?? 0,
  };
  return {
    ...(fromReferential
      ? referential
      : { codeRome, label: best.label, score: referential?.score ?? 0, evidence: referential?.evidence ?? 'text' }),
    otherReadings: others
      .slice(0, referential ? Math.max(referential.otherReadings.length, 3) : 3)
      .map(([code, other]) => ({
        codeRome: code,
        label: other.label,
        weight: best.score > 0 ? Math.round((1000 * other.score) / best.score) / 1000 : 1,
      })),
    ...evidence,
  };
}
