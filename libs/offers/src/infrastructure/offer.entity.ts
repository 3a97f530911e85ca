import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ContractType, WorkingTime } from '../domain/contract.js';
import type { ClosedReason, OfferStatus, PlacePrecision } from '../domain/offer.js';
import type { SalaryPeriod } from '../domain/salary.js';
import type { StoredOffer } from '../application/ports/offer-reader.js';

// numeric columns come back from pg as strings; offers carry plain numbers.
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** Read model of the `offer` table; writes go through OfferStore's batched SQL. */
@Entity({ name: 'offer' })
export class OfferEntity implements StoredOffer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') source!: string;
  @Column('text', { name: 'external_id' }) externalId!: string;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('text', { name: 'employer_name', nullable: true }) employerName!: string | null;
  @Column('text', { name: 'employer_siret', nullable: true }) employerSiret!: string | null;
  @Column('text', { name: 'location_text', nullable: true }) locationText!: string | null;
  /** How precisely the offer places the job; commune, postal code and coordinates only for `commune`. */
  @Column('text', { name: 'place_precision' }) placePrecision!: PlacePrecision;
  @Column('text', { name: 'place_label' }) placeLabel!: string;
  @Column('text', { name: 'commune_insee', nullable: true }) communeInsee!: string | null;
  @Column('text', { name: 'commune_name', nullable: true }) communeName!: string | null;
  @Column('text', { name: 'postal_code', nullable: true }) postalCode!: string | null;
  @Column('text', { nullable: true }) departement!: string | null;
  @Column('text', { nullable: true }) region!: string | null;
  @Column('double precision', { nullable: true }) latitude!: number | null;
  @Column('double precision', { nullable: true }) longitude!: number | null;
  @Column('text', { name: 'contract_type' }) contractType!: ContractType;
  @Column('numeric', { name: 'contract_duration_months', nullable: true, transformer: numeric })
  contractDurationMonths!: number | null;
  @Column('text', { name: 'working_time' }) workingTime!: WorkingTime;
  @Column('numeric', { name: 'weekly_hours', nullable: true, transformer: numeric }) weeklyHours!: number | null;
  @Column('text', { name: 'salary_text', nullable: true }) salaryText!: string | null;
  @Column('numeric', { name: 'salary_min', nullable: true, transformer: numeric }) salaryMin!: number | null;
  @Column('numeric', { name: 'salary_max', nullable: true, transformer: numeric }) salaryMax!: number | null;
  @Column('text', { name: 'salary_period', nullable: true }) salaryPeriod!: SalaryPeriod | null;
  @Column('text', { name: 'rome_code', nullable: true }) romeCode!: string | null;
  @Column('text', { name: 'rome_label', nullable: true }) romeLabel!: string | null;
  @Column('boolean', { name: 'rome_inferred' }) romeInferred!: boolean;
  @Column('text', { name: 'rome_read_from', nullable: true }) romeReadFrom!: 'referential' | 'coded_offers' | null;
  @Column('integer', { name: 'rome_similar_offers', nullable: true }) romeSimilarOffers!: number | null;
  @Column('integer', { name: 'rome_agreeing_offers', nullable: true }) romeAgreeingOffers!: number | null;
  @Column('text', { nullable: true }) appellation!: string | null;
  @Column('text', { array: true }) skills!: string[];
  @Column('text', { array: true }) qualities!: string[];
  @Column('text', { name: 'driving_licences', array: true }) drivingLicences!: string[];
  @Column('text', { array: true }) requirements!: string[];
  @Column('text', { name: 'experience_text', nullable: true }) experienceText!: string | null;
  @Column('integer', { name: 'experience_months', nullable: true }) experienceMonths!: number | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('timestamptz', { name: 'source_updated_at', nullable: true }) sourceUpdatedAt!: Date | null;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('text') status!: OfferStatus;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'closed_reason', nullable: true }) closedReason!: ClosedReason | null;
  @Column('text', { name: 'content_hash' }) contentHash!: string;
  @Column('text', { name: 'payload_hash', nullable: true }) payloadHash!: string | null;
  @Column('text', { nullable: true }) fingerprint!: string | null;
  @Column('uuid', { name: 'duplicate_of', nullable: true }) duplicateOf!: string | null;
  @Column('timestamptz', { name: 'first_seen_at' }) firstSeenAt!: Date;
  @Column('timestamptz', { name: 'last_seen_at' }) lastSeenAt!: Date;
  @Column('uuid', { name: 'posted_by', nullable: true }) postedBy!: string | null;
  @Column('uuid', { name: 'structure_id', nullable: true }) structureId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
