import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IdParam } from '../common/id-param.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
import { Omittable } from '../common/omittable.decorator.js';
import { NotBlank } from '../common/not-blank.decorator.js';
import { CalendarDate, CalendarDateTime } from '../common/date-field.js';
import { NestedObject } from '../common/nested.decorator.js';
import {
  DECLINE_REASONS,
  type DeclineReason,
  EMPLOYER_ANSWERS,
  type EmployerAnswer,
  INTRODUCTION_STATUSES,
  type IntroductionStatus,
  type CandidateRequestStatus,
  PMSMP_MAX_TASKS,
  PMSMP_MAX_WEEKLY_HOURS,
  PMSMP_OBJECTIVES,
  PMSMP_PARTIES,
  PMSMP_TEXT_MAX,
  type PmsmpObjective,
  type PmsmpParty,
} from '@passerelle/mediation';
import { HomeCommuneDto } from '../coaching/coaching.dto.js';
import { TextList } from '../common/text-list.decorator.js';

export class EmployerRequest {
  @ApiPropertyOptional({ example: '73282932000074' })
  @Omittable()
  @Matches(/^\d{14}$/, { message: 'siret must be 14 digits' })
  siret?: string;
  @ApiProperty({ example: 'Boulangerie du Marché' }) @IsString() @Length(1, 200) @NotBlank() name!: string;
  @ApiPropertyOptional({ example: 'Boulangerie-pâtisserie' }) @Omittable() @IsString() @Length(1, 200) sector?: string;
  @ApiPropertyOptional({ enum: ['0', '1-9', '10-49', '50-249', '250+'] })
  @Omittable()
  @IsIn(['0', '1-9', '10-49', '50-249', '250+'])
  sizeBand?: '0' | '1-9' | '10-49' | '50-249' | '250+';
  @ApiProperty({ type: HomeCommuneDto }) @NestedObject(() => HomeCommuneDto) commune!: HomeCommuneDto;
}

export class EmployerListQuery {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 100) q?: string;
}

export class ContactRequest {
  @ApiProperty() @IsString() @Length(1, 200) @NotBlank() name!: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 200) role?: string;
  @ApiPropertyOptional()
  @Omittable()
  @Matches(/^\+?[\d .-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;
  @ApiPropertyOptional() @Omittable() @IsEmail({}, { message: 'email must be an e-mail address' }) email?: string;
}

export class InteractionRequest {
  @ApiProperty({ enum: ['visit', 'call', 'email', 'event'] }) @IsIn(['visit', 'call', 'email', 'event']) kind!:
    'visit' | 'call' | 'email' | 'event';
  @ApiProperty({ format: 'date' })
  @CalendarDate()
  occurredOn!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') contactId?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) outcome?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 500) nextAction?: string;
  @ApiPropertyOptional({ format: 'date' })
  @Omittable()
  @CalendarDate()
  nextActionOn?: string;
}

export class FollowUpsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'default: today' })
  @Omittable()
  @CalendarDate()
  until?: string;
}

export class JobAnalysisRequest {
  @ApiProperty({ example: 'Vendeur·se en boulangerie' }) @IsString() @Length(2, 200) title!: string;
  @ApiPropertyOptional({ example: 'D1106' })
  @Omittable()
  @Matches(/^[A-N]\d{4}$/, { message: 'romeCode must look like D1106' })
  romeCode?: string;
  @ApiProperty({ type: [String] }) @TextList(30) tasks!: string[];
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 500) schedule?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) conditions?: string;
  @ApiProperty({ type: [String] }) @TextList(30) tools!: string[];
  @ApiProperty({ type: [String], description: 'what the employer first asked' })
  @TextList(30)
  initialRequirements!: string[];
  @ApiProperty({ type: [String], description: 'what the job really requires' })
  @TextList(30)
  realRequirements!: string[];
  @ApiProperty({ type: [String], description: 'requirements negotiated away' })
  @TextList(30)
  negotiatedAway!: string[];
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 500) publicTransport?: string;
  @ApiProperty({ example: 'CDI' }) @IsString() @Length(2, 40) contractType!: string;
  @ApiProperty({ enum: ['full_time', 'part_time'] }) @IsIn(['full_time', 'part_time']) workingTime!:
    'full_time' | 'part_time';
  @ApiProperty({ format: 'date' })
  @CalendarDate()
  analysedOn!: string;
  @ApiProperty({ description: 'also publish it as an offer (offre captée)' }) @IsBoolean() publish!: boolean;
}

/** An employer named on the spot: matched among the structure's employers (SIRET, then name), or registered. */
export class IntroductionEmployerDto {
  @ApiProperty({ example: 'Boulangerie du Marché' }) @IsString() @Length(1, 200) @NotBlank() name!: string;
  @ApiPropertyOptional({ example: '73282932000074' })
  @Omittable()
  @Matches(/^\d{14}$/, { message: 'siret must be 14 digits' })
  siret?: string;
  @ApiPropertyOptional({ type: HomeCommuneDto, description: 'needed only when the offer names no commune' })
  @Omittable()
  @NestedObject(() => HomeCommuneDto)
  commune?: HomeCommuneDto;
}

export class IntroductionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') beneficiaryId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') offerId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'an employer of the structure; without it, `employer`, the job analysis or the offer names one',
  })
  @Omittable()
  @IsUUID('all')
  employerId?: string;
  @ApiPropertyOptional({
    type: IntroductionEmployerDto,
    description: 'the employer named on the spot, when the offer names none (or another one)',
  })
  @Omittable()
  @NestedObject(() => IntroductionEmployerDto)
  employer?: IntroductionEmployerDto;
}

export class TransitionRequest {
  @ApiProperty({ enum: INTRODUCTION_STATUSES }) @IsIn(INTRODUCTION_STATUSES) to!: IntroductionStatus;
  @ApiPropertyOptional({ format: 'date-time' }) @Omittable() @CalendarDateTime() interviewAt?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 300) interviewPlace?: string;
  @ApiPropertyOptional({ format: 'date' })
  @Omittable()
  @CalendarDate()
  trialStart?: string;
  @ApiPropertyOptional({ format: 'date' })
  @Omittable()
  @CalendarDate()
  trialEnd?: string;
  @ApiPropertyOptional({ enum: DECLINE_REASONS }) @Omittable() @IsIn(DECLINE_REASONS) declineReason?: DeclineReason;
}

export class CardEditRequest {
  @ApiPropertyOptional({ type: String, nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 1000)
  note?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  skills?: string[];
  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(8)
  @IsString({ each: true })
  qualities?: string[];
}

export class CardChoicesResponse {
  @ApiProperty({ type: [String], description: 'savoir-faire labels: those on the card first' }) skills!: string[];
  @ApiProperty({ type: [String], description: 'savoir-être labels: those on the card first' }) qualities!: string[];
}

export class CardTokenParam {
  @ApiProperty() @IsString() @Length(1, 200) token!: string;
}

export class EmployerAnswerForm {
  @ApiProperty({ enum: EMPLOYER_ANSWERS }) @IsIn(EMPLOYER_ANSWERS) answer!: EmployerAnswer;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 2000) message?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(0, 300) proposedInterview?: string;
}

export class SendLinkRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'e-mail the link to this employer contact' })
  @Omittable()
  @IsUUID('all')
  contactId?: string;
}

export class CandidateRefParam extends IdParam {
  @ApiProperty({ description: 'the pseudonymous reference of a candidate for this offer' })
  @Matches(/^[A-Za-z0-9_-]{16}$/, { message: 'ref must be a candidate reference from the list' })
  ref!: string;
}

export class CandidatesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CandidateRequestBody {
  @ApiPropertyOptional({ description: 'a word for the coach' })
  @Omittable()
  @IsString()
  @Length(1, 1000)
  message?: string;
}

export class CandidateRequestsQuery {
  @ApiPropertyOptional({ enum: ['pending', 'agreed', 'declined'] })
  @Omittable()
  @IsIn(['pending', 'agreed', 'declined'])
  status?: CandidateRequestStatus;
}

export class CandidateDecisionRequest {
  @ApiProperty({ description: 'true: propose the person for the offer' }) @IsBoolean() agree!: boolean;
  @ApiPropertyOptional({ description: 'required when declining' })
  @Omittable()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class PeriodQuery {
  @ApiPropertyOptional({ format: 'date', description: 'default: 90 days ago' })
  @Omittable()
  @CalendarDate()
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'default: today' })
  @Omittable()
  @CalendarDate()
  to?: string;
}

export class IntroductionListQuery {
  @ApiPropertyOptional({ enum: INTRODUCTION_STATUSES })
  @Omittable()
  @IsIn(INTRODUCTION_STATUSES)
  status?: IntroductionStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') offerId?: string;
}

/** The terms of an introduction's PMSMP convention (a work trial of at most one month). */
export class PmsmpConventionRequest {
  @ApiProperty({ format: 'date', example: '2026-03-09' }) @CalendarDate() startDate!: string;
  @ApiProperty({ format: 'date', example: '2026-03-20', description: 'at most one month after startDate' })
  @CalendarDate()
  endDate!: string;
  @ApiProperty({ example: 35, minimum: 1, maximum: PMSMP_MAX_WEEKLY_HOURS })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'weeklyHours must be a number of hours (one decimal at most)' })
  @Min(1)
  @Max(PMSMP_MAX_WEEKLY_HOURS)
  weeklyHours!: number;
  @ApiProperty({ example: 'du lundi au vendredi, 8 h – 12 h et 13 h 30 – 16 h 30' })
  @IsString()
  @Length(1, PMSMP_TEXT_MAX)
  @NotBlank()
  schedule!: string;
  @ApiProperty({ example: '12 rue du Marché, 67000 Strasbourg' })
  @IsString()
  @Length(1, PMSMP_TEXT_MAX)
  @NotBlank()
  workplace!: string;
  @ApiProperty({ type: [String], description: 'the activities entrusted (from the job analysis), one at least' })
  @TextList(PMSMP_MAX_TASKS, PMSMP_TEXT_MAX)
  @ArrayMinSize(1, { message: 'tasks must list one task at least' })
  tasks!: string[];
  @ApiProperty({ type: [String] }) @TextList(PMSMP_MAX_TASKS, PMSMP_TEXT_MAX) skillsToObserve!: string[];
  @ApiProperty({ enum: PMSMP_OBJECTIVES }) @IsIn(PMSMP_OBJECTIVES) objective!: PmsmpObjective;
  @ApiProperty({ example: 'Claire Martin' }) @IsString() @Length(1, 200) @NotBlank() tutorName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'cheffe de rayon' })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 200)
  tutorRole?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\+?[\d .-]{6,20}$/, { message: 'tutorPhone must be a phone number' })
  tutorPhone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({}, { message: 'tutorEmail must be an e-mail address' })
  tutorEmail?: string | null;
}

/** One party's signature of the convention, on the day given; `signedOn` null withdraws it. */
export class PmsmpSignatureRequest {
  @ApiProperty({ enum: PMSMP_PARTIES }) @IsIn(PMSMP_PARTIES) party!: PmsmpParty;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  @ValidateIf((_, value) => value !== null)
  @CalendarDate()
  signedOn!: string | null;
}
