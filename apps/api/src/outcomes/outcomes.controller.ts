import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedActor } from '@passerelle/identity';
import {
  ComputeIndicators,
  FollowUps,
  type FollowUpView,
  type IndicatorsReport,
  ManagePlacements,
  type PlacementView,
} from '@passerelle/outcomes';
import { IdParam } from '../common/id-param.js';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
import {
  FollowUpAnswerRequest,
  FollowUpsQuery,
  IndicatorsQuery,
  PlacementEndRequest,
  PlacementRequest,
  PlacementsQuery,
} from './outcomes.dto.js';

/** Placements: from a hired introduction (its staff or the coach) or recorded by the coach. */
@ApiTags('outcomes')
@Controller('placements')
export class PlacementsController {
  constructor(private readonly placements: ManagePlacements) {}

  @Post()
  @RequireAction('beneficiaries.write', 'employers.manage')
  create(@CurrentActor() actor: AuthenticatedActor, @Body() body: PlacementRequest): Promise<PlacementView> {
    return this.placements.create(actor, body);
  }

  @Get()
  @RequireAction('beneficiaries.read')
  list(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: PlacementsQuery,
  ): Promise<{ items: PlacementView[] }> {
    return this.placements.list(actor, query.beneficiaryId).then((items) => ({ items }));
  }

  @Post(':id/end')
  @RequireAction('beneficiaries.write', 'employers.manage')
  @HttpCode(HttpStatus.OK)
  end(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: PlacementEndRequest,
  ): Promise<PlacementView> {
    return this.placements.end(actor, params.id, body);
  }
}

/** Follow-up checkpoints as tasks: due, overdue, upcoming, answered. */
@ApiTags('outcomes')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUps) {}

  @Get()
  @RequireAction('beneficiaries.read', 'employers.manage')
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: FollowUpsQuery): Promise<{ items: FollowUpView[] }> {
    return this.followUps.list(actor, query.state).then((items) => ({ items }));
  }

  @Post(':id/answer')
  @RequireAction('beneficiaries.write', 'employers.manage')
  @HttpCode(HttpStatus.OK)
  answer(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: FollowUpAnswerRequest,
  ): Promise<FollowUpView> {
    return this.followUps.answer(actor, params.id, body);
  }
}

/** Programme indicators, each with numerator, denominator and target: JSON for dashboards, CSV. */
@ApiTags('outcomes')
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: ComputeIndicators) {}

  @Get()
  @RequireAction('indicators.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Query() query: IndicatorsQuery): Promise<IndicatorsReport> {
    return this.indicators.execute(actor, query);
  }

  @Get('export.csv')
  @RequireAction('indicators.read')
  @ApiProduces('text/csv')
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
