import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, isSingleAddress, Mailer } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { shortlistReplyEmail } from '../domain/employer-mails.js';
import { mediationError } from '../domain/mediation-errors.js';
import { LinkSealer } from './link-sealer.js';
import { PeopleAccessLog } from './ports/people-access-log.js';
import type { ShortlistDetail } from './ports/shortlist-store.js';
import { ShortlistStore } from './ports/shortlist-store.js';
import { ShortlistAccess } from './shortlist-access.js';

/**
 * A mediator replies to an employer's question about one person: the reply shows on the same link,
 * and the contact the link was e-mailed to is told a reply waits there, with the link (while it is
 * in force). The e-mail carries neither the reply nor the person's name: what a mediator writes
 * about a person stays behind the signed, expiring, revocable and audited link (an e-mail is
 * forwarded and kept in mailboxes Passerelle cannot erase). The notice is audited as a share.
 */
@Injectable()
export class ReplyToShortlist {
  private readonly logger = new Logger(ReplyToShortlist.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ShortlistAccess,
    private readonly shortlists: ShortlistStore,
    private readonly sealer: LinkSealer,
    private readonly accessLog: PeopleAccessLog,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string, input: { entryId: string; body: string }): Promise<ShortlistDetail> {
    const replied = await this.dataSource.transaction(async (manager) => {
      const detail = await this.access.open(manager, actor, id);
      const entry = detail.entries.find((item) => item.id === input.entryId);
      if (!entry)
        throw mediationError('shortlist.unknown_entry', 'no such person in this shortlist', [
          { field: 'entryId', reason: 'not an entry of this shortlist' },
        ]);
      await this.shortlists.addMessage(
        manager,
        input.entryId,
        { kind: 'user', userId: actor.userId },
        input.body.trim(),
      );
      const notice = await this.notice(manager, id, actor.userId);
      if (notice)
        await this.accessLog.record(manager, actor, 'share', [entry.beneficiaryId], {
          part: 'shortlist_reply_notice',
          shortlistId: id,
          entryId: entry.id,
          employerId: detail.employerId,
          emailedTo: notice.email,
        });
      return { detail: await this.access.open(manager, actor, id), notice };
    });
    // After the commit: no notice of a reply that was not recorded.
    if (replied.notice)
      try {
        await this.mailer.send({
          to: replied.notice.email,
          ...shortlistReplyEmail({
            contactName: replied.notice.contactName,
            offerTitle: replied.detail.offerTitle,
            senderName: replied.notice.senderName,
            url: replied.notice.url,
          }),
        });
      } catch (error) {
        this.logger.warn(`shortlist ${id}: the reply notice failed (${(error as Error).message})`);
      }
    return replied.detail;
  }

  /** Whom to tell, with which link: none when the link was not e-mailed, is revoked or expired. */
  private async notice(
    manager: Parameters<ShortlistStore['mailTarget']>[0],
    id: string,
    replierId: string,
  ): Promise<{ email: string; contactName: string; senderName: string; url: string } | null> {
    const target = await this.shortlists.mailTarget(manager, id, false);
    if (!target || target.revokedAt || target.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    const url = target.linkSealed ? this.sealer.unseal(target.linkSealed) : null;
    if (!url || !target.contactEmail || !isSingleAddress(target.contactEmail)) return null;
    const [senderName] = await this.shortlists.userNames(manager, [replierId]);
    return {
      email: target.contactEmail,
      contactName: target.contactName ?? 'Madame, Monsieur',
      senderName: senderName ?? 'Le service',
      url,
    };
  }
}
