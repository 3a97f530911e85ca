import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IdParam } from '../common/id-param.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DECLINE_REASONS,
  type DeclineReason,
  EMPLOYER_ANSWERS,
  type EmployerAnswer,
  INTRODUCTION_STATUSES,
  type IntroductionStatus,
  type CandidateRequestStatus,
} from '@passerelle/mediation';
import { HomeCommuneDto } from '../coaching/coaching.dto.js';
import { TextList } from '../common/text-list.decorator.js';
import { DATE } from '../common/date-field.js';

export class EmployerRequest {
  @ApiPropertyOptional({ example: '73282932000074' })
  @IsOptional()
  @Matches(/^\d{14}$/, { message: 'siret must be 14 digits' })
  siret?: string;
  @ApiProperty({ example: 'Boulangerie du Marché' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ example: 'Boulangerie-pâtisserie' }) @IsOptional() @IsString() @Length(1, 200) sector?: string;
  @ApiPropertyOptional({ enum: ['0', '1-9', '10-49', '50-249', '250+'] })
  @IsOptional()
  @IsIn(['0', '1-9', '10-49', '50-249', '250+'])
  sizeBand?: '0' | '1-9' | '10-49' | '50-249' | '250+';
  @ApiProperty({ type: HomeCommuneDto }) @ValidateNested() @Type(() => HomeCommuneDto) commune!: HomeCommuneDto;
}

export class EmployerListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) q?: string;
}

export class ContactRequest {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) role?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[\d .-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'email must be an e-mail address' }) email?: string;
}

export class InteractionRequest {
  @ApiProperty({ enum: ['visit', 'call', 'email', 'event'] }) @IsIn(['visit', 'call', 'email', 'event']) kind!:
    'visit' | 'call' | 'email' | 'event';
  @ApiProperty({ format: 'date' })
  @Matches(DATE, { message: 'occurredOn must be a date YYYY-MM-DD' })
  occurredOn!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) outcome?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) nextAction?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: 'nextActionOn must be a date YYYY-MM-DD' })
  nextActionOn?: string;
}

export class FollowUpsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'default: today' })
  @IsOptional()
  @Matches(DATE, { message: 'until must be a date YYYY-MM-DD' })
  until?: string;
}

export class JobAnalysisRequest {
  @ApiProperty({ example: 'Vendeur·se en boulangerie' }) @IsString() @Length(2, 200) title!: string;
  @ApiPropertyOptional({ example: 'D1106' })
  @IsOptional()
  @Matches(/^[A-N]\d{4}$/, { message: 'romeCode must look like D1106' })
  romeCode?: string;
  @ApiProperty({ type: [String] }) @TextList(30) tasks!: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) schedule?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) conditions?: string;
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
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) publicTransport?: string;
  @ApiProperty({ example: 'CDI' }) @IsString() @Length(2, 40) contractType!: string;
  @ApiProperty({ enum: ['full_time', 'part_time'] }) @IsIn(['full_time', 'part_time']) workingTime!:
    'full_time' | 'part_time';
  @ApiProperty({ format: 'date' })
  @Matches(DATE, { message: 'analysedOn must be a date YYYY-MM-DD' })
  analysedOn!: string;
  @ApiProperty({ description: 'also publish it as an offer (offre captée)' }) @IsBoolean() publish!: boolean;
}

export class IntroductionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') beneficiaryId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') offerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') employerId?: string;
}

export class TransitionRequest {
  @ApiProperty({ enum: INTRODUCTION_STATUSES }) @IsIn(INTRODUCTION_STATUSES) to!: IntroductionStatus;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() interviewAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) interviewPlace?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: 'trialStart must be a date YYYY-MM-DD' })
  trialStart?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: 'trialEnd must be a date YYYY-MM-DD' })
  trialEnd?: string;
  @ApiPropertyOptional({ enum: DECLINE_REASONS }) @IsOptional() @IsIn(DECLINE_REASONS) declineReason?: DeclineReason;
}

export class CardEditRequest {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 1000)
  note?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  skills?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
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
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 2000) message?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 300) proposedInterview?: string;
}

export class SendLinkRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'e-mail the link to this employer contact' })
  @IsOptional()
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
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CandidateRequestBody {
  @ApiPropertyOptional({ description: 'a word for the coach' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  message?: string;
}

export class CandidateRequestsQuery {
  @ApiPropertyOptional({ enum: ['pending', 'agreed', 'declined'] })
  @IsOptional()
  @IsIn(['pending', 'agreed', 'declined'])
  status?: CandidateRequestStatus;
}

export class CandidateDecisionRequest {
  @ApiProperty({ description: 'true: propose the person for the offer' }) @IsBoolean() agree!: boolean;
  @ApiPropertyOptional({ description: 'required when declining' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class PeriodQuery {
  @ApiPropertyOptional({ format: 'date', description: 'default: 90 days ago' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'default: today' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

export class IntroductionListQuery {
  @ApiPropertyOptional({ enum: INTRODUCTION_STATUSES })
  @IsOptional()
  @IsIn(INTRODUCTION_STATUSES)
  status?: IntroductionStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') offerId?: string;
}
