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
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AddBarrier,
  AssignReferent,
  CloseCoaching,
  DecideAid,
  DeleteCoachingEvent,
  ErasePersonalData,
  GrantConsent,
  ProposeOffer,
  ReadBeneficiaryFile,
  ReadBeneficiaryMatches,
  ReadPortfolio,
  PrintCer,
  RecordCerOutcome,
  RecordCoachingEvent,
  RegisterBeneficiary,
  RevokeConsent,
  SaveDiagnostic,
  SignCer,
  UpdateBarrier,
  UpdateBeneficiary,
} from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { ExportPerson } from '@passerelle/outcomes';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { IdParam } from '../common/id-param.js';
import { sendPdf } from '../common/send-pdf.js';
import type { Response } from 'express';
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
import {
  BarrierResponse,
  BeneficiaryFileResponse,
  BeneficiaryMatchesResponse,
  BeneficiarySummaryResponse,
  CerResponse,
  ConsentResponse,
  DeletedEventResponse,
  DiagnosticResponse,
  ErasureResponse,
  EventResponse,
  PersonExportResponse,
  PortfolioEntryResponse,
  PortfolioResponse,
  ProposalResponse,
} from './beneficiaries.response.dto.js';

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
    private readonly cerPrinting: PrintCer,
    private readonly journal: RecordCoachingEvent,
    private readonly journalDeletion: DeleteCoachingEvent,
    private readonly aidDecision: DecideAid,
    private readonly consentGrant: GrantConsent,
    private readonly consentRevocation: RevokeConsent,
    private readonly matchReading: ReadBeneficiaryMatches,
    private readonly proposal: ProposeOffer,
    private readonly erasure: ErasePersonalData,
    private readonly exports: ExportPerson,
  ) {}

  /** The portfolio: days since last contact, CER end, stage, open barriers, offers proposed, alerts. */
  @Get()
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: PortfolioResponse, description: 'portfolio entries, sorted (default: most alerts first)' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async list(@CurrentActor() actor: AuthenticatedActor, @Query() query: PortfolioQueryDto): Promise<PortfolioResponse> {
    const entries = await this.portfolio.execute(actor, query);
    return { items: entries.map((entry) => PortfolioEntryResponse.from(entry)) };
  }

  @Post()
  @RequireAction('beneficiaries.write', 'beneficiaries.assign')
  @ApiCreatedResponse({ type: BeneficiarySummaryResponse, description: 'the registered person' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'only a manager assigns people to others' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'portfolio full, unknown structure, coach or commune, dates out of order',
  })
  async register(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: RegisterBeneficiaryRequest,
  ): Promise<BeneficiarySummaryResponse> {
    return BeneficiarySummaryResponse.from(await this.registerBeneficiary.execute(actor, body));
  }

  @Get(':id')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({
    type: BeneficiaryFileResponse,
    description: 'the whole file (health notes for the referent coach only)',
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<BeneficiaryFileResponse> {
    return BeneficiaryFileResponse.from(await this.files.execute(actor, params.id));
  }

  @Patch(':id')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: BeneficiarySummaryResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'unknown commune, dates out of order, a CV deposit half given',
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: UpdateBeneficiaryRequest,
  ): Promise<BeneficiarySummaryResponse> {
    return BeneficiarySummaryResponse.from(await this.updateBeneficiary.execute(actor, params.id, body));
  }

  /** A manager gives the person to a coach (refused above the cap unless `capOverride`). */
  @Post(':id/assignment')
  @RequireAction('beneficiaries.assign')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: BeneficiarySummaryResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'unknown coach, portfolio full, no reason given',
  })
  async assign(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: AssignRequest,
  ): Promise<BeneficiarySummaryResponse> {
    return BeneficiarySummaryResponse.from(await this.assignReferent.execute(actor, params.id, body));
  }

  /** Ends the coaching outside a CER outcome (never signed, moved away...). */
  @Post(':id/closure')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: BeneficiarySummaryResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'the coaching cannot be closed so' })
  async close(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CloseRequest,
  ): Promise<BeneficiarySummaryResponse> {
    return BeneficiarySummaryResponse.from(await this.closeCoaching.execute(actor, params.id, body));
  }

  @Put(':id/diagnostic')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: DiagnosticResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'unknown ROME or skill code, dates out of order',
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async saveDiagnostic(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: DiagnosticRequest,
  ): Promise<DiagnosticResponse> {
    return DiagnosticResponse.from(await this.diagnostic.execute(actor, params.id, body));
  }

  @Post(':id/barriers')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: BarrierResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'a health note on another kind of barrier' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async addBarrier(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: BarrierRequest,
  ): Promise<BarrierResponse> {
    return BarrierResponse.from(await this.newBarrier.execute(actor, params.id, body));
  }

  @Patch(':id/barriers/:barrierId')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: BarrierResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async updateBarrier(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: BarrierIdParam,
    @Body() body: BarrierChangesRequest,
  ): Promise<BarrierResponse> {
    return BarrierResponse.from(await this.barrierChange.execute(actor, params.id, params.barrierId, body));
  }

  @Post(':id/cers')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: CerResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'dates out of order' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'a CER is running already' })
  async signCer(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CerRequest,
  ): Promise<CerResponse> {
    return CerResponse.from(await this.cerSigning.execute(actor, params.id, body));
  }

  /** Renewal (opens the next CER), exit (job, training, other) or reorientation. */
  @Post(':id/cers/:cerId/outcome')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: [CerResponse], description: 'the person’s CERs, the renewal’s new one included' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'this outcome cannot be recorded' })
  async cerOutcome(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: CerIdParam,
    @Body() body: CerOutcomeRequest,
  ): Promise<CerResponse[]> {
    const cers = await this.cerOutcomes.execute(actor, params.id, params.cerId, body);
    return cers.map((cer) => CerResponse.from(cer));
  }

  /** The CER as a PDF the person keeps: commitments and objectives, in plain French (an export, audited). */
  @Get(':id/cers/:cerId/pdf')
  @RequireAction('beneficiaries.read')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'an attachment, contrat-engagements-<start>.pdf',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such person or CER within reach' })
  async cerPdf(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: CerIdParam,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.cerPrinting.execute(actor, params.id, params.cerId));
  }

  /** Contacts (meeting, call, e-mail, workshop) and actions (application, training, PMSMP, CV, aid). */
  @Post(':id/events')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: EventResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async addEvent(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: EventRequest,
  ): Promise<EventResponse> {
    return EventResponse.from(await this.journal.execute(actor, params.id, body));
  }

  /** Deletes a journal entry (its author or the referent coach): kept as deleted, audited. */
  @Delete(':id/events/:eventId')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: DeletedEventResponse, description: 'the entry, marked deleted' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'neither its author nor the referent coach' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'a decided aid request stays in the journal' })
  async deleteEvent(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: EventIdParam,
  ): Promise<DeletedEventResponse> {
    return DeletedEventResponse.from(await this.journalDeletion.execute(actor, params.id, params.eventId));
  }

  @Patch(':id/events/:eventId/aid')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: EventResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such aid request' })
  async decideAid(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: EventIdParam,
    @Body() body: AidDecisionRequest,
  ): Promise<EventResponse> {
    return EventResponse.from(await this.aidDecision.execute(actor, params.id, params.eventId, body));
  }

  @Post(':id/consents')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: [ConsentResponse], description: 'the person’s consents' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'given already' })
  async grantConsent(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ConsentRequest,
  ): Promise<ConsentResponse[]> {
    const consents = await this.consentGrant.execute(actor, params.id, body.purpose);
    return consents.map((consent) => ConsentResponse.from(consent));
  }

  /** Revocation takes effect at once: nothing caches consents. */
  @Delete(':id/consents/:purpose')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: [ConsentResponse], description: 'the person’s consents' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such consent in force' })
  async revokeConsent(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: ConsentParam,
  ): Promise<ConsentResponse[]> {
    const consents = await this.consentRevocation.execute(actor, params.id, params.purpose);
    return consents.map((consent) => ConsentResponse.from(consent));
  }

  /** Ranked, explained offers for the person, from their diagnostic (the same ranking as `/matching/search`). */
  @Get(':id/matches')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: BeneficiaryMatchesResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'no diagnostic yet' })
  async matches(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Query() query: MatchesQuery,
  ): Promise<BeneficiaryMatchesResponse> {
    const matches = await this.matchReading.execute(
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
    return BeneficiaryMatchesResponse.from(matches);
  }

  @Post(':id/proposals')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: [ProposalResponse], description: 'the offers proposed to the person, newest first' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'proposed already' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'no such offer, or closed' })
  async propose(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ProposalRequest,
  ): Promise<ProposalResponse[]> {
    const proposals = await this.proposal.execute(actor, params.id, body);
    return proposals.map((proposal) => ProposalResponse.from(proposal));
  }

  /** Everything held on the person, as JSON (the referent coach hands it over): the file, jobs, follow-ups, log. */
  @Get(':id/export')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: PersonExportResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'not the referent coach' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async export(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<PersonExportResponse> {
    return PersonExportResponse.from(await this.exports.execute(actor, params.id));
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
  @ApiOkResponse({ type: ErasureResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async erase(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<ErasureResponse> {
    return Object.assign(new ErasureResponse(), await this.erasure.execute(actor, params.id));
  }
}
