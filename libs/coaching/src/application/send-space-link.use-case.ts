import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { ACTIVE_STATUSES } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { hashSpaceSecret, newSpaceToken, SPACE_LINK_DAYS, spaceLinkMessage, spaceUrl } from '../domain/person-space.js';
import { type Deliveries, PersonMessages } from './person-messages.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { ConsentStore } from './ports/consent-store.js';
import { PersonSpaceStore } from './ports/person-space-store.js';

export interface SentSpaceLink {
  readonly linkId: string;
  readonly expiresAt: Date;
  readonly deliveries: Deliveries;
}

/**
 * The coach sends a person of their portfolio the link to their own space, by SMS and e-mail where
 * the person consented to each channel and has an address (refused when no channel can take it).
 * The link itself reaches only the person: the coach never sees it, so nobody but the person
 * answers, validates or withdraws in their name. A new link replaces the ones in force.
 */
@Injectable()
export class SendSpaceLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly consents: ConsentStore,
    private readonly spaces: PersonSpaceStore,
    private readonly messages: PersonMessages,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, beneficiaryId: string, baseUrl: string): Promise<SentSpaceLink> {
    const token = newSpaceToken();
    const expiresAt = new Date(this.clock.now().getTime() + SPACE_LINK_DAYS * 86_400_000);
    const { row, linkId } = await this.dataSource.transaction(async (manager) => {
      const row = await this.access.openForUpdate(actor, beneficiaryId, 'space_link', manager);
      if (!ACTIVE_STATUSES.includes(row.status))
        throw coachingError('space.person_not_followed', 'this person is no longer followed', [
          { field: 'status', reason: row.status },
        ]);
      const given = new Set(
        (await this.consents.list(manager, beneficiaryId))
          .filter((consent) => consent.revokedAt === null)
          .map((consent) => consent.purpose),
      );
      const reachable =
        (given.has('contact_by_sms') && row.phone !== null) || (given.has('contact_by_email') && row.email !== null);
      if (!reachable)
        throw coachingError('space.no_channel', 'the link can go neither by SMS nor by e-mail', [
          { field: 'channel', reason: 'needs a phone or e-mail on the file with the consent for that channel' },
        ]);
      await this.spaces.revokeLinks(manager, beneficiaryId);
      const linkId = await this.spaces.insertLink(manager, {
        beneficiaryId,
        tokenHash: hashSpaceSecret(token),
        expiresAt,
        createdBy: actor.userId,
      });
      return { row, linkId };
    });
    const deliveries = await this.messages.send(
      { id: row.id, email: row.email, phone: row.phone },
      spaceLinkMessage({ firstName: row.first_name, url: spaceUrl(baseUrl, token), expiresAt }),
      { purpose: 'space_link', spaceLinkId: linkId },
    );
    return { linkId, expiresAt, deliveries };
  }
}
