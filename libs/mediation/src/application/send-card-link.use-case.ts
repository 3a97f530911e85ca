import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CheckConsent } from '@passerelle/coaching';
import { Clock, Mailer, RuntimeSettings } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { cardLinkEmail, cardLinkUrl, hashToken, newCardToken } from '../domain/card-link.js';
import { CardLinkStore } from './ports/card-link-store.js';
import { EmployerStore } from './ports/employer-store.js';
import { IntroductionStore } from './ports/introduction-store.js';
import { CardLinkJobs } from './ports/card-link-jobs.js';
import { IntroductionAccess } from './introduction-access.js';
import { PeopleAccessLog } from './ports/people-access-log.js';
import { CardValidationStore } from './ports/card-validation-store.js';
import { assertCardMayBeShared } from './card-sharing.js';
import { mediationError } from '../domain/mediation-errors.js';

/**
 * A signed link for the employer (only the token's hash is kept), e-mailed to a contact when one is
 * named. Refused without the person's consent to share their profile, or before the person validated
 * this version of the card in their space (assertCardMayBeShared). The introduction moves to
 * `card_sent`. A disclosure to a third party: the audit log records to which employer (and
 * contact's address), for which introduction. A reminder is due if the employer does not answer.
 */
@Injectable()
export class SendCardLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly access: IntroductionAccess,
    private readonly introductions: IntroductionStore,
    private readonly links: CardLinkStore,
    private readonly employers: EmployerStore,
    private readonly consents: CheckConsent,
    private readonly mailer: Mailer,
    private readonly reminders: CardLinkJobs,
    private readonly accessLog: PeopleAccessLog,
    private readonly validations: CardValidationStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    baseUrl: string,
    options: { contactId?: string } = {},
  ): Promise<{ url: string; expiresAt: Date; emailedTo: string | null }> {
    const sent = await this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(manager, actor, id);
      if (!row.card || (row.status !== 'accepted' && row.status !== 'card_sent'))
        throw mediationError('introduction.not_ready', 'the person must have accepted first', [
          { field: 'status', reason: row.status },
        ]);
      await assertCardMayBeShared(
        manager,
        { consents: this.consents, validations: this.validations },
        { id, beneficiaryId: row.beneficiary_id, card: row.card },
      );
      const token = newCardToken();
      const days = await this.settings.number('mediation.card_link_days', manager);
      const expiresAt = new Date(this.clock.now().getTime() + days * 86_400_000);
      let contact: { email: string; name: string } | null = null;
      if (options.contactId) {
        contact = await this.employers.contactWithEmail(manager, options.contactId, row.employer_id);
        if (!contact)
          throw mediationError('introduction.no_contact_email', 'this contact has no e-mail at this employer', [
            { field: 'contactId', reason: 'not a contact with an e-mail of this employer' },
          ]);
      }
      const linkId = await this.links.insert(manager, id, hashToken(token), expiresAt, actor.userId);
      await this.introductions.record(manager, id, 'link_sent', null, null, actor, {
        expiresAt: expiresAt.toISOString(),
      });
      await this.accessLog.record(manager, actor, 'share', [row.beneficiary_id], {
        part: 'card_link',
        introductionId: id,
        linkId,
        employerId: row.employer_id,
        employerName: row.employer_name,
        offerId: row.offer_id,
        contactId: options.contactId ?? null,
        emailedTo: contact?.email ?? null,
        expiresAt: expiresAt.toISOString(),
      });
      if (row.status === 'accepted') {
        await this.introductions.setStatus(manager, id, 'card_sent');
        await this.introductions.record(manager, id, 'transition', 'accepted', 'card_sent', actor);
      }
      return {
        url: cardLinkUrl(baseUrl, token),
        expiresAt,
        linkId,
        contact,
        firstName: row.card.firstName,
        offerTitle: row.offer_title,
        beneficiaryId: row.beneficiary_id,
      };
    });
    // After the commit: no e-mail or reminder for a link that does not exist.
    if (sent.contact)
      await this.mailer.send({
        to: sent.contact.email,
        aboutPersonId: sent.beneficiaryId,
        ...cardLinkEmail({
          contactName: sent.contact.name,
          firstName: sent.firstName,
          offerTitle: sent.offerTitle,
          url: sent.url,
          expiresAt: sent.expiresAt,
        }),
      });
    await this.reminders.remindEmployer(
      id,
      sent.linkId,
      (await this.settings.number('mediation.reminder_hours')) * 3_600_000,
    );
    return { url: sent.url, expiresAt: sent.expiresAt, emailedTo: sent.contact?.email ?? null };
  }
}
