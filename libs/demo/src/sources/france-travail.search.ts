/** What the search filters on, for one offer. */
export interface SearchableOffer {
  readonly id: string;
  readonly departement: string;
  readonly romeCode: string;
  /** France Travail's code: CDI, CDD, MIS, SAI… */
  readonly contractType: string;
  readonly publishedMs: number;
}

export interface SearchFilters {
  readonly departements?: ReadonlySet<string>;
  readonly romeCodes?: ReadonlySet<string>;
  readonly contractTypes?: ReadonlySet<string>;
  readonly minCreationMs?: number;
  readonly maxCreationMs?: number;
}

export interface SearchResult {
  /** Positions in the entry list, in its order (newest first). */
  readonly positions: Int32Array;
  readonly contractCounts: ReadonlyMap<string, number>;
}

/** Codes → small integers, so a column of 100,000 values is a typed array. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** A membership mask over the codes; values never seen match nothing. */
  mask(values: ReadonlySet<string> | undefined): Uint8Array | undefined {
    if (values === undefined) return undefined;
    const mask = new Uint8Array(this.values.length);
    for (const value of values) {
      const code = this.codes.get(value);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  }
}

const CACHE_SIZE = 32;

/**
 * The search behind /v2/offres/search over a large catalogue: one typed-array column per filter, so
 * a query over 100,000 offers is a tight loop of well under a millisecond, and the matching
 * positions of recent queries are kept, since clients page through the same query 150 at a time.
 */
export class FranceTravailSearchIndex {
  private readonly departements = new Dictionary();
  private readonly romeCodes = new Dictionary();
  private readonly contracts = new Dictionary();
  private readonly departementColumn: Uint8Array;
  private readonly romeColumn: Uint16Array;
  private readonly contractColumn: Uint8Array;
  private readonly publishedColumn: Float64Array;
  private readonly cache = new Map<string, SearchResult>();

  constructor(private readonly entries: readonly SearchableOffer[]) {
    const size = entries.length;
    this.departementColumn = new Uint8Array(size);
    this.romeColumn = new Uint16Array(size);
    this.contractColumn = new Uint8Array(size);
    this.publishedColumn = new Float64Array(size);
    entries.forEach((entry, position) => {
      this.departementColumn[position] = this.departements.code(entry.departement);
      this.romeColumn[position] = this.romeCodes.code(entry.romeCode);
      this.contractColumn[position] = this.contracts.code(entry.contractType);
      this.publishedColumn[position] = entry.publishedMs;
    });
  }

  search(filters: SearchFilters, dropped: ReadonlySet<string>): SearchResult {
    const key = JSON.stringify([
      [...(filters.departements ?? [])].sort(),
      [...(filters.romeCodes ?? [])].sort(),
      [...(filters.contractTypes ?? [])].sort(),
      filters.minCreationMs ?? null,
      filters.maxCreationMs ?? null,
      [...dropped].sort(),
    ]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.scan(filters, dropped);
    this.cache.set(key, result);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return result;
  }

  private scan(filters: SearchFilters, dropped: ReadonlySet<string>): SearchResult {
    const departementMask = this.departements.mask(filters.departements);
    const romeMask = this.romeCodes.mask(filters.romeCodes);
    const contractMask = this.contracts.mask(filters.contractTypes);
    const min = filters.minCreationMs ?? -Infinity;
    const max = filters.maxCreationMs ?? Infinity;
    const matches = new Int32Array(this.entries.length);
    const contractCounts = new Uint32Array(this.contracts.values.length);
    let count = 0;
    for (let position = 0; position < this.entries.length; position += 1) {
      if (departementMask && departementMask[this.departementColumn[position]] === 0) continue;
      if (romeMask && romeMask[this.romeColumn[position]] === 0) continue;
      if (contractMask && contractMask[this.contractColumn[position]] === 0) continue;
      const published = this.publishedColumn[position];
      if (published < min || published > max) continue;
      if (dropped.size > 0 && dropped.has(this.entries[position].id)) continue;
      matches[count] = position;
      count += 1;
      contractCounts[this.contractColumn[position]] += 1;
    }
    const counts = new Map<string, number>();
    contractCounts.forEach((n, code) => {
      if (n > 0) counts.set(this.contracts.values[code], n);
    });
    return { positions: matches.slice(0, count), contractCounts: counts };
  }
}
