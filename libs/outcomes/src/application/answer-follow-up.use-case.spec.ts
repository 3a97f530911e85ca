import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { aCoach, aFollowUp, InMemoryFollowUpStore, RecordingAuditLog } from '../testing/index.js';
import { AnswerFollowUp } from './answer-follow-up.use-case.js';

describe('AnswerFollowUp', () => {
  const coach = aCoach();
  let clock: Clock;
  let followUps: InMemoryFollowUpStore;
  let audit: RecordingAuditLog;
  let answer: AnswerFollowUp;

  beforeEach(() => {
    clock = new Clock();
    // Noon in Paris on 9 April 2026.
    clock.set(new Date('2026-04-09T10:00:00Z'));
    followUps = new InMemoryFollowUpStore();
    audit = new RecordingAuditLog();
    answer = new AnswerFollowUp(inMemoryDataSource(), audit.log, clock, followUps);
  });

  it('refuses an answer before the checkpoint’s day (field dueOn), and records nothing', async () => {
    const checkpoint = aFollowUp({ due_on: '2026-04-10', assignee_user_id: coach.userId });
    followUps.given(checkpoint);
    await expect(answer.execute(coach, checkpoint.id, { inJob: true })).rejects.toMatchObject({
      code: 'follow_up.invalid',
      kind: 'invalid',
      details: [{ field: 'dueOn', reason: 'not due before 2026-04-10' }],
    });
    expect(followUps.rows.get(checkpoint.id)?.answered_at).toBeNull();
    expect(audit.entries).toEqual([]);
  });

  it('takes the answer from the checkpoint’s day on (Paris time)', async () => {
    const checkpoint = aFollowUp({ due_on: '2026-04-09', assignee_user_id: coach.userId });
    followUps.given(checkpoint);
    await expect(answer.execute(coach, checkpoint.id, { inJob: true })).resolves.toMatchObject({ state: 'answered' });
  });

  it('requires the RSA exit after the end of coaching', async () => {
    const checkpoint = aFollowUp({
      kind: 'coaching_end',
      placement_id: null,
      due_on: '2026-04-01',
      referent_user_id: coach.userId,
    });
    followUps.given(checkpoint);
    await expect(answer.execute(coach, checkpoint.id, { inJob: false })).rejects.toMatchObject({
      code: 'follow_up.invalid',
      details: [{ field: 'rsaExit', reason: 'required after the end of coaching' }],
    });
    await expect(answer.execute(coach, checkpoint.id, { inJob: false, rsaExit: null })).rejects.toMatchObject({
      details: [{ field: 'rsaExit' }],
    });
    await expect(answer.execute(coach, checkpoint.id, { inJob: false, rsaExit: true })).resolves.toMatchObject({
      answer: { inJob: false, rsaExit: true },
    });
  });

  it('names both problems of an early coaching-end answer without its RSA exit', async () => {
    const checkpoint = aFollowUp({ kind: 'coaching_end', due_on: '2026-05-01', referent_user_id: coach.userId });
    followUps.given(checkpoint);
    await expect(answer.execute(coach, checkpoint.id, { inJob: true })).rejects.toMatchObject({
      details: [{ field: 'dueOn' }, { field: 'rsaExit' }],
    });
  });

  it('records the answer (difficulties once, words trimmed) by whom, audited on the person', async () => {
    const checkpoint = aFollowUp({ due_on: '2026-04-02', assignee_user_id: coach.userId });
    followUps.given(checkpoint);
    const view = await answer.execute(coach, checkpoint.id, {
      inJob: true,
      difficulties: ['transport', 'hours', 'transport'],
      employerView: '  Ponctuelle  ',
      note: '   ',
    });
    expect(view).toMatchObject({
      state: 'answered',
      answer: {
        inJob: true,
        rsaExit: null,
        difficulties: ['transport', 'hours'],
        employerView: 'Ponctuelle',
        note: null,
      },
    });
    expect(followUps.rows.get(checkpoint.id)).toMatchObject({
      answered_by: coach.userId,
      task_created_at: expect.any(Date),
    });
    expect(audit.entries).toEqual([
      {
        actorUserId: coach.userId,
        action: 'update',
        subjects: [{ type: 'beneficiary', id: checkpoint.beneficiary_id, structureId: checkpoint.structure_id }],
        details: { part: 'follow_up', milestone: 'm1', kind: 'placement' },
      },
    ]);
  });

  it('refuses a second answer (a conflict) and hides the checkpoint from anyone but its assignee or the referent', async () => {
    const checkpoint = aFollowUp({ due_on: '2026-04-02', assignee_user_id: coach.userId });
    followUps.given(checkpoint);
    await answer.execute(coach, checkpoint.id, { inJob: true });
    await expect(answer.execute(coach, checkpoint.id, { inJob: false })).rejects.toMatchObject({
      code: 'follow_up.answered',
      kind: 'conflict',
    });
    expect(followUps.rows.get(checkpoint.id)?.in_job).toBe(true);
    const other = aFollowUp({ due_on: '2026-04-02', assignee_user_id: coach.userId });
    followUps.given(other);
    await expect(answer.execute(aCoach(), other.id, { inJob: true })).rejects.toMatchObject({
      code: 'follow_up.not_found',
    });
  });
});
