import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IdParam } from '../common/id-param.js';
import { Omittable } from '../common/omittable.decorator.js';
import { NotBlank } from '../common/not-blank.decorator.js';
import { CalendarDate } from '../common/date-field.js';
import { NestedObject, NestedObjectList } from '../common/nested.decorator.js';
import {
  AID_DECISIONS,
  AID_KINDS,
  type AidDecision,
  type AidKind,
  BARRIER_KINDS,
  BARRIER_STATUSES,
  type BarrierKind,
  type BarrierStatus,
  CER_OUTCOMES,
  type CerOutcome,
  COACHING_STATUSES,
  type CoachingStatus,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  DIGITAL_AUTONOMY,
  EVENT_KINDS,
  type EventKind,
  EXIT_REASONS,
  type ExitReason,
  EXPERIENCE_EMPLOYER_KINDS,
  LANGUAGE_LEVELS,
  PORTFOLIO_ALERTS,
  PORTFOLIO_SORTS,
  type PortfolioAlert,
  type PortfolioSort,
  REGIONAL_PLATFORMS,
  type RegionalPlatform,
  SKILL_EVIDENCE,
} from '@passerelle/coaching';
import {
  MATCH_CONTRACT_TYPES,
  type MatchContractType,
  SCHEDULE_CONSTRAINT_NAMES,
  type ScheduleConstraint,
} from '@passerelle/matching';
import { TextList } from '../common/text-list.decorator.js';
import { SearchLimitsDto } from '../matching/matching.dto.js';

const ROME = /^[A-N]\d{4}$/;

export class BarrierIdParam extends IdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') barrierId!: string;
}

export class CerIdParam extends IdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') cerId!: string;
}

export class EventIdParam extends IdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') eventId!: string;
}

export class ConsentParam extends IdParam {
  @ApiProperty({ enum: CONSENT_PURPOSES }) @IsIn(CONSENT_PURPOSES) purpose!: ConsentPurpose;
}

export class HomeCommuneDto {
  @ApiPropertyOptional({ example: '59350' })
  @Omittable()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'inseeCode must be an INSEE commune code' })
  inseeCode?: string;
  @ApiPropertyOptional({ example: '59000' })
  @Omittable()
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode?: string;
  @ApiPropertyOptional({ example: 'Lille' }) @Omittable() @IsString() @Length(1, 120) name?: string;
}

class IdentityFields {
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @CalendarDate()
  birthDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '06 12 34 56 78' })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\+?[\d .-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 300)
  address?: string | null;
}

export class RegisterBeneficiaryRequest extends IdentityFields {
  @ApiProperty({ example: 'Nadia' }) @IsString() @Length(1, 100) @NotBlank() firstName!: string;
  @ApiProperty({ example: 'Benali' }) @IsString() @Length(1, 100) @NotBlank() lastName!: string;
  @ApiProperty({ type: HomeCommuneDto }) @NestedObject(() => HomeCommuneDto) commune!: HomeCommuneDto;
  @ApiProperty({ format: 'date' })
  @CalendarDate()
  orientationDate!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'managers: one of their structures' })
  @Omittable()
  @IsUUID('all')
  structureId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'managers: the referent coach' })
  @Omittable()
  @IsUUID('all')
  referentUserId?: string;
  @ApiPropertyOptional({ description: 'managers: assign above the portfolio cap' })
  @Omittable()
  @IsBoolean()
  capOverride?: boolean;
  @ApiPropertyOptional({ description: 'managers: why the cap is overridden (required to override a full portfolio)' })
  @Omittable()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class UpdateBeneficiaryRequest extends IdentityFields {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 100) @NotBlank() firstName?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 100) @NotBlank() lastName?: string;
  @ApiPropertyOptional({ type: HomeCommuneDto })
  @Omittable()
  @NestedObject(() => HomeCommuneDto)
  commune?: HomeCommuneDto;
  @ApiPropertyOptional({ enum: REGIONAL_PLATFORMS, nullable: true, description: 'where the CV was deposited' })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsIn(REGIONAL_PLATFORMS)
  cvPlatform?: RegionalPlatform | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @CalendarDate()
  cvDepositedOn?: string | null;
}

export class AssignRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') coachUserId!: string;
  @ApiPropertyOptional({ description: 'assign above the portfolio cap' })
  @Omittable()
  @IsBoolean()
  capOverride?: boolean;
  @ApiPropertyOptional({ description: 'why: required to override a full portfolio' })
  @Omittable()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class CloseRequest {
  @ApiProperty({ enum: ['ended', 'reoriented'] }) @IsIn(['ended', 'reoriented']) status!: 'ended' | 'reoriented';
  @ApiProperty({ format: 'date' }) @CalendarDate() on!: string;
  @ApiPropertyOptional({ enum: EXIT_REASONS }) @Omittable() @IsIn(EXIT_REASONS) exitReason?: ExitReason;
  @ApiPropertyOptional({ example: 'service social départemental' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  reorientedTo?: string;
}

export class PortfolioQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'managers: one coach' })
  @Omittable()
  @IsUUID('all')
  coachUserId?: string;
  @ApiPropertyOptional({ enum: ['active', 'all', ...COACHING_STATUSES], default: 'active' })
  @Omittable()
  @IsIn(['active', 'all', ...COACHING_STATUSES])
  status?: 'active' | 'all' | CoachingStatus;
  @ApiPropertyOptional({ enum: PORTFOLIO_ALERTS })
  @Omittable()
  @IsIn(PORTFOLIO_ALERTS)
  alert?: PortfolioAlert;
  @ApiPropertyOptional({ enum: PORTFOLIO_SORTS, default: 'alerts' })
  @Omittable()
  @IsIn(PORTFOLIO_SORTS)
  sort?: PortfolioSort;
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' }) @Omittable() @IsIn(['asc', 'desc']) order?:
    'asc' | 'desc';
}

export class DiagnosticExperienceDto {
  @ApiPropertyOptional({ example: 'K2204' })
  @Omittable()
  @Matches(ROME, { message: 'romeCode must look like K2204' })
  romeCode?: string;
  @ApiPropertyOptional({ example: 'Agent de propreté' }) @Omittable() @IsString() @Length(2, 200) jobTitle?: string;
  @ApiPropertyOptional({ enum: EXPERIENCE_EMPLOYER_KINDS })
  @Omittable()
  @IsIn(EXPERIENCE_EMPLOYER_KINDS)
  employerKind?: (typeof EXPERIENCE_EMPLOYER_KINDS)[number];
  @ApiProperty({ example: 72 }) @IsInt() @Min(0) @Max(600) months!: number;
  @ApiPropertyOptional({ format: 'date' })
  @Omittable()
  @CalendarDate()
  startedOn?: string;
  @ApiPropertyOptional({ format: 'date' })
  @Omittable()
  @CalendarDate()
  endedOn?: string;
}

export class EvidencedSkillDto {
  @ApiProperty({ example: '117575' })
  @Matches(/^\d{1,10}$/, { message: 'code must be a ROME skill code' })
  code!: string;
  @ApiProperty({ enum: SKILL_EVIDENCE }) @IsIn(SKILL_EVIDENCE) evidence!: (typeof SKILL_EVIDENCE)[number];
}

export class LanguageDto {
  @ApiProperty({ example: 'fr' }) @Matches(/^[a-z]{2,3}$/, { message: 'code must be an ISO 639 code' }) code!: string;
  @ApiProperty({ enum: LANGUAGE_LEVELS }) @IsIn(LANGUAGE_LEVELS) level!: (typeof LANGUAGE_LEVELS)[number];
}

export class DiagnosticRequest extends SearchLimitsDto {
  @ApiProperty({ type: [DiagnosticExperienceDto] })
  @NestedObjectList(() => DiagnosticExperienceDto, 30)
  experiences!: DiagnosticExperienceDto[];
  @ApiProperty({ type: [EvidencedSkillDto] })
  @NestedObjectList(() => EvidencedSkillDto, 100)
  skills!: EvidencedSkillDto[];
  @ApiProperty({ type: [String], example: ['K2204'] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ROME, { each: true, message: 'each desired occupation must be a ROME code' })
  desiredOccupations!: string[];
  @ApiProperty() @IsBoolean() vehicle!: boolean;
  @ApiProperty({ enum: SCHEDULE_CONSTRAINT_NAMES, isArray: true })
  @IsArray()
  @ArrayMaxSize(SCHEDULE_CONSTRAINT_NAMES.length)
  @IsIn(SCHEDULE_CONSTRAINT_NAMES, { each: true })
  constraints!: ScheduleConstraint[];
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @CalendarDate()
  availabilityDate: string | null = null;
  @ApiPropertyOptional({ enum: DIGITAL_AUTONOMY, nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsIn(DIGITAL_AUTONOMY)
  digitalAutonomy: (typeof DIGITAL_AUTONOMY)[number] | null = null;
  @ApiProperty({ type: [LanguageDto] }) @NestedObjectList(() => LanguageDto, 10) languages!: LanguageDto[];
  @ApiPropertyOptional({
    type: [String],
    example: ['CACES R489 cat. 3', 'SST'],
    description: 'certificates and habilitations as written; matching counts the offer skills they prove',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  certificates: string[] = [];
}

export class BarrierRequest {
  @ApiProperty({ enum: BARRIER_KINDS }) @IsIn(BARRIER_KINDS) kind!: BarrierKind;
  @ApiProperty({ enum: BARRIER_STATUSES }) @IsIn(BARRIER_STATUSES) status!: BarrierStatus;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) description?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) actions?: string;
  @ApiPropertyOptional({ description: 'health barriers only: kept apart, read by the referent coach only' })
  @Omittable()
  @IsString()
  @Length(1, 2000)
  healthNote?: string;
}

export class BarrierChangesRequest {
  @ApiPropertyOptional({ enum: BARRIER_STATUSES }) @Omittable() @IsIn(BARRIER_STATUSES) status?: BarrierStatus;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) description?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) actions?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) healthNote?: string;
}

class Commitments {
  @ApiProperty({ type: [String] }) @TextList(20) beneficiaryCommitments!: string[];
  @ApiProperty({ type: [String] }) @TextList(20) serviceCommitments!: string[];
}

export class CerRequest extends Commitments {
  @ApiProperty({ format: 'date' }) @CalendarDate() signedOn!: string;
  @ApiProperty({ format: 'date' }) @CalendarDate() startDate!: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 24, description: 'default CER_DEFAULT_MONTHS' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(24)
  durationMonths?: number;
}

export class RenewalDto extends Commitments {
  @ApiPropertyOptional({ format: 'date' })
  @Omittable()
  @CalendarDate()
  signedOn?: string;
  @ApiPropertyOptional() @Omittable() @IsInt() @Min(1) @Max(24) durationMonths?: number;
}

export class CerOutcomeRequest {
  @ApiProperty({ enum: CER_OUTCOMES }) @IsIn(CER_OUTCOMES) outcome!: CerOutcome;
  @ApiProperty({ format: 'date' }) @CalendarDate() on!: string;
  @ApiPropertyOptional({ enum: EXIT_REASONS }) @Omittable() @IsIn(EXIT_REASONS) exitReason?: ExitReason;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 200) reorientedTo?: string;
  @ApiPropertyOptional({ type: RenewalDto }) @Omittable() @NestedObject(() => RenewalDto) renewal?: RenewalDto;
}

export class AidDto {
  @ApiProperty({ enum: AID_KINDS }) @IsIn(AID_KINDS) kind!: AidKind;
  @ApiPropertyOptional({ example: 250 })
  @Omittable()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100_000)
  amount?: number;
  @ApiPropertyOptional({ enum: AID_DECISIONS }) @Omittable() @IsIn(AID_DECISIONS) decision?: AidDecision;
}

export class EventRequest {
  @ApiProperty({ enum: EVENT_KINDS }) @IsIn(EVENT_KINDS) kind!: EventKind;
  @ApiProperty({ format: 'date' }) @CalendarDate() occurredOn!: string;
  @ApiPropertyOptional({ description: 'when given, not blank', maxLength: 2000 })
  @Omittable()
  @IsString()
  @Length(1, 2000)
  @NotBlank()
  note?: string;
  @ApiPropertyOptional({ description: 'workshops: collective rather than individual' })
  @Omittable()
  @IsBoolean()
  collective?: boolean;
  @ApiPropertyOptional({ type: AidDto }) @Omittable() @NestedObject(() => AidDto) aid?: AidDto;
}

export class AidDecisionRequest {
  @ApiProperty({ enum: AID_DECISIONS }) @IsIn(AID_DECISIONS) decision!: AidDecision;
  @ApiPropertyOptional() @Omittable() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100_000) amount?: number;
}

export class ConsentRequest {
  @ApiProperty({ enum: CONSENT_PURPOSES }) @IsIn(CONSENT_PURPOSES) purpose!: ConsentPurpose;
}

export class ProposalRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') offerId!: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @Omittable() @IsInt() @Min(0) @Max(100) score?: number;
  @ApiPropertyOptional({
    type: [String],
    description: 'why the offer fits, in plain words for the person (the match explanation), at most 8 lines',
  })
  @Omittable()
  @TextList(8, 300)
  explanation?: string[];
}

export class MatchesQuery {
  @ApiPropertyOptional({ type: Number, default: 20, maximum: 50 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;
  @ApiPropertyOptional({ type: Number, default: 0, maximum: 250 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(250)
  offset: number = 0;
  @ApiPropertyOptional({ example: 30 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  publishedWithinDays?: number;
  @ApiPropertyOptional({ description: 'this search only: another radius than the diagnostic’s', example: 15 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  maxDistanceKm?: number;
  @ApiPropertyOptional({
    type: String,
    description: 'this search only: contract types, comma-separated',
    example: 'cdi,cdd',
  })
  @Omittable()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @IsIn(MATCH_CONTRACT_TYPES, { each: true })
  contractTypes?: MatchContractType[];
  @ApiPropertyOptional({ enum: ['full_time', 'part_time', 'any'], description: 'this search only' })
  @Omittable()
  @IsIn(['full_time', 'part_time', 'any'])
  workingTime?: 'full_time' | 'part_time' | 'any';
}

export class NotificationsQuery {
  @ApiPropertyOptional({ default: false })
  @Omittable()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    description:
      'what happened: candidate_request, candidate_request_answered, employer_answer, employer_no_answer, follow_up_due, retention_notice',
  })
  kind!: string;
  @ApiProperty({ description: 'what it is about: introduction, candidate_request, follow_up, beneficiary' })
  subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ description: 'in French, naming only what the recipient may see' }) message!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: Date | null;
}

export class NotificationsResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
}

export class UnreadCountResponse {
  @ApiProperty({ description: 'notifications not read yet' }) unread!: number;
}
