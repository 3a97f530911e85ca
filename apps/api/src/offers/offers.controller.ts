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
import { CloseOffer, EditOffer, PostOffer, ReadOffers } from '@passerelle/offers';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { IdParam } from '../identity/identity.dto.js';
import { CloseOfferRequest, OfferListQuery, PostOfferRequest } from './offers.dto.js';
import { OfferPageResponse, OfferResponse } from './offers.response.dto.js';

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
    type: OfferPageResponse,
    description:
      'offers, newest first (canonical copies unless includeDuplicates=true); with q, a keyword search of the open offers in the index',
  })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'q given before the offers index is built' })
  async list(@Query() query: OfferListQuery): Promise<OfferPageResponse> {
    const page = await this.search.execute({ ...query, includeDuplicates: query.includeDuplicates === 'true' });
    return { items: page.items.map((offer) => OfferResponse.from(offer)), total: page.total };
  }

  @Get(':id')
  @RequireAction('offers.read')
  @ApiOkResponse({ type: OfferResponse, description: 'one offer with its copies on other sources' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@Param() params: IdParam): Promise<OfferResponse> {
    return OfferResponse.from(await this.read.get(params.id));
  }

  /** Manual posting by platform staff: the same validation as an ingested offer. */
  @Post()
  @RequireAction('offers.manage')
  @ApiCreatedResponse({ type: OfferResponse, description: 'the offer as stored and normalised' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async create(@CurrentActor() actor: AuthenticatedActor, @Body() body: PostOfferRequest): Promise<OfferResponse> {
    return OfferResponse.from(await this.post.execute({ userId: actor.userId, structureId: actor.structureId }, body));
  }

  /** The whole offer again, for an offer posted by hand or captured by mediation. */
  @Put(':id')
  @RequireAction('offers.manage')
  @ApiOkResponse({ type: OfferResponse, description: 'the offer as stored and normalised' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'an ingested or closed offer' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: PostOfferRequest,
  ): Promise<OfferResponse> {
    return OfferResponse.from(
      await this.edit.execute({ userId: actor.userId, structureId: actor.structureId }, params.id, body),
    );
  }

  /** Closed by hand or filled: the offer leaves the search index and its source does not reopen it. */
  @Post(':id/close')
  @RequireAction('offers.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: OfferResponse, description: 'the offer, closed' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async closeOffer(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: CloseOfferRequest,
  ): Promise<OfferResponse> {
    return OfferResponse.from(
      await this.close.execute({ userId: actor.userId, structureId: actor.structureId }, params.id, body.reason),
    );
  }
}
