import { randomUUID } from 'node:crypto';
import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { anIntroductionView } from '../../../mediation/src/testing/index.js';
import { checkpointDates } from '../domain/outcomes.js';
import {
  aCoach,
  FakeBeneficiaries,
  fakeReadIntroduction,
  InMemoryFollowUpStore,
  InMemoryPlacementStore,
  RecordingAuditLog,
  RecordingFollowUpScheduler,
  RecordingOfferClosures,
  STRUCTURE,
} from '../testing/index.js';
import { RecordPlacement } from './record-placement.use-case.js';

describe('RecordPlacement', () => {
  const coach = aCoach();
  const person = { id: randomUUID(), structure_id: STRUCTURE, referent_user_id: coach.userId };
  const hired = anIntroductionView({ status: 'hired', beneficiaryId: person.id, offerId: randomUUID() });
  const interviewing = anIntroductionView({ status: 'interview', beneficiaryId: person.id });
  let followUps: InMemoryFollowUpStore;
  let placements: InMemoryPlacementStore;
  let scheduler: RecordingFollowUpScheduler;
  let offers: RecordingOfferClosures;
  let audit: RecordingAuditLog;
  let record: RecordPlacement;

  beforeEach(() => {
    const clock = new Clock();
    clock.set(new Date('2026-03-10T10:00:00Z'));
    followUps = new InMemoryFollowUpStore();
    placements = new InMemoryPlacementStore(followUps);
    placements.people.set(person.id, { id: person.id, structureId: STRUCTURE, referentUserId: coach.userId });
    scheduler = new RecordingFollowUpScheduler();
    offers = new RecordingOfferClosures();
    audit = new RecordingAuditLog();
    record = new RecordPlacement(
      inMemoryDataSource(),
      new FakeBeneficiaries(person).access,
      fakeReadIntroduction(hired, interviewing),
      scheduler,
      clock,
      audit.log,
      offers.store,
      placements,
    );
  });

  const alone = { employerName: 'Boulangerie Paul', foundBy: 'self' as const, startDate: '2026-03-16' };

  it('creates the M+1, M+3 and M+6 checkpoints from the start, assigned to its author, and schedules them', async () => {
    const view = await record.execute(coach, {
      ...alone,
      beneficiaryId: person.id,
      contractType: 'cdd',
      contractMonths: 4,
    });
    const dates = checkpointDates('2026-03-16');
    expect(view.checkpoints.map((checkpoint) => [checkpoint.milestone, checkpoint.dueOn])).toEqual([
      ['m1', dates.m1],
      ['m3', dates.m3],
      ['m6', dates.m6],
    ]);
    expect(dates).toEqual({ m1: '2026-04-16', m3: '2026-06-16', m6: '2026-09-16' });
    expect([...followUps.rows.values()].map((row) => [row.kind, row.assignee_user_id, row.placement_id])).toEqual([
      ['placement', coach.userId, view.id],
      ['placement', coach.userId, view.id],
      ['placement', coach.userId, view.id],
    ]);
    expect(scheduler.placements).toEqual([view.id]);
    expect(view).toMatchObject({
      foundBy: 'self',
      durable: false,
      contractMonths: 4,
      employerName: 'Boulangerie Paul',
    });
  });

  it('refuses a fixed-term contract without its duration and a CDI with one (field contractMonths), recording nothing', async () => {
    await expect(
      record.execute(coach, { ...alone, beneficiaryId: person.id, contractType: 'cdd' }),
    ).rejects.toMatchObject({ code: 'placement.invalid', details: [{ field: 'contractMonths' }] });
    await expect(
      record.execute(coach, { ...alone, beneficiaryId: person.id, contractType: 'cdi', contractMonths: 12 }),
    ).rejects.toMatchObject({
      code: 'placement.invalid',
      details: [{ field: 'contractMonths', reason: 'a CDI has no duration' }],
    });
    expect(placements.placements.size).toBe(0);
    expect(followUps.rows.size).toBe(0);
    expect(scheduler.placements).toEqual([]);
  });

  it('asks for the person and the employer of a job found without an introduction', async () => {
    await expect(
      record.execute(coach, { startDate: '2026-03-16', contractType: 'cdi', employerName: '  ' }),
    ).rejects.toMatchObject({
      code: 'placement.incomplete',
      details: [{ field: 'beneficiaryId' }, { field: 'employerName' }],
    });
  });

  it('follows only a hired introduction', async () => {
    await expect(
      record.execute(coach, { introductionId: interviewing.id, startDate: '2026-03-16', contractType: 'cdi' }),
    ).rejects.toMatchObject({
      code: 'placement.not_hired',
      details: [{ field: 'introductionId', reason: 'the introduction is interview' }],
    });
    expect(placements.placements.size).toBe(0);
  });

  it('records a hire once: a durable job found through the introduction, whose offer closes as filled', async () => {
    const view = await record.execute(coach, {
      introductionId: hired.id,
      startDate: '2026-03-16',
      contractType: 'cdi',
    });
    expect(view).toMatchObject({
      foundBy: 'introduction',
      introductionId: hired.id,
      employerId: hired.employerId,
      durable: true,
    });
    expect(offers.closed).toEqual([{ ids: [hired.offerId], reason: 'filled' }]);
    expect(audit.entries).toEqual([
      expect.objectContaining({ action: 'update', details: { part: 'placement', through: 'introduction' } }),
    ]);
    await expect(
      record.execute(coach, { introductionId: hired.id, startDate: '2026-03-16', contractType: 'cdi' }),
    ).rejects.toMatchObject({ code: 'placement.exists', kind: 'conflict' });
    expect(placements.placements.size).toBe(1);
    expect(followUps.rows.size).toBe(3);
  });
});
