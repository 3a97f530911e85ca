import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  type BarrierView,
  type BeneficiaryFile,
  type BeneficiaryMatches,
  type BeneficiarySummary,
  type CerView,
  type ConsentView,
  type EventView,
  AddBarrier,
  AssignReferent,
  CloseCoaching,
  DecideAid,
  DeleteCoachingEvent,
  GrantConsent,
  MatchBeneficiary,
  PersonalData,
  type PortfolioEntry,
  type ProposalView,
  ReadBeneficiaryFile,
  ReadPortfolio,
  RecordCerOutcome,
  RecordCoachingEvent,
  RegisterBeneficiary,
  RevokeConsent,
  SaveDiagnostic,
  SignCer,
  UpdateBarrier,
  UpdateBeneficiary,
  type Diagnostic,
} from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { ExportPerson, type PersonExport } from '@passerelle/outcomes';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { IdParam } from '../common/id-param.js';
import { ErrorResponse } from '../errors/error-body.js';
import {
  AidDecisionRequest,
  AssignRequest,
  BarrierChangesRequest,
  BarrierIdParam,
  BarrierRequest,
  CerIdParam,
  CerOutcomeRequest,
  CerRequest,
  CloseRequest,
  ConsentParam,
  ConsentRequest,
  DiagnosticRequest,
  EventIdParam,
  EventRequest,
  MatchesQuery,
  PortfolioQueryDto,
  ProposalRequest,
  RegisterBeneficiaryRequest,
  UpdateBeneficiaryRequest,
} from './coaching.dto.js';

/**
 * Beneficiaries' files. Every route goes through the coaching use cases, which apply the scope
 * (a coach's portfolio, a manager's structures) and write the audit row of each access.
 */
@ApiTags('beneficiaries')
@Controller('beneficiaries')
export class BeneficiariesController {
  constructor(
    private readonly registerBeneficiary: RegisterBeneficiary,
    private readonly updateBeneficiary: UpdateBeneficiary,
    private readonly assignReferent: AssignReferent,
    private readonly closeCoaching: CloseCoaching,
    private readonly portfolio: ReadPortfolio,
    private readonly files: ReadBeneficiaryFile,
    private readonly diagnostic: SaveDiagnostic,
    private readonly newBarrier: AddBarrier,
    private readonly barrierChange: UpdateBarrier,
    private readonly cerSigning: SignCer,
    private readonly cerOutcomes: RecordCerOutcome,
    private readonly journal: RecordCoachingEvent,
    private readonly journalDeletion: DeleteCoachingEvent,
    private readonly aidDecision: DecideAid,
    private readonly consentGrant: GrantConsent,
    private readonly consentRevocation: RevokeConsent,
    private readonly matching: MatchBeneficiary,
    private readonly personalData: PersonalData,
    private readonly exports: ExportPerson,
  ) {}

  /** The portfolio: days since last contact, CER end, stage, open barriers, offers proposed, alerts. */
  @Get()
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ description: 'portfolio entries, sorted (default: most alerts first)' })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: PortfolioQueryDto,
  ): Promise<{ items: PortfolioEntry[] }> {
    return { items: await this.portfolio.execute(actor, query) };
  }

  @Post()
  @RequireAction('beneficiaries.write', 'beneficiaries.assign')
  @ApiCreatedResponse({ description: 'the registered person' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'portfolio full, unknown structure or coach' })
  register(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: RegisterBeneficiaryRequest,
  ): Promise<BeneficiarySummary> {
    return this.registerBeneficiary.execute(actor, body);
  }

  @Get(':id')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ description: 'the whole file (health notes for the referent coach only)' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<BeneficiaryFile> {
    return this.files.execute(actor, params.id);
  }

  @Patch(':id')
  @RequireAction('beneficiaries.write')
  @ApiNotFoundResponse({ type: ErrorResponse })
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: UpdateBeneficiaryRequest,
  ): Promise<BeneficiarySummary> {
    return this.updateBeneficiary.execute(actor, params.id, body);
  }

  /** A manager gives the person to a coach (refused above the cap unless `capOverride`). */
  @Post(':id/assignment')
  @RequireAction('beneficiaries.assign')
  @HttpCode(HttpStatus.OK)
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  assign(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: AssignRequest,
  ): Promise<BeneficiarySummary> {
    return this.assignReferent.execute(actor, params.id, body);
  }

  /** Ends the coaching outside a CER outcome (never signed, moved away...). */
  @Post(':id/closure')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  close(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CloseRequest,
  ): Promise<BeneficiarySummary> {
    return this.closeCoaching.execute(actor, params.id, body);
  }

  @Put(':id/diagnostic')
  @RequireAction('beneficiaries.write')
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'unknown ROME or skill code, dates out of order' })
  saveDiagnostic(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: DiagnosticRequest,
  ): Promise<Diagnostic> {
    return this.diagnostic.execute(actor, params.id, body);
  }

  @Post(':id/barriers')
  @RequireAction('beneficiaries.write')
  addBarrier(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: BarrierRequest,
  ): Promise<BarrierView> {
    return this.newBarrier.execute(actor, params.id, body);
  }

  @Patch(':id/barriers/:barrierId')
  @RequireAction('beneficiaries.write')
  updateBarrier(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: BarrierIdParam,
    @Body() body: BarrierChangesRequest,
  ): Promise<BarrierView> {
    return this.barrierChange.execute(actor, params.id, params.barrierId, body);
  }

  @Post(':id/cers')
  @RequireAction('beneficiaries.write')
  signCer(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CerRequest,
  ): Promise<CerView> {
    return this.cerSigning.execute(actor, params.id, body);
  }

  /** Renewal (opens the next CER), exit (job, training, other) or reorientation. */
  @Post(':id/cers/:cerId/outcome')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  cerOutcome(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: CerIdParam,
    @Body() body: CerOutcomeRequest,
  ): Promise<CerView[]> {
    return this.cerOutcomes.execute(actor, params.id, params.cerId, body);
  }

  /** Contacts (meeting, call, e-mail, workshop) and actions (application, training, PMSMP, CV, aid). */
  @Post(':id/events')
  @RequireAction('beneficiaries.write')
  addEvent(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: EventRequest,
  ): Promise<EventView> {
    return this.journal.execute(actor, params.id, body);
  }

  /** Deletes a journal entry (its author or the referent coach): kept as deleted, audited. */
  @Delete(':id/events/:eventId')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ description: 'the entry, marked deleted' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  deleteEvent(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: EventIdParam,
  ): Promise<{ id: string; deletedAt: Date }> {
    return this.journalDeletion.execute(actor, params.id, params.eventId);
  }

  @Patch(':id/events/:eventId/aid')
  @RequireAction('beneficiaries.write')
  decideAid(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: EventIdParam,
    @Body() body: AidDecisionRequest,
  ): Promise<EventView> {
    return this.aidDecision.execute(actor, params.id, params.eventId, body);
  }

  @Post(':id/consents')
  @RequireAction('beneficiaries.write')
  grantConsent(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ConsentRequest,
  ): Promise<ConsentView[]> {
    return this.consentGrant.execute(actor, params.id, body.purpose);
  }

  /** Revocation takes effect at once: nothing caches consents. */
  @Delete(':id/consents/:purpose')
  @RequireAction('beneficiaries.write')
  revokeConsent(@CurrentActor() actor: AuthenticatedActor, @Param() params: ConsentParam): Promise<ConsentView[]> {
    return this.consentRevocation.execute(actor, params.id, params.purpose);
  }

  /** Ranked, explained offers for the person, from their diagnostic (the same ranking as `/matching/search`). */
  @Get(':id/matches')
  @RequireAction('beneficiaries.read')
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'no diagnostic yet' })
  matches(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Query() query: MatchesQuery,
  ): Promise<BeneficiaryMatches> {
    return this.matching.matches(
      actor,
      params.id,
      query.publishedWithinDays ? { publishedWithinDays: query.publishedWithinDays } : {},
      { limit: query.limit, offset: query.offset },
      {
        ...(query.maxDistanceKm ? { maxDistanceKm: query.maxDistanceKm } : {}),
        ...(query.contractTypes?.length ? { contractTypes: query.contractTypes } : {}),
        ...(query.workingTime ? { workingTime: query.workingTime } : {}),
      },
    );
  }

  @Post(':id/proposals')
  @RequireAction('beneficiaries.write')
  propose(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ProposalRequest,
  ): Promise<ProposalView[]> {
    return this.matching.propose(actor, params.id, body);
  }

  /** Everything held on the person, as JSON (the referent coach hands it over): the file, jobs, follow-ups, log. */
  @Get(':id/export')
  @RequireAction('beneficiaries.read')
  export(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<PersonExport> {
    return this.exports.execute(actor, params.id);
  }

  /** The same export, readable by the person: French labels and dates, plain text. */
  @Get(':id/export.txt')
  @RequireAction('beneficiaries.read')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'the export in French, plain text (UTF-8)', schema: { type: 'string' } })
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="dossier.txt"')
  exportReadable(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<string> {
    return this.exports.readable(actor, params.id);
  }

  /** Right to erasure: personal fields and free text cleared, anonymous counts kept. */
  @Post(':id/erasure')
  @RequireAction('beneficiaries.erase')
  @HttpCode(HttpStatus.OK)
  erase(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
  ): Promise<{ id: string; erasedAt: string }> {
    return this.personalData.erase(actor, params.id);
  }
}
