import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Omittable } from '../common/omittable.decorator.js';
import { CONTRACT_TYPES, type ContractType } from '@passerelle/offers';
import { SOURCE_KINDS, type SourceKind } from '@passerelle/ingestion';
import { PageQuery } from '../identity/identity.dto.js';

/** An optional list of short texts (skills, qualities, requirements) as boards write them. */
function OptionalTextList(maxItems: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String] }),
    Omittable(),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(300, { each: true }),
  );
}

export class PostOfferRequest {
  @ApiProperty({ example: 'Agent d’entretien H/F' }) @IsString() @Length(1, 300) title!: string;
  @ApiProperty() @IsString() @Length(1, 20_000) description!: string;
  @ApiPropertyOptional({ example: 'Propreté du Hainaut' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  employerName?: string;
  @ApiPropertyOptional({ example: '73282932000074', description: '14 digits with a valid check key' })
  @Omittable()
  @Matches(/^\d{14}$/, { message: 'employerSiret must be 14 digits' })
  employerSiret?: string;
  @ApiPropertyOptional({ example: 'Lille (59000)', description: 'free text; or postalCode / communeName / inseeCode' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  location?: string;
  @ApiPropertyOptional({ example: '59000' })
  @Omittable()
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode?: string;
  @ApiPropertyOptional({ example: 'Lille' }) @Omittable() @IsString() @MaxLength(200) communeName?: string;
  @ApiPropertyOptional({ example: '59350' })
  @Omittable()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'inseeCode must be an INSEE commune code' })
  inseeCode?: string;
  @ApiPropertyOptional({ example: 'CDD' }) @Omittable() @IsString() @MaxLength(100) contractType?: string;
  @ApiPropertyOptional({ example: '6 mois' }) @Omittable() @IsString() @MaxLength(100) contractDuration?: string;
  @ApiPropertyOptional({ example: 'Temps partiel' }) @Omittable() @IsString() @MaxLength(100) workingTime?: string;
  @ApiPropertyOptional({ example: '24' }) @Omittable() @IsString() @MaxLength(50) weeklyHours?: string;
  @ApiPropertyOptional({ example: '1 801,80 € brut mensuel' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  salary?: string;
  @ApiPropertyOptional({ example: 'K2204' })
  @Omittable()
  @Matches(/^[A-N]\d{4}$/, { message: 'romeCode must look like K2204' })
  romeCode?: string;
  @OptionalTextList(100) skills?: string[];
  @OptionalTextList(50) qualities?: string[];
  @ApiPropertyOptional({ example: 'Permis B' }) @Omittable() @IsString() @MaxLength(200) drivingLicence?: string;
  @OptionalTextList(50) requirements?: string[];
  @ApiPropertyOptional({ example: 'Débutant accepté' }) @Omittable() @IsString() @MaxLength(200) experience?: string;
  @ApiPropertyOptional({ example: '2099-12-31', description: 'not before today' })
  @Omittable()
  @IsString()
  @MaxLength(50)
  expiresAt?: string;
}

export class OfferListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'keywords, searched in the offers index (open offers; accents and case ignored)',
  })
  @Omittable()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: ['recent', 'relevance'], default: 'recent' })
  @Omittable()
  @IsIn(['recent', 'relevance'])
  sort?: 'recent' | 'relevance';
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(60) source?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @Omittable() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @ApiPropertyOptional({ example: '59' })
  @Omittable()
  @Matches(/^(\d{2}|2[AB]|97\d)$/, { message: 'departement must be a département code' })
  departement?: string;
  @ApiPropertyOptional({ enum: CONTRACT_TYPES }) @Omittable() @IsIn(CONTRACT_TYPES) contractType?: ContractType;
  @ApiPropertyOptional({ example: 'K2204' })
  @Omittable()
  @Matches(/^[A-N]\d{4}$/, { message: 'romeCode must look like K2204' })
  romeCode?: string;
  @ApiPropertyOptional({ default: false })
  @Omittable()
  @Type(() => String)
  @IsIn(['true', 'false'])
  includeDuplicates?: 'true' | 'false';
}

export class CloseOfferRequest {
  @ApiProperty({ enum: ['manual', 'filled'], description: '`filled`: the job was filled; `manual`: closed by hand' })
  @IsIn(['manual', 'filled'])
  reason!: 'manual' | 'filled';
}

export class SourceRequest {
  @ApiProperty({ example: 'nordemploi' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'name must be lower-case letters, digits and -' })
  name!: string;
  @ApiProperty({ example: 'Nordemploi' }) @IsString() @Length(1, 200) label!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) @IsIn(SOURCE_KINDS) kind!: SourceKind;
  @ApiPropertyOptional() @Omittable() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) baseUrl?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'site description, France Travail parameters, or JSON-LD listing',
  })
  @IsObject()
  config!: Record<string, unknown>;
  @ApiPropertyOptional({ minimum: 5 }) @Omittable() @IsInt() @Min(5) @Max(10_080) scheduleMinutes?: number;
  @ApiPropertyOptional({ default: 2 }) @Omittable() @IsNumber() @Min(0.01) @Max(50) rateLimitPerSecond?: number;
  @ApiPropertyOptional({ default: 2 }) @Omittable() @IsInt() @Min(1) @Max(32) maxConcurrency?: number;
  @ApiPropertyOptional({ default: true }) @Omittable() @IsBoolean() enabled?: boolean;
}

/** The same fields as a registration, all optional; name and kind never change. */
export class SourceUpdateRequest extends PartialType(OmitType(SourceRequest, ['name', 'kind', 'baseUrl'] as const), {
  // Left out, not null (IsOptional would let `"config": null` through): the same rule as @Omittable.
  skipNullProperties: false,
}) {}

export class SourceTrialRequest {
  @ApiProperty({ enum: ['html_board', 'jsonld'] }) @IsIn(['html_board', 'jsonld']) kind!: 'html_board' | 'jsonld';
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the site description to try' })
  @IsObject()
  config!: Record<string, unknown>;
  @ApiProperty({ example: 'https://emplois.example/offres/12345', description: 'one offer page of the site' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url!: string;
}

export class RunListQuery extends PageQuery {}
