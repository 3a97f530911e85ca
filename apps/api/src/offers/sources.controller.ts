import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  IngestionJobs,
  ManageSources,
  ReadRuns,
  type RejectionView,
  type RunView,
  type SourceView,
  type TrialResult,
  TrySource,
} from '@passerelle/ingestion';
import { RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { IdParam, PageQuery } from '../identity/identity.dto.js';
import { RunListQuery, SourceRequest, SourceTrialRequest, SourceUpdateRequest } from './offers.dto.js';

/** Ingestion sources, their runs and rejected records: platform staff's view of what comes in. */
@ApiTags('ingestion')
@Controller()
export class SourcesController {
  constructor(
    private readonly sources: ManageSources,
    private readonly runs: ReadRuns,
    private readonly jobs: IngestionJobs,
    private readonly trial: TrySource,
  ) {}

  /**
   * A site description tried on one offer page before saving: what would be extracted, or why the
   * page would be rejected. Fetched as a run fetches (public addresses only unless trusted).
   */
  @Post('sources/try')
  @RequireAction('offers.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'the fields extracted and the offer as it would be stored, or the rejection' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'invalid description, or page unreachable' })
  tryOnPage(@Body() body: SourceTrialRequest): Promise<TrialResult> {
    return this.trial.execute(body);
  }

  @Get('sources')
  @RequireAction('offers.manage')
  @ApiOkResponse({ description: 'every source, secrets redacted' })
  list(): Promise<SourceView[]> {
    return this.sources.list();
  }

  @Post('sources')
  @RequireAction('offers.manage')
  @ApiCreatedResponse({ description: 'the source (created, or updated when the name exists)' })
  async register(@Body() body: SourceRequest): Promise<SourceView> {
    // Through the API, a source's URLs must reach public addresses (or hosts the operator trusts).
    const source = await this.sources.upsert(body, 'staff');
    await this.jobs.syncSchedule(source);
    return source;
  }

  @Get('sources/:id')
  @RequireAction('offers.manage')
  get(@Param() params: IdParam): Promise<SourceView> {
    return this.sources.get(params.id);
  }

  @Patch('sources/:id')
  @RequireAction('offers.manage')
  async update(@Param() params: IdParam, @Body() body: SourceUpdateRequest): Promise<SourceView> {
    const source = await this.sources.update(params.id, body, 'staff');
    await this.jobs.syncSchedule(source);
    return source;
  }

  /** Queues a run now; the worker takes it. Asking again while one waits changes nothing. */
  @Post('sources/:id/runs')
  @RequireAction('offers.manage')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'the run is queued' })
  async runNow(@Param() params: IdParam): Promise<{ jobId: string | undefined; source: string }> {
    const source = await this.sources.get(params.id);
    const job = await this.jobs.runNow(source.name, 'manual');
    return { jobId: job.id, source: source.name };
  }

  @Get('sources/:id/runs')
  @RequireAction('offers.manage')
  runsOf(@Param() params: IdParam, @Query() query: RunListQuery): Promise<{ items: RunView[]; total: number }> {
    return this.runs.list({ sourceId: params.id, limit: query.limit, offset: query.offset });
  }

  @Get('runs/:id')
  @RequireAction('offers.manage')
  run(@Param() params: IdParam): Promise<RunView> {
    return this.runs.get(params.id);
  }

  @Get('runs/:id/rejections')
  @RequireAction('offers.manage')
  rejections(@Param() params: IdParam, @Query() query: PageQuery): Promise<{ items: RejectionView[]; total: number }> {
    return this.runs.rejectionsOf(params.id, query);
  }
}
