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
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiExcludeEndpoint,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import {
  AnswerShortlist,
  CountRefusalReasons,
  gonePage,
  ListShortlists,
  notFoundPage,
  OpenShortlist,
  ReadShortlist,
  ReplyToShortlist,
  RevokeShortlist,
  SendShortlist,
  type ShortlistPageState,
  shortlistPage,
} from '@passerelle/mediation';
import { CurrentActor, Public, RequireAction } from '../auth/access.decorators.js';
import { PublicLinkRateLimitGuard } from '../auth/rate-limit.guard.js';
import { IdParam } from '../common/id-param.js';
import { ErrorResponse } from '../errors/error-body.js';
import { CardPageThrottleFilter } from './card-page-throttle.filter.js';
import { CardTokenParam } from './mediation.dto.js';
import {
  RefusalReasonsQuery,
  ShortlistAnswerForm,
  ShortlistListQuery,
  ShortlistReplyRequest,
  ShortlistRequest,
} from './shortlists.dto.js';
import {
  RefusalReasonsResponse,
  ShortlistLinkResponse,
  ShortlistListResponse,
  ShortlistResponse,
  ShortlistSummaryResponse,
} from './shortlists.response.dto.js';
import { publicBaseUrl } from '../common/public-base-url.js';

/** Shortlists: one link showing an employer one to five candidate cards for an offer, side by side. */
@ApiTags('introductions')
@Controller('shortlists')
export class ShortlistsController {
  constructor(
    private readonly sending: SendShortlist,
    private readonly listing: ListShortlists,
    private readonly reading: ReadShortlist,
    private readonly replies: ReplyToShortlist,
    private readonly revocation: RevokeShortlist,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** A signed, expiring link for the employer; every card needs the person's acceptance and consent. */
  @Post()
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: ShortlistLinkResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'an introduction out of reach' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description:
      'not 1–5 cards, a card for another offer, a person who has not accepted or consented (the field names the card), slots out of order',
  })
  async send(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: ShortlistRequest,
    @Req() request: Request,
  ): Promise<ShortlistLinkResponse> {
    const slots = (body.slots ?? []).map((slot) => ({
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      place: slot.place?.trim() ?? null,
    }));
    return ShortlistLinkResponse.from(
      await this.sending.execute(
        actor,
        {
          offerId: body.offerId,
          introductionIds: body.introductionIds,
          slots,
          ...(body.contactId ? { contactId: body.contactId } : {}),
        },
        publicBaseUrl(this.config, request),
      ),
    );
  }

  @Get()
  @RequireAction('employers.manage')
  @ApiOkResponse({ type: ShortlistListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: ShortlistListQuery,
  ): Promise<ShortlistListResponse> {
    const items = await this.listing.execute(actor, query);
    return { items: items.map((item) => ShortlistSummaryResponse.from(item)) };
  }

  @Get(':id')
  @RequireAction('employers.manage')
  @ApiOkResponse({ type: ShortlistResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<ShortlistResponse> {
    return ShortlistResponse.from(await this.reading.execute(actor, params.id));
  }

  /** A reply to the employer's question about one person: it shows on the same link. */
  @Post(':id/replies')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: ShortlistResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'no such person in this shortlist' })
  async reply(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: ShortlistReplyRequest,
  ): Promise<ShortlistResponse> {
    return ShortlistResponse.from(await this.replies.execute(actor, params.id, body));
  }

  @Delete(':id/link')
  @RequireAction('employers.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  async revoke(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.revocation.execute(actor, params.id);
  }
}

/** The reasons employers give for "not now", by offer and by structure. */
@ApiTags('outcomes')
@Controller('indicators')
export class RefusalReasonsController {
  constructor(private readonly counting: CountRefusalReasons) {}

  @Get('refusal-reasons')
  @RequireAction('indicators.read', 'employers.manage')
  @ApiOkResponse({ type: RefusalReasonsResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'the period ends before it starts' })
  async get(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: RefusalReasonsQuery,
  ): Promise<RefusalReasonsResponse> {
    return RefusalReasonsResponse.from(await this.counting.execute(actor, query));
  }
}

/**
 * The employer's shortlist page (no account): the cards side by side and an answer per person.
 * 404 unknown link, 410 gone, 429 past the per-address or per-link rate, 422 an answer missing
 * what it needs (the page says what).
 */
@Controller('selections')
@UseGuards(PublicLinkRateLimitGuard('shortlist'))
@UseFilters(CardPageThrottleFilter)
export class ShortlistPagesController {
  constructor(
    private readonly opening: OpenShortlist,
    private readonly answers: AnswerShortlist,
  ) {}

  @Get(':token')
  @Public()
  @ApiExcludeEndpoint()
  async view(@Param() params: CardTokenParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    this.render(response, await this.opening.execute(params.token, { ip: request.ip }), params.token);
  }

  @Post(':token')
  @Public()
  @ApiExcludeEndpoint()
  async answer(
    @Param() params: CardTokenParam,
    @Body() body: ShortlistAnswerForm,
    @Res() response: Response,
  ): Promise<void> {
    const state = await this.answers.execute(params.token, {
      entryId: body.entry,
      answer: body.answer,
      ...(body.slot ? { slot: body.slot } : {}),
      ...(body.proposedSlot ? { proposedSlot: body.proposedSlot } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
      ...((body.answer === 'question' ? body.question : body.note)
        ? { message: body.answer === 'question' ? body.question : body.note }
        : {}),
    });
    this.render(response, state, params.token);
  }

  private render(response: Response, state: ShortlistPageState, token: string): void {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.type('html');
    if (state.kind === 'unknown') response.status(HttpStatus.NOT_FOUND).send(notFoundPage());
    else if (state.kind === 'gone') response.status(HttpStatus.GONE).send(gonePage(state.reason));
    else
      response.status(state.problem ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).send(
        shortlistPage({
          employerName: state.shortlist.employerName,
          offerTitle: state.shortlist.offerTitle,
          senderName: state.shortlist.senderName,
          expiresAt: state.shortlist.expiresAt,
          formAction: `/selections/${token}`,
          slots: state.shortlist.slots,
          people: state.entries.map((entry) => ({
            entryId: entry.id,
            position: entry.position,
            card: entry.card,
            answer: entry.answer,
            slotStartsAt: entry.slotStartsAt,
            proposedSlot: entry.proposedSlot,
            refusalReason: entry.refusalReason,
            freeText: entry.freeText,
            messages: entry.messages,
          })),
          ...(state.acknowledged ? { acknowledged: state.acknowledged } : {}),
          ...(state.problem ? { problem: state.problem } : {}),
        }),
      );
  }
}
