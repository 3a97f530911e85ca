import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Mailer, SmsSender } from '@passerelle/core';
import type { DeliveryOutcome, MessageChannel, MessagePurpose, PersonMessage } from '../domain/booking.js';
import type { ConsentPurpose } from '../domain/coaching.js';
import { BookingStore } from './ports/booking-store.js';
import { ConsentStore } from './ports/consent-store.js';

export interface Addressee {
  readonly id: string;
  readonly email: string | null;
  readonly phone: string | null;
}

export type Deliveries = Record<MessageChannel, DeliveryOutcome>;

const CONSENT_OF: Record<MessageChannel, ConsentPurpose> = { email: 'contact_by_email', sms: 'contact_by_sms' };

/**
 * Writes to a person by e-mail and by SMS, each channel only with the person's consent in force for
 * it (read at the moment of sending) and an address on the file. Each attempt is recorded, a failure
 * with its reason; nothing is retried here. Called after the caller's transaction: no lock is held
 * while a provider answers.
 */
@Injectable()
export class PersonMessages {
  private readonly logger = new Logger(PersonMessages.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentStore,
    private readonly bookings: BookingStore,
    private readonly mailer: Mailer,
    private readonly sms: SmsSender,
  ) {}

  async send(
    person: Addressee,
    message: PersonMessage,
    refs: {
      purpose: MessagePurpose;
      appointmentId?: string;
      invitationId?: string;
      spaceLinkId?: string;
      /** Only the first channel in this order that sends the message (a code goes once); both otherwise. */
      firstOf?: readonly MessageChannel[];
    },
  ): Promise<Deliveries> {
    const manager = this.dataSource.manager;
    const given = new Set(
      (await this.consents.list(manager, person.id))
        .filter((consent) => consent.revokedAt === null)
        .map((consent) => consent.purpose),
    );
    const outcomes = { email: 'no_consent', sms: 'no_consent' } as Record<MessageChannel, DeliveryOutcome>;
    for (const channel of refs.firstOf ?? (['email', 'sms'] as const)) {
      if (refs.firstOf && Object.values(outcomes).includes('sent')) break;
      const address = channel === 'email' ? person.email : person.phone;
      if (!given.has(CONSENT_OF[channel])) outcomes[channel] = 'no_consent';
      else if (!address) outcomes[channel] = 'no_address';
      else {
        let error: string | null = null;
        try {
          if (channel === 'email')
            await this.mailer.send({
              to: address,
              subject: message.subject,
              text: message.email,
              aboutPersonId: person.id,
            });
          else await this.sms.send({ to: address, text: message.sms, aboutPersonId: person.id });
        } catch (caught) {
          error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500);
          this.logger.warn({ channel, purpose: refs.purpose, error }, 'a message to a person could not be sent');
        }
        await this.bookings.recordDelivery(manager, {
          beneficiaryId: person.id,
          channel,
          purpose: refs.purpose,
          status: error === null ? 'sent' : 'failed',
          error,
          appointmentId: refs.appointmentId ?? null,
          invitationId: refs.invitationId ?? null,
          spaceLinkId: refs.spaceLinkId ?? null,
        });
        outcomes[channel] = error === null ? 'sent' : 'failed';
      }
    }
    return outcomes;
  }
}
