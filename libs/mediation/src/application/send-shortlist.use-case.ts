import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CheckConsent } from '@passerelle/coaching';
import { Clock, Mailer, RuntimeSettings } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { hashToken, newCardToken } from '../domain/card-link.js';
import { mediationError } from '../domain/mediation-errors.js';
import {
  cardCountProblems,
  type OfferedSlot,
  shortlistEmail,
  shortlistUrl,
  slotProblems,
} from '../domain/shortlist.js';
import { assertCardMayBeShared } from './card-sharing.js';
import { IntroductionAccess } from './introduction-access.js';
import { LinkSealer } from './link-sealer.js';
import { EmployerStore } from './ports/employer-store.js';
import { type IntroductionRow, IntroductionStore } from './ports/introduction-store.js';
import { PeopleAccessLog } from './ports/people-access-log.js';
import { CardValidationStore } from './ports/card-validation-store.js';
import { ShortlistStore } from './ports/shortlist-store.js';

export interface NewShortlistInput {
  readonly offerId: string;
  /** One to five introductions for this offer, in the order the employer sees them. */
  readonly introductionIds: readonly string[];
  readonly slots?: readonly OfferedSlot[];
  readonly contactId?: string;
}

/**
 * One signed link for an offer showing an employer one to five cards side by side (only the token's
 * hash is kept), e-mailed to a contact when one is named. Every card is checked as a single card
 * link checks it: the person accepted, and their card may be shared (consent); a refusal names the
 * card. Each introduction moves to `card_sent` and its trail records the link; the disclosure is
 * audited (to which employer, for which offer, for whom).
 */
@Injectable()
export class SendShortlist {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly access: IntroductionAccess,
    private readonly introductions: IntroductionStore,
    private readonly shortlists: ShortlistStore,
    private readonly employers: EmployerStore,
    private readonly consents: CheckConsent,
    private readonly mailer: Mailer,
    private readonly accessLog: PeopleAccessLog,
    private readonly validations: CardValidationStore,
    private readonly sealer: LinkSealer,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    input: NewShortlistInput,
    baseUrl: string,
  ): Promise<{ id: string; url: string; expiresAt: Date; emailedTo: string | null }> {
    const slots = input.slots ?? [];
    const problems = [...cardCountProblems(input.introductionIds), ...slotProblems(slots, this.clock.now())];
    if (problems.length > 0) throw mediationError('shortlist.invalid', 'this shortlist is inconsistent', problems);
    const sent = await this.dataSource.transaction(async (manager) => {
      const rows: IntroductionRow[] = [];
      for (const [index, id] of input.introductionIds.entries()) {
        const field = `introductionIds[${index}]`;
        const row = await this.access.open(manager, actor, id);
        if (row.offer_id !== input.offerId)
          throw mediationError('shortlist.invalid', 'every card of a shortlist is for its offer', [
            { field, reason: 'an introduction for another offer' },
          ]);
        if (!row.card || (row.status !== 'accepted' && row.status !== 'card_sent'))
          throw mediationError('introduction.not_ready', 'the person must have accepted first', [
            { field, reason: `status ${row.status}` },
          ]);
        await assertCardMayBeShared(
          manager,
          { consents: this.consents, validations: this.validations },
          { id: row.id, beneficiaryId: row.beneficiary_id, card: row.card },
          field,
        );
        rows.push(row);
      }
      const { employer_id: employerId, employer_name: employerName, offer_title: offerTitle } = rows[0];
      let contact: { email: string; name: string } | null = null;
      if (input.contactId) {
        contact = await this.employers.contactWithEmail(manager, input.contactId, employerId);
        if (!contact)
          throw mediationError('introduction.no_contact_email', 'this contact has no e-mail at this employer', [
            { field: 'contactId', reason: 'not a contact with an e-mail of this employer' },
          ]);
      }
      const token = newCardToken();
      const days = await this.settings.number('mediation.card_link_days', manager);
      const expiresAt = new Date(this.clock.now().getTime() + days * 86_400_000);
      const url = shortlistUrl(baseUrl, token);
      const id = await this.shortlists.insert(manager, {
        offerId: input.offerId,
        employerId,
        structureId: actor.structureId,
        tokenHash: hashToken(token),
        expiresAt,
        slots,
        contactId: input.contactId ?? null,
        // Kept only for a contact who is e-mailed: the reminder and the reply notices carry the same link.
        linkSealed: contact ? this.sealer.seal(url) : null,
        createdBy: actor.userId,
        introductionIds: input.introductionIds,
      });
      for (const row of rows) {
        await this.introductions.record(manager, row.id, 'link_sent', null, null, actor, {
          shortlistId: id,
          expiresAt: expiresAt.toISOString(),
        });
        if (row.status === 'accepted') {
          await this.introductions.setStatus(manager, row.id, 'card_sent');
          await this.introductions.record(manager, row.id, 'transition', 'accepted', 'card_sent', actor);
        }
      }
      await this.accessLog.record(
        manager,
        actor,
        'share',
        rows.map((row) => row.beneficiary_id),
        {
          part: 'shortlist',
          shortlistId: id,
          introductionIds: input.introductionIds,
          employerId,
          employerName,
          offerId: input.offerId,
          contactId: input.contactId ?? null,
          emailedTo: contact?.email ?? null,
          expiresAt: expiresAt.toISOString(),
        },
      );
      return { id, url, expiresAt, contact, offerTitle, count: rows.length };
    });
    // After the commit: no e-mail for a link that does not exist.
    if (sent.contact)
      await this.mailer.send({
        to: sent.contact.email,
        ...shortlistEmail({
          contactName: sent.contact.name,
          count: sent.count,
          offerTitle: sent.offerTitle ?? 'votre offre',
          url: sent.url,
          expiresAt: sent.expiresAt,
        }),
      });
    return { id: sent.id, url: sent.url, expiresAt: sent.expiresAt, emailedTo: sent.contact?.email ?? null };
  }
}
