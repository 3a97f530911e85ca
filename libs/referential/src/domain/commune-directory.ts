import { cleanPostalCode, departementOfPostalCode, isDepartementCode, parseLocation } from './location-parser.js';
import type { CommuneAliasRow, CommunePostalCodeRow, CommuneRow } from './referential-rows.js';
import { placeKey } from './text-normalisation.js';

export interface CommuneQuery {
  readonly inseeCode?: string | null;
  readonly postalCode?: string | null;
  /** A commune name, or a free-text place such as `59000 Lille` or `Lille (59)`. */
  readonly name?: string | null;
  readonly departement?: string | null;
}

export interface ResolvedCommune {
  readonly inseeCode: string;
  /** The official name, article included: `Le Cateau-Cambrésis`. */
  readonly name: string;
  /** The postal code asked for when the commune has it, else its lowest one. */
  readonly postalCode: string;
  readonly departement: string;
  readonly region: string;
  readonly lat: number;
  readonly lng: number;
}

interface Entry {
  readonly row: CommuneRow;
  readonly postalCodes: string[];
  readonly arrondissements: Entry[];
}

/**
 * Communes found by INSEE code, postal code, name or any mix of them, in memory.
 *
 * Ambiguity is settled by population: a name shared by several communes (`Saint-Denis`) and a
 * postal code shared by several communes (`51300`: 46 villages) both give the most populous one,
 * because that is where an offer is most likely to be. Within Paris, Lyon and Marseille the
 * arrondissement named by the postal code wins over the whole city: it places the offer better.
 */
export class CommuneDirectory {
  private readonly byInsee = new Map<string, Entry>();
  private readonly byPostalCode = new Map<string, Entry[]>();
  private readonly byName = new Map<string, Entry[]>();
  /** Each département's commune centres, for "which départements reach into this radius". */
  private departementPoints: Map<string, Float64Array> | null = null;
  private readonly reachCache = new Map<string, readonly string[]>();

  constructor(
    communes: readonly CommuneRow[],
    postalCodes: readonly CommunePostalCodeRow[],
    aliases: readonly CommuneAliasRow[],
  ) {
    for (const row of communes) {
      this.byInsee.set(row.inseeCode, { row, postalCodes: [], arrondissements: [] });
    }
    for (const entry of this.byInsee.values()) {
      const parent = entry.row.parentInseeCode ? this.byInsee.get(entry.row.parentInseeCode) : undefined;
      parent?.arrondissements.push(entry);
      this.addName(entry.row.name, entry);
      this.addName(entry.row.nameWithArticle, entry);
    }
    for (const { inseeCode, postalCode } of postalCodes) {
      const entry = this.byInsee.get(inseeCode);
      if (!entry) continue;
      entry.postalCodes.push(postalCode);
      push(this.byPostalCode, postalCode, entry);
    }
    for (const alias of aliases) {
      const entry = this.byInsee.get(alias.inseeCode);
      if (!entry) continue;
      this.addName(alias.name, entry);
      this.addName(alias.nameWithArticle, entry);
    }
    for (const entry of this.byInsee.values()) entry.postalCodes.sort();
  }

  get size(): number {
    return this.byInsee.size;
  }

  byInseeCode(inseeCode: string): ResolvedCommune | null {
    const entry = this.byInsee.get(inseeCode.trim().toUpperCase());
    return entry ? view(entry, null) : null;
  }

  /**
   * The départements with at least one commune centre within `radiusKm` of the point, the point's
   * own included: an offer placed only by its département is within reach of these people.
   * Cached by point and radius (people search from their commune, with a few radii).
   */
  departementsWithin(origin: { readonly lat: number; readonly lng: number }, radiusKm: number): readonly string[] {
    const key = `${origin.lat.toFixed(4)},${origin.lng.toFixed(4)},${radiusKm}`;
    const cached = this.reachCache.get(key);
    if (cached) return cached;
    this.departementPoints ??= this.buildDepartementPoints();
    const found: string[] = [];
    for (const [departement, points] of this.departementPoints) {
      for (let i = 0; i < points.length; i += 2) {
        if (haversineKm(origin.lat, origin.lng, points[i], points[i + 1]) <= radiusKm) {
          found.push(departement);
          break;
        }
      }
    }
    found.sort();
    if (this.reachCache.size >= 5_000) this.reachCache.clear();
    this.reachCache.set(key, found);
    return found;
  }

  private buildDepartementPoints(): Map<string, Float64Array> {
    const lists = new Map<string, number[]>();
    for (const { row } of this.byInsee.values()) {
      if (row.kind !== 'commune') continue;
      const list = lists.get(row.departement) ?? [];
      list.push(row.lat, row.lng);
      lists.set(row.departement, list);
    }
    return new Map([...lists].map(([departement, list]) => [departement, Float64Array.from(list)]));
  }

  /** Every commune and arrondissement, each once. */
  rows(): CommuneRow[] {
    return [...this.byInsee.values()].map((entry) => entry.row);
  }

  resolve(query: CommuneQuery): ResolvedCommune | null {
    let postalCode = cleanPostalCode(query.postalCode);
    const inseeCode = query.inseeCode?.trim().toUpperCase();
    if (inseeCode) {
      const entry = this.byInsee.get(inseeCode);
      if (entry) return view(entry, postalCode);
    }
    const asked = query.departement?.trim().toUpperCase();
    const departement = asked && isDepartementCode(asked) ? asked : null;

    const text = query.name?.trim();
    if (text) {
      const parsed = parseLocation(text);
      // The parsed reading first; then the text whole, for `Paris 15` where 15 is no département.
      const readings = [
        {
          name: parsed.name,
          postalCode: postalCode ?? parsed.postalCode,
          departement: departement ?? parsed.departement,
        },
        { name: text, postalCode, departement },
      ];
      for (const reading of readings) {
        const candidates = reading.name ? this.byName.get(placeKey(reading.name)) : undefined;
        const found = candidates && this.pick(candidates, reading.postalCode, reading.departement);
        if (found) return view(found, reading.postalCode);
      }
      postalCode ??= parsed.postalCode;
    }
    // A name we do not know (a hamlet, a typo) beside a postal code: the postal code decides.
    if (postalCode) {
      const candidates = this.byPostalCode.get(postalCode);
      if (candidates) return view(mostPopulous(preferArrondissements(candidates)), postalCode);
    }
    return null;
  }

  private pick(candidates: readonly Entry[], postalCode: string | null, departement: string | null): Entry | null {
    if (postalCode) {
      const withPostalCode = candidates.filter((entry) => entry.postalCodes.includes(postalCode));
      if (withPostalCode.length > 0) return refine(mostPopulous(withPostalCode), postalCode);
      // The file lists the main postal codes only: a CEDEX or a second code of a big city is not
      // there, so fall back on the département the code belongs to.
      departement = departementOfPostalCode(postalCode) ?? departement;
    }
    if (departement) {
      const inDepartement = candidates.filter((entry) => sameDepartement(entry.row.departement, departement));
      return inDepartement.length > 0 ? refine(mostPopulous(inDepartement), postalCode) : null;
    }
    return mostPopulous(candidates);
  }

  private addName(name: string, entry: Entry): void {
    const key = placeKey(name);
    if (key === '') return;
    const list = this.byName.get(key);
    if (!list) this.byName.set(key, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  }
}

function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameDepartement(actual: string, wanted: string): boolean {
  return actual === wanted || (wanted === '20' && (actual === '2A' || actual === '2B'));
}

function mostPopulous(entries: readonly Entry[]): Entry {
  let best = entries[0];
  for (const entry of entries) {
    const better =
      entry.row.population > best.row.population ||
      (entry.row.population === best.row.population && entry.row.inseeCode < best.row.inseeCode);
    if (better) best = entry;
  }
  return best;
}

/** A postal code of Paris, Lyon or Marseille names one arrondissement, not the whole city. */
function preferArrondissements(entries: readonly Entry[]): readonly Entry[] {
  const parents = new Set(entries.map((entry) => entry.row.parentInseeCode).filter((code) => code !== null));
  const narrowed = entries.filter((entry) => !parents.has(entry.row.inseeCode));
  return narrowed.length > 0 ? narrowed : entries;
}

function refine(entry: Entry, postalCode: string | null): Entry {
  if (!postalCode || entry.arrondissements.length === 0) return entry;
  return entry.arrondissements.find((arrondissement) => arrondissement.postalCodes.includes(postalCode)) ?? entry;
}

function view(entry: Entry, postalCode: string | null): ResolvedCommune {
  const { row } = entry;
  return {
    inseeCode: row.inseeCode,
    name: row.nameWithArticle,
    postalCode: postalCode && entry.postalCodes.includes(postalCode) ? postalCode : row.postalCode,
    departement: row.departement,
    region: row.region,
    lat: row.lat,
    lng: row.lng,
  };
}
