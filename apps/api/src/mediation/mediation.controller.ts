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
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parisToday } from '@passerelle/coaching';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import {
  type CandidateCard,
  cardPage,
  EmployerCardLinks,
  type EmployerView,
  gonePage,
  type IntroductionSummary,
  type IntroductionView,
  EditCard,
  ListIntroductions,
  ManageEmployers,
  MoveIntroduction,
  notFoundPage,
  ProposeIntroduction,
  ReadCardChoices,
  ReadIntroduction,
  RevokeCardLinks,
  SendCardLink,
} from '@passerelle/mediation';
import { IdParam } from '../common/id-param.js';
import { CurrentActor, Public, RequireAction } from '../auth/access.decorators.js';
import { CardRateLimitGuard } from '../auth/rate-limit.guard.js';
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
  SendLinkRequest,
  TransitionRequest,
} from './mediation.dto.js';

/** Employers, their contacts, the interaction log, follow-ups and job analyses (IOD). */
@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: ManageEmployers) {}

  @Post()
  @RequireAction('employers.manage')
  create(@CurrentActor() actor: AuthenticatedActor, @Body() body: EmployerRequest): Promise<EmployerView> {
    return this.employers.create(actor, body);
  }

  @Get()
  @RequireAction('employers.manage')
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: EmployerListQuery,
  ): Promise<{ items: EmployerView[] }> {
    return { items: await this.employers.list(actor, query) };
  }

  /** The actor's next actions due (today and overdue by default). */
  @Get('follow-ups')
  @RequireAction('employers.manage')
  async followUps(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: FollowUpsQuery,
  ): Promise<{ items: unknown[] }> {
    return { items: await this.employers.dueActions(actor, query.until ?? parisToday()) };
  }

  @Post('interactions/:id/done')
  @RequireAction('employers.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  async done(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.employers.completeAction(actor, params.id);
  }

  @Get(':id')
  @RequireAction('employers.manage')
  detail(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<Record<string, unknown>> {
    return this.employers.detail(actor, params.id);
  }

  @Post(':id/contacts')
  @RequireAction('employers.manage')
  addContact(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ContactRequest,
  ): Promise<{ id: string }> {
    return this.employers.addContact(actor, params.id, body);
  }

  @Post(':id/interactions')
  @RequireAction('employers.manage')
  logInteraction(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: InteractionRequest,
  ): Promise<{ id: string }> {
    return this.employers.logInteraction(actor, params.id, body);
  }

  /** A job analysed at the workplace; `publish` also makes it an offer (source `mediation`). */
  @Post(':id/job-analyses')
  @RequireAction('employers.manage')
  analyse(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: JobAnalysisRequest,
  ): Promise<{ id: string; offerId: string | null }> {
    return this.employers.analyseJob(actor, params.id, body);
  }
}

/** Where employers reach Passerelle: PUBLIC_URL, else the host the mediator's request came to. */
function baseUrl(config: ResolvedConfig, request: Request): string {
  return config.publicUrl?.toString() ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
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
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  @Post()
  @RequireAction('beneficiaries.write')
  propose(@CurrentActor() actor: AuthenticatedActor, @Body() body: IntroductionRequest): Promise<IntroductionView> {
    return this.proposal.execute(actor, body);
  }

  /** Staff: the introductions of their structures; a coach: those of their people. */
  @Get()
  @RequireAction('employers.manage', 'beneficiaries.read')
  list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: IntroductionListQuery,
  ): Promise<{ items: IntroductionSummary[] }> {
    return this.board.execute(actor, query).then((items) => ({ items }));
  }

  @Get(':id')
  @RequireAction('employers.manage', 'beneficiaries.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<IntroductionView> {
    return this.reading.execute(actor, params.id);
  }

  /** One step: accepted, employer_interested, interview (date, place), trial (PMSMP dates), hired, declined, withdrawn. */
  @Post(':id/transitions')
  @RequireAction('employers.manage', 'beneficiaries.write')
  @HttpCode(HttpStatus.OK)
  transition(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: TransitionRequest,
  ): Promise<IntroductionView> {
    return this.moves.execute(actor, params.id, body);
  }

  @Put(':id/card')
  @RequireAction('beneficiaries.write')
  editCard(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CardEditRequest,
  ): Promise<CandidateCard> {
    return this.cardEdits.execute(actor, params.id, body);
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
  sendLink(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: SendLinkRequest,
    @Req() request: Request,
  ): Promise<{ url: string; expiresAt: Date; emailedTo: string | null }> {
    return this.linkSending.execute(actor, params.id, baseUrl(this.config, request), body);
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
@UseGuards(CardRateLimitGuard)
@UseFilters(CardPageThrottleFilter)
export class CardPagesController {
  constructor(private readonly links: EmployerCardLinks) {}

  @Get(':token')
  @Public()
  @ApiExcludeEndpoint()
  async view(@Param() params: CardTokenParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.links.open(params.token, { ip: request.ip });
    this.render(response, state, `/cartes/${params.token}`);
  }

  @Get(':token/photo')
  @Public()
  @ApiExcludeEndpoint()
  async photo(@Param() params: CardTokenParam, @Res() response: Response): Promise<void> {
    const photo = await this.links.photo(params.token);
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
    const state = await this.links.answer(params.token, body);
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

  private render(
    response: Response,
    state: Awaited<ReturnType<EmployerCardLinks['open']>>,
    action: string,
    answered?: string,
    problem?: string,
  ): void {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.type('html');
    if (state.kind === 'unknown') response.status(HttpStatus.NOT_FOUND).send(notFoundPage());
    else if (state.kind === 'gone') response.status(HttpStatus.GONE).send(gonePage(state.reason));
    else
      response.status(problem ? HttpStatus.BAD_REQUEST : HttpStatus.OK).send(
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
