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
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExcludeEndpoint,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AnswerAppointment,
  AnswerProposal,
  COACHING_ERRORS,
  EnterSpaceCode,
  ListSpaceLinks,
  OpenPersonSpace,
  PrintOwnCer,
  ReadPersonSpace,
  RevokeSpaceLinks,
  SendSpaceCode,
  SendSpaceLink,
  SPACE_DEVICE_COOKIE,
  type SpaceEntry,
  type SpaceVisitor,
  WithdrawConsent,
} from '@passerelle/coaching';
import { APP_CONFIG, DomainError, type ResolvedConfig } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import { DecideOnCard, MEDIATION_ERRORS, ReadPersonCards } from '@passerelle/mediation';
import { CurrentActor, Public, RequireAction } from '../auth/access.decorators.js';
import { PublicLinkRateLimitGuard } from '../auth/rate-limit.guard.js';
import { IdParam } from '../common/id-param.js';
import { sendPdf } from '../common/send-pdf.js';
import { ErrorResponse } from '../errors/error-body.js';
import { readCookie } from '../identity/session-cookies.js';
import { CardPageThrottleFilter } from '../mediation/card-page-throttle.filter.js';
import {
  AppointmentAnswerForm,
  CardDecisionForm,
  ConsentParam,
  ProposalAnswerForm,
  SpaceCodeForm,
  SpaceItemParam,
  SpaceLinkListResponse,
  SpaceLinkResponse,
  SpaceLinkSentResponse,
  SpaceTokenParam,
} from './person-space.dto.js';
import { codePage, spaceGonePage, spaceHomePage, spaceNotFoundPage } from './space-pages.js';
import { publicBaseUrl } from '../common/public-base-url.js';

/** The coach sends the person the link to their own space (consent per channel), lists and revokes them. */
@ApiTags('person space')
@Controller('beneficiaries/:id/space-links')
export class SpaceLinksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly sending: SendSpaceLink,
    private readonly listing: ListSpaceLinks,
    private readonly revoking: RevokeSpaceLinks,
  ) {}

  @Post()
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: SpaceLinkSentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'a person outside the coach’s portfolio' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'no longer followed, or no channel (address and consent) to send the link by',
  })
  async send(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Req() request: Request,
  ): Promise<SpaceLinkSentResponse> {
    const base = publicBaseUrl(this.config, request);
    return SpaceLinkSentResponse.from(await this.sending.execute(actor, params.id, base));
  }

  @Get()
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: SpaceLinkListResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async list(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<SpaceLinkListResponse> {
    return { items: (await this.listing.execute(actor, params.id)).map((link) => SpaceLinkResponse.from(link)) };
  }

  @Delete()
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'every link in force revoked' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async revoke(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.revoking.execute(actor, params.id);
  }
}

const DONE: Record<string, string> = {
  validated: 'Merci, votre fiche est validée : votre conseiller·ère peut l’envoyer.',
  change_requested: 'Merci, votre demande de modification est transmise à votre conseiller·ère.',
  interested: 'Merci, votre conseiller·ère sait que cette offre vous intéresse.',
  not_for_me: 'Merci, votre conseiller·ère sait que cette offre n’est pas pour vous.',
  confirm: 'Merci, votre venue est confirmée.',
  move: 'Merci, votre demande est transmise à votre conseiller·ère.',
  withdrawn: 'Votre accord est retiré, dès maintenant.',
};

/** The French of a refusal, from the catalogue of the context that refused. */
const REFUSALS: Record<string, { fr: string }> = { ...COACHING_ERRORS, ...MEDIATION_ERRORS };

/**
 * The person's space (no account): pages without script, forms posting back then redirecting to
 * the page (so a reload sends nothing twice). 404 unknown link, 410 gone, 429 past the rate. The
 * browser is admitted by its cookie (HttpOnly, SameSite=Lax so another site's form cannot post
 * with it, scoped to the link's path).
 */
@Controller('espace')
@UseGuards(PublicLinkRateLimitGuard('space'))
@UseFilters(CardPageThrottleFilter)
export class PersonSpaceController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly opening: OpenPersonSpace,
    private readonly codeSending: SendSpaceCode,
    private readonly codeEntry: EnterSpaceCode,
    private readonly cards: ReadPersonCards,
    private readonly cardDecision: DecideOnCard,
    private readonly reading: ReadPersonSpace,
    private readonly proposalAnswers: AnswerProposal,
    private readonly appointmentAnswers: AnswerAppointment,
    private readonly withdrawals: WithdrawConsent,
    private readonly cerPrinting: PrintOwnCer,
  ) {}

  @Get(':token')
  @Public()
  @ApiExcludeEndpoint()
  async view(@Param() params: SpaceTokenParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    const visitor = await this.admit(params.token, request, response);
    if (!visitor) return;
    const done = typeof request.query.fait === 'string' ? DONE[request.query.fait] : undefined;
    await this.home(response, params.token, visitor, done ? { done } : {});
  }

  /**
   * The person's running CER as a PDF, for a browser already admitted to the link only: any other
   * is sent to the page (first opening or short code there), never admitted by a download.
   */
  @Get(':token/contrat.pdf')
  @Public()
  @ApiExcludeEndpoint()
  async cerPdf(@Param() params: SpaceTokenParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    const entry = await this.opening.execute(params.token, readCookie(request, SPACE_DEVICE_COOKIE), request.ip, {
      admitNew: false,
    });
    if (entry.kind === 'needs_code') return response.redirect(HttpStatus.SEE_OTHER, spaceAction(params.token));
    if (entry.kind !== 'open') return this.closed(response, entry);
    const document = await this.cerPrinting.execute(entry.visitor);
    if (!document)
      return this.home(
        response,
        params.token,
        entry.visitor,
        { problem: 'Vous n’avez pas de contrat d’engagements en cours.' },
        HttpStatus.NOT_FOUND,
      );
    response.setHeader('Referrer-Policy', 'no-referrer');
    sendPdf(response, document);
  }

  @Post(':token/code')
  @Public()
  @ApiExcludeEndpoint()
  async sendCode(@Param() params: SpaceTokenParam, @Res() response: Response): Promise<void> {
    const sending = await this.codeSending.execute(params.token);
    if (sending.kind === 'unknown' || sending.kind === 'gone') return this.closed(response, sending);
    const action = spaceAction(params.token);
    if (sending.kind === 'too_many')
      return this.html(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        codePage(action, { firstName: null, problem: 'Trop de codes demandés : réessayez dans une heure.' }),
      );
    this.html(response, HttpStatus.OK, codePage(action, { firstName: null, sentBy: sending.channel }));
  }

  @Post(':token/code/verification')
  @Public()
  @ApiExcludeEndpoint()
  async enterCode(
    @Param() params: SpaceTokenParam,
    @Body() body: SpaceCodeForm,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const entry = await this.codeEntry.execute(params.token, body.code.trim(), request.ip);
    const action = spaceAction(params.token);
    if (entry.kind === 'wrong_code' || entry.kind === 'code_expired')
      return this.html(
        response,
        HttpStatus.UNPROCESSABLE_ENTITY,
        codePage(action, {
          firstName: null,
          problem:
            entry.kind === 'wrong_code' && entry.attemptsLeft > 0
              ? `Ce code n’est pas le bon (encore ${entry.attemptsLeft} essai${entry.attemptsLeft > 1 ? 's' : ''}).`
              : 'Ce code n’est plus valable : demandez-en un nouveau.',
        }),
      );
    if (entry.kind === 'needs_code') return this.html(response, HttpStatus.OK, codePage(action, entry));
    if (entry.kind !== 'open') return this.closed(response, entry);
    this.keepDevice(response, request, params.token, entry);
    response.redirect(HttpStatus.SEE_OTHER, action);
  }

  @Post(':token/fiches/:id')
  @Public()
  @ApiExcludeEndpoint()
  async decideOnCard(
    @Param() params: SpaceItemParam,
    @Body() body: CardDecisionForm,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const visitor = await this.admit(params.token, request, response);
    if (!visitor) return;
    await this.act(response, params.token, visitor, `fiche-${params.id}`, body.decision, () =>
      this.cardDecision.execute(visitor, params.id, body),
    );
  }

  @Post(':token/offres/:id')
  @Public()
  @ApiExcludeEndpoint()
  async answerProposal(
    @Param() params: SpaceItemParam,
    @Body() body: ProposalAnswerForm,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const visitor = await this.admit(params.token, request, response);
    if (!visitor) return;
    await this.act(response, params.token, visitor, `offre-${params.id}`, body.answer, () =>
      this.proposalAnswers.execute(visitor, params.id, body),
    );
  }

  @Post(':token/rendez-vous/:id')
  @Public()
  @ApiExcludeEndpoint()
  async answerAppointment(
    @Param() params: SpaceItemParam,
    @Body() body: AppointmentAnswerForm,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const visitor = await this.admit(params.token, request, response);
    if (!visitor) return;
    await this.act(response, params.token, visitor, `rdv-${params.id}`, body.answer, () =>
      this.appointmentAnswers.execute(visitor, params.id, body),
    );
  }

  @Post(':token/consentements/:purpose/retrait')
  @Public()
  @ApiExcludeEndpoint()
  async withdrawConsent(
    @Param() params: ConsentParam,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const visitor = await this.admit(params.token, request, response);
    if (!visitor) return;
    await this.act(response, params.token, visitor, 'accords', 'withdrawn', () =>
      this.withdrawals.execute(visitor, params.purpose),
    );
  }

  /** Runs the person's act, then back to the page at its item; a refused act shows why, at 4xx. */
  private async act(
    response: Response,
    token: string,
    visitor: SpaceVisitor,
    anchor: string,
    done: string,
    run: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'too_many_requests') throw error;
      const status = error.kind === 'not_found' ? 404 : error.kind === 'conflict' ? 409 : 422;
      const problem = REFUSALS[error.code]?.fr ?? error.message;
      return this.home(response, token, visitor, { problem }, status);
    }
    response.redirect(HttpStatus.SEE_OTHER, `${spaceAction(token)}?fait=${done}#${anchor}`);
  }

  private async home(
    response: Response,
    token: string,
    visitor: SpaceVisitor,
    notes: { done?: string; problem?: string },
    status: number = HttpStatus.OK,
  ): Promise<void> {
    const space = await this.reading.execute(visitor);
    const cards = await this.cards.execute(visitor);
    this.html(response, status, spaceHomePage(spaceAction(token), { space, cards, ...notes }));
  }

  /** The visitor when the link is open to this browser; otherwise the page saying why has been sent. */
  private async admit(token: string, request: Request, response: Response): Promise<SpaceVisitor | null> {
    const entry = await this.opening.execute(token, readCookie(request, SPACE_DEVICE_COOKIE), request.ip);
    if (entry.kind === 'open') {
      this.keepDevice(response, request, token, entry);
      return entry.visitor;
    }
    if (entry.kind === 'needs_code')
      this.html(response, HttpStatus.OK, codePage(spaceAction(token), { firstName: entry.firstName }));
    else this.closed(response, entry);
    return null;
  }

  private keepDevice(response: Response, request: Request, token: string, entry: SpaceEntry): void {
    if (entry.kind !== 'open' || !entry.deviceToken) return;
    response.cookie(SPACE_DEVICE_COOKIE, entry.deviceToken, {
      httpOnly: true,
      secure: request.secure || this.config.publicUrl?.protocol === 'https:',
      sameSite: 'lax',
      path: spaceAction(token),
      maxAge: 31 * 86_400_000,
    });
  }

  private closed(response: Response, entry: { kind: 'unknown' } | { kind: 'gone'; reason: string }): void {
    if (entry.kind === 'unknown') this.html(response, HttpStatus.NOT_FOUND, spaceNotFoundPage());
    else this.html(response, HttpStatus.GONE, spaceGonePage(entry.reason));
  }

  private html(response: Response, status: number, page: string): void {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.status(status).type('html').send(page);
  }
}

function spaceAction(token: string): string {
  return `/espace/${token}`;
}
