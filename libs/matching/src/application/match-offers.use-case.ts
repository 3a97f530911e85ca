import { Injectable } from '@nestjs/common';
import { filterValue, type MatchFilters, type MatchingProfile } from '../domain/profile.js';
import { hardFilterStrings } from '../domain/hard-constraints.js';
import { type Hit, MATCH_WINDOW, type MatchResult, MatchScorer } from './match-scorer.js';
import { WindowHits } from './window-hits.js';
import { OfferIndex } from './ports/offer-index.js';

/**
 * Matched search: hard constraints (radius, contract types, licence, working time) filter in
 * Meilisearch; the skill-space vector ranks the window there; each candidate is then scored exactly
 * here (see scoring.ts) and explained.
 */
@Injectable()
export class MatchOffers {
  constructor(
    private readonly index: OfferIndex,
    private readonly scorer: MatchScorer,
    private readonly window: WindowHits,
  ) {}

  async execute(
    profile: MatchingProfile,
    filters: MatchFilters,
    page: { limit: number; offset: number },
    /** Leave out offers of this occupation (the evaluation measures transferable matches). */
    excludeRomeCode?: string,
  ): Promise<MatchResult> {
    const { scoring, vector, constraints } = await this.scorer.prepare(profile);
    const filter = hardFilterStrings(constraints);
    if (filters.departements && filters.departements.length > 0)
      filter.push(`departement IN [${filters.departements.map(filterValue).join(', ')}]`);
    if (excludeRomeCode) filter.push(`romeCode != ${filterValue(excludeRomeCode)}`);
    if (filters.publishedWithinDays)
      filter.push(`publishedAt >= ${Math.floor(Date.now() / 1000) - filters.publishedWithinDays * 86_400}`);

    const window = Math.max(MATCH_WINDOW, page.offset + page.limit);
    const hits = await this.window.search(
      vector
        ? { vector, filter, limit: window, showRankingScore: true }
        : { filter, limit: window, sort: ['publishedAt:desc'] },
    );

    // Offers of the person's target occupations are candidates even when their skills lie far from
    // the person's: the project is what the coach and the person decided to aim at.
    if (scoring.targets && scoring.targets.size > 0) {
      const targeted = await this.window.search({
        filter: [...filter, `romeCode IN [${[...scoring.targets.keys()].map(filterValue).join(', ')}]`],
        limit: window,
        sort: ['publishedAt:desc'],
      });
      const seen = new Set(hits.map(({ hit }) => hit.id));
      const similarity = vector
        ? await this.similarities(
            vector,
            filter,
            targeted.map(({ hit }) => hit),
          )
        : new Map<string, number>();
      for (const { hit } of targeted)
        if (!seen.has(hit.id)) hits.push({ hit, rankingScore: similarity.get(hit.id) ?? 0 });
    }
    const space = await this.scorer.skills.space();
    const semantic = vector !== null;
    const coverage = this.scorer.coverage(scoring);
    // Every hit of the window is scored (cheap: the offer's side is kept with the offer); only the
    // page asked for is explained.
    const ranked = hits.map(({ hit, rankingScore }) => {
      const similarity = semantic ? (rankingScore ?? 0) : 0;
      const parts = this.scorer.offerScorer(hit, space)(scoring, similarity, coverage);
      return {
        hit,
        similarity,
        parts,
        shownDistance: parts.distance === null ? Infinity : Math.round(parts.distance * 10) / 10,
      };
    });
    ranked.sort(
      (a, b) =>
        b.parts.score - a.parts.score ||
        // Equal shown scores: the unrounded score first, then the nearer offer, then the id.
        b.parts.exact - a.parts.exact ||
        a.shownDistance - b.shownDistance ||
        a.hit.id.localeCompare(b.hit.id),
    );
    return {
      origin: scoring.origin,
      items: ranked
        .slice(page.offset, page.offset + page.limit)
        .map(({ hit, similarity, parts }) =>
          this.scorer.explain({ ...hit, _rankingScore: similarity }, scoring, profile, space, semantic, parts),
        ),
      candidates: ranked.length,
    };
  }

  /**
   * The vector and hard filters this profile's matched search sends Meilisearch (no page filters):
   * what a plain vector search for the same person would send, the bench's baseline.
   */
  async plainQuery(profile: MatchingProfile): Promise<{ vector: number[] | null; filter: string[] }> {
    const scoring = await this.scorer.scoringProfile(profile);
    return { vector: await this.scorer.vectorOf(scoring), filter: this.scorer.hardFilters(profile, scoring) };
  }

  /** The semantic scores of the given hits for the person's vector (same ranking as the main search). */
  private async similarities(vector: number[], filter: string[], hits: readonly Hit[]): Promise<Map<string, number>> {
    if (hits.length === 0) return new Map();
    const response = await this.index.search<{ id: string }>({
      vector,
      filter: [...filter, `id IN [${hits.map((hit) => filterValue(hit.id)).join(', ')}]`],
      limit: hits.length,
      showRankingScore: true,
      attributesToRetrieve: ['id'],
    });
    return new Map(response.hits.map((hit) => [String(hit.id), hit._rankingScore ?? 0]));
  }
}
