import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { aFollowUp, InMemoryFollowUpStore, RecordingNotifications } from '../testing/index.js';
import { MarkFollowUpDue } from './mark-follow-up-due.use-case.js';

describe('MarkFollowUpDue', () => {
  const assignee = 'a0000000-0000-4000-8000-000000000001';
  const referent = 'b0000000-0000-4000-8000-000000000002';
  let followUps: InMemoryFollowUpStore;
  let notifications: RecordingNotifications;
  let markDue: MarkFollowUpDue;

  beforeEach(() => {
    const clock = new Clock();
    clock.set(new Date('2026-04-10T08:00:00Z'));
    followUps = new InMemoryFollowUpStore();
    notifications = new RecordingNotifications();
    markDue = new MarkFollowUpDue(inMemoryDataSource(), clock, notifications.record, followUps);
  });

  it('does nothing for a job delivered before the checkpoint’s day', async () => {
    const checkpoint = aFollowUp({ due_on: '2026-04-11', assignee_user_id: assignee });
    followUps.given(checkpoint);
    await expect(markDue.execute(checkpoint.id)).resolves.toBe('early');
    expect(followUps.rows.get(checkpoint.id)?.task_created_at).toBeNull();
    expect(notifications.sent).toEqual([]);
  });

  it('makes the task once and tells its assignee (else the referent), naming no one', async () => {
    const checkpoint = aFollowUp({
      due_on: '2026-04-10',
      milestone: 'm3',
      assignee_user_id: assignee,
      referent_user_id: referent,
    });
    const coachingEnd = aFollowUp({
      due_on: '2026-04-01',
      kind: 'coaching_end',
      assignee_user_id: null,
      referent_user_id: referent,
    });
    followUps.given(checkpoint, coachingEnd);

    await expect(markDue.execute(checkpoint.id)).resolves.toBe('task_created');
    await expect(markDue.execute(checkpoint.id)).resolves.toBe('already');
    await expect(markDue.execute(coachingEnd.id)).resolves.toBe('task_created');

    expect(notifications.sent).toEqual([
      {
        userId: assignee,
        kind: 'follow_up_due',
        subjectType: 'follow_up',
        subjectId: checkpoint.id,
        message: 'Suivi M+3 dans l’emploi à faire (Boulangerie Paul).',
        dueOn: '2026-04-10',
      },
      expect.objectContaining({ userId: referent, message: 'Suivi M+1 après la fin de l’accompagnement à faire.' }),
    ]);
    expect(notifications.sent.map((notice) => notice.message).join(' ')).not.toContain('Jeannine');
  });

  it('leaves an answered checkpoint and one that is gone', async () => {
    const answered = aFollowUp({ due_on: '2026-04-01', answered_at: new Date(), assignee_user_id: assignee });
    followUps.given(answered);
    await expect(markDue.execute(answered.id)).resolves.toBe('answered');
    await expect(markDue.execute('c0000000-0000-4000-8000-000000000003')).resolves.toBe('gone');
    expect(notifications.sent).toEqual([]);
  });
});
