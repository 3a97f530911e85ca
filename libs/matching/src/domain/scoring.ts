/**
 * The score of one offer for one person, 0–100, and why. Pure and deterministic: the same profile
 * and offer always give the same score and explanation.
 *
 *   score = 100 × (0.35 × skill coverage + 0.30 × skill-space similarity + 0.20 × occupation path
 *                  + 0.15 × nearness)
 *
 * - skill coverage: the IDF-weighted share of the offer's core skills the person has;
 * - skill-space similarity: cosine of the two vectors (Meilisearch's semantic ranking score);
 * - occupation path: 1 for an occupation the person held, 0.95 for one the coach entered as the
 *   person's target (their project), 0.9 for an occupation of the same ROME 3 origin as one they
 *   held (ROME 4 cut M1801 into M1801, M1854, M1894…: an offer or a past job coded before 2024 names
 *   the wider one), 0.9 down to 0.5 for a ROME mobility (France Travail's rank), else 0;
 * - nearness: 1 at the person's commune, 0.5 at the edge of their radius; an offer placed only by
 *   its area (département, region, country) is somewhere in it: 0.75 for a département within reach,
 *   0.6 for the person's region, 0.5 for the whole country.
 */
export const SCORE_WEIGHTS = { coverage: 0.35, similarity: 0.3, path: 0.2, nearness: 0.15 } as const;

/** Occupation path of an occupation of the same ROME 3 origin as one the person held. */
export const NEIGHBOUR_PATH = 0.9;

/**
 * An occupation read from the offer's text is less sure than a code its source gave. Its path is
 * cut by this share of the next reading's weight (a close second reading halves it, a distant one
 * barely changes it), and a next reading counts at its weight times READING_PATH. Tuned with `npm
 * run eval:matching`, two next readings (untagged nDCG@10: 0.690 with neither, 0.697 the doubt
 * only, 0.713 the next readings' path only, 0.725 both at 0.5 / 0.8, 0.720 at 0.75 / 0.9).
 */
export const READING_DOUBT = 0.5;
export const READING_PATH = 0.8;

export interface ScoringProfile {
  /** Skill id → weight (0–1.2). */
  readonly skills: ReadonlyMap<string, number>;
  /** Occupations the person held, ROME code → label. */
  readonly occupations: ReadonlyMap<string, string>;
  /** Mobility targets: ROME code → the closest source occupation and France Travail's rank. */
  readonly mobilities: ReadonlyMap<
    string,
    { readonly from: string; readonly fromLabel: string; readonly rank: number }
  >;
  /**
   * What the person declared or holds, in words, for covering offer skills of another wording:
   * `label` is compared with the offer skill's, `by` names it in the explanation.
   */
  readonly proofs?: ReadonlyArray<{ readonly label: string; readonly by: string }>;
  /**
   * Occupations of the same ROME 3 origin as one the person held (ROME 4's `code_rome_parent`),
   * neither held nor a target: ROME code → the held occupation.
   */
  readonly neighbours?: ReadonlyMap<string, { readonly from: string; readonly fromLabel: string }>;
  /** Occupations the person aims at (the coach's diagnostic): ROME code → label. */
  readonly targets?: ReadonlyMap<string, string>;
  readonly origin: { readonly lat: number; readonly lng: number };
  /** The region of the person's commune: offers placed only by that region are within reach. */
  readonly originRegion?: string;
  readonly radiusKm: number;
}

export type AreaPrecision = 'departement' | 'region' | 'country';

export const AREA_NEARNESS: Readonly<Record<AreaPrecision, number>> = { departement: 0.75, region: 0.6, country: 0.5 };

const AREA_WORDING: Readonly<Record<AreaPrecision, string>> = {
  departement: 'dans le département',
  region: 'dans la région',
  country: 'en France (lieu non précisé)',
};

export interface ScoredOfferInput {
  readonly id: string;
  readonly romeCode: string | null;
  readonly romeLabel: string | null;
  readonly skillIds: readonly string[];
  readonly coreSkillIds: readonly string[];
  /** Skills the offer's description asks for (a subset of skillIds). */
  readonly textSkillIds?: readonly string[];
  /** Next readings of an occupation read from the text, weights relative to romeCode's (1). */
  readonly otherOccupations?: ReadonlyArray<{
    readonly romeCode: string;
    readonly romeLabel: string;
    readonly weight: number;
  }>;
  /** Where the job is: a point for a commune-level offer, else the area the offer names. */
  readonly place:
    { readonly lat: number; readonly lng: number } | { readonly precision: AreaPrecision; readonly label: string };
  readonly similarity: number;
}

export interface Explanation {
  readonly matchingSkills: string[];
  readonly missingCoreSkills: string[];
  readonly occupationPath: string | null;
  /**
   * How the offer's occupation relates to the person: held before, their target, of the same ROME 3
   * origin as one they held (`neighbour`), a ROME mobility.
   */
  readonly occupationRelation: 'held' | 'target' | 'neighbour' | 'mobility' | null;
  /** Skills the offer's description asks for, as read from its text (labels, rarest first). */
  readonly skillsFromText: string[];
  /** Offer skills the person covers through a declared skill or certificate of another wording. */
  readonly coveredBy: Array<{ readonly skill: string; readonly by: string }>;
  /** Null when the offer names only an area (a département, a region, the country). */
  readonly distanceKm: number | null;
  /** Where the job is from the person's side: `à 12,4 km`, `dans le département : Pas-de-Calais (62)`. */
  readonly place: string;
  readonly parts: {
    readonly coverage: number;
    readonly similarity: number;
    readonly path: number;
    readonly nearness: number;
  };
}

export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * What the person has of an offer skill: its weight in their profile, or, when another of their
 * declared skills or certificates proves it, that (`by` names it for the explanation).
 */
export type SkillCoverage = (skillId: string) => { readonly weight: number; readonly by: string | null };

interface OccupationPath {
  readonly path: number;
  readonly relation: Explanation['occupationRelation'];
  readonly wording: string | null;
}

const NO_PATH: OccupationPath = Object.freeze({ path: 0, relation: null, wording: null });

/**
 * How an offer's occupation relates to a person: its path (0–1), relation and wording. What depends
 * on the offer alone (held or target wording) is made once, for scoring the offer for many people.
 */
function occupationReader(
  romeCode: string | null,
  romeLabel: string | null,
): (profile: ScoringProfile) => OccupationPath {
  if (!romeCode) return () => NO_PATH;
  const offerLabel = romeLabel ?? romeCode;
  const held: OccupationPath = Object.freeze({
    path: 1,
    relation: 'held',
    wording: `${offerLabel} (métier déjà exercé)`,
  });
  const target: OccupationPath = Object.freeze({
    path: 0.95,
    relation: 'target',
    wording: `${offerLabel} (métier visé)`,
  });
  return (profile) => {
    if (profile.occupations.has(romeCode)) return held;
    if (profile.targets?.has(romeCode)) return target;
    const neighbour = profile.neighbours?.get(romeCode);
    if (neighbour)
      return {
        path: NEIGHBOUR_PATH,
        relation: 'neighbour',
        wording: `${offerLabel} (métier voisin de « ${neighbour.fromLabel} »)`,
      };
    const mobility = profile.mobilities.get(romeCode);
    if (mobility)
      return {
        path: Math.max(0.5, 0.9 - 0.05 * (mobility.rank - 1)),
        relation: 'mobility',
        wording: `${mobility.fromLabel} → ${offerLabel} (mobilité ROME)`,
      };
    return NO_PATH;
  };
}

/** The score of an offer for a person without its explanation: what ranking many people needs. */
export interface ScoreParts {
  /** 0–100, as shown. */
  readonly score: number;
  /** The same before rounding: what ranks offers of equal shown score. */
  readonly exact: number;
  readonly skillCoverage: number;
  readonly similarity: number;
  readonly path: number;
  readonly nearness: number;
  readonly occupationRelation: Explanation['occupationRelation'];
  readonly occupationPath: string | null;
  readonly distance: number | null;
}

export function scoreParts(
  profile: ScoringProfile,
  offer: ScoredOfferInput,
  idf: (skillId: string) => number,
  coverage: SkillCoverage = (id) => ({ weight: profile.skills.get(id) ?? 0, by: null }),
): ScoreParts {
  return offerScorer(offer, idf)(profile, offer.similarity, coverage);
}

/**
 * One offer's score for any person: what `scoreParts` computes, the offer's side read once. Without
 * `coverage`, the person covers an offer skill by its weight in their profile alone (no proofs).
 */
export type OfferScorer = (profile: ScoringProfile, similarity: number, coverage?: SkillCoverage) => ScoreParts;

/**
 * What the score reads of the offer alone (its required skills and their rarity, its occupation's
 * readings, its place) computed once, for scoring it for many people (reverse matching): the same
 * operations in the same order as `scoreParts`, which is this for one person, so the scores are the
 * same to the last bit. `offer.similarity` is not read: each person brings theirs.
 */
export function offerScorer(
  offer: Omit<ScoredOfferInput, 'similarity'>,
  idf: (skillId: string) => number,
): OfferScorer {
  const required = offer.coreSkillIds.length > 0 ? offer.coreSkillIds : offer.skillIds;
  const rarities = required.map((id) => idf(id));
  let needed = 0;
  for (const rarity of rarities) needed += rarity;
  const others = (offer.otherOccupations ?? []).map((other) => ({
    read: occupationReader(other.romeCode, other.romeLabel),
    weight: other.weight,
  }));
  const main = occupationReader(offer.romeCode, offer.romeLabel);
  // A reading of the text, not a code: less sure, the more so when a second reading is close.
  const doubt = others.length > 0 ? 1 - READING_DOUBT * Math.max(...others.map((other) => other.weight)) : 1;
  const { place } = offer;
  const point = 'lat' in place ? place : null;
  const areaNearness = 'lat' in place ? 0 : AREA_NEARNESS[place.precision];
  return (profile, similarityScore, coverage) => {
    let covered = 0;
    if (coverage)
      for (let i = 0; i < required.length; i += 1) covered += rarities[i] * Math.min(1, coverage(required[i]).weight);
    else {
      // No coverage function: the person's own skill weights (what `SkillCoverage` gives without proofs).
      const own = profile.skills;
      for (let i = 0; i < required.length; i += 1) covered += rarities[i] * Math.min(1, own.get(required[i]) ?? 0);
    }
    const skillCoverage = needed > 0 ? covered / needed : 0;
    const similarity = Math.max(0, Math.min(1, similarityScore));
    const held = main(profile);
    let path = held.path * doubt;
    let relation = held.relation;
    let wording = held.wording;
    for (const other of others) {
      const candidate = other.read(profile);
      const otherPath = candidate.path * other.weight * READING_PATH;
      if (otherPath > path + 1e-9) {
        path = otherPath;
        relation = candidate.relation;
        wording = candidate.wording && `${candidate.wording}, une lecture possible de l'offre`;
      }
    }
    const distance = point ? distanceKm(profile.origin, point) : null;
    const nearness = point ? Math.max(0, 1 - 0.5 * Math.min(1, distance! / profile.radiusKm)) : areaNearness;
    const exact =
      100 *
      (SCORE_WEIGHTS.coverage * skillCoverage +
        SCORE_WEIGHTS.similarity * similarity +
        SCORE_WEIGHTS.path * path +
        SCORE_WEIGHTS.nearness * nearness);
    return {
      score: Math.round(exact),
      exact,
      skillCoverage,
      similarity,
      path,
      nearness,
      occupationRelation: relation,
      occupationPath: wording,
      distance,
    };
  };
}

/** Skill ids rarest first: higher IDF first, then the ids' collation (what explanations list first). */
export type RarityOrder = (a: string, b: string) => number;

export function rarityOrder(idf: (skillId: string) => number): RarityOrder {
  return (a, b) => idf(b) - idf(a) || a.localeCompare(b);
}

/** Skill ids in `rarityOrder`, as a new list (SkillSpace.rarestFirst keeps the lists it sorted). */
export type RarestFirst = (ids: readonly string[]) => readonly string[];

export function rarestFirst(order: RarityOrder): RarestFirst {
  return (ids) => [...ids].sort(order);
}

export function scoreOffer(
  profile: ScoringProfile,
  offer: ScoredOfferInput,
  idf: (skillId: string) => number,
  label: (skillId: string) => string,
  coverage: SkillCoverage = (id) => ({ weight: profile.skills.get(id) ?? 0, by: null }),
  /** Already computed by scoreParts (ranking first, explaining the best only). */
  computed: ScoreParts = scoreParts(profile, offer, idf, coverage),
  /**
   * Ids sorted in `rarityOrder(idf)`, possibly kept (SkillSpace.rarestFirst): sorting then filtering
   * lists the same ids in the same order as filtering then sorting (the sort is stable).
   */
  rarest: RarestFirst = rarestFirst(rarityOrder(idf)),
): {
  /** 0–100, as shown. */
  score: number;
  /** The same before rounding: what ranks offers of equal shown score. */
  exact: number;
  explanation: Explanation;
} {
  const { score, exact, skillCoverage, similarity, path, nearness, occupationRelation, occupationPath, distance } =
    computed;
  const required = offer.coreSkillIds.length > 0 ? offer.coreSkillIds : offer.skillIds;
  const has = (id: string): boolean => coverage(id).weight > 0;
  const shownDistance = distance === null ? null : Math.round(distance * 10) / 10;
  const place =
    'lat' in offer.place
      ? `à ${String(shownDistance).replace('.', ',')} km`
      : offer.place.precision === 'country'
        ? AREA_WORDING.country
        : `${AREA_WORDING[offer.place.precision]} : ${offer.place.label}`;
  return {
    score,
    exact,
    explanation: {
      matchingSkills: rarest(offer.skillIds).filter(has).slice(0, 8).map(label),
      missingCoreSkills: rarest(required)
        .filter((id) => !has(id))
        .slice(0, 5)
        .map(label),
      occupationPath,
      occupationRelation,
      skillsFromText: rarest(offer.textSkillIds ?? [])
        .slice(0, 8)
        .map(label),
      coveredBy: rarest(offer.skillIds)
        .map((id) => ({ id, by: profile.skills.has(id) ? null : coverage(id).by }))
        .filter((entry): entry is { id: string; by: string } => entry.by !== null)
        .slice(0, 8)
        .map(({ id, by }) => ({ skill: label(id), by })),
      distanceKm: shownDistance,
      place,
      parts: {
        coverage: round2(skillCoverage),
        similarity: round2(similarity),
        path: round2(path),
        nearness: round2(nearness),
      },
    },
  };
}
