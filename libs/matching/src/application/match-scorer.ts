import { Injectable } from '@nestjs/common';
import { type ErrorDetail, RecentlyUsedMap } from '@passerelle/core';
import type { ContractType, PlacePrecision, WorkingTime } from '@passerelle/offers';
import { labelCovers } from '@passerelle/referential';
import { certificatePhrases } from '../domain/certificates.js';
import type { MatchingProfile } from '../domain/profile.js';
import { excludedFlags } from '../domain/schedule.js';
import { type HardConstraints, hardFilterStrings } from '../domain/hard-constraints.js';
import {
  type AreaPrecision,
  type Explanation,
  offerScorer,
  type OfferScorer,
  type ScoredOfferInput,
  scoreOffer,
  type ScoreParts,
  scoreParts,
  type ScoringProfile,
  type SkillCoverage,
} from '../domain/scoring.js';
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
export interface ConstrainedFields {
  departement?: string | null;
  region?: string | null;
  drivingLicences?: string[];
}

export interface Hit {
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
export interface Prepared {
  readonly scoring: ScoringProfile;
  readonly vector: number[] | null;
  readonly constraints: HardConstraints;
  readonly until: number;
}

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

const NOT_COVERED = Object.freeze({ weight: 0, by: null });

/** What the scoring reads of an offer (as the index holds it), with its similarity to the person. */
export function offerInput(hit: Hit, similarity: number): ScoredOfferInput {
  return {
    id: hit.id,
    romeCode: hit.romeCode,
    romeLabel: hit.romeLabel,
    skillIds: hit.skillIds,
    coreSkillIds: hit.coreSkillIds,
    textSkillIds: hit.textSkillIds,
    otherOccupations: hit.otherOccupations,
    place: hit._geo ?? { precision: areaPrecision(hit.placePrecision), label: hit.placeLabel ?? 'France' },
    similarity,
  };
}

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
 * What matched search and reverse matching share: a profile resolved against the referential (kept
 * for a while), its vector and hard constraints, and one offer scored exactly (scoring.ts) and
 * explained for a person.
 */
@Injectable()
export class MatchScorer {
  constructor(readonly skills: SkillModel) {}

  /**
   * A profile resolved for matching (scoring profile, vector, hard constraints), kept for a while: a
   * person is scored again for the next page and for every offer's candidates, and resolving is most
   * of the work. The key is the profile itself, so an edited diagnostic is a new entry; entries expire
   * (an experience's recency moves with the date) and go when the referential changes. A profile that
   * does not resolve is not kept: it throws each time. A caller that versions its profiles (reverse
   * matching: the person and their diagnostic's version) names them by `cacheKey`, cheaper than the
   * content; the key must change whenever the profile does.
   */
  async prepare(profile: MatchingProfile, cacheKey?: string): Promise<Prepared> {
    const now = Date.now();
    // Versioned profiles apart: their caller's key string is used as is (its hash is computed once).
    const cache = cacheKey === undefined ? this.prepared : this.preparedByKey;
    const key = cacheKey ?? JSON.stringify(profile);
    const kept = this.keptUnder(cache, key, now);
    if (kept) return kept;
    const scoring = await this.scoringProfile(profile);
    const prepared: Prepared = {
      scoring,
      vector: await this.vectorOf(scoring),
      constraints: this.constraints(profile, scoring),
      until: now + PREPARED_TTL_MS,
    };
    cache.set(key, prepared);
    return prepared;
  }
  /**
   * The profile `prepare` keeps under `cacheKey`, if it is still fresh, without waiting: reverse
   * matching scores a whole pool of kept profiles, and an await per person cost more than the scoring.
   */
  kept(cacheKey: string, now = Date.now()): Prepared | undefined {
    return this.keptUnder(this.preparedByKey, cacheKey, now);
  }

  private keptUnder(cache: RecentlyUsedMap<string, Prepared>, key: string, now: number): Prepared | undefined {
    if (this.preparedFor !== this.skills.referential.version) {
      this.prepared.clear();
      this.preparedByKey.clear();
      this.preparedFor = this.skills.referential.version;
    }
    const kept = cache.get(key);
    return kept && kept.until > now ? kept : undefined;
  }

  async vectorOf(scoring: ScoringProfile): Promise<number[] | null> {
    const space = await this.skills.space();
    return space.embed([...scoring.skills.entries()].map(([id, weight]) => ({ id, weight })));
  }
  /** The person's hard constraints (domain/hard-constraints.ts), resolved against the referential. */
  constraints(profile: MatchingProfile, scoring: ScoringProfile): HardConstraints {
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
  hardFilters(profile: MatchingProfile, scoring: ScoringProfile): string[] {
    return hardFilterStrings(this.constraints(profile, scoring));
  }
  /** What the scoring reads of a hit for a person, and how the person covers an offer skill. */
  scoringInput(
    hit: Hit,
    scoring: ScoringProfile,
    semantic: boolean,
  ): { input: ScoredOfferInput; coverage: SkillCoverage } {
    return { input: offerInput(hit, semantic ? (hit._rankingScore ?? 0) : 0), coverage: this.coverage(scoring) };
  }

  /**
   * How the person covers an offer skill: its weight in their profile, or 1 when one of their
   * declared skills or certificates proves it under another wording.
   */
  coverage(scoring: ScoringProfile): SkillCoverage {
    // One per profile, its own skills' answers made once: a search asks it for every skill of a
    // hundred offers, reverse matching for every person of a pool.
    const made = this.coverages.get(scoring);
    if (made) return made;
    const proofs = scoring.proofs ?? [];
    const own = new Map<string, { readonly weight: number; readonly by: null }>();
    for (const [id, weight] of scoring.skills) own.set(id, Object.freeze({ weight, by: null }));
    const coverage: SkillCoverage = (id) => {
      const held = own.get(id);
      if (held) return held;
      if (proofs.length === 0) return NOT_COVERED;
      const wanted = this.skills.referential.skill(id)?.label;
      const proof = wanted ? proofs.find((candidate) => labelCovers(candidate.label, wanted)) : undefined;
      return proof ? { weight: 1, by: proof.by } : NOT_COVERED;
    };
    this.coverages.set(scoring, coverage);
    return coverage;
  }

  /**
   * The offer's side of its score (scoring.ts `offerScorer`: required skills and their rarity, the
   * occupation's readings, the place) for a hit kept in process, made once per kept offer and skill
   * space: a matched search scores a hundred offers, the same ones search after search, and making
   * it anew each time was most of the scoring's work and garbage. The same function `scoreParts`
   * applies, so the parts are the same to the last bit.
   */
  offerScorer(hit: Hit, space: Awaited<ReturnType<SkillModel['space']>>): OfferScorer {
    const made = this.offerScorers.get(hit);
    if (made && made.space === space) return made.score;
    const score = offerScorer(offerInput(hit, 0), (id) => space.idf(id));
    this.offerScorers.set(hit, { space, score });
    return score;
  }

  /** Offer scorers by kept hit (WindowHits keeps one object per offer and stamp), gone with the hit. */
  private readonly offerScorers = new WeakMap<Hit, { readonly space: object; readonly score: OfferScorer }>();

  /** Coverage functions by scoring profile, gone with the profile. */
  private readonly coverages = new WeakMap<ScoringProfile, SkillCoverage>();

  /** One hit scored exactly and explained. */
  explain(
    hit: Hit,
    scoring: ScoringProfile,
    profile: MatchingProfile,
    space: Awaited<ReturnType<SkillModel['space']>>,
    semantic: boolean,
    /** The score already computed by `rank` (explaining only the best of many). */
    computed?: ScoreParts,
  ): MatchedOffer {
    const label = (id: string): string => this.skills.referential.skill(id)?.label ?? id;
    const { input, coverage } = this.scoringInput(hit, scoring, semantic);
    const { score, explanation } = scoreOffer(
      scoring,
      input,
      (id) => space.idf(id),
      label,
      coverage,
      computed ?? scoreParts(scoring, input, (id) => space.idf(id), coverage),
      space.rarestFirst,
    );
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
  async scoringProfile(profile: MatchingProfile): Promise<ScoringProfile> {
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

  private readonly prepared = new RecentlyUsedMap<string, Prepared>(PREPARED_MAX);
  private readonly preparedByKey = new RecentlyUsedMap<string, Prepared>(PREPARED_MAX);
  private preparedFor = -1;
}

/** Weight of an experience by how long ago it ended: 1 within two years (or ongoing), 0.6 after ten. */
function recency(endedOn: string | undefined): number {
  if (!endedOn) return 1;
  const ended = Date.parse(endedOn);
  if (Number.isNaN(ended)) return 1;
  const years = (Date.now() - ended) / (365.25 * 86_400_000);
  return years <= 2 ? 1 : Math.max(0.6, 1 - (0.4 * (years - 2)) / 8);
}
