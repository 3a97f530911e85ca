import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import type { AppointmentKind, Attendance } from '../domain/appointment.js';
import type { MessageChannel, MessagePurpose } from '../domain/booking.js';
import { AppointmentStore } from './ports/appointment-store.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { BookingStore } from './ports/booking-store.js';
import { NotificationStore } from './ports/notification-store.js';
import { PersonalDataStore } from './ports/personal-data-store.js';
import { ShareStore, type ShareView } from './ports/share-store.js';
import { type BeneficiaryFile, BeneficiaryFiles } from './beneficiary-file.js';
import { coachingError } from '../domain/coaching-errors.js';

export interface BeneficiaryExport {
  readonly exportedAt: string;
  readonly format: 'passerelle.beneficiary-export.v1';
  readonly file: BeneficiaryFile;
  /** Who accessed the file, when and how (the audit log rows about this person). */
  readonly accessLog: Array<{
    occurredAt: Date;
    actorUserId: string;
    action: string;
    details: Record<string, unknown>;
  }>;
  readonly notifications: Array<{ kind: string; message: string; createdAt: Date }>;
  /** Whom the file was shared with, which parts, until when; revoked ones included. */
  readonly shares: ShareView[];
  /** The person's appointments and workshops, latest first, with their own attendance only. */
  readonly appointments: Array<{
    kind: AppointmentKind;
    title: string | null;
    place: string | null;
    startsAt: Date;
    endsAt: Date;
    cancelled: boolean;
    attendance: Attendance | null;
  }>;
  /** The messages sent (or tried) to the person: invitations, reminders, changes, by channel. */
  readonly messages: Array<{
    channel: MessageChannel;
    purpose: MessagePurpose;
    status: 'sent' | 'failed';
    at: Date;
  }>;
}

/**
 * The export of everything held on one person (right of access). Only the referent coach exports
 * (the file holds health notes no one else reads): they hand it to the person who asked.
 */
@Injectable()
export class ExportPersonalData {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly files: BeneficiaryFiles,
    private readonly store: PersonalDataStore,
    private readonly notificationStore: NotificationStore,
    private readonly shares: ShareStore,
    private readonly appointments: AppointmentStore,
    private readonly bookings: BookingStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<BeneficiaryExport> {
    const row = await this.access.open(actor, 'beneficiaries.read', id, { action: 'export' });
    if (!BeneficiaryAccess.isReferent(actor, row))
      throw coachingError('beneficiary.export_referent_only', 'only the referent coach exports a file');
    const manager = this.dataSource.manager;
    const accessLog = await this.store.accessLog(manager, id);
    const notifications = await this.notificationStore.aboutPerson(manager, id);
    const appointments = await this.appointments.ofBeneficiary(manager, id);
    const messages = await this.bookings.deliveries(manager, id);
    return {
      exportedAt: new Date().toISOString(),
      format: 'passerelle.beneficiary-export.v1',
      file: await this.files.file(manager, row, true),
      accessLog,
      notifications,
      shares: await this.shares.list(manager, id),
      appointments: appointments.map((appointment) => ({
        kind: appointment.kind,
        title: appointment.title,
        place: appointment.place,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        cancelled: appointment.cancelledAt !== null,
        attendance: appointment.participants.find((one) => one.beneficiaryId === id)?.attendance ?? null,
      })),
      messages: messages.map((message) => ({
        channel: message.channel,
        purpose: message.purpose,
        status: message.status,
        at: message.at,
      })),
    };
  }
}
