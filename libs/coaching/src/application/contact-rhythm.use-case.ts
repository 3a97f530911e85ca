import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@passerelle/core';
import { type Actor, AuditLog, identityError, StructureTree } from '@passerelle/identity';
import { parisToday } from '../domain/coaching.js';
import {
  type ContactRhythm,
  rhythmLabel,
  rhythmProblems,
  type RhythmStatus,
  rhythmStatus,
} from '../domain/contact-rhythm.js';
import { coachingError } from '../domain/coaching-errors.js';
import { ContactRhythmStore, type RhythmFact, type RhythmSettingRow } from './ports/contact-rhythm-store.js';
import { NotificationStore } from './ports/notification-store.js';
import { RecordNotification } from './record-notification.use-case.js';

/** The inbox kind of the alert a referent coach gets when a person falls behind the rhythm. */
export const RHYTHM_ALERT_KIND = 'contact_rhythm_behind';

/** A person with where they stand against their structure's rhythm. */
export interface RhythmPerson extends RhythmStatus {
  readonly beneficiaryId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly referentUserId: string | null;
  readonly referentName: string | null;
}

export interface CoachRhythm {
  readonly userId: string;
  readonly displayName: string;
  /** People of the coach followed under a rhythm. */
  readonly followed: number;
  readonly behind: number;
}

export interface ContactRhythmsView {
  readonly structures: RhythmSettingRow[];
  readonly coaches: CoachRhythm[];
  /** The people behind, the furthest first. */
  readonly behind: RhythmPerson[];
}

export function rhythmPerson(fact: RhythmFact, today: string): RhythmPerson {
  return {
    beneficiaryId: fact.beneficiaryId,
    firstName: fact.firstName,
    lastName: fact.lastName,
    referentUserId: fact.referentUserId,
    referentName: fact.referentName,
    ...rhythmStatus(fact.rhythm, fact.contactDates, fact.followedSince, today),
  };
}

/**
 * A manager sets (or removes, `null`) the target contact frequency of a structure of their reach
 * (`beneficiaries.assign`: the managers who organise the coaches' work).
 */
@Injectable()
export class SetContactRhythm {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly rhythms: ContactRhythmStore,
  ) {}

  async execute(actor: Actor, structureId: string, rhythm: ContactRhythm | null): Promise<RhythmSettingRow> {
    const { structureIds } = await this.tree.reach(actor, 'beneficiaries.assign');
    if (structureIds !== null && !structureIds.includes(structureId))
      throw identityError('structure.not_found', 'no such structure within your reach');
    const manager = this.dataSource.manager;
    if (rhythm !== null) {
      const problems = rhythmProblems(rhythm);
      if (problems.length > 0) throw coachingError('rhythm.invalid', 'this rhythm is out of bounds', problems);
      const [known] = await this.rhythms.settings(manager, [structureId]);
      if (!known) throw identityError('structure.not_found', 'no such structure');
      await this.rhythms.set(manager, structureId, rhythm, actor.userId);
    } else await this.rhythms.clear(manager, structureId);
    const [row] = await this.rhythms.settings(manager, [structureId]);
    if (!row) throw identityError('structure.not_found', 'no such structure');
    return row;
  }
}

/**
 * The manager's view of the rhythm across their structures: each structure's setting, each
 * coach's people behind, and who they are (an audited read of the people named).
 */
@Injectable()
export class ReadContactRhythms {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: StructureTree,
    private readonly rhythms: ContactRhythmStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor): Promise<ContactRhythmsView> {
    const { structureIds } = await this.tree.reach(actor, 'beneficiaries.assign');
    const today = parisToday(this.clock.now());
    const manager = this.dataSource.manager;
    const structures = await this.rhythms.settings(manager, structureIds);
    const scope =
      structureIds === null
        ? { sql: 'true', params: [] }
        : { sql: 'b.structure_id = ANY($5::uuid[])', params: [[...structureIds]] };
    const facts = await this.rhythms.facts(manager, { scope }, today);
    const people = facts.map((fact) => rhythmPerson(fact, today));
    const coaches = new Map<string, CoachRhythm>();
    for (const person of people) {
      if (!person.referentUserId) continue;
      const coach = coaches.get(person.referentUserId) ?? {
        userId: person.referentUserId,
        displayName: person.referentName ?? '',
        followed: 0,
        behind: 0,
      };
      coaches.set(person.referentUserId, {
        ...coach,
        followed: coach.followed + 1,
        behind: coach.behind + (person.behind ? 1 : 0),
      });
    }
    const behind = people
      .filter((person) => person.behind)
      .sort((a, b) => b.expected - b.held - (a.expected - a.held) || a.beneficiaryId.localeCompare(b.beneficiaryId));
    const structureOf = new Map(facts.map((fact) => [fact.beneficiaryId, fact.structureId]));
    await this.audit.record(
      actor,
      'list',
      behind.map((person) => ({
        type: 'beneficiary',
        id: person.beneficiaryId,
        structureId: structureOf.get(person.beneficiaryId) ?? null,
      })),
      { view: 'contact_rhythm' },
    );
    return {
      structures,
      coaches: [...coaches.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')),
      behind,
    };
  }
}

/**
 * The rhythm's alerts: each person behind gets their referent coach one notification (kept while
 * they stay behind); the notification of a person back at the rhythm is withdrawn. Run daily by the
 * worker; a contact recorded withdraws its person's alert at once (`clearFor`).
 */
@Injectable()
export class CheckContactRhythm {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rhythms: ContactRhythmStore,
    private readonly notifications: RecordNotification,
    private readonly notificationStore: NotificationStore,
    private readonly clock: Clock,
  ) {}

  async execute(today: string = parisToday(this.clock.now())): Promise<{ behind: number; alertsSent: number }> {
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.rhythms.facts(manager, { scope: { sql: 'true', params: [] } }, today);
      const behind = facts
        .map((fact) => ({ fact, status: rhythmStatus(fact.rhythm, fact.contactDates, fact.followedSince, today) }))
        .filter(({ status }) => status.behind);
      await this.notificationStore.withdrawKind(manager, RHYTHM_ALERT_KIND, {
        keptFor: behind.filter(({ fact }) => fact.referentUserId).map(({ fact }) => fact.beneficiaryId),
      });
      const sent = await this.notifications.execute(
        behind
          .filter(({ fact }) => fact.referentUserId !== null)
          .map(({ fact, status }) => ({
            userId: fact.referentUserId!,
            kind: RHYTHM_ALERT_KIND,
            subjectType: 'beneficiary',
            subjectId: fact.beneficiaryId,
            // Names no one: the coach opens the file from the notification's subject.
            message: `Une personne de votre portefeuille est en retard sur le rythme de contact (${rhythmLabel(status)}) : ${status.held} contact${status.held > 1 ? 's' : ''} sur ${status.expected} attendu${status.expected > 1 ? 's' : ''}.`,
          })),
        { manager },
      );
      return { behind: behind.length, alertsSent: sent.length };
    });
  }

  /** After a contact: withdraws the person's alert if they are back at the rhythm (in the caller's transaction). */
  async clearFor(manager: EntityManager, beneficiaryId: string): Promise<void> {
    const today = parisToday(this.clock.now());
    const [fact] = await this.rhythms.facts(manager, { beneficiaryId }, today);
    if (fact && rhythmStatus(fact.rhythm, fact.contactDates, fact.followedSince, today).behind) return;
    await this.notificationStore.withdrawKind(manager, RHYTHM_ALERT_KIND, { about: [beneficiaryId] });
  }
}
