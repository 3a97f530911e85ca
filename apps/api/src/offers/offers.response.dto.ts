import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ClosedReason,
  CONTRACT_TYPES,
  type ContractType,
  type OfferStatus,
  type OfferView,
  PLACE_PRECISIONS,
  type PlacePrecision,
  type SalaryPeriod,
  type WorkingTime,
} from '@passerelle/offers';

export const WORKING_TIMES = ['full_time', 'part_time', 'unknown'] as const satisfies readonly WorkingTime[];
export const SALARY_PERIODS = ['hour', 'month', 'year'] as const satisfies readonly SalaryPeriod[];
const OFFER_STATUSES = ['open', 'closed'] as const satisfies readonly OfferStatus[];
const CLOSED_REASONS = ['disappeared', 'expired', 'manual', 'filled'] as const satisfies readonly ClosedReason[];

export const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The same job published by another source (a cross-source duplicate of this offer). */
export class OfferCopyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
}

/** An offer as Passerelle keeps it: typed, located, with its ROME occupation (internal hashes left out). */
export class OfferResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'france_travail' }) source!: string;
  @ApiProperty({ description: 'the source’s own id of the offer' }) externalId!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) employerName!: string | null;
  @ApiProperty({ nullable: true, type: String }) employerSiret!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the place as the source wrote it' })
  locationText!: string | null;
  @ApiProperty({ enum: PLACE_PRECISIONS, description: 'commune, postal code and coordinates only for `commune`' })
  placePrecision!: PlacePrecision;
  @ApiProperty({ example: 'Lille (59000)' }) placeLabel!: string;
  @ApiProperty({ nullable: true, type: String }) communeInsee!: string | null;
  @ApiProperty({ nullable: true, type: String }) communeName!: string | null;
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) departement!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType!: ContractType;
  @ApiProperty({ nullable: true, type: Number }) contractDurationMonths!: number | null;
  @ApiProperty({ enum: WORKING_TIMES }) workingTime!: WorkingTime;
  @ApiProperty({ nullable: true, type: Number }) weeklyHours!: number | null;
  @ApiProperty({ nullable: true, type: String }) salaryText!: string | null;
  @ApiProperty({ nullable: true, type: Number }) salaryMin!: number | null;
  @ApiProperty({ nullable: true, type: Number }) salaryMax!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: SALARY_PERIODS }) salaryPeriod!: SalaryPeriod | null;
  @ApiProperty({ nullable: true, type: String, example: 'K2204' }) romeCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) romeLabel!: string | null;
  @ApiProperty({ description: 'the occupation was read from the text, not given by the source' })
  romeInferred!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['referential', 'coded_offers'],
    description:
      'for an occupation read from the text: from the ROME referential, or from the most similar stored offers whose source coded them',
  })
  romeReadFrom!: 'referential' | 'coded_offers' | null;
  @ApiProperty({ nullable: true, type: Number, description: 'similar coded offers that voted (read from the text)' })
  romeSimilarOffers!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'of those, offers coded as romeCode' })
  romeAgreeingOffers!: number | null;
  @ApiProperty({ nullable: true, type: String }) appellation!: string | null;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: [String] }) qualities!: string[];
  @ApiProperty({ type: [String] }) drivingLicences!: string[];
  @ApiProperty({ type: [String] }) requirements!: string[];
  @ApiProperty({ nullable: true, type: String }) experienceText!: string | null;
  @ApiProperty({ nullable: true, type: Number }) experienceMonths!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sourceUpdatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: CLOSED_REASONS }) closedReason!: ClosedReason | null;
  @ApiProperty({ description: 'hash of the normalised content (a change means an update)' }) contentHash!: string;
  @ApiProperty({ nullable: true, type: String, description: 'what cross-source duplicates are looked up by' })
  fingerprint!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the canonical offer of this copy' })
  duplicateOf!: string | null;
  @ApiProperty({ format: 'date-time' }) firstSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the structure that posted it' })
  structureId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ type: [OfferCopyResponse], description: 'GET /offers/{id} only: its copies on other sources' })
  copies?: OfferCopyResponse[];

  static from(offer: OfferView): OfferResponse {
    const response: OfferResponse = {
      ...offer,
      publishedAt: iso(offer.publishedAt),
      sourceUpdatedAt: iso(offer.sourceUpdatedAt),
      expiresAt: iso(offer.expiresAt),
      closedAt: iso(offer.closedAt),
      firstSeenAt: offer.firstSeenAt.toISOString(),
      lastSeenAt: offer.lastSeenAt.toISOString(),
      createdAt: offer.createdAt.toISOString(),
      updatedAt: offer.updatedAt.toISOString(),
      copies: offer.copies?.map((copy) => ({ ...copy })),
    };
    return Object.assign(new OfferResponse(), response);
  }
}

export class OfferPageResponse {
  @ApiProperty({ type: [OfferResponse] }) items!: OfferResponse[];
  @ApiProperty({ description: 'offers matching the filters (estimated beyond the first pages of a keyword search)' })
  total!: number;
}
