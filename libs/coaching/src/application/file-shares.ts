import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { parisToday } from '../domain/coaching.js';
import { coachingError } from '../domain/coaching-errors.js';
import { type NewShare, shareProblems } from '../domain/file-share.js';
import { BeneficiaryAccess } from './ports/beneficiary-access.js';
import { ConsentStore } from './ports/consent-store.js';
import { type ReceivedShare, ShareStore, type ShareRecipient, type ShareView } from './ports/share-store.js';

/**
 * Shared files. The referent coach shares chosen parts of a person's file with another coach of
 * their département (a social worker, a colleague covering an absence) until a date, only with the
 * person's consent in force; revoking, or the consent withdrawn, ends it at once. Reading a shared
 * file is ReadBeneficiaryFile's; here: sharing, listing, revoking, and the recipient's list.
 */
@Injectable()
export class FileShares {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: BeneficiaryAccess,
    private readonly shares: ShareStore,
    private readonly consents: ConsentStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Records the share and answers it. */
  async share(actor: Actor, id: string, share: NewShare): Promise<ShareView> {
    const today = parisToday(this.clock.now());
    const problems = shareProblems(share, today);
    if (problems.length > 0) throw coachingError('share.invalid', 'the share is not valid', problems);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.access.open(
        actor,
        'beneficiaries.share',
        id,
        { action: 'share', details: { ...share, parts: [...share.parts] } },
        manager,
      );
      if (!(await this.consents.isGranted(manager, id, 'share_file_with_professionals')))
        throw coachingError('share.no_consent', 'the person has not agreed to share their file', [
          { field: 'consent', reason: 'share_file_with_professionals is not in force' },
        ]);
      const referent = row.referent_user_id ?? actor.userId;
      const standing = await this.shares.recipientStanding(manager, share.recipientUserId, referent);
      if (share.recipientUserId === referent || share.recipientUserId === actor.userId || standing === 'not_a_coach')
        throw coachingError('share.unknown_recipient', 'not an active coach other than the referent', [
          { field: 'recipientUserId', reason: 'an active coach other than the referent' },
        ]);
      // A file stays in the département that follows the person (its coaches, its social workers).
      if (standing === 'other_departement')
        throw coachingError('share.other_departement', 'the recipient works in another département', [
          { field: 'recipientUserId', reason: 'a coach of the referent’s département' },
        ]);
      if (await this.shares.inForce(manager, id, share.recipientUserId, today))
        throw coachingError('share.exists', 'a share with this coach is in force', [
          { field: 'recipientUserId', reason: 'already shared with' },
        ]);
      const shareId = await this.shares.insert(manager, id, actor.userId, share);
      return (await this.shares.list(manager, id)).find((view) => view.id === shareId)!;
    });
  }

  async list(actor: Actor, id: string): Promise<ShareView[]> {
    await this.access.open(actor, 'beneficiaries.share', id, { action: 'read', details: { part: 'shares' } });
    return this.shares.list(this.dataSource.manager, id);
  }

  /** Takes effect at once: every read checks the share. Answers the share, revoked. */
  async revoke(actor: Actor, id: string, shareId: string): Promise<ShareView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.open(
        actor,
        'beneficiaries.share',
        id,
        { action: 'update', details: { part: 'share', shareId, revoked: true } },
        manager,
      );
      if (!(await this.shares.revoke(manager, id, shareId, actor.userId)))
        throw coachingError('share.not_found', 'no such share in force');
      return (await this.shares.list(manager, id)).find((view) => view.id === shareId)!;
    });
  }

  /** The files shared with the actor, in force today; listing their names is an audited access. */
  async received(actor: Actor): Promise<ReceivedShare[]> {
    const received = await this.shares.received(this.dataSource.manager, actor.userId, parisToday(this.clock.now()));
    if (received.length > 0)
      await this.audit.record(
        actor,
        'list',
        received.map((share) => ({ type: 'beneficiary', id: share.beneficiaryId, structureId: share.structureId })),
        { view: 'file_shares_received' },
      );
    return received;
  }

  /** Whom the actor may share a file with: the active coaches of their département. */
  recipients(actor: Actor): Promise<ShareRecipient[]> {
    return this.shares.recipients(this.dataSource.manager, actor.userId);
  }
}
