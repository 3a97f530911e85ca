import type { ContractType, WorkingTime } from '../../domain/contract.js';
import type { ClosedReason, OfferStatus, PlacePrecision } from '../../domain/offer.js';
import type { SalaryPeriod } from '../../domain/salary.js';

/** An offer as the `offer` table holds it. */
export interface StoredOffer {
  readonly id: string;
  readonly source: string;
  readonly externalId: string;
  readonly url: string | null;
  readonly title: string;
  readonly description: string;
  readonly employerName: string | null;
  readonly employerSiret: string | null;
  readonly locationText: string | null;
  /** How precisely the offer places the job; commune, postal code and coordinates only for `commune`. */
  readonly placePrecision: PlacePrecision;
  readonly placeLabel: string;
  readonly communeInsee: string | null;
  readonly communeName: string | null;
  readonly postalCode: string | null;
  readonly departement: string | null;
  readonly region: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly contractType: ContractType;
  readonly contractDurationMonths: number | null;
  readonly workingTime: WorkingTime;
  readonly weeklyHours: number | null;
  readonly salaryText: string | null;
  readonly salaryMin: number | null;
  readonly salaryMax: number | null;
  readonly salaryPeriod: SalaryPeriod | null;
  readonly romeCode: string | null;
  readonly romeLabel: string | null;
  readonly romeInferred: boolean;
  /** See Offer.rome.readFrom. */
  readonly romeReadFrom: 'referential' | 'coded_offers' | null;
  readonly romeSimilarOffers: number | null;
  readonly romeAgreeingOffers: number | null;
  readonly appellation: string | null;
  readonly skills: string[];
  readonly qualities: string[];
  readonly drivingLicences: string[];
  readonly requirements: string[];
  readonly experienceText: string | null;
  readonly experienceMonths: number | null;
  readonly publishedAt: Date | null;
  readonly sourceUpdatedAt: Date | null;
  readonly expiresAt: Date | null;
  readonly status: OfferStatus;
  readonly closedAt: Date | null;
  readonly closedReason: ClosedReason | null;
  readonly contentHash: string;
  readonly payloadHash: string | null;
  readonly fingerprint: string | null;
  readonly duplicateOf: string | null;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
  readonly postedBy: string | null;
  readonly structureId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface OfferQuery {
  readonly source?: string;
  readonly status?: OfferStatus;
  readonly departement?: string;
  readonly contractType?: ContractType;
  readonly romeCode?: string;
  /** Include offers that are copies of another (cross-source duplicates). Default: canonical only. */
  readonly includeDuplicates?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** Reads of offers: one by id or by its source's key, the filtered page, a set by id, the copies of an offer. */
export abstract class OfferReader {
  abstract byId(id: string): Promise<StoredOffer | null>;

  abstract bySourceKey(source: string, externalId: string): Promise<StoredOffer | null>;

  /** The page and the total, newest first (an offer without a publication date counts from when it was first seen). */
  abstract page(query: OfferQuery): Promise<[StoredOffer[], number]>;

  abstract byIds(ids: readonly string[]): Promise<StoredOffer[]>;

  /** The other offers of the same job (its canonical offer and that one's duplicates), `id` aside. */
  abstract copies(canonicalId: string, id: string): Promise<Array<Pick<StoredOffer, 'id' | 'source' | 'url'>>>;
}
