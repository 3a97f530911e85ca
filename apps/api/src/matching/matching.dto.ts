import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { Omittable } from '../common/omittable.decorator.js';
import { NestedObject, NestedObjectList } from '../common/nested.decorator.js';
import {
  MATCH_CONTRACT_TYPES,
  type MatchContractType,
  SCHEDULE_CONSTRAINT_NAMES,
  type ScheduleConstraint,
} from '@passerelle/matching';

export class ExperienceDto {
  @ApiPropertyOptional({ example: 'K2205' })
  @Omittable()
  @Matches(/^[A-N]\d{4}$/, { message: 'romeCode must look like K2205' })
  romeCode?: string;
  @ApiPropertyOptional({ example: 'Agent d’entretien' }) @Omittable() @IsString() @Length(2, 200) jobTitle?: string;
  @ApiProperty({ example: 72, description: 'months in the job' }) @IsInt() @Min(0) @Max(600) months!: number;
  @ApiPropertyOptional({ example: '2023-06-30', description: 'when the job ended; recent experience counts more' })
  @Omittable()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endedOn must be a date YYYY-MM-DD' })
  endedOn?: string;
}

export class CommuneDto {
  @ApiPropertyOptional({ example: '59350' })
  @Omittable()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'inseeCode must be an INSEE commune code' })
  inseeCode?: string;
  @ApiPropertyOptional({ example: '59000' })
  @Omittable()
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode?: string;
}

/** What bounds a person's search: distance, licence, contracts, working time (inline profiles and diagnostics). */
export class SearchLimitsDto {
  @ApiProperty({ example: 20, minimum: 1, maximum: 200 }) @IsInt() @Min(1) @Max(200) maxDistanceKm!: number;
  @ApiProperty() @IsBoolean() drivingLicence!: boolean;

  @ApiProperty({ enum: MATCH_CONTRACT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MATCH_CONTRACT_TYPES.length)
  @IsIn(MATCH_CONTRACT_TYPES, { each: true })
  contractTypes!: MatchContractType[];

  @ApiProperty({ enum: ['full_time', 'part_time', 'any'] }) @IsIn(['full_time', 'part_time', 'any']) workingTime!:
    'full_time' | 'part_time' | 'any';
}

export class ProfileDto extends SearchLimitsDto {
  @ApiProperty({ type: [ExperienceDto] }) @NestedObjectList(() => ExperienceDto, 20) experiences!: ExperienceDto[];

  @ApiProperty({ type: [String], example: ['117575'], description: 'ROME skill codes (referential autocomplete)' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(/^\d{1,10}$/, { each: true, message: 'each skill must be a ROME skill code' })
  skills!: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['CACES R489 cat. 3'],
    description: 'certificates as written (CACES, SST, habilitations): they cover the skills they prove',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 120, { each: true })
  certificates?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['N1101'],
    description: 'ROME codes of the occupations the person aims at: ranked and explained as targets',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[A-N]\d{4}$/, { each: true, message: 'each target occupation must look like K2205' })
  targetOccupations?: string[];

  @ApiProperty({ type: CommuneDto }) @NestedObject(() => CommuneDto) commune!: CommuneDto;

  @ApiPropertyOptional({ enum: SCHEDULE_CONSTRAINT_NAMES, isArray: true, description: 'hours the person cannot work' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(SCHEDULE_CONSTRAINT_NAMES.length)
  @IsIn(SCHEDULE_CONSTRAINT_NAMES, { each: true })
  constraints?: ScheduleConstraint[];
}

export class FiltersDto {
  @ApiPropertyOptional({ type: [String], example: ['59'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^(\d{2}|2[AB]|97\d)$/, { each: true, message: 'each departement must be a département code' })
  departements?: string[];
  @ApiPropertyOptional({ example: 30 }) @Omittable() @IsInt() @Min(1) @Max(365) publishedWithinDays?: number;
}

export class MatchSearchRequest {
  @ApiProperty({ type: ProfileDto }) @NestedObject(() => ProfileDto) profile!: ProfileDto;
  @ApiPropertyOptional({ type: FiltersDto }) @Omittable() @NestedObject(() => FiltersDto) filters?: FiltersDto;
  @ApiPropertyOptional({ type: Number, default: 20, maximum: 50 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;
  @ApiPropertyOptional({ type: Number, default: 0, maximum: 250 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(250)
  offset: number = 0;
}
