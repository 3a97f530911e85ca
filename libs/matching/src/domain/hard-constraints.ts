import { filterValue } from './profile.js';
import { distanceKm } from './scoring.js';

/**
 * A person's hard constraints: what an offer must meet to be shown to them at all. The same rules
 * serve twice, kept side by side so they cannot drift: as Meilisearch filters (a person's matched
 * search) and evaluated here on one offer (its candidates among many people, scored in process).
 */
export interface HardConstraints {
  readonly origin: { readonly lat: number; readonly lng: number };
  readonly radiusKm: number;
  /** Départements reaching into the radius: offers placed only by one of them are within reach. */
  readonly reachDepartements: readonly string[];
  readonly originRegion?: string;
  readonly contractTypes: readonly string[];
  readonly drivingLicence: boolean;
  readonly workingTime: 'full_time' | 'part_time' | 'any';
  /** Schedule flags the person's constraints exclude. */
  readonly excludedSchedule: readonly string[];
}

/** What the constraints read of an offer (as the index holds it). */
export interface ConstrainedOffer {
  readonly contractType: string;
  readonly workingTime: string;
  readonly drivingLicences?: readonly string[];
  readonly schedule?: readonly string[];
  readonly placePrecision?: string;
  readonly departement?: string | null;
  readonly region?: string | null;
  readonly _geo?: { readonly lat: number; readonly lng: number };
}

/**
 * The constraints as Meilisearch filters. Within reach: offers placed within the radius, offers
 * placed only by a département that reaches into it, by the person's region, or by the country.
 */
export function hardFilterStrings(constraints: HardConstraints): string[] {
  const { origin } = constraints;
  const reach = [
    `_geoRadius(${origin.lat}, ${origin.lng}, ${radiusMetres(constraints)})`,
    ...(constraints.reachDepartements.length > 0
      ? [
          `(placePrecision = departement AND departement IN [${constraints.reachDepartements.map(filterValue).join(', ')}])`,
        ]
      : []),
    ...(constraints.originRegion
      ? [`(placePrecision = region AND region = ${filterValue(constraints.originRegion)})`]
      : []),
    'placePrecision = country',
  ];
  const filter = [
    `(${reach.join(' OR ')})`,
    `contractType IN [${constraints.contractTypes.map(filterValue).join(', ')}]`,
  ];
  if (!constraints.drivingLicence) filter.push('drivingLicences IS EMPTY');
  if (constraints.workingTime === 'part_time') filter.push(`workingTime != ${filterValue('full_time')}`);
  if (constraints.workingTime === 'full_time') filter.push(`workingTime != ${filterValue('part_time')}`);
  if (constraints.excludedSchedule.length > 0)
    filter.push(`schedule NOT IN [${constraints.excludedSchedule.map(filterValue).join(', ')}]`);
  return filter;
}

/** The same constraints evaluated on one offer, as Meilisearch would evaluate the filters above. */
export function meetsHardConstraints(offer: ConstrainedOffer, constraints: HardConstraints): boolean {
  if (!constraints.contractTypes.includes(offer.contractType)) return false;
  if (!constraints.drivingLicence && (offer.drivingLicences?.length ?? 0) > 0) return false;
  if (constraints.workingTime === 'part_time' && offer.workingTime === 'full_time') return false;
  if (constraints.workingTime === 'full_time' && offer.workingTime === 'part_time') return false;
  if ((offer.schedule ?? []).some((flag) => constraints.excludedSchedule.includes(flag))) return false;
  return withinReach(offer, constraints);
}

function withinReach(offer: ConstrainedOffer, constraints: HardConstraints): boolean {
  if (offer._geo && distanceKm(constraints.origin, offer._geo) * 1000 <= radiusMetres(constraints)) return true;
  switch (offer.placePrecision) {
    case 'departement':
      return !!offer.departement && constraints.reachDepartements.includes(offer.departement);
    case 'region':
      return !!constraints.originRegion && offer.region === constraints.originRegion;
    case 'country':
      return true;
    default:
      return false;
  }
}

function radiusMetres(constraints: HardConstraints): number {
  return Math.round(constraints.radiusKm * 1000);
}

/**
 * Meilisearch's semantic ranking score for a user-provided embedder: the cosine of the two vectors
 * mapped to 0–1, `(1 + cos) / 2`; 0 when either side has no vector (an offer with no known skill).
 */
export function semanticScore(a: readonly number[] | null, b: readonly number[] | null): number {
  if (!a || !b || a.length === 0 || a.length !== b.length) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  if (normA === 0 || normB === 0) return 0;
  return (1 + dot / Math.sqrt(normA * normB)) / 2;
}
