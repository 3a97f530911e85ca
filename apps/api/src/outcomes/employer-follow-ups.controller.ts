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
  ApiBadRequestResponse,
  ApiConflictResponse,
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
import { notFoundPage } from '@passerelle/mediation';
import {
  AnswerEmployerFollowUp,
  employerFollowUpAnsweredPage,
  employerFollowUpGonePage,
  employerFollowUpPage,
  type EmployerFollowUpPosted,
  ListEmployerFollowUpLinks,
  OpenEmployerFollowUp,
  RevokeEmployerFollowUpLink,
  SendEmployerFollowUpForm,
} from '@passerelle/outcomes';
import { IdParam } from '../common/id-param.js';
import { CurrentActor, Public, RequireAction } from '../auth/access.decorators.js';
import { PublicLinkRateLimitGuard } from '../auth/rate-limit.guard.js';
import { ErrorResponse } from '../errors/error-body.js';
import { CardPageThrottleFilter } from '../mediation/card-page-throttle.filter.js';
import { CardTokenParam } from '../mediation/mediation.dto.js';
import {
  EmployerFollowUpFormBody,
  EmployerFollowUpLinkParam,
  EmployerFollowUpLinkRequest,
} from './employer-follow-ups.dto.js';
import {
  EmployerFollowUpLinkCreatedResponse,
  EmployerFollowUpLinkListResponse,
  EmployerFollowUpLinkResponse,
} from './employer-follow-ups.response.dto.js';
import { publicBaseUrl } from '../common/public-base-url.js';

/**
 * The employer's side of a job's checkpoint: the links its assignee or the person's referent sends
 * an employer contact (the actor must manage the employer), listed with their state and revoked.
 */
@ApiTags('outcomes')
@Controller('follow-ups')
export class EmployerFollowUpLinksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly sending: SendEmployerFollowUpForm,
    private readonly listing: ListEmployerFollowUpLinks,
    private readonly revocation: RevokeEmployerFollowUpLink,
  ) {}

  /** E-mails the employer contact a signed, expiring link to the two-question form of a due checkpoint. */
  @Post(':id/employer-links')
  @RequireAction('employers.manage')
  @ApiCreatedResponse({ type: EmployerFollowUpLinkCreatedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'no such checkpoint for the actor, or employer not managed',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'the employer already answered this checkpoint' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'not due yet, no employer on record, or a contact without e-mail',
  })
  async send(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Body() body: EmployerFollowUpLinkRequest,
    @Req() request: Request,
  ): Promise<EmployerFollowUpLinkCreatedResponse> {
    return EmployerFollowUpLinkCreatedResponse.from(
      await this.sending.execute(actor, params.id, body, publicBaseUrl(this.config, request)),
    );
  }

  @Get(':id/employer-links')
  @RequireAction('employers.manage')
  @ApiOkResponse({ type: EmployerFollowUpLinkListResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async list(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
  ): Promise<EmployerFollowUpLinkListResponse> {
    const links = await this.listing.execute(actor, params.id);
    return { items: links.map((link) => EmployerFollowUpLinkResponse.from(link)) };
  }

  @Delete(':id/employer-links/:linkId')
  @RequireAction('employers.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such link in force on this checkpoint' })
  async revoke(@CurrentActor() actor: AuthenticatedActor, @Param() params: EmployerFollowUpLinkParam): Promise<void> {
    await this.revocation.execute(actor, params.id, params.linkId);
  }
}

/**
 * The employer's follow-up form (no account, no script): 404 unknown link, 410 gone, 422 the form
 * again with each problem next to its field, 201 answered, 409 a second answer (the first is
 * shown); 429 past the per-address or per-link rate.
 */
@Controller('suivis-employeur')
@UseGuards(PublicLinkRateLimitGuard('employer-follow-up'))
@UseFilters(CardPageThrottleFilter)
export class EmployerFollowUpPagesController {
  constructor(
    private readonly opening: OpenEmployerFollowUp,
    private readonly answering: AnswerEmployerFollowUp,
  ) {}

  @Get(':token')
  @Public()
  @ApiExcludeEndpoint()
  async view(@Param() params: CardTokenParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    const state = await this.opening.execute(params.token, request.ip);
    this.render(response, params.token, state, {});
  }

  @Post(':token')
  @Public()
  @ApiExcludeEndpoint()
  async post(
    @Param() params: CardTokenParam,
    @Body() body: EmployerFollowUpFormBody,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const posted = await this.answering.execute(params.token, body, request.ip);
    this.render(response, params.token, posted, body);
  }

  private render(
    response: Response,
    token: string,
    state: EmployerFollowUpPosted,
    values: EmployerFollowUpFormBody,
  ): void {
    const send = (status: number, html: string): void => {
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('Referrer-Policy', 'no-referrer');
      response.status(status).type('html').send(html);
    };
    const formAction = `/suivis-employeur/${token}`;
    switch (state.kind) {
      case 'unknown':
        return send(HttpStatus.NOT_FOUND, notFoundPage());
      case 'gone':
        return send(HttpStatus.GONE, employerFollowUpGonePage(state.reason));
      case 'open':
        return send(HttpStatus.OK, employerFollowUpPage({ job: state.job, formAction }));
      case 'invalid':
        return send(
          HttpStatus.UNPROCESSABLE_ENTITY,
          employerFollowUpPage({ job: state.job, formAction, values, problems: state.problems }),
        );
      case 'answered': {
        const page = employerFollowUpAnsweredPage({ ...state, again: !state.now });
        // A GET shows the answer given (200); a second POST is refused and shows the first (409).
        const method = response.req.method;
        return send(state.now ? HttpStatus.CREATED : method === 'POST' ? HttpStatus.CONFLICT : HttpStatus.OK, page);
      }
    }
  }
}
