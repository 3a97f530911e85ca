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
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExcludeEndpoint,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import {
  CreateNeedLink,
  ListEmployerNeeds,
  ListNeedLinks,
  needGonePage,
  needPage,
  needReceivedPage,
  notFoundPage,
  OpenNeedLink,
  PostEmployerNeed,
  QualifyJobAnalysis,
  RevokeNeedLink,
} from '@passerelle/mediation';
import { IdParam } from '../common/id-param.js';
import { CurrentActor, Public, RequireAction } from '../auth/access.decorators.js';
import { PublicLinkRateLimitGuard } from '../auth/rate-limit.guard.js';
import { ErrorResponse } from '../errors/error-body.js';
import { CardPageThrottleFilter } from './card-page-throttle.filter.js';
import { CardTokenParam, JobAnalysisRequest } from './mediation.dto.js';
import { JobAnalysisCreatedResponse } from './mediation.response.dto.js';
import { EmployerAnalysisParam, NeedFormBody, NeedLinkRequest, NeedLinksQuery } from './employer-needs.dto.js';
import {
  NeedLinkCreatedResponse,
  NeedLinkListResponse,
  NeedLinkResponse,
  NeedListResponse,
  NeedResponse,
} from './employer-needs.response.dto.js';
import { publicBaseUrl } from '../common/public-base-url.js';

/**
 * Recruitment needs employers post without an account: the links mediators give them (or their
 * structure's public form), the needs received with their 48-hour clock, and their qualification.
 * Registered before EmployersController: its `GET /employers/:id` would take `/employers/needs`.
 */
@ApiTags('employers')
@Controller('employers')
export class EmployerNeedsController {
  constructor(
    private readonly linkCreation: CreateNeedLink,
    private readonly linkRevocation: RevokeNeedLink,
    private readonly linkListing: ListNeedLinks,
    private readonly listing: ListEmployerNeeds,
    private readonly qualification: QualifyJobAnalysis,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** The needs employers posted to the actor's structures, newest first, each with its 48-hour clock. */
  @Get('needs')
  @RequireAction('employers.manage')
  @ApiOkResponse({ type: NeedListResponse })
  async needs(@CurrentActor() actor: AuthenticatedActor): Promise<NeedListResponse> {
    return { items: (await this.listing.execute(actor)).map((need) => NeedResponse.from(need)) };
  }

  /** The same needs as a French spreadsheet opens them (text cells guarded against formulas). */
  @Get('needs/export.csv')
  @RequireAction('employers.manage')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'an attachment, besoins-employeurs.csv (`;`-separated, UTF-8 with a BOM)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async needsCsv(@CurrentActor() actor: AuthenticatedActor, @Res() response: Response): Promise<void> {
    const needs = await this.listing.execute(actor);
    response
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', 'attachment; filename="besoins-employeurs.csv"')
      .setHeader('Cache-Control', 'no-store')
      .send(ListEmployerNeeds.csv(needs));
  }

  /** The need links of an employer, or (without `employerId`) the public-form links of the actor's structures. */
  @Get('need-links')
  @RequireAction('employers.manage')
  @ApiOkResponse({ type: NeedLinkListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such employer in the actor’s structures' })
  async links(
    @CurrentActor() actor: AuthenticatedActor,
    @Query() query: NeedLinksQuery,
  ): Promise<NeedLinkListResponse> {
    const links = await this.linkListing.execute(actor, query.employerId ?? null);
    return { items: links.map((link) => NeedLinkResponse.from(link)) };
  }

  /** The public form of the actor's structure: any employer posts a need with their SIRET. */
  @Post('need-links')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: NeedLinkCreatedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async createStructureLink(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: NeedLinkRequest,
    @Req() request: Request,
  ): Promise<NeedLinkCreatedResponse> {
    return NeedLinkCreatedResponse.from(
      await this.linkCreation.execute(
        actor,
        { ...(body.days ? { days: body.days } : {}) },
        publicBaseUrl(this.config, request),
      ),
    );
  }

  @Delete('need-links/:id')
  @RequireAction('employers.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such link in the actor’s structures' })
  async revokeLink(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.linkRevocation.execute(actor, params.id);
  }

  /** A signed, expiring link the employer posts needs through (no account). */
  @Post(':id/need-links')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: NeedLinkCreatedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async createEmployerLink(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: NeedLinkRequest,
    @Req() request: Request,
  ): Promise<NeedLinkCreatedResponse> {
    return NeedLinkCreatedResponse.from(
      await this.linkCreation.execute(
        actor,
        { employerId: params.id, ...(body.days ? { days: body.days } : {}) },
        publicBaseUrl(this.config, request),
      ),
    );
  }

  /** The mediator qualifies an employer's draft job analysis with them; `publish` also makes it an offer. */
  @Post(':id/job-analyses/:analysisId/qualification')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: JobAnalysisCreatedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'unknown ROME code' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such employer, or no such analysis of theirs' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'already qualified' })
  async qualify(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: EmployerAnalysisParam,
    @Body() body: JobAnalysisRequest,
  ): Promise<JobAnalysisCreatedResponse> {
    return Object.assign(
      new JobAnalysisCreatedResponse(),
      await this.qualification.execute(actor, params.id, params.analysisId, body),
    );
  }
}

/**
 * The employer's need form (no account, no script): 404 unknown link, 410 gone, 422 the form again
 * with each problem next to its field, 201 received; 429 past the per-address or per-link rate.
 */
@Controller('besoins')
@UseGuards(PublicLinkRateLimitGuard('need'))
@UseFilters(CardPageThrottleFilter)
export class NeedPagesController {
  constructor(
    private readonly opening: OpenNeedLink,
    private readonly posting: PostEmployerNeed,
  ) {}

  @Get(':token')
  @Public()
  @ApiExcludeEndpoint()
  async view(@Param() params: CardTokenParam, @Res() response: Response): Promise<void> {
    const { state, posted } = await this.opening.execute(params.token);
    const send = this.sender(response);
    if (state.kind === 'unknown') send(HttpStatus.NOT_FOUND, notFoundPage());
    else if (state.kind === 'gone') send(HttpStatus.GONE, needGonePage(state.reason));
    else
      send(
        HttpStatus.OK,
        needPage({
          employerName: state.link.employerName,
          structureName: state.link.structureName,
          formAction: `/besoins/${params.token}`,
          posted,
        }),
      );
  }

  @Post(':token')
  @Public()
  @ApiExcludeEndpoint()
  async post(@Param() params: CardTokenParam, @Body() body: NeedFormBody, @Res() response: Response): Promise<void> {
    const posted = await this.posting.execute(params.token, body);
    const send = this.sender(response);
    if (posted.kind === 'unknown') send(HttpStatus.NOT_FOUND, notFoundPage());
    else if (posted.kind === 'gone') send(HttpStatus.GONE, needGonePage(posted.reason));
    else if (posted.kind === 'invalid')
      send(
        HttpStatus.UNPROCESSABLE_ENTITY,
        needPage({
          employerName: posted.link.employerName,
          structureName: posted.link.structureName,
          formAction: `/besoins/${params.token}`,
          values: body,
          problems: posted.problems,
        }),
      );
    else send(HttpStatus.CREATED, needReceivedPage(posted));
  }

  private sender(response: Response) {
    return (status: number, html: string): void => {
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('Referrer-Policy', 'no-referrer');
      response.status(status).type('html').send(html);
    };
  }
}
