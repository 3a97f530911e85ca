import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  DIFFICULTIES,
  type Difficulty,
  FOLLOW_UP_STATES,
  type FollowUpState,
  INDICATOR_GROUPS,
  type IndicatorGroup,
  PLACEMENT_CONTRACTS,
  PLACEMENT_END_REASONS,
  type PlacementContract,
  type PlacementEndReason,
} from '@passerelle/outcomes';
import { DATE } from '../common/date-field.js';

export class PlacementRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'a hired introduction (employer and person come from it)' })
  @IsOptional()
  @IsUUID('all')
  introductionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'without an introduction: the person' })
  @IsOptional()
  @IsUUID('all')
  beneficiaryId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') employerId?: string;
  @ApiPropertyOptional({ description: 'without an introduction: who hired' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  employerName?: string;
  @ApiPropertyOptional({ enum: ['coach', 'self'], description: 'without an introduction: who found the job' })
  @IsOptional()
  @IsIn(['coach', 'self'])
  foundBy?: 'coach' | 'self';
  @ApiProperty({ enum: PLACEMENT_CONTRACTS }) @IsIn(PLACEMENT_CONTRACTS) contractType!: PlacementContract;
  @ApiPropertyOptional({ description: 'fixed-term contracts: months (durable from 6)' })
  @IsOptional()
  @IsNumber()
  @Min(0.25)
  @Max(120)
  contractMonths?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(1) @Max(60) weeklyHours?: number;
  @ApiProperty({ format: 'date' })
  @Matches(DATE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;
  @ApiPropertyOptional({ description: 'aide à la reprise d’activité granted, euros' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100_000)
  aidAmount?: number;
}

export class PlacementEndRequest {
  @ApiProperty({ format: 'date' })
  @Matches(DATE, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate!: string;
  @ApiProperty({ enum: PLACEMENT_END_REASONS }) @IsIn(PLACEMENT_END_REASONS) reason!: PlacementEndReason;
}

export class PlacementsQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') beneficiaryId!: string;
}

export class FollowUpsQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATES }) @IsOptional() @IsIn(FOLLOW_UP_STATES) state?: FollowUpState;
}

export class FollowUpAnswerRequest {
  @ApiProperty({ description: 'in a job on the checkpoint day' }) @IsBoolean() inJob!: boolean;
  @ApiPropertyOptional({ description: 'left the RSA (required after the end of coaching)' })
  @IsOptional()
  @IsBoolean()
  rsaExit?: boolean;
  @ApiPropertyOptional({ enum: DIFFICULTIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DIFFICULTIES.length)
  @IsIn(DIFFICULTIES, { each: true })
  difficulties?: Difficulty[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) employerView?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class IndicatorsQuery {
  @ApiProperty({ format: 'date' }) @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' }) from!: string;
  @ApiProperty({ format: 'date' }) @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' }) to!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') structureId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') coachId?: string;
  @ApiPropertyOptional({ enum: INDICATOR_GROUPS }) @IsOptional() @IsIn(INDICATOR_GROUPS) groupBy?: IndicatorGroup;
}
