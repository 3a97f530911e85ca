import { describe, expect, it } from '@jest/globals';
import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { addDays } from '../domain/coaching.js';
import { aBeneficiary, aCoach, inMemoryCoaching, recordingSms, SYSTEM } from '../testing/index.js';
import { Anonymisation } from './anonymisation.js';
import { RecordNotification } from './record-notification.use-case.js';
import { RunRetention } from './run-retention.use-case.js';

const TODAY = '2027-06-15';
/** 24 months before TODAY: a file whose period started on or before this date is due. */
const CUTOFF = '2025-06-15';

/**
 * Four files past or near the 24-month period: `announced` (its notice's date has come), `unannounced`
 * (past the period, never told), `soon` (within 30 days of it) and `orphan` (no referent to tell).
 */
function setUp() {
  const world = inMemoryCoaching({ settings: { 'coaching.retention_months': 24 } });
  const dataSource = inMemoryDataSource();
  const notifications = new RecordNotification(dataSource, world.notifications);
  const useCase = new RunRetention(
    dataSource,
    world.settings,
    world.audit,
    world.photos,
    notifications,
    world.personalData,
    world.notifications,
    new Anonymisation(world.personalData, world.outbox, world.photos, recordingSms()),
    new Clock(),
  );
  const coach = aCoach();
  const file = (referent: string | null) =>
    world.beneficiaries.add(aBeneficiary({ referent_user_id: referent, status: 'ended', exit_reason: 'job' })).id;
  const ids = {
    announced: file(coach.userId),
    unannounced: file(coach.userId),
    soon: file(coach.userId),
    orphan: file(null),
  };
  const candidate = (id: string, since: string, referent: string | null, noticed: boolean) => ({
    id,
    structureId: world.beneficiaries.get(id).structure_id,
    referentUserId: referent,
    since,
    inactive: false,
    noticed,
  });
  world.personalData.retention = [
    candidate(ids.announced, '2025-01-10', coach.userId, true),
    candidate(ids.unannounced, '2025-01-10', coach.userId, false),
    candidate(ids.soon, addDays(CUTOFF, 10), coach.userId, false),
    candidate(ids.orphan, '2025-01-10', null, false),
  ];
  // The notice the announced file got 30 days ago, due today.
  world.notifications.notifications.push({
    id: 'notice-announced',
    userId: coach.userId,
    kind: 'retention_notice',
    subjectType: 'beneficiary',
    subjectId: ids.announced,
    message: 'annoncé',
    dueOn: TODAY,
    createdAt: new Date(),
    readAt: null,
  });
  return { world, useCase, coach, ids };
}

describe('RunRetention', () => {
  it('anonymises only the files announced to their coach (or with no coach to tell), audited and handed on', async () => {
    const { world, useCase, ids } = setUp();
    const photo = world.photos.addPhoto(ids.announced, 'someone');

    const report = await useCase.execute(SYSTEM, { apply: true, today: TODAY });

    expect(report).toEqual({ apply: true, due: [ids.announced, ids.orphan], anonymised: 2, noticesSent: 2 });
    const erased = [...world.beneficiaries.rows.values()].filter((row) => row.erased_at !== null).map((row) => row.id);
    expect(erased.sort()).toEqual([ids.announced, ids.orphan].sort());
    expect(world.outbox.events.map((event) => [event.beneficiaryId, event.cause])).toEqual([
      [ids.announced, 'retention'],
      [ids.orphan, 'retention'],
    ]);
    expect(world.audit.records.map((record) => [record.action, record.subject.id, record.details])).toEqual([
      ['delete', ids.announced, { erasure: 'retention', retentionMonths: 24 }],
      ['delete', ids.orphan, { erasure: 'retention', retentionMonths: 24 }],
    ]);
    expect(world.photos.files.has(photo)).toBe(false);
  });

  it('never anonymises without 30 days’ notice: a file past its date gets its notice now, for 30 days later', async () => {
    const { world, useCase, coach, ids } = setUp();

    await useCase.execute(SYSTEM, { apply: true, today: TODAY });

    const notices = world.notifications.notifications.filter(
      (notification) => notification.kind === 'retention_notice',
    );
    expect(notices.map((notice) => [notice.subjectId, notice.userId, notice.dueOn])).toEqual([
      [ids.unannounced, coach.userId, addDays(TODAY, 30)],
      [ids.soon, coach.userId, addDays(TODAY, 30)],
    ]);
    expect(notices[0].message).toContain(`sera anonymisé le ${addDays(TODAY, 30)}`);
    expect(world.beneficiaries.get(ids.unannounced).erased_at).toBeNull();
  });

  it('a dry run reports what is due and sends the notices, but anonymises nothing', async () => {
    const { world, useCase, ids } = setUp();

    const report = await useCase.execute(SYSTEM, { apply: false, today: TODAY });

    expect(report).toEqual({ apply: false, due: [ids.announced, ids.orphan], anonymised: 0, noticesSent: 2 });
    expect([...world.beneficiaries.rows.values()].every((row) => row.erased_at === null)).toBe(true);
    expect(world.outbox.events).toEqual([]);
  });

  it('withdraws the notice of a file no longer coming up (activity again, a longer period)', async () => {
    const { world, useCase, ids } = setUp();
    world.personalData.retention = world.personalData.retention.filter((candidate) => candidate.id !== ids.announced);

    const report = await useCase.execute(SYSTEM, { apply: true, today: TODAY });

    expect(report.due).toEqual([ids.orphan]);
    expect(world.notifications.notifications.map((notification) => notification.subjectId)).not.toContain(
      ids.announced,
    );
    expect(world.beneficiaries.get(ids.announced).erased_at).toBeNull();
  });
});
