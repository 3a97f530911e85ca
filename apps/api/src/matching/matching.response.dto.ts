import { ApiProperty } from '@nestjs/swagger';
import { CONTRACT_TYPES, type ContractType, PLACE_PRECISIONS, type PlacePrecision } from '@passerelle/offers';
import { WORKING_TIMES } from '../offers/offers.response.dto.js';

const OCCUPATION_RELATIONS = ['held', 'target', 'neighbour', 'mobility'] as const;

export class GeoPointResponse {
  @ApiProperty({ example: 50.6292 }) lat!: number;
  @ApiProperty({ example: 3.0573 }) lng!: number;
}

/** The weighted parts of a score, each from 0 to 1. */
export class ScorePartsResponse {
  @ApiProperty({ description: 'share of the offer’s skills the person covers' }) coverage!: number;
  @ApiProperty({ description: 'semantic similarity of the person and the offer' }) similarity!: number;
  @ApiProperty({ description: 'occupation path: held, target, neighbour or mobility' }) path!: number;
  @ApiProperty({ description: 'how near the job is' }) nearness!: number;
}

export class CoveredSkillResponse {
  @ApiProperty({ description: 'the offer’s skill' }) skill!: string;
  @ApiProperty({ description: 'the person’s declared skill or certificate that proves it' }) by!: string;
}

/** Why an offer ranks where it does, in words a coach can read out. */
export class MatchExplanationResponse {
  @ApiProperty({ type: [String] }) matchingSkills!: string[];
  @ApiProperty({ type: [String] }) missingCoreSkills!: string[];
  @ApiProperty({ nullable: true, type: String }) occupationPath!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: OCCUPATION_RELATIONS })
  occupationRelation!: (typeof OCCUPATION_RELATIONS)[number] | null;
  @ApiProperty({ type: [String], description: 'skills the description asks for, read from its text' })
  skillsFromText!: string[];
  @ApiProperty({ type: [CoveredSkillResponse] }) coveredBy!: CoveredSkillResponse[];
  @ApiProperty({ nullable: true, type: Number, description: 'null when the offer names only an area' })
  distanceKm!: number | null;
  @ApiProperty({ example: 'à 12,4 km' }) place!: string;
  @ApiProperty({ type: ScorePartsResponse }) parts!: ScorePartsResponse;
  @ApiProperty({ example: 'CDI : accepté' }) contractFit!: string;
  @ApiProperty({ example: 'temps de travail compatible' }) workingTimeFit!: string;
  @ApiProperty({ example: 'horaires non précisés' }) scheduleFit!: string;
}

/** One offer ranked for a person: its 0–100 score and why. */
export class MatchedOfferResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) employerName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the offer names only an area' })
  communeName!: string | null;
  @ApiProperty({ nullable: true, type: String }) postalCode!: string | null;
  @ApiProperty({ enum: PLACE_PRECISIONS }) placePrecision!: PlacePrecision;
  @ApiProperty({ example: 'Lille (59000)' }) placeLabel!: string;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType!: ContractType;
  @ApiProperty({ enum: WORKING_TIMES }) workingTime!: (typeof WORKING_TIMES)[number];
  @ApiProperty({ nullable: true, type: String }) romeCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) romeLabel!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'seconds since the epoch' }) publishedAt!: number | null;
  @ApiProperty({ nullable: true, type: GeoPointResponse, description: 'null for an offer placed only by its area' })
  location!: GeoPointResponse | null;
  @ApiProperty({ type: MatchExplanationResponse }) explanation!: MatchExplanationResponse;
}

export class MatchResponse {
  @ApiProperty({ type: GeoPointResponse, description: 'the person’s home commune, the centre of the search' })
  origin!: GeoPointResponse;
  @ApiProperty({ type: [MatchedOfferResponse] }) items!: MatchedOfferResponse[];
  @ApiProperty({ description: 'offers within the hard constraints that were scored (the ranking’s window)' })
  candidates!: number;
}
