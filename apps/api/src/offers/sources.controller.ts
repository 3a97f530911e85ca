import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IngestionJobs, ManageSources, ReadRuns, TrySource } from '@passerelle/ingestion';
import { RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { IdParam, PageQuery } from '../identity/identity.dto.js';
import {
  RejectionPageResponse,
  RejectionResponse,
  RunPageResponse,
  RunQueuedResponse,
  RunResponse,
  SourceResponse,
  TrialResponse,
} from './ingestion.response.dto.js';
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
  @ApiOkResponse({
    type: TrialResponse,
    description: 'the fields extracted and the offer as it would be stored, or the rejection',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'invalid description, or page unreachable' })
  async tryOnPage(@Body() body: SourceTrialRequest): Promise<TrialResponse> {
    return TrialResponse.from(await this.trial.execute(body));
  }

  @Get('sources')
  @RequireAction('offers.manage')
  @ApiOkResponse({ type: [SourceResponse], description: 'every source, secrets redacted' })
  async list(): Promise<SourceResponse[]> {
    return (await this.sources.list()).map((source) => SourceResponse.from(source));
  }

  @Post('sources')
  @RequireAction('offers.manage')
  @ApiCreatedResponse({ type: SourceResponse, description: 'the source (created, or updated when the name exists)' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async register(@Body() body: SourceRequest): Promise<SourceResponse> {
    // Through the API, a source's URLs must reach public addresses (or hosts the operator trusts).
    const source = await this.sources.upsert(body, 'staff');
    await this.jobs.syncSchedule(source);
    return SourceResponse.from(source);
  }

  @Get('sources/:id')
  @RequireAction('offers.manage')
  @ApiOkResponse({ type: SourceResponse, description: 'secrets redacted' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@Param() params: IdParam): Promise<SourceResponse> {
    return SourceResponse.from(await this.sources.get(params.id));
  }

  @Patch('sources/:id')
  @RequireAction('offers.manage')
  @ApiOkResponse({ type: SourceResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse })
  async update(@Param() params: IdParam, @Body() body: SourceUpdateRequest): Promise<SourceResponse> {
    const source = await this.sources.update(params.id, body, 'staff');
    await this.jobs.syncSchedule(source);
    return SourceResponse.from(source);
  }

  /** Queues a run now; the worker takes it. Asking again while one waits changes nothing. */
  @Post('sources/:id/runs')
  @RequireAction('offers.manage')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: RunQueuedResponse, description: 'the run is queued' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async runNow(@Param() params: IdParam): Promise<RunQueuedResponse> {
    const source = await this.sources.get(params.id);
    const job = await this.jobs.runNow(source.name, 'manual');
    return { jobId: job.id, source: source.name };
  }

  @Get('sources/:id/runs')
  @RequireAction('offers.manage')
  @ApiOkResponse({ type: RunPageResponse, description: 'the source’s runs, newest first' })
  async runsOf(@Param() params: IdParam, @Query() query: RunListQuery): Promise<RunPageResponse> {
    const page = await this.runs.list({ sourceId: params.id, limit: query.limit, offset: query.offset });
    return { items: page.items.map((run) => RunResponse.from(run)), total: page.total };
  }

  @Get('runs/:id')
  @RequireAction('offers.manage')
  @ApiOkResponse({ type: RunResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async run(@Param() params: IdParam): Promise<RunResponse> {
    return RunResponse.from(await this.runs.get(params.id));
  }

  @Get('runs/:id/rejections')
  @RequireAction('offers.manage')
  @ApiOkResponse({ type: RejectionPageResponse, description: 'the records the run rejected, in order' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async rejections(@Param() params: IdParam, @Query() query: PageQuery): Promise<RejectionPageResponse> {
    const page = await this.runs.rejectionsOf(params.id, query);
    return { items: page.items.map((rejection) => RejectionResponse.from(rejection)), total: page.total };
  }
}
