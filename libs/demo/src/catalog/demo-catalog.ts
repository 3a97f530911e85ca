import { copyPublishedMs, crossPostedCopy } from '../generator/cross-post.js';
import type { DemoContractType, DemoOffer, DemoOfferRef, DemoPlatform, DemoRegion } from '../generator/demo-offer.js';
import { DEMO_PLATFORMS } from '../generator/demo-offer.js';
import { defaultRegion, DemoOfferGenerator } from '../generator/generate-demo-offers.js';
import { NATIVE_STREAM, offerIdCodec, platformOfId, type OfferIdCodec } from '../generator/offer-ids.js';

export interface DemoCatalogOptions {
  readonly seed: number;
  readonly referenceDate: Date;
  readonly crossPostRate: number;
  /** How many offers each platform posts itself (copies of other platforms' offers come on top). */
  readonly counts: Readonly<Record<DemoPlatform, number>>;
  /** Where France Travail's own offers are; the boards keep their region. */
  readonly franceTravailRegion: DemoRegion;
}

/** What listing, filtering and sorting need to know about an offer, without generating it. */
export interface CatalogEntry {
  readonly id: string;
  readonly platform: DemoPlatform;
  /** The generator the offer comes from: its own platform's, or another one's for a copy. */
  readonly origin: { readonly platform: DemoPlatform; readonly index: number };
  readonly departement: string;
  readonly romeCode: string;
  readonly contractType: DemoContractType;
  readonly publishedMs: number;
}

export interface DemoDuplicate {
  readonly original: DemoOfferRef;
  readonly copy: DemoOfferRef;
}

// Generating an offer costs tens of microseconds; pages ask for the same ones repeatedly.
const CACHE_SIZE = 4_000;

/**
 * All offers of the three platforms: each platform's own, plus the copies of offers cross-posted to
 * it. Entries are light (ids, département, ROME code, date); full offers are generated on demand and
 * cached, so 100,000 offers cost a few megabytes.
 */
export class DemoCatalog {
  readonly options: DemoCatalogOptions;
  private readonly generators: Readonly<Record<DemoPlatform, DemoOfferGenerator>>;
  private readonly codecs: Readonly<Record<DemoPlatform, OfferIdCodec>>;
  private readonly byPlatform: Record<DemoPlatform, CatalogEntry[]>;
  private readonly natives: Record<DemoPlatform, CatalogEntry[]>;
  private readonly copies = new Map<string, CatalogEntry>();
  private readonly cache = new Map<string, DemoOffer>();

  constructor(options: DemoCatalogOptions) {
    this.options = options;
    const generator = (platform: DemoPlatform): DemoOfferGenerator =>
      new DemoOfferGenerator({
        seed: options.seed,
        platform,
        region: platform === 'france-travail' ? options.franceTravailRegion : defaultRegion(platform),
        referenceDate: options.referenceDate,
        crossPostRate: options.crossPostRate,
      });
    this.generators = {
      nordemploi: generator('nordemploi'),
      'job-connexion': generator('job-connexion'),
      'france-travail': generator('france-travail'),
    };
    this.codecs = {
      nordemploi: offerIdCodec('nordemploi', options.seed),
      'job-connexion': offerIdCodec('job-connexion', options.seed),
      'france-travail': offerIdCodec('france-travail', options.seed),
    };
    this.natives = { nordemploi: [], 'job-connexion': [], 'france-travail': [] };
    const referenceMs = options.referenceDate.getTime();
    const copiesOf: Record<DemoPlatform, CatalogEntry[]> = {
      nordemploi: [],
      'job-connexion': [],
      'france-travail': [],
    };
    for (const platform of DEMO_PLATFORMS) {
      const count = options.counts[platform];
      if (!Number.isInteger(count) || count < 0 || count > this.codecs[platform].capacity) {
        throw new RangeError(`${platform}: offer count must be an integer in [0, ${this.codecs[platform].capacity}]`);
      }
      const natives = this.natives[platform];
      for (let index = 0; index < count; index += 1) {
        const core = this.generators[platform].core(index);
        const entry: CatalogEntry = {
          id: core.id,
          platform,
          origin: { platform, index },
          departement: core.commune.departement,
          romeCode: core.job.romeCode,
          contractType: core.contractType,
          publishedMs: core.publishedMs,
        };
        natives.push(entry);
        if (core.crossPostedTo) {
          const copy: CatalogEntry = {
            ...entry,
            id: core.crossPostedTo.id,
            platform: core.crossPostedTo.platform,
            publishedMs: copyPublishedMs(core.publishedMs, core.crossPostedTo, referenceMs),
          };
          copiesOf[copy.platform].push(copy);
          this.copies.set(copy.id, copy);
        }
      }
    }
    const newestFirst = (a: CatalogEntry, b: CatalogEntry): number =>
      b.publishedMs - a.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    this.byPlatform = {
      nordemploi: [...this.natives.nordemploi, ...copiesOf.nordemploi].sort(newestFirst),
      'job-connexion': [...this.natives['job-connexion'], ...copiesOf['job-connexion']].sort(newestFirst),
      'france-travail': [...this.natives['france-travail'], ...copiesOf['france-travail']].sort(newestFirst),
    };
  }

  /** Every offer a platform publishes, newest first (ties by id), dropped or not. */
  entries(platform: DemoPlatform): readonly CatalogEntry[] {
    return this.byPlatform[platform];
  }

  entry(id: string): CatalogEntry | undefined {
    const platform = platformOfId(id);
    if (platform === undefined) return undefined;
    const slot = this.codecs[platform].decode(id);
    if (slot === undefined) return undefined;
    if (slot.stream === NATIVE_STREAM) {
      // Ids past the count decode fine but name no offer.
      const entry: CatalogEntry | undefined = this.natives[platform][slot.index];
      return entry?.id === id ? entry : undefined;
    }
    return this.copies.get(id);
  }

  offer(id: string): DemoOffer | undefined {
    const entry = this.entry(id);
    return entry && this.offerOf(entry);
  }

  offerOf(entry: CatalogEntry): DemoOffer {
    const cached = this.cache.get(entry.id);
    if (cached) {
      // Refresh the entry's recency: Map iteration order is insertion order.
      this.cache.delete(entry.id);
      this.cache.set(entry.id, cached);
      return cached;
    }
    const original = this.generators[entry.origin.platform].offer(entry.origin.index);
    const offer =
      entry.origin.platform === entry.platform
        ? original
        : crossPostedCopy(original, { platform: entry.platform, id: entry.id }, this.options.referenceDate);
    this.cache.set(entry.id, offer);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return offer;
  }

  /** Every cross-posted pair, the original first. */
  duplicates(): DemoDuplicate[] {
    return [...this.copies.values()].map((copy) => ({
      original: { platform: copy.origin.platform, id: this.natives[copy.origin.platform][copy.origin.index].id },
      copy: { platform: copy.platform, id: copy.id },
    }));
  }

  /** Whether `id` is one of `platform`'s own offers (not a copy from elsewhere). */
  isNative(id: string): boolean {
    const entry = this.entry(id);
    return entry !== undefined && entry.origin.platform === entry.platform;
  }
}
