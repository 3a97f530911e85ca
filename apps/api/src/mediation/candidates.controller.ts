import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { addDays, parisToday } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import {
  CapturedOffers,
  DecideCandidateRequest,
  ListCandidateRequests,
  ListOfferCandidates,
  mediationError,
  RequestCandidate,
} from '@passerelle/mediation';
import { IdParam } from '../common/id-param.js';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import {
  CandidateRequestListResponse,
  CandidateRequestResponse,
  CandidateResponse,
  CandidatesOfferResponse,
  CandidatesResponse,
  CapturedOffersResponse,
} from './candidates.response.dto.js';
import {
  CandidateDecisionRequest,
  CandidateRefParam,
  CandidateRequestBody,
  CandidateRequestsQuery,
  CandidatesQuery,
  PeriodQuery,
} from './mediation.dto.js';

/** Reverse matching: the people of the actor's structures ranked for an offer, pseudonymised. */
@ApiTags('candidates')
@Controller('offers')
export class OfferCandidatesController {
  constructor(
    private readonly ranking: ListOfferCandidates,
    private readonly requesting: RequestCandidate,
  ) {}

  @Get(':id/candidates')
  @RequireAction('candidates.search')
  @ApiOkResponse({ type: CandidatesResponse, description: 'the people of the actor’s structures, best first' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'the offer is closed' })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Query() query: CandidatesQuery,
  ): Promise<CandidatesResponse> {
    const found = await this.ranking.execute(actor, params.id, query.limit ?? 20);
    return {
      offer: CandidatesOfferResponse.from(found.offer),
      items: found.items.map((candidate) => CandidateResponse.from(candidate)),
    };
  }

  /** Ask the person's coach to propose them for this offer. */
  @Post(':id/candidates/:ref/requests')
  @RequireAction('candidates.search')
  @ApiCreatedResponse({ type: CandidateRequestResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'this person was already asked for' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'the offer is closed, or no referent coach' })
  async request(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: CandidateRefParam,
    @Body() body: CandidateRequestBody,
  ): Promise<CandidateRequestResponse> {
    return CandidateRequestResponse.from(
      await this.requesting.execute(actor, params.id, params.ref, body.message ?? null),
    );
  }
}

@ApiTags('candidates')
@Controller('candidate-requests')
export class CandidateRequestsController {
  constructor(
    private readonly inbox: ListCandidateRequests,
    private readonly decisions: DecideCandidateRequest,
  ) {}

  @Get()
  @RequireAction('candidates.search', 'beneficiaries.read')
  @ApiOkResponse({ type: CandidateRequestListResponse })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: CandidateRequestsQuery,
  ): Promise<CandidateRequestListResponse> {
    const items = await this.inbox.execute(actor, query.status);
    return { items: items.map((request) => CandidateRequestResponse.from(request)) };
  }

  /** The referent coach agrees (the offer is proposed, an introduction opens) or declines with a reason. */
  @Post(':id/decision')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CandidateRequestResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'not the person’s referent coach' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'already answered' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'declined without a reason' })
  async decide(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CandidateDecisionRequest,
  ): Promise<CandidateRequestResponse> {
    return CandidateRequestResponse.from(await this.decisions.execute(actor, params.id, body));
  }
}

@ApiTags('mediation')
@Controller('mediation')
export class MediationReportsController {
  constructor(
    private readonly captured: CapturedOffers,
    private readonly clock: Clock,
  ) {}

  /** Captured and posted offers with the time to their first candidate, against the 48-hour target. */
  @Get('captured-offers')
  @RequireAction('employers.manage', 'indicators.read')
  @ApiOkResponse({ type: CapturedOffersResponse, description: 'the last 90 days unless a period is given' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'the period ends before it starts' })
  async capturedOffers(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: PeriodQuery,
  ): Promise<CapturedOffersResponse> {
    const to = query.to ?? parisToday(this.clock.now());
    const from = query.from ?? addDays(to, -90);
    if (from > to)
      throw mediationError('period.invalid', 'the period ends before it starts', [
        { field: 'from', reason: 'after to' },
      ]);
    return CapturedOffersResponse.from(await this.captured.report(actor, { from, to }));
  }
}
