import { ApiProperty, OmitType } from '@nestjs/swagger';
import type {
  CandidateRequestStatus,
  CandidateRequestView,
  CapturedOfferDelay,
  CapturedOffersReport,
  FirstCandidateState,
  OfferCandidate,
  OfferSummary,
} from '@passerelle/mediation';
import type { OfferStatus } from '@passerelle/offers';
import { MatchExplanationResponse, ScorePartsResponse } from '../matching/matching.response.dto.js';
import { iso } from '../offers/offers.response.dto.js';

const REQUEST_STATUSES = ['pending', 'agreed', 'declined'] as const satisfies readonly CandidateRequestStatus[];
const FIRST_CANDIDATE_STATES = [
  'met',
  'missed',
  'waiting',
  'overdue',
] as const satisfies readonly FirstCandidateState[];

/** The offer the candidates are ranked for. */
export class CandidatesOfferResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: OfferStatus;
  @ApiProperty({ description: 'its commune, or the area it names' }) communeName!: string;

  static from(offer: OfferSummary): CandidatesOfferResponse {
    return Object.assign(new CandidatesOfferResponse(), offer);
  }
}

/**
 * The matcher's explanation, coarse while the person is a pseudonym: no exact distance, no score
 * parts (with the score they give the distance back), the place as a distance band.
 */
export class CandidateExplanationResponse extends OmitType(MatchExplanationResponse, [
  'distanceKm',
  'place',
  'parts',
] as const) {
  @ApiProperty({ nullable: true, type: Number, description: 'to 0.1 km once revealed; null while pseudonymised' })
  distanceKm!: number | null;
  @ApiProperty({ description: 'where the job is from the person’s side; the distance band while pseudonymised' })
  place!: string;
  @ApiProperty({ example: 'de 5 à 10 km', description: 'always given' }) distanceBand!: string;
  @ApiProperty({ nullable: true, type: ScorePartsResponse, description: 'null while pseudonymised' })
  parts!: ScorePartsResponse | null;
}

export class CandidateRequestStateResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: CandidateRequestStatus;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/**
 * One person ranked for an offer. Until their coach agrees (or for anyone but that coach), a
 * pseudonym: `ref` is stable for this offer only; no name, id, exact distance or referent's name.
 */
export class CandidateResponse {
  @ApiProperty({ description: 'the person’s reference for this offer (a pseudonym)' }) ref!: string;
  @ApiProperty({ description: 'their name once revealed, else the pseudonym' }) label!: string;
  @ApiProperty() revealed!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null while pseudonymised' })
  beneficiaryId!: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ type: CandidateExplanationResponse }) explanation!: CandidateExplanationResponse;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) availabilityDate!: string | null;
  @ApiProperty({ description: 'offers already proposed to the person' }) offersProposed!: number;
  @ApiProperty() openIntroductions!: number;
  @ApiProperty({ description: 'a coach follows the person (a request needs one to answer)' }) hasReferent!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'named once revealed' }) referentName!: string | null;
  @ApiProperty({ description: 'the coach asking is the person’s referent: they propose directly' })
  ownPortfolio!: boolean;
  @ApiProperty({ description: 'the offer is proposed to the person already' }) proposed!: boolean;
  @ApiProperty({ nullable: true, type: CandidateRequestStateResponse, description: 'the request made for them' })
  request!: CandidateRequestStateResponse | null;

  static from(candidate: OfferCandidate): CandidateResponse {
    const response: CandidateResponse = {
      ...candidate,
      // The lib's CandidateExplanation names fewer fields than it carries: it spreads the
      // matcher's explanation (the fits, the relation, the covered skills), as declared here.
      explanation: candidate.explanation as unknown as CandidateExplanationResponse,
      request: candidate.request && { ...candidate.request, at: candidate.request.at.toISOString() },
    };
    return Object.assign(new CandidateResponse(), response);
  }
}

export class CandidatesResponse {
  @ApiProperty({ type: CandidatesOfferResponse }) offer!: CandidatesOfferResponse;
  @ApiProperty({ type: [CandidateResponse], description: 'best first' }) items!: CandidateResponse[];
}

/** A mediator's request that a person's coach propose them for an offer. */
export class CandidateRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: CandidateRequestStatus;
  @ApiProperty({ format: 'uuid', description: 'the user who asked' }) requestedBy!: string;
  @ApiProperty() requestedByName!: string;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) declineReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'opened when the coach agreed' })
  introductionId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the person: given to their coaches and, once agreed, to the requester',
  })
  beneficiaryId!: string | null;
  @ApiProperty({ description: 'the person’s name where they may be named, else a pseudonym' }) label!: string;

  static from(request: CandidateRequestView): CandidateRequestResponse {
    const response: CandidateRequestResponse = {
      ...request,
      createdAt: request.createdAt.toISOString(),
      decidedAt: iso(request.decidedAt),
    };
    return Object.assign(new CandidateRequestResponse(), response);
  }
}

export class CandidateRequestListResponse {
  @ApiProperty({ type: [CandidateRequestResponse] }) items!: CandidateRequestResponse[];
}

export class CapturedOfferDelayResponse {
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) employerName!: string | null;
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) capturedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstCandidateAt!: string | null;
  @ApiProperty({ description: 'hours from capture to the first candidate, or elapsed so far when none yet' })
  hours!: number;
  @ApiProperty({ enum: FIRST_CANDIDATE_STATES }) state!: FirstCandidateState;
  @ApiProperty() candidatesProposed!: number;

  static from(delay: CapturedOfferDelay): CapturedOfferDelayResponse {
    const response: CapturedOfferDelayResponse = {
      ...delay,
      capturedAt: delay.capturedAt.toISOString(),
      firstCandidateAt: iso(delay.firstCandidateAt),
    };
    return Object.assign(new CapturedOfferDelayResponse(), response);
  }
}

export class CapturedOffersSummaryResponse {
  @ApiProperty() offers!: number;
  @ApiProperty() withCandidate!: number;
  @ApiProperty() withinTarget!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'within the target, over the offers whose target has passed or been met',
  })
  withinTargetRate!: number | null;
  @ApiProperty() overdue!: number;
  @ApiProperty({ nullable: true, type: Number }) medianHours!: number | null;
}

/** Captured and posted offers with the time to their first candidate, against the target. */
export class CapturedOffersResponse {
  @ApiProperty({ example: 48 }) targetHours!: number;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: CapturedOffersSummaryResponse }) summary!: CapturedOffersSummaryResponse;
  @ApiProperty({ type: [CapturedOfferDelayResponse] }) items!: CapturedOfferDelayResponse[];

  static from(report: CapturedOffersReport): CapturedOffersResponse {
    const response: CapturedOffersResponse = {
      ...report,
      summary: { ...report.summary },
      items: report.items.map((item) => CapturedOfferDelayResponse.from(item)),
    };
    return Object.assign(new CapturedOffersResponse(), response);
  }
}
