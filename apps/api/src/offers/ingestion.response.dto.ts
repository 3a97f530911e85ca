import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OFFER_FIELD_NAMES,
  type RawOffer,
  type RejectionView,
  type RunStatus,
  type RunView,
  type RunTrigger,
  SOURCE_KINDS,
  type SourceKind,
  type SourceView,
  type TrialResult,
} from '@passerelle/ingestion';
import {
  CONTRACT_TYPES,
  type ContractType,
  type NormalizedOffer,
  PLACE_PRECISIONS,
  type PlacePrecision,
  type SalaryPeriod,
  type WorkingTime,
} from '@passerelle/offers';
import { iso, SALARY_PERIODS, WORKING_TIMES } from './offers.response.dto.js';

const RUN_STATUSES = ['running', 'succeeded', 'partial', 'failed'] as const satisfies readonly RunStatus[];
const RUN_TRIGGERS = ['schedule', 'manual', 'cli', 'demo', 'reparse'] as const satisfies readonly RunTrigger[];
const LIST_FIELDS: ReadonlySet<string> = new Set(['skills', 'qualities', 'requirements']);

export class SourceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'nordemploi' }) name!: string;
  @ApiProperty({ example: 'Nordemploi' }) label!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
  @ApiProperty({ nullable: true, type: String }) baseUrl!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'site description, France Travail parameters, or JSON-LD listing; a client secret reads "***"',
  })
  config!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Number, description: 'minutes between scheduled runs; null: by hand only' })
  scheduleMinutes!: number | null;
  @ApiProperty() rateLimitPerSecond!: number;
  @ApiProperty() maxConcurrency!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(source: SourceView): SourceResponse {
    const response: SourceResponse = {
      ...source,
      createdAt: source.createdAt.toISOString(),
      updatedAt: source.updatedAt.toISOString(),
    };
    return Object.assign(new SourceResponse(), response);
  }
}

export class RunQueuedResponse {
  @ApiPropertyOptional({ description: 'the queued job (absent if the queue gave none)' }) jobId?: string;
  @ApiProperty({ description: 'the source’s name' }) source!: string;
}

/** One ingestion run and its counts. */
export class RunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty({ enum: RUN_TRIGGERS }) trigger!: RunTrigger;
  @ApiProperty({ enum: RUN_STATUSES }) status!: RunStatus;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endedAt!: string | null;
  @ApiProperty() pagesFetched!: number;
  @ApiProperty() offersSeen!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() duplicates!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;

  static from(run: RunView): RunResponse {
    const response: RunResponse = { ...run, startedAt: run.startedAt.toISOString(), endedAt: iso(run.endedAt) };
    return Object.assign(new RunResponse(), response);
  }
}

export class RunPageResponse {
  @ApiProperty({ type: [RunResponse] }) items!: RunResponse[];
  @ApiProperty() total!: number;
}

/** A record a run rejected, and why. */
export class RejectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ nullable: true, type: String }) externalId!: string | null;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the field at fault' }) field!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the stored payload, for a re-parse' })
  payloadHash!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(rejection: RejectionView): RejectionResponse {
    const response: RejectionResponse = { ...rejection, createdAt: rejection.createdAt.toISOString() };
    return Object.assign(new RejectionResponse(), response);
  }
}

export class RejectionPageResponse {
  @ApiProperty({ type: [RejectionResponse] }) items!: RejectionResponse[];
  @ApiProperty() total!: number;
}

export class NormalizedLocationResponse {
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
  @ApiProperty({ enum: PLACE_PRECISIONS }) precision!: PlacePrecision;
  @ApiProperty({ nullable: true, type: String }) communeInsee!: string | null;
  @ApiProperty({ nullable: true, type: String }) communeName!: string | null;
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) departement!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ example: 'Lille (59000)' }) label!: string;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
}

export class NormalizedSalaryResponse {
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
  @ApiProperty({ nullable: true, type: Number }) min!: number | null;
  @ApiProperty({ nullable: true, type: Number }) max!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: SALARY_PERIODS }) period!: SalaryPeriod | null;
}

export class NormalizedRomeResponse {
  @ApiProperty({ example: 'K2204' }) code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'read from the text, not given by the source' }) inferred!: boolean;
  @ApiProperty({ nullable: true, type: String }) appellation!: string | null;
}

export class NormalizedExperienceResponse {
  @ApiProperty({ nullable: true, type: String }) text!: string | null;
  @ApiProperty({ nullable: true, type: Number }) months!: number | null;
}

/** An offer as it would be stored, before it is (no id, no status). */
export class NormalizedOfferResponse {
  @ApiProperty() source!: string;
  @ApiProperty() externalId!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) employerName!: string | null;
  @ApiProperty({ nullable: true, type: String }) employerSiret!: string | null;
  @ApiProperty({ type: NormalizedLocationResponse }) location!: NormalizedLocationResponse;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType!: ContractType;
  @ApiProperty({ nullable: true, type: Number }) contractDurationMonths!: number | null;
  @ApiProperty({ enum: WORKING_TIMES }) workingTime!: WorkingTime;
  @ApiProperty({ nullable: true, type: Number }) weeklyHours!: number | null;
  @ApiProperty({ type: NormalizedSalaryResponse }) salary!: NormalizedSalaryResponse;
  @ApiProperty({ nullable: true, type: NormalizedRomeResponse }) rome!: NormalizedRomeResponse | null;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: [String] }) qualities!: string[];
  @ApiProperty({ type: [String] }) drivingLicences!: string[];
  @ApiProperty({ type: [String] }) requirements!: string[];
  @ApiProperty({ type: NormalizedExperienceResponse }) experience!: NormalizedExperienceResponse;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sourceUpdatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;

  static from(offer: NormalizedOffer): NormalizedOfferResponse {
    const response: NormalizedOfferResponse = {
      ...offer,
      skills: [...offer.skills],
      qualities: [...offer.qualities],
      drivingLicences: [...offer.drivingLicences],
      requirements: [...offer.requirements],
      publishedAt: iso(offer.publishedAt),
      sourceUpdatedAt: iso(offer.sourceUpdatedAt),
      expiresAt: iso(offer.expiresAt),
    };
    return Object.assign(new NormalizedOfferResponse(), response);
  }
}

export class TrialRejectionResponse {
  @ApiProperty() field!: string;
  @ApiProperty() reason!: string;
}

/** A site description tried on one page: what it extracts and what would be stored, or why it would not. */
export class TrialResponse {
  @ApiProperty({ nullable: true, type: String, description: 'the site’s own id of the offer, when found' })
  externalId!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'what the description extracts from the page, field by field, before normalisation',
    properties: Object.fromEntries(
      OFFER_FIELD_NAMES.map((name) => [
        name,
        LIST_FIELDS.has(name) ? { type: 'array', items: { type: 'string' } } : { type: 'string' },
      ]),
    ),
  })
  fields!: RawOffer['fields'] | null;
  @ApiProperty({ nullable: true, type: NormalizedOfferResponse, description: 'null: the page would be rejected' })
  offer!: NormalizedOfferResponse | null;
  @ApiProperty({ nullable: true, type: TrialRejectionResponse, description: 'why a run would reject the page' })
  rejection!: TrialRejectionResponse | null;

  static from(trial: TrialResult): TrialResponse {
    const response: TrialResponse = {
      ...trial,
      offer: trial.offer && NormalizedOfferResponse.from(trial.offer),
      rejection: trial.rejection && { ...trial.rejection },
    };
    return Object.assign(new TrialResponse(), response);
  }
}
