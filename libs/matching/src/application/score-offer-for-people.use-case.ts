import { Injectable } from '@nestjs/common';
import { DomainError, mapConcurrent } from '@passerelle/core';
import { filterValue, type MatchingProfile } from '../domain/profile.js';
import { meetsHardConstraints, semanticScore } from '../domain/hard-constraints.js';
import { offerScorer, type ScoreParts, type ScoringProfile } from '../domain/scoring.js';
import {
  type ConstrainedFields,
  type Hit,
  MATCH_ATTRIBUTES,
  type MatchedOffer,
  MatchScorer,
  offerInput,
  type Prepared,
} from './match-scorer.js';
import { OfferIndex } from './ports/offer-index.js';

/** One offer as reverse matching reads it from the index (see ScoreOfferForPeople.offer). */
export type OfferToScore = { readonly hit: Hit & ConstrainedFields; readonly vector: number[] | null } | null;

/** People scored per multi-search request in reverse matching. */
const REVERSE_BATCH = 50;
const REVERSE_CONCURRENCY = 2;

/**
 * Reverse matching: one offer scored for many people, by the same constraints, vector and scoring as
 * their own searches (MatchScorer), so a person's score here is the score the offer has in their
 * matches.
 */
@Injectable()
export class ScoreOfferForPeople {
  constructor(
    private readonly index: OfferIndex,
    private readonly scorer: MatchScorer,
  ) {}

  /**
   * Reverse matching: one offer scored for many people, by the same constraints, vector and scoring
   * as their own searches, so a person's score here is the score the offer has in their matches. The
   * offer is read once (with its vector) and every person is scored in process: their hard
   * constraints evaluated as Meilisearch evaluates the filters, the similarity as Meilisearch ranks
   * it (a test compares this with `bySearch` on the demo data). A person whose
   * constraints exclude the offer gets null; so does a profile that no longer resolves against the
   * referential, and everyone when the offer is not in the index.
   */
  async execute<K>(
    /** The offer's id, or its read already started (`offer`) while the caller gathered the people. */
    offerOrId: string | Promise<OfferToScore>,
    /** `cacheKey`, when given, names the profile for the matcher's cache instead of its content. */
    people: ReadonlyArray<{ readonly key: K; readonly profile: MatchingProfile; readonly cacheKey?: string }>,
    /**
     * Only the `count` best people reached, best first (shown score, then `tieBreak` of the keys):
     * everyone is scored, only they are explained. Without it, everyone, each with their explanation.
     */
    best?: { readonly count: number; readonly tieBreak: (a: K, b: K) => number },
  ): Promise<Array<{ readonly key: K; readonly match: MatchedOffer | null }>> {
    const space = await this.scorer.skills.space();
    const idf = (id: string): number => space.idf(id);
    const offer = await (typeof offerOrId === 'string' ? this.offer(offerOrId) : offerOrId);
    // What the scoring reads of the offer, read once: only the person's side changes per person.
    const score = offer ? offerScorer(offerInput(offer.hit, 0), idf) : null;
    type Reached = { key: K; profile: MatchingProfile; prepared: Prepared; similarity: number; parts: ScoreParts };
    // Best first: shown score, then the caller's order of the keys.
    const order = (a: Reached, b: Reached): number => b.parts.score - a.parts.score || best!.tieBreak(a.key, b.key);
    // Without `best`, everyone reached in their order; with it, only the `count` best so far, in order
    // (the same people in the same order as sorting everyone then keeping the first `count`: an
    // entry goes after those it ties with, as a stable sort leaves it).
    const reached: Reached[] = [];
    const results: Array<{ key: K; match: MatchedOffer | null }> = [];
    const now = Date.now();
    for (const person of people) {
      let prepared: Prepared;
      try {
        prepared =
          (person.cacheKey === undefined ? undefined : this.scorer.kept(person.cacheKey, now)) ??
          (await this.scorer.prepare(person.profile, person.cacheKey));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (!best) results.push({ key: person.key, match: null });
        continue;
      }
      const { scoring, vector, constraints } = prepared;
      if (!offer || !score || !meetsHardConstraints(offer.hit, constraints)) {
        if (!best) results.push({ key: person.key, match: null });
        continue;
      }
      const similarity = vector ? semanticScore(vector, offer.vector) : 0;
      const entry = {
        key: person.key,
        profile: person.profile,
        prepared,
        similarity,
        // Proofs (declared skills, certificates) are what needs the matcher's coverage function;
        // without them the person's own weights are read directly, as that function would.
        parts: score(scoring, similarity, scoring.proofs?.length ? this.scorer.coverage(scoring) : undefined),
      };
      if (!best) reached.push(entry);
      else if (best.count > 0 && (reached.length < best.count || order(entry, reached.at(-1)!) < 0)) {
        let at = reached.length;
        while (at > 0 && order(entry, reached[at - 1]) < 0) at -= 1;
        reached.splice(at, 0, entry);
        if (reached.length > best.count) reached.pop();
      }
    }
    const explain = (entry: Reached): { key: K; match: MatchedOffer } => ({
      key: entry.key,
      match: this.scorer.explain(
        entry.prepared.vector ? { ...offer!.hit, _rankingScore: entry.similarity } : offer!.hit,
        entry.prepared.scoring,
        entry.profile,
        space,
        entry.prepared.vector !== null,
        entry.parts,
      ),
    });
    return best ? reached.map(explain) : [...results, ...reached.map(explain)];
  }

  /**
   * One offer as the index holds it, with what the constraints read and its skill vector; null if
   * absent. A caller may start this read while it gathers the people, and pass it to `execute`.
   */
  async offer(offerId: string): Promise<OfferToScore> {
    return this.index
      .document<Hit & ConstrainedFields>(offerId, [...MATCH_ATTRIBUTES, 'departement', 'region', 'drivingLicences'])
      .then((found) => (found ? { hit: found.document, vector: found.vector } : null));
  }

  /**
   * Reverse matching as it was done before `execute` scored in process, kept as its reference
   * (the equivalence test and the bench's baseline): each person's own search restricted to this offer,
   * sent together in multi-search batches. A person
   * whose hard constraints (radius, contract, licence, hours) exclude the offer gets null; so does a
   * profile that no longer resolves against the referential.
   */
  async bySearch<K>(
    offerId: string,
    people: ReadonlyArray<{ readonly key: K; readonly profile: MatchingProfile }>,
  ): Promise<Array<{ readonly key: K; readonly match: MatchedOffer | null }>> {
    const space = await this.scorer.skills.space();
    const prepared: Array<{ key: K; profile: MatchingProfile; scoring: ScoringProfile; vector: number[] | null }> = [];
    const results: Array<{ key: K; match: MatchedOffer | null }> = [];
    for (const person of people) {
      try {
        const scoring = await this.scorer.scoringProfile(person.profile);
        prepared.push({ ...person, scoring, vector: await this.scorer.vectorOf(scoring) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ key: person.key, match: null });
      }
    }
    const batches: Array<typeof prepared> = [];
    for (let start = 0; start < prepared.length; start += REVERSE_BATCH)
      batches.push(prepared.slice(start, start + REVERSE_BATCH));
    // Two batches in flight: Meilisearch answers a multi-search on one thread, and the machine has more.
    const answers = mapConcurrent(batches, REVERSE_CONCURRENCY, async (batch) => ({
      batch,
      results: await this.index.multiSearch<Hit>(
        batch.map((person) => ({
          ...(person.vector ? { vector: person.vector, showRankingScore: true } : {}),
          filter: [...this.scorer.hardFilters(person.profile, person.scoring), `id = ${filterValue(offerId)}`],
          limit: 1,
          attributesToRetrieve: MATCH_ATTRIBUTES,
        })),
      ),
    }));
    for await (const { batch, results: answered } of answers)
      batch.forEach((person, i) => {
        const hit = answered[i]?.hits[0];
        results.push({
          key: person.key,
          match: hit ? this.scorer.explain(hit, person.scoring, person.profile, space, person.vector !== null) : null,
        });
      });
    return results;
  }
}
