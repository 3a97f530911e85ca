import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Omittable } from '../common/omittable.decorator.js';
import { CalendarDate } from '../common/date-field.js';
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

export class PlacementRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'a hired introduction (employer and person come from it)' })
  @Omittable()
  @IsUUID('all')
  introductionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'without an introduction: the person' })
  @Omittable()
  @IsUUID('all')
  beneficiaryId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') employerId?: string;
  @ApiPropertyOptional({ description: 'without an introduction: who hired' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  employerName?: string;
  @ApiPropertyOptional({ enum: ['coach', 'self'], description: 'without an introduction: who found the job' })
  @Omittable()
  @IsIn(['coach', 'self'])
  foundBy?: 'coach' | 'self';
  @ApiProperty({ enum: PLACEMENT_CONTRACTS }) @IsIn(PLACEMENT_CONTRACTS) contractType!: PlacementContract;
  @ApiPropertyOptional({ description: 'fixed-term contracts: months (durable from 6)' })
  @Omittable()
  @IsNumber()
  @Min(0.25)
  @Max(120)
  contractMonths?: number;
  @ApiPropertyOptional() @Omittable() @IsNumber() @Min(1) @Max(60) weeklyHours?: number;
  @ApiProperty({ format: 'date' })
  @CalendarDate()
  startDate!: string;
  @ApiPropertyOptional({ description: 'aide à la reprise d’activité granted, euros' })
  @Omittable()
  @IsNumber()
  @Min(0)
  @Max(100_000)
  aidAmount?: number;
}

export class PlacementEndRequest {
  @ApiProperty({ format: 'date' })
  @CalendarDate()
  endDate!: string;
  @ApiProperty({ enum: PLACEMENT_END_REASONS }) @IsIn(PLACEMENT_END_REASONS) reason!: PlacementEndReason;
}

export class PlacementsQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') beneficiaryId!: string;
}

export class FollowUpsQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATES }) @Omittable() @IsIn(FOLLOW_UP_STATES) state?: FollowUpState;
}

export class FollowUpAnswerRequest {
  @ApiProperty({ description: 'in a job on the checkpoint day' }) @IsBoolean() inJob!: boolean;
  @ApiPropertyOptional({ description: 'left the RSA (required after the end of coaching)' })
  @Omittable()
  @IsBoolean()
  rsaExit?: boolean;
  @ApiPropertyOptional({ enum: DIFFICULTIES, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(DIFFICULTIES.length)
  @IsIn(DIFFICULTIES, { each: true })
  difficulties?: Difficulty[];
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) employerView?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 2000) note?: string;
}

export class IndicatorsQuery {
  @ApiProperty({ format: 'date' }) @CalendarDate() from!: string;
  @ApiProperty({ format: 'date' }) @CalendarDate() to!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') structureId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Omittable() @IsUUID('all') coachId?: string;
  @ApiPropertyOptional({ enum: INDICATOR_GROUPS }) @Omittable() @IsIn(INDICATOR_GROUPS) groupBy?: IndicatorGroup;
}
