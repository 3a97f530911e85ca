import { Injectable } from '@nestjs/common';
import { DomainError, type ErrorDetail, mapConcurrent } from '@passerelle/core';
import type { ContractType, PlacePrecision, WorkingTime } from '@passerelle/offers';
import { labelCovers } from '@passerelle/referential';
import { certificatePhrases } from '../domain/certificates.js';
import { filterValue, type MatchFilters, type MatchingProfile } from '../domain/profile.js';
import { excludedFlags } from '../domain/schedule.js';
import {
  type HardConstraints,
  hardFilterStrings,
  meetsHardConstraints,
  semanticScore,
} from '../domain/hard-constraints.js';
import {
  type AreaPrecision,
  type Explanation,
  type ScoredOfferInput,
  scoreOffer,
  type ScoreParts,
  scoreParts,
  type ScoringProfile,
  type SkillCoverage,
} from '../domain/scoring.js';
import { OfferIndex } from './ports/offer-index.js';
import { SkillModel } from './skill-model.js';
import { matchingError } from '../domain/matching-errors.js';

export interface MatchedOffer {
  readonly id: string;
  readonly score: number;
  readonly title: string;
  readonly employerName: string | null;
  /** Null when the offer names only an area (see `placePrecision`). */
  readonly communeName: string | null;
  readonly postalCode: string | null;
  /** `commune`, `departement`, `region` or `country`. */
  readonly placePrecision: PlacePrecision;
  /** `Lille (59000)`, `Pas-de-Calais (62)`, `Hauts-de-France`, `France`. */
  readonly placeLabel: string;
  readonly contractType: ContractType;
  readonly workingTime: WorkingTime;
  readonly romeCode: string | null;
  readonly romeLabel: string | null;
  /** Seconds since the epoch (the index's sort key). */
  readonly publishedAt: number | null;
  /** Where the job is (for a map); null for an offer placed only by its area. */
  readonly location: { readonly lat: number; readonly lng: number } | null;
  readonly explanation: Explanation & {
    readonly contractFit: string;
    readonly workingTimeFit: string;
    readonly scheduleFit: string;
  };
}

export interface MatchResult {
  /** The person's home commune, the centre of the search. */
  readonly origin: { readonly lat: number; readonly lng: number };
  readonly items: MatchedOffer[];
  /** Offers within the hard constraints that were scored (the ranking's window). */
  readonly candidates: number;
}

/** What the hard constraints read of an offer beyond what the result list shows. */
interface ConstrainedFields {
  departement?: string | null;
  region?: string | null;
  drivingLicences?: string[];
}

interface Hit {
  id: string;
  title: string;
  employerName: string | null;
  communeName: string | null;
  postalCode: string | null;
  placePrecision?: PlacePrecision;
  placeLabel?: string;
  contractType: ContractType;
  workingTime: WorkingTime;
  romeCode: string | null;
  romeLabel: string | null;
  publishedAt: number | null;
  schedule?: string[];
  skillIds: string[];
  coreSkillIds: string[];
  textSkillIds?: string[];
  otherOccupations?: Array<{ romeCode: string; romeLabel: string; weight: number }>;
  _geo?: { lat: number; lng: number };
  _rankingScore?: number;
}

/**
 * Candidates re-scored per search. Meilisearch reads every hit's document, which costs more than the
 * vector search itself: 100 (or the page's end, if further) keeps the exact re-scoring's headroom
 * over a page of 20 at a third of the cost of 300 (docs/adr/0003).
 */
export const MATCH_WINDOW = 100;

/** Profiles kept resolved (a département's people in coaching, with room), and for how long. */
const PREPARED_MAX = 5_000;
const PREPARED_TTL_MS = 3_600_000;

/** A profile resolved for matching. */
interface Prepared {
  readonly scoring: ScoringProfile;
  readonly vector: number[] | null;
  readonly constraints: HardConstraints;
  readonly until: number;
}

/** People scored per multi-search request in reverse matching. */
const REVERSE_BATCH = 50;
const REVERSE_CONCURRENCY = 2;

/** What the re-scoring and the result list need of each hit, nothing more. */
export const MATCH_ATTRIBUTES = [
  'id',
  'title',
  'employerName',
  'communeName',
  'postalCode',
  'placePrecision',
  'placeLabel',
  'contractType',
  'workingTime',
  'romeCode',
  'romeLabel',
  'publishedAt',
  'skillIds',
  'coreSkillIds',
  'textSkillIds',
  'otherOccupations',
  'schedule',
  '_geo',
];
const CONTRACT_LABELS: Record<string, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'intérim',
  alternance: 'alternance',
  saisonnier: 'saisonnier',
  pmsmp: 'PMSMP',
  independant: 'indépendant',
  other: 'autre contrat',
};

const SCHEDULE_LABELS: Record<string, string> = {
  night: 'travail de nuit',
  weekend: 'travail le week-end',
  shifted_hours: 'horaires décalés',
};

function areaPrecision(precision: string | undefined): AreaPrecision {
  return precision === 'departement' || precision === 'region' ? precision : 'country';
}

function scheduleFit(schedule: readonly string[], constraints: readonly string[]): string {
  const announced = schedule.map((flag) => SCHEDULE_LABELS[flag] ?? flag);
  if (constraints.length === 0)
    return announced.length > 0 ? `horaires annoncés : ${announced.join(', ')}` : 'horaires non précisés';
  return announced.length > 0
    ? `compatible avec les contraintes (annonce : ${announced.join(', ')})`
    : 'aucune contrainte horaire annoncée par l’offre';
}

/**
 * Matched search: hard constraints (radius, contract types, licence, working time) filter in
 * Meilisearch; the skill-space vector ranks the window there; each candidate is then scored exactly
 * here (see scoring.ts) and explained.
 */
@Injectable()
export class MatchOffers {
  constructor(
    private readonly index: OfferIndex,
    private readonly skills: SkillModel,
  ) {}

  async execute(
    profile: MatchingProfile,
    filters: MatchFilters,
    page: { limit: number; offset: number },
    /** Leave out offers of this occupation (the evaluation measures transferable matches). */
    excludeRomeCode?: string,
  ): Promise<MatchResult> {
    const { scoring, vector, constraints } = await this.prepare(profile);
    const filter = hardFilterStrings(constraints);
    if (filters.departements && filters.departements.length > 0)
      filter.push(`departement IN [${filters.departements.map(filterValue).join(', ')}]`);
    if (excludeRomeCode) filter.push(`romeCode != ${filterValue(excludeRomeCode)}`);
    if (filters.publishedWithinDays)
      filter.push(`publishedAt >= ${Math.floor(Date.now() / 1000) - filters.publishedWithinDays * 86_400}`);

    const window = Math.max(MATCH_WINDOW, page.offset + page.limit);
    const response = await this.index.search<Hit>(
      vector
        ? { vector, filter, limit: window, showRankingScore: true, attributesToRetrieve: MATCH_ATTRIBUTES }
        : { filter, limit: window, sort: ['publishedAt:desc'], attributesToRetrieve: MATCH_ATTRIBUTES },
    );

    // Offers of the person's target occupations are candidates even when their skills lie far from
    // the person's: the project is what the coach and the person decided to aim at.
    const hits = [...response.hits];
    if (scoring.targets && scoring.targets.size > 0) {
      const targeted = await this.index.search<Hit>({
        filter: [...filter, `romeCode IN [${[...scoring.targets.keys()].map(filterValue).join(', ')}]`],
        limit: window,
        sort: ['publishedAt:desc'],
        attributesToRetrieve: MATCH_ATTRIBUTES,
      });
      const seen = new Set(hits.map((hit) => hit.id));
      const similarity = vector ? await this.similarities(vector, filter, targeted.hits) : new Map<string, number>();
      for (const hit of targeted.hits)
        if (!seen.has(hit.id)) hits.push({ ...hit, _rankingScore: similarity.get(hit.id) ?? 0 });
    }
    const space = await this.skills.space();
    const exact = new Map<string, number>();
    const scored = hits.map((hit) => this.explain(hit, scoring, profile, space, vector !== null, exact));
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        // Equal shown scores: the unrounded score first, then the nearer offer, then the id.
        (exact.get(b.id) ?? 0) - (exact.get(a.id) ?? 0) ||
        (a.explanation.distanceKm ?? Infinity) - (b.explanation.distanceKm ?? Infinity) ||
        a.id.localeCompare(b.id),
    );
    return {
      origin: scoring.origin,
      items: scored.slice(page.offset, page.offset + page.limit),
      candidates: scored.length,
    };
  }

  /**
   * The vector and hard filters this profile's matched search sends Meilisearch (no page filters):
   * what a plain vector search for the same person would send, the bench's baseline.
   */
  async plainQuery(profile: MatchingProfile): Promise<{ vector: number[] | null; filter: string[] }> {
    const scoring = await this.scoringProfile(profile);
    return { vector: await this.vectorOf(scoring), filter: this.hardFilters(profile, scoring) };
  }

  /**
   * Reverse matching: one offer scored for many people, by the same constraints, vector and scoring
   * as their own searches, so a person's score here is the score the offer has in their matches. The
   * offer is read once (with its vector) and every person is scored in process: their hard
   * constraints evaluated as Meilisearch evaluates the filters, the similarity as Meilisearch ranks
   * it (a test compares this with `scoreForPeopleBySearch` on the demo data). A person whose
   * constraints exclude the offer gets null; so does a profile that no longer resolves against the
   * referential, and everyone when the offer is not in the index.
   */
  async scoreForPeople<K>(
    offerId: string,
    people: ReadonlyArray<{ readonly key: K; readonly profile: MatchingProfile }>,
    /**
     * Only the `count` best people reached, best first (shown score, then `tieBreak` of the keys):
     * everyone is scored, only they are explained. Without it, everyone, each with their explanation.
     */
    best?: { readonly count: number; readonly tieBreak: (a: K, b: K) => number },
  ): Promise<Array<{ readonly key: K; readonly match: MatchedOffer | null }>> {
    const space = await this.skills.space();
    const offer = await this.indexedOffer(offerId);
    const reached: Array<{ key: K; profile: MatchingProfile; prepared: Prepared; hit: Hit; parts: ScoreParts }> = [];
    const results: Array<{ key: K; match: MatchedOffer | null }> = [];
    for (const person of people) {
      let prepared: Prepared;
      try {
        prepared = await this.prepare(person.profile);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ key: person.key, match: null });
        continue;
      }
      const { scoring, vector, constraints } = prepared;
      if (!offer || !meetsHardConstraints(offer.hit, constraints)) {
        results.push({ key: person.key, match: null });
        continue;
      }
      const hit = vector ? { ...offer.hit, _rankingScore: semanticScore(vector, offer.vector) } : offer.hit;
      const { input, coverage } = this.scoringInput(hit, scoring, vector !== null);
      const parts = scoreParts(scoring, input, (id) => space.idf(id), coverage);
      reached.push({ key: person.key, profile: person.profile, prepared, hit, parts });
    }
    const explain = (entry: (typeof reached)[number]): { key: K; match: MatchedOffer } => ({
      key: entry.key,
      match: this.explain(
        entry.hit,
        entry.prepared.scoring,
        entry.profile,
        space,
        entry.prepared.vector !== null,
        undefined,
        entry.parts,
      ),
    });
    if (!best) return [...results, ...reached.map(explain)];
    return reached
      .sort((a, b) => b.parts.score - a.parts.score || best.tieBreak(a.key, b.key))
      .slice(0, best.count)
      .map(explain);
  }

  /** One offer as the index holds it, with what the constraints read and its skill vector; null if absent. */
  private async indexedOffer(
    offerId: string,
  ): Promise<{ hit: Hit & ConstrainedFields; vector: number[] | null } | null> {
    return this.index
      .document<Hit & ConstrainedFields>(offerId, [...MATCH_ATTRIBUTES, 'departement', 'region', 'drivingLicences'])
      .then((found) => (found ? { hit: found.document, vector: found.vector } : null));
  }

  /**
   * Reverse matching as it was done before `scoreForPeople` scored in process, kept as its reference
   * (the equivalence test and the bench's baseline): each person's own search restricted to this offer,
   * sent together in multi-search batches. A person
   * whose hard constraints (radius, contract, licence, hours) exclude the offer gets null; so does a
   * profile that no longer resolves against the referential.
   */
  async scoreForPeopleBySearch<K>(
    offerId: string,
    people: ReadonlyArray<{ readonly key: K; readonly profile: MatchingProfile }>,
  ): Promise<Array<{ readonly key: K; readonly match: MatchedOffer | null }>> {
    const space = await this.skills.space();
    const prepared: Array<{ key: K; profile: MatchingProfile; scoring: ScoringProfile; vector: number[] | null }> = [];
    const results: Array<{ key: K; match: MatchedOffer | null }> = [];
    for (const person of people) {
      try {
        const scoring = await this.scoringProfile(person.profile);
        prepared.push({ ...person, scoring, vector: await this.vectorOf(scoring) });
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
          filter: [...this.hardFilters(person.profile, person.scoring), `id = ${filterValue(offerId)}`],
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
          match: hit ? this.explain(hit, person.scoring, person.profile, space, person.vector !== null) : null,
        });
      });
    return results;
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

  private async vectorOf(scoring: ScoringProfile): Promise<number[] | null> {
    const space = await this.skills.space();
    return space.embed([...scoring.skills.entries()].map(([id, weight]) => ({ id, weight })));
  }

  /**
   * A profile resolved for matching (scoring profile, vector, hard constraints), kept for a while: a
   * person is scored again for the next page and for every offer's candidates, and resolving is most
   * of the work. The key is the profile itself, so an edited diagnostic is a new entry; entries expire
   * (an experience's recency moves with the date) and go when the referential changes. A profile that
   * does not resolve is not kept: it throws each time.
   */
  private async prepare(profile: MatchingProfile): Promise<Prepared> {
    const now = Date.now();
    if (this.preparedFor !== this.skills.referential.version) {
      this.prepared.clear();
      this.preparedFor = this.skills.referential.version;
    }
    const key = JSON.stringify(profile);
    const kept = this.prepared.get(key);
    if (kept && kept.until > now) {
      // Most recently used last: the first entry is the one to evict.
      this.prepared.delete(key);
      this.prepared.set(key, kept);
      return kept;
    }
    const scoring = await this.scoringProfile(profile);
    const prepared: Prepared = {
      scoring,
      vector: await this.vectorOf(scoring),
      constraints: this.constraints(profile, scoring),
      until: now + PREPARED_TTL_MS,
    };
    this.prepared.delete(key);
    this.prepared.set(key, prepared);
    if (this.prepared.size > PREPARED_MAX) this.prepared.delete(this.prepared.keys().next().value!);
    return prepared;
  }

  private readonly prepared = new Map<string, Prepared>();
  private preparedFor = -1;

  /** The person's hard constraints (domain/hard-constraints.ts), resolved against the referential. */
  private constraints(profile: MatchingProfile, scoring: ScoringProfile): HardConstraints {
    return {
      origin: scoring.origin,
      radiusKm: profile.maxDistanceKm,
      reachDepartements: this.skills.referential.departementsWithin(scoring.origin, profile.maxDistanceKm),
      originRegion: scoring.originRegion,
      contractTypes: profile.contractTypes,
      drivingLicence: profile.drivingLicence,
      workingTime: profile.workingTime,
      excludedSchedule: excludedFlags(profile.constraints ?? []),
    };
  }

  /** The person's hard constraints as Meilisearch filters. */
  private hardFilters(profile: MatchingProfile, scoring: ScoringProfile): string[] {
    return hardFilterStrings(this.constraints(profile, scoring));
  }

  /** What the scoring reads of a hit for a person, and how the person covers an offer skill. */
  private scoringInput(
    hit: Hit,
    scoring: ScoringProfile,
    semantic: boolean,
  ): { input: ScoredOfferInput; coverage: SkillCoverage } {
    const coverage: SkillCoverage = (id) => {
      const weight = scoring.skills.get(id);
      if (weight !== undefined) return { weight, by: null };
      const wanted = this.skills.referential.skill(id)?.label;
      const proof = wanted ? scoring.proofs?.find((candidate) => labelCovers(candidate.label, wanted)) : undefined;
      return proof ? { weight: 1, by: proof.by } : { weight: 0, by: null };
    };
    return {
      input: {
        ...hit,
        place: hit._geo ?? {
          precision: areaPrecision(hit.placePrecision),
          label: hit.placeLabel ?? 'France',
        },
        similarity: semantic ? (hit._rankingScore ?? 0) : 0,
      },
      coverage,
    };
  }

  /** One hit scored exactly and explained. */
  private explain(
    hit: Hit,
    scoring: ScoringProfile,
    profile: MatchingProfile,
    space: Awaited<ReturnType<SkillModel['space']>>,
    semantic: boolean,
    /** Where to note each offer's unrounded score, for ranking. */
    exactScores?: Map<string, number>,
    /** The score already computed by `rank` (explaining only the best of many). */
    computed?: ScoreParts,
  ): MatchedOffer {
    const label = (id: string): string => this.skills.referential.skill(id)?.label ?? id;
    const { input, coverage } = this.scoringInput(hit, scoring, semantic);
    const { score, exact, explanation } = scoreOffer(
      scoring,
      input,
      (id) => space.idf(id),
      label,
      coverage,
      computed ?? scoreParts(scoring, input, (id) => space.idf(id), coverage),
    );
    exactScores?.set(hit.id, exact);
    return {
      id: hit.id,
      score,
      title: hit.title,
      employerName: hit.employerName,
      communeName: hit.communeName,
      postalCode: hit.postalCode,
      placePrecision: hit.placePrecision ?? 'commune',
      placeLabel: hit.placeLabel ?? `${hit.communeName ?? ''} (${hit.postalCode ?? ''})`,
      contractType: hit.contractType,
      workingTime: hit.workingTime,
      romeCode: hit.romeCode,
      romeLabel: hit.romeLabel,
      publishedAt: hit.publishedAt,
      location: hit._geo ? { lat: hit._geo.lat, lng: hit._geo.lng } : null,
      explanation: {
        ...explanation,
        contractFit: `${CONTRACT_LABELS[hit.contractType] ?? hit.contractType} : accepté`,
        workingTimeFit:
          profile.workingTime === 'any'
            ? 'tout temps de travail accepté'
            : hit.workingTime === 'unknown'
              ? 'temps de travail non précisé'
              : 'temps de travail compatible',
        scheduleFit: scheduleFit(hit.schedule ?? [], profile.constraints ?? []),
      },
    };
  }

  /** Resolves the profile against the referential; anything unknown is a 400 naming the field. */
  private async scoringProfile(profile: MatchingProfile): Promise<ScoringProfile> {
    const referential = this.skills.referential;
    await this.skills.space();
    const problems: ErrorDetail[] = [];
    const commune = referential.resolveCommune(profile.commune);
    if (!commune) problems.push({ field: 'profile.commune', reason: 'unknown commune' });
    const occupations = new Map<string, string>();
    const weights = new Map<string, number>();
    profile.experiences.forEach((experience, i) => {
      const occupation = experience.romeCode
        ? referential.occupation(experience.romeCode)
        : experience.jobTitle
          ? (() => {
              const inferred = referential.inferOccupation(experience.jobTitle);
              return inferred ? { code: inferred.codeRome, label: inferred.label } : null;
            })()
          : null;
      if (!occupation) {
        problems.push({
          field: `profile.experiences.${i}.${experience.romeCode ? 'romeCode' : 'jobTitle'}`,
          reason: experience.romeCode ? 'unknown ROME code' : 'no ROME occupation matches this job title',
        });
        return;
      }
      occupations.set(occupation.code, occupation.label);
      // Longer experience counts more, from 0.5 (a few weeks) to 1 (four years or more); so does
      // recent experience: full weight up to two years after the job ended, down to 0.6 after ten.
      const duration = Math.min(1, 0.5 + experience.months / 96) * recency(experience.endedOn);
      for (const skill of this.skills.occupationSkills(occupation.code)) {
        const weight = (skill.core ? 1 : 0.5) * duration;
        weights.set(skill.code, Math.max(weights.get(skill.code) ?? 0, weight));
      }
    });
    const proofs: Array<{ label: string; by: string }> = [];
    profile.skills.forEach((id, i) => {
      const skill = referential.skill(id);
      if (!skill) problems.push({ field: `profile.skills.${i}`, reason: 'unknown skill code' });
      else {
        weights.set(id, 1.2);
        proofs.push({ label: skill.label, by: skill.label });
      }
    });
    for (const certificate of profile.certificates ?? [])
      for (const phrase of certificatePhrases(certificate)) proofs.push({ label: phrase, by: certificate });
    const targets = new Map<string, string>();
    (profile.targetOccupations ?? []).forEach((code, i) => {
      const occupation = referential.occupation(code);
      if (!occupation) problems.push({ field: `profile.targetOccupations.${i}`, reason: 'unknown ROME code' });
      else if (!occupations.has(occupation.code)) targets.set(occupation.code, occupation.label);
    });
    if (problems.length > 0)
      throw matchingError('matching.invalid_profile', 'the profile refers to unknown data', problems);
    const neighbours = new Map<string, { from: string; fromLabel: string }>();
    for (const [code, label] of occupations) {
      for (const other of referential.sameOriginOccupations(code)) {
        if (!occupations.has(other) && !targets.has(other) && !neighbours.has(other))
          neighbours.set(other, { from: code, fromLabel: label });
      }
    }
    const mobilities = new Map<string, { from: string; fromLabel: string; rank: number }>();
    for (const [code, label] of occupations) {
      for (const mobility of referential.mobilitiesFrom(code)) {
        const current = mobilities.get(mobility.codeRome);
        if (
          !occupations.has(mobility.codeRome) &&
          !targets.has(mobility.codeRome) &&
          (!current || mobility.rank < current.rank)
        ) {
          mobilities.set(mobility.codeRome, { from: code, fromLabel: label, rank: mobility.rank });
        }
      }
    }
    return {
      skills: weights,
      occupations,
      mobilities,
      neighbours,
      targets,
      proofs,
      origin: { lat: commune!.lat, lng: commune!.lng },
      originRegion: commune!.region,
      radiusKm: profile.maxDistanceKm,
    };
  }
}

/** Weight of an experience by how long ago it ended: 1 within two years (or ongoing), 0.6 after ten. */
function recency(endedOn: string | undefined): number {
  if (!endedOn) return 1;
  const ended = Date.parse(endedOn);
  if (Number.isNaN(ended)) return 1;
  const years = (Date.now() - ended) / (365.25 * 86_400_000);
  return years <= 2 ? 1 : Math.max(0.6, 1 - (0.4 * (years - 2)) / 8);
}
