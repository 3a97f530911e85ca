import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedActor } from '@passerelle/identity';
import {
  AnswerFollowUp,
  ComputeIndicators,
  EndPlacement,
  ListFollowUps,
  ListPlacements,
  RecordPlacement,
} from '@passerelle/outcomes';
import { IdParam } from '../common/id-param.js';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import {
  FollowUpAnswerRequest,
  FollowUpsQuery,
  IndicatorsQuery,
  PlacementEndRequest,
  PlacementRequest,
  PlacementsQuery,
} from './outcomes.dto.js';
import {
  FollowUpListResponse,
  FollowUpResponse,
  IndicatorsResponse,
  PlacementListResponse,
  PlacementResponse,
} from './outcomes.response.dto.js';

/** Placements: from a hired introduction (its staff or the coach) or recorded by the coach. */
@ApiTags('outcomes')
@Controller('placements')
export class PlacementsController {
  constructor(
    private readonly recording: RecordPlacement,
    private readonly listing: ListPlacements,
    private readonly ending: EndPlacement,
  ) {}

  @Post()
  @RequireAction('beneficiaries.write', 'employers.manage')
  @ApiCreatedResponse({ type: PlacementResponse, description: 'with its M+1, M+3 and M+6 checkpoints scheduled' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'the introduction already has its placement' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description:
      'the introduction is not hired, the person or employer is missing, the contract does not hold together',
  })
  async create(@CurrentActor() actor: AuthenticatedActor, @Body() body: PlacementRequest): Promise<PlacementResponse> {
    return PlacementResponse.from(await this.recording.execute(actor, body));
  }

  @Get()
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: PlacementListResponse, description: 'the person’s placements' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: PlacementsQuery,
  ): Promise<PlacementListResponse> {
    const items = await this.listing.execute(actor, query.beneficiaryId);
    return { items: items.map((placement) => PlacementResponse.from(placement)) };
  }

  @Post(':id/end')
  @RequireAction('beneficiaries.write', 'employers.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PlacementResponse, description: 'the placement, ended' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'an end before the start, or in the future' })
  async end(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: PlacementEndRequest,
  ): Promise<PlacementResponse> {
    return PlacementResponse.from(await this.ending.execute(actor, params.id, body));
  }
}

/** Follow-up checkpoints as tasks: due, overdue, upcoming, answered. */
@ApiTags('outcomes')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(
    private readonly listing: ListFollowUps,
    private readonly answers: AnswerFollowUp,
  ) {}

  @Get()
  @RequireAction('beneficiaries.read', 'employers.manage')
  @ApiOkResponse({ type: FollowUpListResponse })
  async list(@CurrentActor() actor: AuthenticatedActor, @Query() query: FollowUpsQuery): Promise<FollowUpListResponse> {
    const items = await this.listing.execute(actor, query.state);
    return { items: items.map((followUp) => FollowUpResponse.from(followUp)) };
  }

  @Post(':id/answer')
  @RequireAction('beneficiaries.write', 'employers.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: FollowUpResponse, description: 'the checkpoint, answered' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'already answered' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async answer(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: FollowUpAnswerRequest,
  ): Promise<FollowUpResponse> {
    return FollowUpResponse.from(await this.answers.execute(actor, params.id, body));
  }
}

/** Programme indicators, each with numerator, denominator and target: JSON for dashboards, CSV. */
@ApiTags('outcomes')
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: ComputeIndicators) {}

  @Get()
  @RequireAction('indicators.read')
  @ApiOkResponse({ type: IndicatorsResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'a structure out of reach' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'the period ends before it starts' })
  async get(@CurrentActor() actor: AuthenticatedActor, @Query() query: IndicatorsQuery): Promise<IndicatorsResponse> {
    return IndicatorsResponse.from(await this.indicators.execute(actor, query));
  }

  /** The same figures, one line per group and indicator, as a French spreadsheet opens them. */
  @Get('export.csv')
  @RequireAction('indicators.read')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'an attachment, indicateurs-<from>-<to>.csv (`;`-separated, decimal commas, UTF-8 with a BOM)',
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename=…' } },
  })
  async csv(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: IndicatorsQuery,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.indicators.execute(actor, query);
    response
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="indicateurs-${query.from}-${query.to}.csv"`);
    response.send(ComputeIndicators.csv(report));
  }
}
