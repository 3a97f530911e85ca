import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import {
  BOOKING_LINK_DAYS,
  bookingUrl,
  firstAppointmentMessage,
  hashBookingToken,
  newBookingToken,
} from '../domain/booking.js';
import { parisToday } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { type EntrantDuplicate, type EntrantRefusal, EntrantsPlanner } from './entrants-import.js';
import { type Deliveries, PersonMessages } from './person-messages.js';
import { BeneficiaryStore } from './ports/beneficiary-store.js';
import { BookingStore } from './ports/booking-store.js';
import { ConsentStore } from './ports/consent-store.js';
import { EntrantsStore } from './ports/entrants-store.js';

export interface EntrantsImportResult {
  readonly created: Array<{ readonly line: number; readonly id: string }>;
  /** The people invited to a first appointment, and what became of each channel. */
  readonly invited: Array<{ readonly line: number; readonly id: string; readonly deliveries: Deliveries }>;
  readonly duplicates: EntrantDuplicate[];
  readonly refused: EntrantRefusal[];
}

/**
 * The confirmation of a previewed import: the same file (its digest as the preview gave it) is read
 * again and checked again under a lock, so a person registered since the preview, or by another
 * confirmation of the file, is a duplicate and not created twice. Each line to create becomes an
 * `oriented` file of its structure, without a referent yet (a manager assigns them); audited.
 * The consents the file records are recorded (by the manager, as the orientation service collected
 * them); a person who consented to a channel with an address for it is invited to a first
 * appointment: a link of their structure (any of its coaches' free slots), sent once the files exist.
 */
@Injectable()
export class ImportEntrants {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planner: EntrantsPlanner,
    private readonly store: EntrantsStore,
    private readonly beneficiaries: BeneficiaryStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly consents: ConsentStore,
    private readonly bookings: BookingStore,
    private readonly messages: PersonMessages,
  ) {}

  async execute(
    actor: Actor,
    bytes: Uint8Array,
    previewDigest: string,
    baseUrl: string,
  ): Promise<EntrantsImportResult> {
    const expiresAt = new Date(this.clock.now().getTime() + BOOKING_LINK_DAYS * 86_400_000);
    const toInvite: Array<{
      line: number;
      id: string;
      firstName: string;
      email: string | null;
      phone: string | null;
      token: string;
      invitationId: string;
    }> = [];
    const result = await this.dataSource.transaction(async (manager) => {
      await this.store.lock(manager);
      const plan = await this.planner.plan(manager, actor, bytes, parisToday(this.clock.now()));
      if (plan.digest !== previewDigest)
        throw coachingError('import.changed', 'this is not the file previewed', [
          { field: 'digest', reason: 'le fichier n’est pas celui de l’aperçu : refaites l’aperçu' },
        ]);
      const created: Array<{ line: number; id: string }> = [];
      for (const entrant of plan.toCreate) {
        const row = await this.beneficiaries.insert(
          manager,
          entrant.structureId,
          {
            firstName: entrant.firstName,
            lastName: entrant.lastName,
            birthDate: entrant.birthDate,
            email: entrant.email,
            phone: entrant.phone,
            address: entrant.address,
            commune: entrant.commune,
          },
          entrant.orientationDate,
        );
        created.push({ line: entrant.line, id: row.id });
        if (entrant.consentEmail) await this.consents.grant(manager, row.id, 'contact_by_email', actor.userId);
        if (entrant.consentSms) await this.consents.grant(manager, row.id, 'contact_by_sms', actor.userId);
        if (entrant.invitedBy.length > 0) {
          const token = newBookingToken();
          const invitationId = await this.bookings.insertInvitation(
            manager,
            row.id,
            { coachUserId: null, structureId: entrant.structureId },
            hashBookingToken(token),
            expiresAt,
          );
          toInvite.push({
            line: entrant.line,
            id: row.id,
            firstName: entrant.firstName,
            email: entrant.email,
            phone: entrant.phone,
            token,
            invitationId,
          });
        }
      }
      if (created.length > 0)
        await this.audit.record(
          actor,
          'create',
          plan.toCreate.map((entrant, index) => ({
            type: 'beneficiary',
            id: created[index].id,
            structureId: entrant.structureId,
          })),
          { via: 'entrants_import', digest: plan.digest },
          manager,
        );
      return { created, duplicates: plan.duplicates, refused: plan.refused };
    });
    // Sent once the files and consents are committed (each delivery is recorded against its file).
    const invited: EntrantsImportResult['invited'] = [];
    for (const person of toInvite) {
      const deliveries = await this.messages.send(
        { id: person.id, email: person.email, phone: person.phone },
        firstAppointmentMessage({ firstName: person.firstName, url: bookingUrl(baseUrl, person.token), expiresAt }),
        { purpose: 'invitation', invitationId: person.invitationId },
      );
      invited.push({ line: person.line, id: person.id, deliveries });
    }
    return { ...result, invited };
  }
}
