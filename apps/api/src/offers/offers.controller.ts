import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedActor } from '@passerelle/identity';
import { SearchOffers } from '@passerelle/matching';
import { CloseOffer, EditOffer, type OfferView, PostOffer, ReadOffers } from '@passerelle/offers';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { IdParam } from '../identity/identity.dto.js';
import { CloseOfferRequest, OfferListQuery, PostOfferRequest } from './offers.dto.js';

/** JSON of an offer: dates as ISO strings; the internal columns stay out. */
function present(offer: OfferView): Record<string, unknown> {
  return JSON.parse(JSON.stringify(offer)) as Record<string, unknown>;
}

@ApiTags('offers')
@Controller('offers')
export class OffersController {
  constructor(
    private readonly read: ReadOffers,
    private readonly search: SearchOffers,
    private readonly post: PostOffer,
    private readonly edit: EditOffer,
    private readonly close: CloseOffer,
  ) {}

  @Get()
  @RequireAction('offers.read')
  @ApiOkResponse({
    description:
      'offers, newest first (canonical copies unless includeDuplicates=true); with q, a keyword search of the open offers in the index',
  })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'q given before the offers index is built' })
  async list(@Query() query: OfferListQuery): Promise<{ items: Record<string, unknown>[]; total: number }> {
    const page = await this.search.execute({ ...query, includeDuplicates: query.includeDuplicates === 'true' });
    return { items: page.items.map(present), total: page.total };
  }

  @Get(':id')
  @RequireAction('offers.read')
  @ApiOkResponse({ description: 'one offer with its copies on other sources' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@Param() params: IdParam): Promise<Record<string, unknown>> {
    return present(await this.read.get(params.id));
  }

  /** Manual posting by platform staff: the same validation as an ingested offer. */
  @Post()
  @RequireAction('offers.manage')
  @ApiCreatedResponse({ description: 'the offer as stored and normalised' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async create(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: PostOfferRequest,
  ): Promise<Record<string, unknown>> {
    return present(await this.post.execute({ userId: actor.userId, structureId: actor.structureId }, body));
  }

  /** The whole offer again, for an offer posted by hand or captured by mediation. */
  @Put(':id')
  @RequireAction('offers.manage')
  @ApiOkResponse({ description: 'the offer as stored and normalised' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'an ingested or closed offer' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: PostOfferRequest,
  ): Promise<Record<string, unknown>> {
    return present(await this.edit.execute({ userId: actor.userId, structureId: actor.structureId }, params.id, body));
  }

  /** Closed by hand or filled: the offer leaves the search index and its source does not reopen it. */
  @Post(':id/close')
  @RequireAction('offers.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'the offer, closed' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async closeOffer(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CloseOfferRequest,
  ): Promise<Record<string, unknown>> {
    return present(
      await this.close.execute({ userId: actor.userId, structureId: actor.structureId }, params.id, body.reason),
    );
  }
}
