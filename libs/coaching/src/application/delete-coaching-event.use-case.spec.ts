import { describe, expect, it } from '@jest/globals';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { parisToday } from '../domain/coaching.js';
import type { NewEvent } from '../domain/journal.js';
import { aBeneficiary, aCoach, inMemoryCoaching, refusal } from '../testing/index.js';
import { DeleteCoachingEvent } from './delete-coaching-event.use-case.js';

function setUp() {
  const world = inMemoryCoaching();
  const dataSource = inMemoryDataSource();
  const useCase = new DeleteCoachingEvent(dataSource, world.access, world.journal);
  const referent = aCoach();
  const person = world.beneficiaries.add(aBeneficiary({ referent_user_id: referent.userId }));
  const entry = (input: Partial<NewEvent> = {}, authorId = referent.userId) =>
    world.journal.insert(
      dataSource.manager,
      person.id,
      { kind: 'call', occurredOn: parisToday(), note: 'appel', ...input },
      authorId,
    );
  return { world, dataSource, useCase, referent, person, entry };
}

describe('DeleteCoachingEvent', () => {
  it('the referent coach deletes an entry: it stays, marked with who and when, and leaves the journal', async () => {
    const { world, dataSource, useCase, referent, person, entry } = setUp();
    const eventId = await entry({}, aCoach().userId);

    const deleted = await useCase.execute(referent, person.id, eventId);

    expect(deleted).toEqual({ id: eventId, deletedAt: expect.any(Date) });
    expect(world.journal.events).toEqual([
      expect.objectContaining({ id: eventId, deletedBy: referent.userId, deletedAt: deleted.deletedAt }),
    ]);
    expect(await world.journal.list(dataSource.manager, person.id)).toEqual([]);
    expect(world.audit.records.map((record) => record.details)).toEqual([{ part: 'event', deletedEventId: eventId }]);
  });

  it('refuses a decided aid request, which stays in the journal; a pending one may go', async () => {
    const { world, useCase, referent, person, entry } = setUp();
    const granted = await entry({ kind: 'aid_request', aid: { kind: 'mobility', amount: 120, decision: 'granted' } });
    const pending = await entry({ kind: 'aid_request', aid: { kind: 'childcare' } });

    expect(await refusal(useCase.execute(referent, person.id, granted))).toMatchObject({
      code: 'event.aid_decided',
      details: [{ field: 'eventId', reason: 'aid already decided' }],
    });
    await useCase.execute(referent, person.id, pending);
    expect(world.journal.events.map((event) => [event.id, event.deletedAt === null])).toEqual([
      [granted, true],
      [pending, false],
    ]);
  });

  it('an entry already deleted, or of another file, is not found', async () => {
    const { world, useCase, referent, person, entry } = setUp();
    const eventId = await entry();
    await useCase.execute(referent, person.id, eventId);
    const other = world.beneficiaries.add(aBeneficiary({ referent_user_id: referent.userId }));

    expect(await refusal(useCase.execute(referent, person.id, eventId))).toMatchObject({ code: 'event.not_found' });
    expect(await refusal(useCase.execute(referent, other.id, await entry()))).toMatchObject({
      code: 'event.not_found',
    });
  });
});
