import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { parisToday, RecordNotification, shortName } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import { type AnonymousActor, AuditLog } from '@passerelle/identity';
import {
  type EmployerFollowUpAnswer,
  type EmployerFollowUpForm,
  type EmployerFollowUpProblem,
  employerAnsweredMessage,
  hashFollowUpToken,
  isFollowUpToken,
  readEmployerFollowUpForm,
} from '../domain/employer-follow-up.js';
import type { EmployerFollowUpJob } from '../domain/employer-follow-up-page.js';
import { EmployerFollowUpLinkStore, type EmployerLinkRow } from './ports/employer-follow-up-link-store.js';
import { PlacementStore } from './ports/placement-store.js';

/** What an employer's follow-up link opens: unknown, gone, the form, or the answer already given. */
export type EmployerFollowUpState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'gone'; readonly reason: 'expired' | 'revoked' | 'answered_elsewhere' }
  | { readonly kind: 'open'; readonly link: EmployerLinkRow; readonly job: EmployerFollowUpJob }
  | {
      readonly kind: 'answered';
      readonly job: EmployerFollowUpJob;
      readonly answer: EmployerFollowUpAnswer;
      readonly answeredAt: Date;
      /** Their names; null for one whose name an employer may not read (the page says "the team"). */
      readonly recipients: readonly (string | null)[];
      /** True when this request gave the answer; false when it had been given before. */
      readonly now: boolean;
    };

export type EmployerFollowUpPosted =
  | EmployerFollowUpState
  /** Not taken: the form comes back with what was sent and why (nothing is recorded). */
  | {
      readonly kind: 'invalid';
      readonly job: EmployerFollowUpJob;
      readonly problems: readonly EmployerFollowUpProblem[];
    };

/** The employer is no account: the audit row says the link did it. */
const EMPLOYER: AnonymousActor = { userId: null, structureId: null, roles: [] };

const jobOf = (link: EmployerLinkRow): EmployerFollowUpJob => ({
  person: shortName(link.firstName, link.lastName),
  employerName: link.employerName,
  job: link.jobLabel,
  startDate: link.startDate,
  milestone: link.milestone,
});

/** Who is told of the answer: the checkpoint's assignee (often the mediator) and the person's referent coach. */
const recipientsOf = (link: EmployerLinkRow): string[] => [
  ...new Set([link.assigneeUserId, link.referentUserId].filter((id): id is string => id !== null)),
];

@Injectable()
export class EmployerFollowUpStates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly links: EmployerFollowUpLinkStore,
  ) {}

  /** With `manager`, the link is locked until its transaction ends (a second answer waits, then sees the first). */
  async of(token: string, manager?: EntityManager): Promise<EmployerFollowUpState> {
    if (!isFollowUpToken(token)) return { kind: 'unknown' };
    const db = manager ?? this.dataSource.manager;
    const link = await this.links.byTokenHash(db, hashFollowUpToken(token), !!manager);
    if (!link) return { kind: 'unknown' };
    if (link.erased) return { kind: 'gone', reason: 'revoked' };
    if (link.answer && link.answeredAt)
      return {
        kind: 'answered',
        job: jobOf(link),
        answer: link.answer,
        answeredAt: link.answeredAt,
        recipients: await this.links.userNames(db, recipientsOf(link)),
        now: false,
      };
    if (link.revokedAt) return { kind: 'gone', reason: 'revoked' };
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) return { kind: 'gone', reason: 'expired' };
    return { kind: 'open', link, job: jobOf(link) };
  }
}

/** The employer opens the link: the form (its first opening recorded, each view audited), or why not. */
@Injectable()
export class OpenEmployerFollowUp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: EmployerFollowUpStates,
    private readonly audit: AuditLog,
    private readonly links: EmployerFollowUpLinkStore,
  ) {}

  async execute(token: string, ip?: string): Promise<EmployerFollowUpState> {
    const state = await this.states.of(token);
    if (state.kind !== 'open') return state;
    await this.dataSource.transaction(async (manager) => {
      await this.links.markOpened(manager, state.link.id);
      await this.audit.record(
        { ...EMPLOYER, ip },
        'read',
        [{ type: 'beneficiary', id: state.link.beneficiaryId, structureId: state.link.structureId }],
        { part: 'employer_follow_up', by: 'employer', linkId: state.link.id, followUpId: state.link.followUpId },
        manager,
      );
    });
    return state;
  }
}

/**
 * The employer answers the two questions, once per link and once per checkpoint. The answer is
 * stored on its link (source: the employer, with its date) and shown on the checkpoint; the
 * coach's own answer stays theirs to give. When the person left, the job's end is recorded unless
 * it already was (the indicators read the job's end: never twice). The checkpoint's assignee and
 * the person's referent are notified in the same transaction; the page names them.
 */
@Injectable()
export class AnswerEmployerFollowUp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly states: EmployerFollowUpStates,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly links: EmployerFollowUpLinkStore,
    private readonly placements: PlacementStore,
    private readonly notifications: RecordNotification,
  ) {}

  async execute(token: string, form: EmployerFollowUpForm, ip?: string): Promise<EmployerFollowUpPosted> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.states.of(token, manager);
      if (state.kind !== 'open') return state;
      const { link, job } = state;
      const now = this.clock.now();
      const { answer, problems } = readEmployerFollowUpForm(form, {
        startDate: link.startDate,
        today: parisToday(now),
      });
      if (!answer) return { kind: 'invalid', job, problems };
      if (await this.links.answered(manager, link.followUpId)) return { kind: 'gone', reason: 'answered_elsewhere' };
      await this.links.answer(manager, link.id, answer);
      let placementEnded = false;
      if (!answer.inJob) {
        const placement = await this.placements.lock(manager, link.placementId);
        if (placement && placement.end_date === null) {
          await this.placements.end(manager, link.placementId, answer.endDate!, answer.endReason!);
          placementEnded = true;
        }
      }
      const recipientIds = recipientsOf(link);
      await this.notifications.execute(
        recipientIds.map((userId) => ({
          userId,
          kind: 'follow_up_employer_answer',
          subjectType: 'follow_up',
          subjectId: link.followUpId,
          message: employerAnsweredMessage({
            employerName: link.employerName,
            person: job.person,
            milestone: link.milestone,
            answer,
          }),
        })),
        { manager },
      );
      await this.audit.record(
        { ...EMPLOYER, ip },
        'update',
        [{ type: 'beneficiary', id: link.beneficiaryId, structureId: link.structureId }],
        {
          part: 'employer_follow_up',
          by: 'employer',
          linkId: link.id,
          followUpId: link.followUpId,
          inJob: answer.inJob,
          placementEnded,
        },
        manager,
      );
      return {
        kind: 'answered',
        job,
        answer,
        answeredAt: now,
        recipients: await this.links.userNames(manager, recipientIds),
        now: true,
      };
    });
  }
}
