import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { parisToday, shortName } from '@passerelle/coaching';
import { Clock, DomainError, Mailer } from '@passerelle/core';
import { type Actor, AuditLog } from '@passerelle/identity';
import { ReadEmployer, ReadIntroduction } from '@passerelle/mediation';
import {
  EMPLOYER_FOLLOW_UP_LINK_DAYS,
  employerFollowUpEmail,
  employerFollowUpUrl,
  hashFollowUpToken,
  jobLabel,
  newFollowUpToken,
} from '../domain/employer-follow-up.js';
import { outcomesError } from '../domain/outcomes-errors.js';
import { EmployerFollowUpLinkStore, type EmployerLinkView } from './ports/employer-follow-up-link-store.js';
import { type FollowUpRow, FollowUpStore } from './ports/follow-up-store.js';
import { PlacementStore } from './ports/placement-store.js';

export interface SentEmployerForm {
  readonly id: string;
  /** The only time the link is given: its token is kept as a hash. */
  readonly url: string;
  readonly expiresAt: Date;
  readonly emailedTo: string;
}

/**
 * The checkpoint as its assignee (who recorded the job: often the mediator) or the person's
 * referent coach sees it: 404 for anyone else, as for answering it.
 */
async function staffFollowUp(
  manager: EntityManager,
  followUps: FollowUpStore,
  actor: Actor,
  id: string,
): Promise<FollowUpRow> {
  const row = await followUps.forTask(manager, id);
  if (!row || (row.assignee_user_id !== actor.userId && row.referent_user_id !== actor.userId))
    throw outcomesError('follow_up.not_found', 'no follow-up with this id for you');
  return row;
}

const subjectOf = (row: FollowUpRow) => [
  { type: 'beneficiary', id: row.beneficiary_id, structureId: row.structure_id },
];

/**
 * Sends the employer the two-question form of a due checkpoint of a job: a signed link (only its
 * hash kept), expiring, e-mailed to one of the employer's contacts. The actor must manage the
 * employer (the mediation desk's rule) and follow the checkpoint; one employer answer per
 * checkpoint. The disclosure (first name and initial, the job, its start) is audited.
 */
@Injectable()
export class SendEmployerFollowUpForm {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly employers: ReadEmployer,
    private readonly introductions: ReadIntroduction,
    private readonly followUps: FollowUpStore,
    private readonly placements: PlacementStore,
    private readonly links: EmployerFollowUpLinkStore,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    input: { readonly contactId: string; readonly days?: number },
    baseUrl: string,
  ): Promise<SentEmployerForm> {
    const now = this.clock.now();
    const row = await staffFollowUp(this.dataSource.manager, this.followUps, actor, id);
    if (row.kind !== 'placement' || !row.placement_id || !row.employer_id)
      throw outcomesError('follow_up.no_employer', 'this checkpoint has no known employer to ask', [
        { field: 'id', reason: row.kind === 'placement' ? 'the job has no employer record' : 'not a job checkpoint' },
      ]);
    if (row.due_on > parisToday(now))
      throw outcomesError('follow_up.invalid', 'this checkpoint is not due yet', [
        { field: 'dueOn', reason: `not due before ${row.due_on}` },
      ]);
    // The mediation desk's rule: only who manages the employer reaches its contacts (404 otherwise).
    const employer = await this.employers.execute(actor, row.employer_id);
    const contact = employer.contacts.find((candidate) => candidate.id === input.contactId && candidate.email);
    if (!contact?.email)
      throw outcomesError('follow_up.no_contact_email', 'not a contact with an e-mail of this employer', [
        { field: 'contactId', reason: 'not a contact with an e-mail of this employer' },
      ]);
    const placement = await this.placements.view(this.dataSource.manager, row.placement_id);
    // The offer's title names the job when the hire came from an introduction the actor may read.
    const offerTitle = placement.introductionId
      ? await this.introductions.execute(actor, placement.introductionId).then(
          (introduction) => introduction.offerTitle,
          (error: unknown) => {
            if (error instanceof DomainError && error.kind === 'not_found') return null;
            throw error;
          },
        )
      : null;
    const token = newFollowUpToken();
    const expiresAt = new Date(now.getTime() + (input.days ?? EMPLOYER_FOLLOW_UP_LINK_DAYS) * 86_400_000);
    const sent = await this.dataSource.transaction(async (manager) => {
      const locked = await this.followUps.lock(manager, id);
      if (!locked) throw outcomesError('follow_up.not_found', 'no follow-up with this id for you');
      if (await this.links.answered(manager, id))
        throw outcomesError('follow_up.employer_answered', 'the employer already answered this checkpoint', [
          { field: 'id', reason: 'answered by the employer' },
        ]);
      const linkId = await this.links.insert(manager, {
        followUpId: id,
        tokenHash: hashFollowUpToken(token),
        contactId: contact.id,
        contactName: contact.name,
        contactEmail: contact.email!,
        jobLabel: jobLabel(offerTitle, placement.contractType),
        expiresAt,
        createdBy: actor.userId,
      });
      await this.audit.record(
        actor,
        'share',
        subjectOf(row),
        {
          part: 'employer_follow_up',
          followUpId: id,
          linkId,
          employerId: row.employer_id,
          contactId: contact.id,
          emailedTo: contact.email,
          expiresAt: expiresAt.toISOString(),
        },
        manager,
      );
      const [senderName] = await this.links.userNames(manager, [actor.userId]);
      return { linkId, senderName: senderName ?? 'votre interlocuteur' };
    });
    const url = employerFollowUpUrl(baseUrl, token);
    // After the commit: no e-mail for a link that does not exist.
    await this.mailer.send({
      to: contact.email,
      aboutPersonId: row.beneficiary_id,
      ...employerFollowUpEmail({
        contactName: contact.name,
        person: shortName(row.first_name, row.last_name),
        milestone: row.milestone,
        senderName: sent.senderName,
        url,
        expiresAt,
      }),
    });
    return { id: sent.linkId, url, expiresAt, emailedTo: contact.email };
  }
}

/** The employer links of a checkpoint, newest first, with their state (sent, opened, answered). Audited. */
@Injectable()
export class ListEmployerFollowUpLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly followUps: FollowUpStore,
    private readonly links: EmployerFollowUpLinkStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<EmployerLinkView[]> {
    const row = await staffFollowUp(this.dataSource.manager, this.followUps, actor, id);
    const links = await this.links.list(this.dataSource.manager, id);
    await this.audit.record(actor, 'list', subjectOf(row), { part: 'employer_follow_up_links', followUpId: id });
    return links;
  }
}

/** Withdraws an employer link of a checkpoint: it opens nothing from then on (an answer given stays). Audited. */
@Injectable()
export class RevokeEmployerFollowUpLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly followUps: FollowUpStore,
    private readonly links: EmployerFollowUpLinkStore,
  ) {}

  async execute(actor: Actor, id: string, linkId: string): Promise<void> {
    const row = await staffFollowUp(this.dataSource.manager, this.followUps, actor, id);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.links.revoke(manager, id, linkId, actor.userId)))
        throw outcomesError('follow_up_link.not_found', 'no link in force with this id on this checkpoint');
      await this.audit.record(
        actor,
        'update',
        subjectOf(row),
        { part: 'employer_follow_up', followUpId: id, linkId, revoked: true },
        manager,
      );
    });
  }
}
