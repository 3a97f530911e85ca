import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AddParticipant,
  CancelAppointment,
  MoveAppointment,
  PlanAppointment,
  ReadAgenda,
  ReadBeneficiaryAppointments,
  RecordAttendance,
} from '@passerelle/coaching';
import type { AuthenticatedActor } from '@passerelle/identity';
import { CurrentActor, RequireAction } from '../auth/access.decorators.js';
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
  ParticipantRequest,
} from './appointments.dto.js';

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
  ) {}

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
