import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedActor } from '@passerelle/identity';
import { type OfferView, PostOffer, ReadOffers } from '@passerelle/offers';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { IdParam } from '../identity/identity.dto.js';
import { OfferListQuery, PostOfferRequest } from './offers.dto.js';

/** JSON of an offer: dates as ISO strings; the internal columns stay out. */
function present(offer: OfferView): Record<string, unknown> {
  return JSON.parse(JSON.stringify(offer)) as Record<string, unknown>;
}

@ApiTags('offers')
@Controller('offers')
export class OffersController {
  constructor(
    private readonly read: ReadOffers,
    private readonly post: PostOffer,
  ) {}

  @Get()
  @RequireAction('offers.read')
  @ApiOkResponse({ description: 'offers from Postgres (canonical copies unless includeDuplicates=true)' })
  async list(@Query() query: OfferListQuery): Promise<{ items: Record<string, unknown>[]; total: number }> {
    const page = await this.read.list({ ...query, includeDuplicates: query.includeDuplicates === 'true' });
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
}
