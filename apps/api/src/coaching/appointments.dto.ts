import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import {
  APPOINTMENT_KINDS,
  type AppointmentKind,
  type AppointmentView,
  type Attendance,
  ATTENDANCES,
  MAX_CAPACITY,
  type ParticipantView,
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

  static from(participant: ParticipantView): ParticipantResponse {
    const { structureId: _audit, ...shown } = participant;
    return Object.assign(new ParticipantResponse(), shown);
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
