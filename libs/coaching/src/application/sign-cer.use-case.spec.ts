import { describe, expect, it } from '@jest/globals';
import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { addDays, addMonths, parisToday } from '../domain/coaching.js';
import { aBeneficiary, aCoach, aManager, aNewCer, inMemoryCoaching, refusal } from '../testing/index.js';
import { SignCer } from './sign-cer.use-case.js';

function setUp() {
  const world = inMemoryCoaching({ settings: { 'coaching.cer_default_months': 6 } });
  const useCase = new SignCer(
    inMemoryDataSource(),
    world.settings,
    world.access,
    world.beneficiaries,
    world.cers,
    new Clock(),
  );
  const coach = aCoach();
  const person = world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId }));
  return { world, useCase, coach, person };
}

describe('SignCer', () => {
  it('signing the CER puts the person in coaching; its term is the default length unless given', async () => {
    const { world, useCase, coach, person } = setUp();
    const start = addDays(parisToday(), -10);

    const cer = await useCase.execute(coach, person.id, aNewCer({ signedOn: start, startDate: start }));

    expect(cer).toMatchObject({
      signedOn: start,
      startDate: start,
      durationMonths: 6,
      endDate: addMonths(start, 6),
      outcome: null,
    });
    expect(world.beneficiaries.get(person.id).status).toBe('in_coaching');
    expect(world.cers.cers).toEqual([expect.objectContaining({ id: cer.id, createdBy: coach.userId })]);

    const other = world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId }));
    expect(await useCase.execute(coach, other.id, aNewCer({ durationMonths: 12 }))).toMatchObject({
      durationMonths: 12,
      endDate: addMonths(parisToday(), 12),
    });
  });

  it('refuses a second CER while one runs, naming the running one', async () => {
    const { world, useCase, coach, person } = setUp();
    const running = await useCase.execute(coach, person.id, aNewCer());

    expect(await refusal(useCase.execute(coach, person.id, aNewCer()))).toMatchObject({
      code: 'cer.already_open',
      details: [{ field: 'cer', reason: `CER ${running.id} is open` }],
    });
    expect(world.cers.cers).toHaveLength(1);
  });

  it('refuses dates out of order or in the future, and a coaching already over', async () => {
    const { world, useCase, coach, person } = setUp();
    const today = parisToday();

    expect(
      await refusal(useCase.execute(coach, person.id, aNewCer({ signedOn: today, startDate: addDays(today, -3) }))),
    ).toMatchObject({ code: 'cer.invalid', details: [{ field: 'startDate' }] });
    expect(
      await refusal(
        useCase.execute(coach, person.id, aNewCer({ signedOn: addDays(today, 1), startDate: addDays(today, 1) })),
      ),
    ).toMatchObject({ code: 'cer.invalid', details: [{ field: 'signedOn', reason: 'must not be in the future' }] });
    const ended = world.beneficiaries.add(
      aBeneficiary({ referent_user_id: coach.userId, status: 'ended', exit_reason: 'moved', ended_on: today }),
    );
    expect(await refusal(useCase.execute(coach, ended.id, aNewCer()))).toMatchObject({
      code: 'cer.invalid',
      details: [{ field: 'status', reason: 'the coaching is ended' }],
    });
    expect(world.cers.cers).toEqual([]);
    expect(world.beneficiaries.get(person.id).status).toBe('oriented');
  });

  it('only the referent coach signs: another coach and a manager do not reach the file', async () => {
    const { useCase, person } = setUp();

    expect(await refusal(useCase.execute(aCoach(), person.id, aNewCer()))).toMatchObject({
      code: 'beneficiary.not_found',
    });
    expect(await refusal(useCase.execute(aManager(), person.id, aNewCer()))).toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
