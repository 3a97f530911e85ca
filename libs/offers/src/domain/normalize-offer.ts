import { createHash } from 'node:crypto';
import { parseContractType, parseDurationMonths, parseWorkingTime } from './contract.js';
import { parseFrenchDate } from './dates.js';
import { type OfferLookups, TEXT_SKILLS } from './lookups.js';
import type { NormalizationResult, NormalizedOffer, OfferRejection } from './offer.js';
import { parseDrivingLicences, parseExperienceMonths } from './requirements.js';
import { parseSalary } from './salary.js';
import { htmlToText, tidyText } from './text.js';

export type OfferTextField =
  | 'title'
  | 'description'
  | 'employerName'
  | 'employerSiret'
  | 'location'
  | 'postalCode'
  | 'communeName'
  | 'inseeCode'
  | 'latitude'
  | 'longitude'
  | 'contractType'
  | 'contractDuration'
  | 'workingTime'
  | 'weeklyHours'
  | 'salary'
  | 'romeCode'
  | 'appellation'
  | 'drivingLicence'
  | 'experience'
  | 'publishedAt'
  | 'updatedAt'
  | 'expiresAt'
  | 'url';

/** The fields of an offer as a source wrote them (ingestion's RawOffer; manual posting too). */
export type OfferFields = Readonly<Partial<Record<OfferTextField, string>>> & {
  readonly skills?: readonly string[];
  readonly qualities?: readonly string[];
  readonly requirements?: readonly string[];
};

export interface OfferInput {
  readonly source: string;
  readonly externalId: string;
  readonly fields: OfferFields;
}

const reject = (field: string, reason: string): { ok: false; rejection: OfferRejection } => ({
  ok: false,
  rejection: { field, reason },
});

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const tidy = tidyText(value);
  return tidy === '' ? null : tidy;
}

function list(values: readonly string[] | undefined): string[] {
  return [
    ...new Set((values ?? []).map((value) => tidyText(value)).filter((value) => value !== '' && value.length <= 300)),
  ];
}

function number(value: string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = Number(value.trim().replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
}

/** Postal code and commune name out of "Lille (59000)", "59000 Lille", "59 - LILLE", "Strasbourg". */
export function splitLocation(location: string): { postalCode?: string; name?: string; departement?: string } {
  const postal = /\b(\d{5})\b/.exec(location)?.[1];
  const departement = postal ? undefined : /\((\d{2}|2[AB]|97\d)\)|^(\d{2}|2[AB])\s*-/.exec(location);
  const name = location
    .replace(/\b\d{5}\b/, '')
    .replace(/\((\d{2}|2[AB]|97\d)\)/, '')
    .replace(/^(\d{2}|2[AB])\s*-\s*/, '')
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,-]+|[\s,-]+$/g, '');
  return {
    ...(postal ? { postalCode: postal } : {}),
    ...(name ? { name } : {}),
    ...(departement ? { departement: departement[1] ?? departement[2] } : {}),
  };
}

export function contentHash(offer: NormalizedOffer): string {
  return createHash('sha256')
    .update(JSON.stringify(offer, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value)))
    .digest('hex');
}

const AREA_PLACE = { communeInsee: null, communeName: null, postalCode: null, latitude: null, longitude: null };

/**
 * Where the job is, at the precision the source gives it: a commune (by INSEE code, postal code or
 * name), else a département, a region, the whole country, or a place abroad. Only a place that is
 * none of these (or no place at all) is rejected.
 */
function resolvePlace(
  f: OfferFields,
  locationText: string | null,
  lookups: OfferLookups,
): { ok: true; location: NormalizedOffer['location'] } | { ok: false; rejection: OfferRejection } {
  const inseeCode = text(f.inseeCode) ?? undefined;
  const postalCode = text(f.postalCode) ?? undefined;
  const communeName = text(f.communeName) ?? undefined;
  const area = locationText ? lookups.resolveArea(locationText) : null;
  // `Bretagne`, `Vienne` or `75 - Paris (Dept.)` alone name the area even where a commune has that name.
  const namesArea = area !== null && !inseeCode && !postalCode && !communeName;
  const fromText = locationText ? splitLocation(locationText) : {};
  const commune = namesArea
    ? null
    : lookups.resolveCommune({
        inseeCode,
        postalCode: postalCode ?? fromText.postalCode,
        name: communeName ?? fromText.name,
      });
  if (commune) {
    const latitude = number(f.latitude);
    const longitude = number(f.longitude);
    const hasCoordinates =
      latitude !== null && longitude !== null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    const lat = hasCoordinates ? latitude : commune.lat;
    const lng = hasCoordinates ? longitude : commune.lng;
    if (lat === null || lng === null)
      return reject('location', `no coordinates for ${commune.name} (${commune.inseeCode})`);
    return {
      ok: true,
      location: {
        text: locationText,
        precision: 'commune',
        communeInsee: commune.inseeCode,
        communeName: commune.name,
        postalCode: commune.postalCode,
        departement: commune.departement,
        region: commune.region,
        label: `${commune.name} (${commune.postalCode})`,
        latitude: lat,
        longitude: lng,
      },
    };
  }
  const wider =
    area ??
    (communeName ? lookups.resolveArea(communeName) : null) ??
    // `59 - Unknownville` or `Hameau (59)`: the commune is not known, its département is.
    (fromText.departement ? lookups.resolveArea(fromText.departement) : null) ??
    (locationText ? lookups.resolveAbroad(locationText) : null);
  if (wider) {
    return {
      ok: true,
      location: {
        text: locationText,
        precision: wider.precision,
        ...AREA_PLACE,
        departement: wider.departement,
        region: wider.region,
        label: wider.label,
      },
    };
  }
  const written = locationText ?? postalCode ?? communeName ?? inseeCode;
  return reject('location', written ? `unknown place: ${written}` : 'missing');
}

/**
 * Turns what a source wrote into a Passerelle offer, or says which required field is missing or
 * wrong. Required: a title, a description, and a place: a French commune, or at least a département,
 * a region or the country (a coach must know where the job is, as precisely as the source says).
 * Everything else is optional and parsed when it reads as such.
 */
export function normalizeOffer(input: OfferInput, lookups: OfferLookups, now: Date = new Date()): NormalizationResult {
  const f = input.fields;
  const title = text(f.title);
  if (!title) return reject('title', 'missing');
  if (title.length > 300) return reject('title', 'longer than 300 characters');
  const description =
    f.description === undefined
      ? null
      : text(/<[a-z][^>]*>/i.test(f.description) ? htmlToText(f.description) : f.description);
  if (!description) return reject('description', 'missing');

  const locationText = text(f.location);
  const place = resolvePlace(f, locationText, lookups);
  if (!place.ok) return place;
  const { location } = place;

  const siret = text(f.employerSiret)?.replace(/\s/g, '') ?? null;
  const romeCode = text(f.romeCode)?.toUpperCase() ?? null;
  const known = romeCode ? lookups.occupation(romeCode) : null;
  const titleForOccupation = text(f.appellation) ?? title;
  const inferred = known
    ? null
    : lookups.classifyOccupation
      ? lookups.classifyOccupation(titleForOccupation, description)
      : lookups.inferOccupation(titleForOccupation);
  const rome = known
    ? {
        code: known.code,
        label: known.label,
        inferred: false,
        appellation: text(f.appellation),
        otherReadings: [],
        readFrom: null,
        similarOffers: null,
        agreeingOffers: null,
      }
    : inferred
      ? {
          code: inferred.codeRome,
          label: inferred.label,
          inferred: true,
          appellation: inferred.appellationLabel ?? text(f.appellation),
          otherReadings: (inferred.otherReadings ?? []).map(({ codeRome, label, weight }) => ({
            codeRome,
            label,
            weight,
          })),
          readFrom: inferred.readFrom === 'coded-offers' ? ('coded_offers' as const) : ('referential' as const),
          similarOffers: inferred.similarOffers ?? null,
          agreeingOffers: inferred.agreeing ?? null,
        }
      : null;

  const salaryText = text(f.salary);
  const salary = parseSalary(salaryText ?? undefined);
  const contractText = [f.contractType, f.contractDuration].filter(Boolean).join(' ');
  const hours = parseWorkingTime(f.workingTime, f.weeklyHours);
  const experienceText = text(f.experience);
  const requirements = list(f.requirements);
  const licences = parseDrivingLicences([f.drivingLicence, ...requirements].filter(Boolean).join('\n'));

  const offer: NormalizedOffer = {
    source: input.source,
    externalId: input.externalId,
    url: text(f.url),
    title,
    description,
    employerName: text(f.employerName),
    employerSiret: siret && /^\d{14}$/.test(siret) ? siret : null,
    location,
    contractType: parseContractType(contractText || undefined),
    contractDurationMonths: parseDurationMonths(f.contractDuration ?? f.contractType),
    workingTime: hours.workingTime,
    weeklyHours: hours.weeklyHours,
    salary: { text: salaryText, min: salary?.min ?? null, max: salary?.max ?? null, period: salary?.period ?? null },
    rome,
    skills: list(f.skills),
    ...(lookups.extractSkills
      ? { textSkills: lookups.extractSkills(description, rome?.code ?? null, TEXT_SKILLS) }
      : {}),
    qualities: list(f.qualities),
    drivingLicences: licences,
    requirements,
    experience: { text: experienceText, months: parseExperienceMonths(experienceText ?? undefined) },
    publishedAt: parseFrenchDate(f.publishedAt, now),
    sourceUpdatedAt: parseFrenchDate(f.updatedAt, now),
    expiresAt: parseFrenchDate(f.expiresAt, now),
  };
  return { ok: true, offer, contentHash: contentHash(offer) };
}
