import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTooManyRequestsResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AddParticipant,
  BookingPages,
  BookSlot,
  CalendarFeeds,
  CancelAppointment,
  coachingError,
  InviteToBook,
  ListSlots,
  MoveAppointment,
  OpenSlot,
  PlanAppointment,
  ReadAgenda,
  ReadBeneficiaryAppointments,
  ReadMessageDeliveries,
  RecordAttendance,
  type BookingState,
  WithdrawSlot,
} from '@passerelle/coaching';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import type { AuthenticatedActor } from '@passerelle/identity';
import { CurrentActor, Public, RequireAction } from '../auth/access.decorators.js';
import { PublicLinkRateLimitGuard } from '../auth/rate-limit.guard.js';
import { IdParam } from '../common/id-param.js';
import { ErrorResponse } from '../errors/error-body.js';
import {
  AgendaQuery,
  AppointmentIdParam,
  AppointmentMoveRequest,
  AppointmentRequest,
  AppointmentResponse,
  AppointmentsResponse,
  AttendanceRequest,
  BookingPageResponse,
  BookingRequest,
  BookingTokenParam,
  CalendarFeedResponse,
  CalendarFeedStateResponse,
  CalendarFileParam,
  DeliveryListResponse,
  DeliveryResponse,
  InvitationResponse,
  ParticipantRequest,
  SlotRequest,
  SlotResponse,
  SlotsResponse,
} from './appointments.dto.js';
import { publicBaseUrl } from '../common/public-base-url.js';

/**
 * The coach's agenda. An appointment belongs to the coach who planned it: another coach's is not
 * found (404). Its people are opened through coaching's gate (a coach's portfolio only, audited).
 */
@ApiTags('appointments')
@Controller()
export class AppointmentsController {
  constructor(
    private readonly planning: PlanAppointment,
    private readonly agenda: ReadAgenda,
    private readonly ofPerson: ReadBeneficiaryAppointments,
    private readonly joining: AddParticipant,
    private readonly attendance: RecordAttendance,
    private readonly moving: MoveAppointment,
    private readonly cancelling: CancelAppointment,
    private readonly slotOpening: OpenSlot,
    private readonly slotListing: ListSlots,
    private readonly slotWithdrawal: WithdrawSlot,
    private readonly inviting: InviteToBook,
    private readonly deliveries: ReadMessageDeliveries,
    private readonly calendars: CalendarFeeds,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  @Get('calendar-feed')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: CalendarFeedStateResponse, description: 'whether the coach has a live subscription' })
  async calendarFeed(@CurrentActor() actor: AuthenticatedActor): Promise<CalendarFeedStateResponse> {
    return { live: await this.calendars.live(actor) };
  }

  @Post('calendar-feed')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({
    type: CalendarFeedResponse,
    description: 'a new secret subscription URL (shown once); the one before stops working',
  })
  async openCalendarFeed(
    @CurrentActor() actor: AuthenticatedActor,
    @Req() request: Request,
  ): Promise<CalendarFeedResponse> {
    const base = publicBaseUrl(this.config, request);
    return this.calendars.open(actor, base);
  }

  @Delete('calendar-feed')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'revoked: the URL answers 404 from now on' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async revokeCalendarFeed(@CurrentActor() actor: AuthenticatedActor): Promise<void> {
    await this.calendars.revoke(actor);
  }

  @Get('appointment-slots')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: SlotsResponse, description: 'the coach’s own slots in the span, free or booked' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async slots(@CurrentActor() actor: AuthenticatedActor, @Query() query: AgendaQuery): Promise<SlotsResponse> {
    const items = await this.slotListing.execute(actor, new Date(query.from), new Date(query.to));
    return { items: items.map((item) => SlotResponse.from(item)) };
  }

  @Post('appointment-slots')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: SlotResponse, description: 'a free slot people invited may book' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'times out of order' })
  async openSlot(@CurrentActor() actor: AuthenticatedActor, @Body() body: SlotRequest): Promise<SlotResponse> {
    return SlotResponse.from(
      await this.slotOpening.execute(actor, {
        kind: body.kind,
        place: body.place ?? null,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
      }),
    );
  }

  @Delete('appointment-slots/:id')
  @RequireAction('beneficiaries.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'withdrawn' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'booked: cancel its appointment instead' })
  async withdrawSlot(@CurrentActor() actor: AuthenticatedActor, @Param() params: IdParam): Promise<void> {
    await this.slotWithdrawal.execute(actor, params.id);
  }

  @Post('beneficiaries/:id/booking-invitations')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'a person outside the coach’s portfolio' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'no longer followed' })
  async invite(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
    @Req() request: Request,
  ): Promise<InvitationResponse> {
    const base = publicBaseUrl(this.config, request);
    return InvitationResponse.from(await this.inviting.execute(actor, params.id, base));
  }

  @Get('beneficiaries/:id/message-deliveries')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: DeliveryListResponse, description: 'messages sent to the person, failures included' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async messageDeliveries(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
  ): Promise<DeliveryListResponse> {
    const items = await this.deliveries.execute(actor, params.id);
    return { items: items.map((item) => DeliveryResponse.from(item)) };
  }

  @Get('appointments')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: AppointmentsResponse, description: 'the coach’s own appointments starting in the span' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'an empty span or one over 42 days' })
  async list(@CurrentActor() actor: AuthenticatedActor, @Query() query: AgendaQuery): Promise<AppointmentsResponse> {
    const items = await this.agenda.execute(actor, new Date(query.from), new Date(query.to));
    return { items: items.map((item) => AppointmentResponse.from(item)) };
  }

  @Post('appointments')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: AppointmentResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'a person outside the coach’s portfolio' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'inconsistent times, people or capacity' })
  async plan(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: AppointmentRequest,
  ): Promise<AppointmentResponse> {
    return AppointmentResponse.from(
      await this.planning.execute(actor, {
        ...body,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
      }),
    );
  }

  @Patch('appointments/:id')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: AppointmentResponse, description: 'moved' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'cancelled' })
  async move(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: AppointmentIdParam,
    @Body() body: AppointmentMoveRequest,
  ): Promise<AppointmentResponse> {
    return AppointmentResponse.from(
      await this.moving.execute(actor, params.id, {
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        place: body.place ?? null,
      }),
    );
  }

  @Post('appointments/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: AppointmentResponse, description: 'cancelled (it stays, marked)' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'cancelled already' })
  async cancel(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: AppointmentIdParam,
  ): Promise<AppointmentResponse> {
    return AppointmentResponse.from(await this.cancelling.execute(actor, params.id));
  }

  @Post('appointments/:id/participants')
  @RequireAction('beneficiaries.write')
  @ApiCreatedResponse({ type: AppointmentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'no such appointment, or a person outside the portfolio' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'full, cancelled or taking part already' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'not a collective session' })
  async join(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: AppointmentIdParam,
    @Body() body: ParticipantRequest,
  ): Promise<AppointmentResponse> {
    return AppointmentResponse.from(await this.joining.execute(actor, params.id, body.beneficiaryId));
  }

  @Put('appointments/:id/attendance')
  @RequireAction('beneficiaries.write')
  @ApiOkResponse({ type: AppointmentResponse, description: 'recorded; present becomes a journal contact' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'cancelled' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'not started yet' })
  async recordAttendance(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: AppointmentIdParam,
    @Body() body: AttendanceRequest,
  ): Promise<AppointmentResponse> {
    return AppointmentResponse.from(
      await this.attendance.execute(actor, params.id, body.beneficiaryId, body.attendance),
    );
  }

  @Get('beneficiaries/:id/appointments')
  @RequireAction('beneficiaries.read')
  @ApiOkResponse({ type: AppointmentsResponse, description: 'the person’s appointments, with their attendance only' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async ofBeneficiary(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: IdParam,
  ): Promise<AppointmentsResponse> {
    const items = await this.ofPerson.execute(actor, params.id);
    return { items: items.map((item) => AppointmentResponse.from(item)) };
  }
}

/**
 * The public booking page's API: the holder of a link (no account) sees the coach's free slots and
 * picks one. An unknown or altered token is 404; an expired or revoked link, or a person no longer
 * followed, is 410 with the reason. Rate-limited per address and per link, as the card pages.
 */
@ApiTags('bookings')
@Controller('bookings')
@UseGuards(PublicLinkRateLimitGuard('booking'))
export class BookingsController {
  constructor(
    private readonly pages: BookingPages,
    private readonly booking: BookSlot,
  ) {}

  @Get(':token')
  @Public()
  @ApiOkResponse({ type: BookingPageResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiGoneResponse({ type: BookingPageResponse, description: 'expired, revoked or closed' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  async view(
    @Param() params: BookingTokenParam,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BookingPageResponse> {
    return answer(await this.pages.state(params.token), response);
  }

  @Post(':token')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: BookingPageResponse, description: 'booked: the appointment picked' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiGoneResponse({ type: BookingPageResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'the slot is not free any more' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  async book(
    @Param() params: BookingTokenParam,
    @Body() body: BookingRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BookingPageResponse> {
    const viewer = { userId: null, structureId: null, roles: [], ip: request.ip } as const;
    return answer(await this.booking.execute(params.token, body.slotId, viewer), response);
  }
}

function answer(state: BookingState, response: Response): BookingPageResponse {
  if (state.kind === 'unknown') throw coachingError('booking.not_found', 'no such booking link');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Referrer-Policy', 'no-referrer');
  if (state.kind === 'gone') response.status(HttpStatus.GONE);
  return BookingPageResponse.from(state);
}

/**
 * The coach's agenda for calendar applications: `GET /calendar/<token>.ics`, text/calendar. A
 * revoked, replaced or made-up token is 404. Rate-limited as the booking links.
 */
@ApiTags('appointments')
@Controller('calendar')
@UseGuards(PublicLinkRateLimitGuard('booking'))
export class CalendarController {
  constructor(private readonly calendars: CalendarFeeds) {}

  @Get(':token')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'the agenda, RFC 5545', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async feed(
    @Param() params: CalendarFileParam,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const reader = { userId: null, structureId: null, roles: [], ip: request.ip } as const;
    const text = await this.calendars.read(params.token.replace(/\.ics$/, ''), reader);
    if (text === null) throw coachingError('calendar.not_found', 'no such calendar feed');
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    return text;
  }
}
