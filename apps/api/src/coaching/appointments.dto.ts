import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import {
  APPOINTMENT_KINDS,
  type AppointmentKind,
  type AppointmentView,
  type Attendance,
  ATTENDANCES,
  type BookingState,
  type DeliveryOutcome,
  type DeliveryView,
  type Invitation,
  MAX_CAPACITY,
  MESSAGE_CHANNELS,
  MESSAGE_PURPOSES,
  type MessageChannel,
  type MessagePurpose,
  type ParticipantView,
  type SlotView,
} from '@passerelle/coaching';
import { CalendarDateTime } from '../common/date-field.js';
import { IdParam } from '../common/id-param.js';
import { NotBlank } from '../common/not-blank.decorator.js';
import { Omittable } from '../common/omittable.decorator.js';

export class AppointmentRequest {
  @ApiProperty({ enum: APPOINTMENT_KINDS, description: 'in person, phone, video (one person) or collective' })
  @IsIn(APPOINTMENT_KINDS)
  kind!: AppointmentKind;
  @ApiProperty({ format: 'date-time' }) @CalendarDateTime() startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'after startsAt, at most 12 hours later' })
  @CalendarDateTime()
  endsAt!: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'collective sessions: required' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  title?: string;
  @ApiPropertyOptional({ maxLength: 300, description: 'an address, a room or a video link; collective: required' })
  @Omittable()
  @IsString()
  @Length(1, 300)
  @NotBlank()
  place?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CAPACITY, description: 'collective sessions: required' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'people of the coach’s portfolio: one for an individual appointment',
  })
  @IsArray()
  @ArrayMaxSize(MAX_CAPACITY)
  @IsUUID('all', { each: true })
  beneficiaryIds!: string[];
}

export class AppointmentMoveRequest {
  @ApiProperty({ format: 'date-time' }) @CalendarDateTime() startsAt!: string;
  @ApiProperty({ format: 'date-time' }) @CalendarDateTime() endsAt!: string;
  @ApiPropertyOptional({ maxLength: 300, description: 'left out: the place stays' })
  @Omittable()
  @IsString()
  @Length(1, 300)
  @NotBlank()
  place?: string;
}

export class ParticipantRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') beneficiaryId!: string;
}

export class AttendanceRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') beneficiaryId!: string;
  @ApiProperty({ enum: ATTENDANCES }) @IsIn(ATTENDANCES) attendance!: Attendance;
}

export class AgendaQuery {
  @ApiProperty({ format: 'date-time', description: 'from this instant' }) @CalendarDateTime() from!: string;
  @ApiProperty({ format: 'date-time', description: 'to this instant (excluded), at most 42 days later' })
  @CalendarDateTime()
  to!: string;
}

export class AppointmentIdParam extends IdParam {}

/** Unused values stay null, never absent: the web app reads one shape. */
export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) beneficiaryId!: string;
  @ApiProperty({ nullable: true, type: String }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName!: string | null;
  @ApiProperty({ nullable: true, enum: ATTENDANCES, type: String }) attendance!: Attendance | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the journal contact it became' })
  journalEventId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'confirmed by the person' })
  confirmedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'the person asked to move it' })
  moveRequestedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the person’s message asking to move it' })
  moveRequest!: string | null;

  static from(participant: ParticipantView): ParticipantResponse {
    const { structureId: _audit, ...shown } = participant;
    return Object.assign(new ParticipantResponse(), {
      ...shown,
      confirmedAt: shown.confirmedAt?.toISOString() ?? null,
      moveRequestedAt: shown.moveRequestedAt?.toISOString() ?? null,
    });
  }
}

export class AppointmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) coachUserId!: string;
  @ApiProperty({ enum: APPOINTMENT_KINDS }) kind!: AppointmentKind;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiProperty({ nullable: true, type: Number }) capacity!: number | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt!: string | null;
  @ApiProperty({ type: [ParticipantResponse] }) participants!: ParticipantResponse[];

  static from(view: AppointmentView): AppointmentResponse {
    return Object.assign(new AppointmentResponse(), {
      ...view,
      startsAt: view.startsAt.toISOString(),
      endsAt: view.endsAt.toISOString(),
      cancelledAt: view.cancelledAt?.toISOString() ?? null,
      participants: view.participants.map((participant) => ParticipantResponse.from(participant)),
    });
  }
}

export class AppointmentsResponse {
  @ApiProperty({ type: [AppointmentResponse] }) items!: AppointmentResponse[];
}

const INDIVIDUAL_KINDS = ['in_person', 'phone', 'video'] as const;
const DELIVERY_OUTCOMES = ['sent', 'failed', 'no_consent', 'no_address'] as const;

export class SlotRequest {
  @ApiProperty({ enum: INDIVIDUAL_KINDS, description: 'how the appointment booked on it takes place' })
  @IsIn(INDIVIDUAL_KINDS)
  kind!: (typeof INDIVIDUAL_KINDS)[number];
  @ApiProperty({ format: 'date-time' }) @CalendarDateTime() startsAt!: string;
  @ApiProperty({ format: 'date-time' }) @CalendarDateTime() endsAt!: string;
  @ApiPropertyOptional({ maxLength: 300 })
  @Omittable()
  @IsString()
  @Length(1, 300)
  @NotBlank()
  place?: string;
}

export class SlotResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPOINTMENT_KINDS }) kind!: AppointmentKind;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the appointment once booked' })
  appointmentId!: string | null;

  static from(slot: SlotView): SlotResponse {
    return Object.assign(new SlotResponse(), {
      ...slot,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
    });
  }
}

export class SlotsResponse {
  @ApiProperty({ type: [SlotResponse] }) items!: SlotResponse[];
}

export class DeliveriesResponse {
  @ApiProperty({ enum: DELIVERY_OUTCOMES }) email!: DeliveryOutcome;
  @ApiProperty({ enum: DELIVERY_OUTCOMES }) sms!: DeliveryOutcome;
}

export class InvitationResponse {
  @ApiProperty({ description: 'the link, shown once: only its hash is kept' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: DeliveriesResponse, description: 'per channel: sent, failed, or why not tried' })
  deliveries!: DeliveriesResponse;

  static from(invitation: Invitation): InvitationResponse {
    return Object.assign(new InvitationResponse(), {
      url: invitation.url,
      expiresAt: invitation.expiresAt.toISOString(),
      deliveries: { ...invitation.deliveries },
    });
  }
}

export class DeliveryResponse {
  @ApiProperty({ enum: MESSAGE_CHANNELS }) channel!: MessageChannel;
  @ApiProperty({ enum: MESSAGE_PURPOSES }) purpose!: MessagePurpose;
  @ApiProperty({ enum: ['sent', 'failed'] }) status!: 'sent' | 'failed';
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) appointmentId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;

  static from(delivery: DeliveryView): DeliveryResponse {
    return Object.assign(new DeliveryResponse(), { ...delivery, at: delivery.at.toISOString() });
  }
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse] }) items!: DeliveryResponse[];
}

export class BookingTokenParam {
  @ApiProperty() @IsString() @Length(1, 200) token!: string;
}

export class BookingRequest {
  @ApiProperty({ format: 'uuid', description: 'a free slot, or a collective session with a place left' })
  @IsUUID('all')
  slotId!: string;
}

export class BookingSlotResponse {
  @ApiProperty({ format: 'uuid', description: 'a free slot, or a collective session with a place left' })
  id!: string;
  @ApiProperty({ enum: APPOINTMENT_KINDS }) kind!: AppointmentKind;
  @ApiProperty({ nullable: true, type: String, description: 'a collective session’s title' })
  title!: string | null;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class BookedAppointmentResponse {
  @ApiProperty({ enum: APPOINTMENT_KINDS }) kind!: AppointmentKind;
  @ApiProperty({ nullable: true, type: String, description: 'a collective session’s title' })
  title!: string | null;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() cancelled!: boolean;
}

/** The public booking page: open (free slots and sessions with a place left), booked (the one picked) or gone (why). */
export class BookingPageResponse {
  @ApiProperty({ enum: ['open', 'booked', 'gone'] }) state!: 'open' | 'booked' | 'gone';
  @ApiProperty({ nullable: true, enum: ['expired', 'revoked', 'closed'], type: String })
  reason!: 'expired' | 'revoked' | 'closed' | null;
  @ApiProperty({ nullable: true, type: String }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ type: [BookingSlotResponse] }) slots!: BookingSlotResponse[];
  @ApiProperty({ nullable: true, type: BookedAppointmentResponse }) booked!: BookedAppointmentResponse | null;

  static from(state: Exclude<BookingState, { kind: 'unknown' }>): BookingPageResponse {
    const base = { reason: null, firstName: null, expiresAt: null, slots: [], booked: null };
    switch (state.kind) {
      case 'gone':
        return Object.assign(new BookingPageResponse(), { ...base, state: 'gone', reason: state.reason });
      case 'booked':
        return Object.assign(new BookingPageResponse(), {
          ...base,
          state: 'booked',
          firstName: state.firstName,
          booked: {
            ...state.appointment,
            startsAt: state.appointment.startsAt.toISOString(),
            endsAt: state.appointment.endsAt.toISOString(),
          },
        });
      case 'open':
        return Object.assign(new BookingPageResponse(), {
          ...base,
          state: 'open',
          firstName: state.firstName,
          expiresAt: state.expiresAt.toISOString(),
          slots: [
            ...state.slots.map((slot) => ({ ...slot, title: null })),
            ...state.sessions.map((session) => ({ ...session, kind: 'collective' as const })),
          ]
            .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
            .map((slot) => ({
              id: slot.id,
              kind: slot.kind,
              title: slot.title,
              place: slot.place,
              startsAt: slot.startsAt.toISOString(),
              endsAt: slot.endsAt.toISOString(),
            })),
        });
    }
  }
}

export class CalendarFeedResponse {
  @ApiProperty({ description: 'the secret subscription URL, shown once' }) url!: string;
}

export class CalendarFeedStateResponse {
  @ApiProperty() live!: boolean;
}

export class CalendarFileParam {
  @ApiProperty({ description: '<token>.ics' }) @IsString() @Length(1, 200) token!: string;
}
