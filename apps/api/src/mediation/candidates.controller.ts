import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { addDays, parisToday } from '@passerelle/coaching';
import { DomainError } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import {
  CapturedOffers,
  type CapturedOffersReport,
  type CandidateRequestView,
  OfferCandidates,
  type OfferCandidate,
  type OfferSummary,
} from '@passerelle/mediation';
import { IdParam } from '../common/id-param.js';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
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
  constructor(private readonly candidates: OfferCandidates) {}

  @Get(':id/candidates')
  @RequireAction('candidates.search')
  list(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Query() query: CandidatesQuery,
  ): Promise<{ offer: OfferSummary; items: OfferCandidate[] }> {
    return this.candidates.list(actor, params.id, query.limit ?? 20);
  }

  /** Ask the person's coach to propose them for this offer. */
  @Post(':id/candidates/:ref/requests')
  @RequireAction('candidates.search')
  request(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: CandidateRefParam,
    @Body() body: CandidateRequestBody,
  ): Promise<CandidateRequestView> {
    return this.candidates.request(actor, params.id, params.ref, body.message ?? null);
  }
}

@ApiTags('candidates')
@Controller('candidate-requests')
export class CandidateRequestsController {
  constructor(private readonly candidates: OfferCandidates) {}

  @Get()
  @RequireAction('candidates.search', 'beneficiaries.read')
  list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: CandidateRequestsQuery,
  ): Promise<{ items: CandidateRequestView[] }> {
    return this.candidates.requests(actor, query.status).then((items) => ({ items }));
  }

  /** The referent coach agrees (the offer is proposed, an introduction opens) or declines with a reason. */
  @Post(':id/decision')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  decide(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CandidateDecisionRequest,
  ): Promise<CandidateRequestView> {
    return this.candidates.decide(actor, params.id, body);
  }
}

@ApiTags('mediation')
@Controller('mediation')
export class MediationReportsController {
  constructor(private readonly captured: CapturedOffers) {}

  /** Captured and posted offers with the time to their first candidate, against the 48-hour target. */
  @Get('captured-offers')
  @RequireAction('employers.manage', 'indicators.read')
  capturedOffers(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: PeriodQuery,
  ): Promise<CapturedOffersReport> {
    const to = query.to ?? parisToday();
    const from = query.from ?? addDays(to, -90);
    if (from > to)
      throw new DomainError('bad_request', 'period.invalid', 'the period ends before it starts', [
        { field: 'from', reason: 'after to' },
      ]);
    return this.captured.report(actor, { from, to });
  }
}
