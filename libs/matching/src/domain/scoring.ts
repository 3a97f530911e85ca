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

export function scoreOffer(
  profile: ScoringProfile,
  offer: ScoredOfferInput,
  idf: (skillId: string) => number,
  label: (skillId: string) => string,
  coverage: SkillCoverage = (id) => ({ weight: profile.skills.get(id) ?? 0, by: null }),
): { score: number; explanation: Explanation } {
  const required = offer.coreSkillIds.length > 0 ? offer.coreSkillIds : offer.skillIds;
  const has = (id: string): boolean => coverage(id).weight > 0;
  let needed = 0;
  let covered = 0;
  for (const id of required) {
    needed += idf(id);
    covered += idf(id) * Math.min(1, coverage(id).weight);
  }
  const skillCoverage = needed > 0 ? covered / needed : 0;
  const similarity = Math.max(0, Math.min(1, offer.similarity));
  let path = 0;
  let occupationPath: string | null = null;
  let occupationRelation: Explanation['occupationRelation'] = null;
  const offerLabel = offer.romeLabel ?? offer.romeCode ?? '';
  if (offer.romeCode && profile.occupations.has(offer.romeCode)) {
    path = 1;
    occupationRelation = 'held';
    occupationPath = `${offerLabel} (métier déjà exercé)`;
  } else if (offer.romeCode && profile.targets?.has(offer.romeCode)) {
    path = 0.95;
    occupationRelation = 'target';
    occupationPath = `${offerLabel} (métier visé)`;
  } else if (offer.romeCode && profile.neighbours?.has(offer.romeCode)) {
    const neighbour = profile.neighbours.get(offer.romeCode)!;
    path = NEIGHBOUR_PATH;
    occupationRelation = 'neighbour';
    occupationPath = `${offerLabel} (métier voisin de « ${neighbour.fromLabel} »)`;
  } else if (offer.romeCode && profile.mobilities.has(offer.romeCode)) {
    const mobility = profile.mobilities.get(offer.romeCode)!;
    path = Math.max(0.5, 0.9 - 0.05 * (mobility.rank - 1));
    occupationRelation = 'mobility';
    occupationPath = `${mobility.fromLabel} → ${offerLabel} (mobilité ROME)`;
  }
  const distance = 'lat' in offer.place ? distanceKm(profile.origin, offer.place) : null;
  const nearness =
    'lat' in offer.place
      ? Math.max(0, 1 - 0.5 * Math.min(1, distance! / profile.radiusKm))
      : AREA_NEARNESS[offer.place.precision];
  const shownDistance = distance === null ? null : Math.round(distance * 10) / 10;
  const place =
    'lat' in offer.place
      ? `à ${String(shownDistance).replace('.', ',')} km`
      : offer.place.precision === 'country'
        ? AREA_WORDING.country
        : `${AREA_WORDING[offer.place.precision]} : ${offer.place.label}`;
  const score = Math.round(
    100 *
      (SCORE_WEIGHTS.coverage * skillCoverage +
        SCORE_WEIGHTS.similarity * similarity +
        SCORE_WEIGHTS.path * path +
        SCORE_WEIGHTS.nearness * nearness),
  );
  const byRarity = (a: string, b: string): number => idf(b) - idf(a) || a.localeCompare(b);
  return {
    score,
    explanation: {
      matchingSkills: offer.skillIds.filter(has).sort(byRarity).slice(0, 8).map(label),
      missingCoreSkills: required
        .filter((id) => !has(id))
        .sort(byRarity)
        .slice(0, 5)
        .map(label),
      occupationPath,
      occupationRelation,
      skillsFromText: [...(offer.textSkillIds ?? [])].sort(byRarity).slice(0, 8).map(label),
      coveredBy: offer.skillIds
        .map((id) => ({ id, by: profile.skills.has(id) ? null : coverage(id).by }))
        .filter((entry): entry is { id: string; by: string } => entry.by !== null)
        .sort((a, b) => byRarity(a.id, b.id))
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
