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
 * The gate (`codePrior` to `voteMargin`) was chosen for the most same-code readings under a heavy
 * penalty for any ROME letter or the département-74 file reading worse than the referential alone;
 * the eval reports it nested (chosen on four folds, measured on the fifth; see OCCUPATION_GATE_GRID).
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
  /**
   * Each vote is divided by its code's count among the coded offers to this power (then the votes
   * are scaled back to their total): a code the source uses very often (most stored offers are IT
   * jobs) otherwise wins every loose neighbourhood.
   */
  codePrior: 0.25,
  /** A referential reading from the title (not the text alone) scoring at least this is strong… */
  strongReferential: 0.9,
  /** …and the votes replace it only when their first code holds at least this share. */
  strongVotes: 0.8,
  /** In any case, the votes' first code must lead the referential's own code by this share. */
  voteMargin: 0.2,
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

/** The most similar coded offers of one offer (indices into the reader), best first. */
export type NearestOffers = ReadonlyArray<{ readonly offer: number; readonly similarity: number }>;

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
  /** For each code, its count among the coded offers (see codePrior). */
  private readonly countOfCode: Float64Array;
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
    this.countOfCode = new Float64Array(codes.length);
    for (const code of this.codeOfOffer) this.countOfCode[code] += 1;
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
    return this.tally(this.nearest(title, description), this.weights);
  }

  /** The `neighbours` coded offers most similar to an offer (cosine), best first. */
  nearest(title: string, description: string | null): NearestOffers {
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
    const nearest = topSimilar(touched, this.scratch, this.weights.neighbours);
    for (const offer of touched) this.scratch[offer] = 0;
    return nearest;
  }

  /**
   * The votes of the nearest offers (see CODED_OFFER_WEIGHTS: sharpness, minSimilarity, codePrior,
   * minVotes). Apart from `votes` so an evaluation can weigh the same neighbours several ways.
   */
  tally(nearest: NearestOffers, weights: Readonly<CodedOfferWeights>): CodedVotes {
    const tally = new Map<number, { vote: number; offers: number }>();
    let total = 0;
    let corrected = 0;
    let neighbours = 0;
    for (const { offer, similarity } of nearest) {
      if (similarity < weights.minSimilarity) break;
      const vote = similarity ** weights.sharpness;
      const code = this.codeOfOffer[offer];
      const prior = this.countOfCode[code] ** -weights.codePrior;
      const entry = tally.get(code) ?? { vote: 0, offers: 0 };
      entry.vote += vote * prior;
      entry.offers += 1;
      tally.set(code, entry);
      total += vote;
      corrected += vote * prior;
      neighbours += 1;
    }
    // The corrected votes keep the raw votes' total, so minVotes bounds them as before.
    const scale = corrected > 0 ? total / corrected : 0;
    const divisor = Math.max(total, weights.minVotes);
    const votes = [...tally.entries()]
      .map(([code, { vote, offers }]) => ({ codeRome: this.codes[code], share: (vote * scale) / divisor, offers }))
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

/**
 * The `k` offers of highest similarity among those touched, best first (ties: the earlier offer),
 * without sorting them all: a bounded binary min-heap, O(n log k) instead of O(n log n).
 */
function topSimilar(
  touched: readonly number[],
  similarity: Float64Array,
  k: number,
): Array<{ offer: number; similarity: number }> {
  // Heap order: the worst kept offer at the root (lower similarity, or equal and later offer).
  const worse = (a: number, b: number): boolean =>
    similarity[a] < similarity[b] || (similarity[a] === similarity[b] && a > b);
  const heap: number[] = [];
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left], heap[worst])) worst = left;
      if (right < heap.length && worse(heap[right], heap[worst])) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  };
  for (const offer of touched) {
    if (heap.length < k) {
      heap.push(offer);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (k > 0 && worse(heap[0], offer)) {
      heap[0] = offer;
      siftDown(0);
    }
  }
  return heap
    .map((offer) => ({ offer, similarity: similarity[offer] }))
    .sort((a, b) => b.similarity - a.similarity || a.offer - b.offer);
}

/** Title stems (marked apart) and description stems with their counts. */
function bagOf(title: string, description: string | null): Map<string, number> {
  const bag = new Map<string, number>();
  for (const stem of textStems(title)) bag.set(TITLE_MARK + stem, (bag.get(TITLE_MARK + stem) ?? 0) + 1);
  for (const stem of textStems(description ?? '')) bag.set(stem, (bag.get(stem) ?? 0) + 1);
  return bag;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether the votes may overrule the referential's reading at all (the gate): their first code
 * must differ from it, lead the referential's code by `voteMargin`, and, when the referential read
 * the title surely (score ≥ strongReferential), hold `strongVotes` of the votes. Without the gate
 * the votes of a store made mostly of IT offers outvoted sure readings of other trades
 * (`Serveur de restaurant` read as a server administrator).
 */
function votesOutweigh(
  referential: ClassifiedOccupation,
  votes: CodedVotes,
  weights: Readonly<CodedOfferWeights>,
): boolean {
  const [first] = votes.votes;
  if (!first || first.codeRome === referential.codeRome) return false;
  const own = votes.votes.find((vote) => vote.codeRome === referential.codeRome)?.share ?? 0;
  if (first.share - own < weights.voteMargin) return false;
  const strong = referential.evidence !== 'text' && referential.score >= weights.strongReferential;
  return !strong || first.share >= weights.strongVotes;
}

/**
 * The occupation read from the referential's readings and the votes of similar coded offers. When
 * the votes do not outweigh the referential (votesOutweigh), its reading is returned as it is.
 * Otherwise each code scores its share of the votes plus `referential` × its weight among the
 * referential's readings (1 for the first). The best wins; ties go to the referential's order,
 * then to the code. Without votes the referential's reading is returned as it is. `label` names a code the
 * referential did not propose (null: the code is skipped).
 */
export function readWithCodedOffers(
  referential: ClassifiedOccupation | null,
  votes: CodedVotes,
  label: (codeRome: string) => string | null,
  weights: Readonly<CodedOfferWeights> = CODED_OFFER_WEIGHTS,
): LearnedOccupation | null {
  const first = votes.votes[0];
  if (referential && (!first || !votesOutweigh(referential, votes, weights)))
    return {
      ...referential,
      readFrom: 'referential',
      similarOffers: votes.neighbours,
      agreeing: votes.votes.find((vote) => vote.codeRome === referential.codeRome)?.offers ?? 0,
    };
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
