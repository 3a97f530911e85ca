import { ApiProperty } from '@nestjs/swagger';
import { SKILL_KINDS, type SkillKind } from '@passerelle/referential';

/** A ROME occupation (GET /referential/occupations). */
export class OccupationSuggestionResponse {
  @ApiProperty({ enum: ['occupation'] }) kind!: 'occupation';
  @ApiProperty({ example: 'J1501', description: 'ROME code' }) code!: string;
  @ApiProperty({ example: 'Soins d’hygiène, de confort du patient' }) label!: string;
}

/** A job title, with its occupation (GET /referential/appellations). */
export class AppellationSuggestionResponse {
  @ApiProperty({ enum: ['appellation'] }) kind!: 'appellation';
  @ApiProperty({ example: '11573', description: 'OGR code' }) code!: string;
  @ApiProperty({ example: 'Aide-soignant / Aide-soignante' }) label!: string;
  @ApiProperty({ example: 'J1501' }) codeRome!: string;
}

/** A skill (GET /referential/skills). */
export class SkillSuggestionResponse {
  @ApiProperty({ enum: ['skill'] }) kind!: 'skill';
  @ApiProperty({ description: 'OGR code' }) code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: SKILL_KINDS }) skillKind!: SkillKind;
}

/** A commune, largest first (GET /referential/communes). */
export class CommuneSuggestionResponse {
  @ApiProperty({ enum: ['commune'] }) kind!: 'commune';
  @ApiProperty({ example: '59350', description: 'INSEE code' }) code!: string;
  @ApiProperty({ example: 'Lille' }) label!: string;
  @ApiProperty({ example: '59000' }) postalCode!: string;
  @ApiProperty({ example: '59' }) departement!: string;
}

export type SuggestionResponse =
  OccupationSuggestionResponse | AppellationSuggestionResponse | SkillSuggestionResponse | CommuneSuggestionResponse;

export const SUGGESTION_RESPONSES = [
  OccupationSuggestionResponse,
  AppellationSuggestionResponse,
  SkillSuggestionResponse,
  CommuneSuggestionResponse,
] as const;
