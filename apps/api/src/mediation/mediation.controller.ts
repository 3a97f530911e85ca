import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExcludeEndpoint,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parisToday } from '@passerelle/coaching';
import { APP_CONFIG, Clock, type ResolvedConfig } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import {
  AddEmployerContact,
  AnalyseJob,
  AnswerCardLink,
  cardPage,
  type CardLinkState,
  CompleteDueAction,
  CreateEmployer,
  EditCard,
  gonePage,
  ListDueActions,
  ListEmployers,
  ListIntroductions,
  LogEmployerInteraction,
  MoveIntroduction,
  notFoundPage,
  OpenCardLink,
  PrintPmsmpConvention,
  ProposeIntroduction,
  ReadCardChoices,
  ReadCardPhoto,
  ReadEmployer,
  ReadIntroduction,
  ReadPmsmpConvention,
  RevokeCardLinks,
  SavePmsmpConvention,
  SendCardLink,
  SignPmsmpConvention,
} from '@passerelle/mediation';
import { IdParam } from '../common/id-param.js';
import { sendPdf } from '../common/send-pdf.js';
import { CurrentActor, Public, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { PublicLinkRateLimitGuard } from '../auth/rate-limit.guard.js';
import { CardPageThrottleFilter } from './card-page-throttle.filter.js';
import {
  CardChoicesResponse,
  CardEditRequest,
  CardTokenParam,
  ContactRequest,
  EmployerAnswerForm,
  EmployerListQuery,
  EmployerRequest,
  FollowUpsQuery,
  InteractionRequest,
  IntroductionListQuery,
  IntroductionRequest,
  JobAnalysisRequest,
  PmsmpConventionRequest,
  PmsmpSignatureRequest,
  SendLinkRequest,
  TransitionRequest,
} from './mediation.dto.js';
import {
  CandidateCardResponse,
  CardLinkResponse,
  CreatedIdResponse,
  DueActionListResponse,
  EmployerDetailResponse,
  EmployerListResponse,
  EmployerResponse,
  IntroductionListResponse,
  IntroductionResponse,
  IntroductionSummaryResponse,
  JobAnalysisCreatedResponse,
  PmsmpConventionResponse,
} from './mediation.response.dto.js';
import { publicBaseUrl } from '../common/public-base-url.js';

/** Employers, their contacts, the interaction log, follow-ups and job analyses (IOD). */
@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(
    private readonly creation: CreateEmployer,
    private readonly listing: ListEmployers,
    private readonly reading: ReadEmployer,
    private readonly contacts: AddEmployerContact,
    private readonly interactions: LogEmployerInteraction,
    private readonly dueActions: ListDueActions,
    private readonly completion: CompleteDueAction,
    private readonly analyses: AnalyseJob,
    private readonly clock: Clock,
  ) {}

  @Post()
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: EmployerResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'not a valid SIRET, no commune matches' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'this SIRET is already an employer of the structure' })
  async create(@CurrentActor() actor: AuthenticatedActor, @Body() body: EmployerRequest): Promise<EmployerResponse> {
    return EmployerResponse.from(await this.creation.execute(actor, body));
  }

  @Get()
  @RequireAction('employers.manage')
  @ApiOkResponse({ type: EmployerListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: EmployerListQuery,
  ): Promise<EmployerListResponse> {
    const employers = await this.listing.execute(actor, query);
    return { items: employers.map((employer) => EmployerResponse.from(employer)) };
  }

  /** The actor's next actions due (today and overdue by default). */
  @Get('follow-ups')
  @RequireAction('employers.manage')
  @ApiOkResponse({ type: DueActionListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async followUps(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: FollowUpsQuery,
  ): Promise<DueActionListResponse> {
    return DueActionListResponse.from(
      await this.dueActions.execute(actor, query.until ?? parisToday(this.clock.now())),
    );
  }

  @Post('interactions/:id/done')
  @RequireAction('employers.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no open next action of the actor’s with this id' })
  async done(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.completion.execute(actor, params.id);
  }

  @Get(':id')
  @RequireAction('employers.manage')
  @ApiOkResponse({ type: EmployerDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async detail(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<EmployerDetailResponse> {
    return EmployerDetailResponse.from(await this.reading.execute(actor, params.id));
  }

  @Post(':id/contacts')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: CreatedIdResponse, description: 'the contact’s id' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async addContact(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ContactRequest,
  ): Promise<CreatedIdResponse> {
    return Object.assign(new CreatedIdResponse(), await this.contacts.execute(actor, params.id, body));
  }

  @Post(':id/interactions')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: CreatedIdResponse, description: 'the interaction’s id' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'a next action without its date, dates out of order' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'no such contact at this employer' })
  async logInteraction(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: InteractionRequest,
  ): Promise<CreatedIdResponse> {
    return Object.assign(new CreatedIdResponse(), await this.interactions.execute(actor, params.id, body));
  }

  /** A job analysed at the workplace; `publish` also makes it an offer (source `mediation`). */
  @Post(':id/job-analyses')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: JobAnalysisCreatedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'unknown ROME code' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async analyse(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: JobAnalysisRequest,
  ): Promise<JobAnalysisCreatedResponse> {
    return Object.assign(new JobAnalysisCreatedResponse(), await this.analyses.execute(actor, params.id, body));
  }
}

/** Introductions (mises en relation): proposal by the referent coach, then the mediators' steps. */
@ApiTags('introductions')
@Controller('introductions')
export class IntroductionsController {
  constructor(
    private readonly proposal: ProposeIntroduction,
    private readonly board: ListIntroductions,
    private readonly reading: ReadIntroduction,
    private readonly moves: MoveIntroduction,
    private readonly cardEdits: EditCard,
    private readonly choices: ReadCardChoices,
    private readonly linkSending: SendCardLink,
    private readonly linkRevocation: RevokeCardLinks,
    private readonly pmsmpReading: ReadPmsmpConvention,
    private readonly pmsmpSaving: SavePmsmpConvention,
    private readonly pmsmpSigning: SignPmsmpConvention,
    private readonly pmsmpPrinting: PrintPmsmpConvention,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  @Post()
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: IntroductionResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'the employer named is not valid' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'a new employer, and the actor may not register one' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such person' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'the person is already introduced for this offer' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'no open offer, or no employer to introduce to' })
  async propose(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: IntroductionRequest,
  ): Promise<IntroductionResponse> {
    return IntroductionResponse.from(await this.proposal.execute(actor, body));
  }

  /** Staff: the introductions of their structures; a coach: those of their people. */
  @Get()
  @RequireAction('employers.manage', 'beneficiaries.read')
  @ApiOkResponse({ type: IntroductionListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: IntroductionListQuery,
  ): Promise<IntroductionListResponse> {
    const summaries = await this.board.execute(actor, query);
    return { items: summaries.map((summary) => IntroductionSummaryResponse.from(summary)) };
  }

  @Get(':id')
  @RequireAction('employers.manage', 'beneficiaries.read')
  @ApiOkResponse({ type: IntroductionResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<IntroductionResponse> {
    return IntroductionResponse.from(await this.reading.execute(actor, params.id));
  }

  /** One step: accepted, employer_interested, interview (date, place), trial (PMSMP dates), hired, declined, withdrawn. */
  @Post(':id/transitions')
  @RequireAction('employers.manage', 'beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: IntroductionResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'a step not allowed from here, or its details missing',
  })
  async transition(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: TransitionRequest,
  ): Promise<IntroductionResponse> {
    return IntroductionResponse.from(await this.moves.execute(actor, params.id, body));
  }

  @Put(':id/card')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: CandidateCardResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'a skill or quality the person does not have' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async editCard(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CardEditRequest,
  ): Promise<CandidateCardResponse> {
    return CandidateCardResponse.from(await this.cardEdits.execute(actor, params.id, body));
  }

  /** The skills and qualities the coach may show on the card (the person's own, those on the card first). */
  @Get(':id/card/choices')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: CardChoicesResponse })
  cardChoices(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<CardChoicesResponse> {
    return this.choices.execute(actor, params.id);
  }

  /** A signed, expiring link to the card for the employer (needs the person's consent). */
  @Post(':id/links')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: CardLinkResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'the person has not accepted or consented, or the contact has no e-mail',
  })
  async sendLink(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: SendLinkRequest,
    @Req() request: Request,
  ): Promise<CardLinkResponse> {
    return CardLinkResponse.from(
      await this.linkSending.execute(actor, params.id, publicBaseUrl(this.config, request), body),
    );
  }

  /** The PMSMP convention: saved, or (not saved yet) started from the introduction's trial and job analysis. */
  @Get(':id/pmsmp')
  @RequireAction('employers.manage', 'beneficiaries.write')
  @ApiOkResponse({ type: PmsmpConventionResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async pmsmp(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<PmsmpConventionResponse> {
    return PmsmpConventionResponse.from(await this.pmsmpReading.execute(actor, params.id));
  }

  /** The convention's terms, at the interview or trial stage, while nobody has signed them. */
  @Put(':id/pmsmp')
  @RequireAction('employers.manage', 'beneficiaries.write')
  @ApiOkResponse({ type: PmsmpConventionResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'a party has signed: withdraw the signatures first' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'not at the interview or trial stage, dates over one month, no task',
  })
  async savePmsmp(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: PmsmpConventionRequest,
  ): Promise<PmsmpConventionResponse> {
    return PmsmpConventionResponse.from(
      await this.pmsmpSaving.execute(actor, params.id, {
        ...body,
        tutorRole: body.tutorRole ?? null,
        tutorPhone: body.tutorPhone ?? null,
        tutorEmail: body.tutorEmail ?? null,
      }),
    );
  }

  /** The day one party signed (person, employer, prescriber); null withdraws it. */
  @Post(':id/pmsmp/signatures')
  @RequireAction('employers.manage', 'beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PmsmpConventionResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'not saved yet, a date in the future' })
  async signPmsmp(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: PmsmpSignatureRequest,
  ): Promise<PmsmpConventionResponse> {
    return PmsmpConventionResponse.from(await this.pmsmpSigning.execute(actor, params.id, body));
  }

  /** The saved convention as a PDF for the person, the employer and the structure to sign. */
  @Get(':id/pmsmp.pdf')
  @RequireAction('employers.manage', 'beneficiaries.write')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'an attachment, convention-pmsmp-<start>.pdf',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'no convention saved yet' })
  async pmsmpPdf(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Res() response: Response,
  ): Promise<void> {
    const document = await this.pmsmpPrinting.execute(actor, params.id);
    sendPdf(response, document);
  }

  @Delete(':id/links')
  @RequireAction('employers.manage', 'beneficiaries.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revokeLinks(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.linkRevocation.execute(actor, params.id);
  }
}

/**
 * The employer's page (no account): the card, and their answer. 404 unknown link, 410 gone, 429
 * past the per-address or per-link rate.
 */
@Controller('cartes')
@UseGuards(PublicLinkRateLimitGuard('card'))
@UseFilters(CardPageThrottleFilter)
export class CardPagesController {
  constructor(
    private readonly opening: OpenCardLink,
    private readonly photos: ReadCardPhoto,
    private readonly answers: AnswerCardLink,
  ) {}

  @Get(':token')
  @Public()
  @ApiExcludeEndpoint()
  async view(@Param() params: CardTokenParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.opening.execute(params.token, { ip: request.ip });
    this.render(response, state, `/cartes/${params.token}`);
  }

  @Get(':token/photo')
  @Public()
  @ApiExcludeEndpoint()
  async photo(@Param() params: CardTokenParam, @Res() response: Response): Promise<void> {
    const photo = await this.photos.execute(params.token);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (!photo) response.status(HttpStatus.NOT_FOUND).type('text/plain').send('Photo indisponible');
    else response.status(HttpStatus.OK).type(photo.contentType).send(photo.data);
  }

  @Post(':token')
  @Public()
  @ApiExcludeEndpoint()
  @ApiOkResponse()
  async answer(
    @Param() params: CardTokenParam,
    @Body() body: EmployerAnswerForm,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.answers.execute(params.token, body);
    const labels = { interested: 'souhaite rencontrer', not_now: 'pas pour le moment', question: 'question' };
    if (state.kind === 'open' && state.problem)
      this.render(
        response,
        state,
        `/cartes/${params.token}`,
        undefined,
        'Merci d’écrire un message pour cette réponse.',
      );
    else this.render(response, state, `/cartes/${params.token}`, labels[body.answer]);
  }

  private render(response: Response, state: CardLinkState, action: string, answered?: string, problem?: string): void {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.type('html');
    if (state.kind === 'unknown') response.status(HttpStatus.NOT_FOUND).send(notFoundPage());
    else if (state.kind === 'gone') response.status(HttpStatus.GONE).send(gonePage(state.reason));
    else
      // A question without its message reads well but breaks a rule: 422, as the API answers it.
      response.status(problem ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).send(
        cardPage({
          card: state.card,
          employerName: state.employerName,
          offerTitle: state.offerTitle,
          formAction: action,
          ...(answered ? { answered } : {}),
          ...(state.hasPhoto ? { photoUrl: `${action}/photo` } : {}),
          ...(problem ? { problem } : {}),
        }),
      );
  }
}
