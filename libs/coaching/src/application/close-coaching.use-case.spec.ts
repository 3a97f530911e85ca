import { describe, expect, it } from '@jest/globals';
import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { addDays, parisToday } from '../domain/coaching.js';
import { aBeneficiary, aCoach, aNewCer, inMemoryCoaching, refusal } from '../testing/index.js';
import { CloseCoaching } from './close-coaching.use-case.js';
import { SignCer } from './sign-cer.use-case.js';

function setUp() {
  const world = inMemoryCoaching();
  const dataSource = inMemoryDataSource();
  const useCase = new CloseCoaching(dataSource, world.access, world.beneficiaries, world.cers, new Clock());
  const signCer = new SignCer(dataSource, world.settings, world.access, world.beneficiaries, world.cers, new Clock());
  const coach = aCoach();
  const person = world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId }));
  return { world, useCase, signCer, coach, person };
}

describe('CloseCoaching', () => {
  it('ending the coaching closes the running CER with the outcome its exit reason gives', async () => {
    const { world, useCase, signCer, coach, person } = setUp();
    await signCer.execute(
      coach,
      person.id,
      aNewCer({ signedOn: addDays(parisToday(), -20), startDate: addDays(parisToday(), -20) }),
    );
    const on = addDays(parisToday(), -1);

    const summary = await useCase.execute(coach, person.id, { status: 'ended', exitReason: 'job', on });

    expect(summary).toMatchObject({ status: 'ended', exitReason: 'job', endedOn: on });
    expect(world.cers.cers.map((cer) => [cer.outcome, cer.outcomeOn])).toEqual([['exit_job', on]]);
  });

  it('a reorientation keeps where to and no exit reason, and gives the running CER the outcome reoriented', async () => {
    const { world, useCase, signCer, coach, person } = setUp();
    await signCer.execute(coach, person.id, aNewCer());

    const summary = await useCase.execute(coach, person.id, {
      status: 'reoriented',
      exitReason: 'moved',
      reorientedTo: 'Mission locale',
      on: parisToday(),
    });

    expect(summary).toMatchObject({ status: 'reoriented', exitReason: null });
    expect(world.beneficiaries.get(person.id).reoriented_to).toBe('Mission locale');
    expect(world.cers.cers.map((cer) => cer.outcome)).toEqual(['reoriented']);
  });

  it('closes a coaching that never had a CER', async () => {
    const { world, useCase, coach, person } = setUp();

    await useCase.execute(coach, person.id, { status: 'ended', exitReason: 'no_contact', on: parisToday() });

    expect(world.beneficiaries.get(person.id)).toMatchObject({ status: 'ended', exit_reason: 'no_contact' });
    expect(world.cers.cers).toEqual([]);
  });

  it('refuses closing twice, ending without a reason, reorienting without where to, and dates out of range', async () => {
    const { world, useCase, coach, person } = setUp();
    const today = parisToday();
    const cases: Array<[Parameters<CloseCoaching['execute']>[2], string]> = [
      [{ status: 'ended', on: today }, 'exitReason'],
      [{ status: 'reoriented', on: today }, 'reorientedTo'],
      [{ status: 'ended', exitReason: 'job', on: addDays(today, 1) }, 'on'],
      [{ status: 'ended', exitReason: 'job', on: addDays(person.orientation_date, -1) }, 'on'],
    ];
    for (const [input, field] of cases)
      expect(await refusal(useCase.execute(coach, person.id, input))).toMatchObject({
        code: 'beneficiary.cannot_close',
        details: [{ field }],
      });
    expect(world.beneficiaries.get(person.id).status).toBe('oriented');

    await useCase.execute(coach, person.id, { status: 'ended', exitReason: 'job', on: today });
    expect(
      await refusal(useCase.execute(coach, person.id, { status: 'ended', exitReason: 'other', on: today })),
    ).toMatchObject({
      code: 'beneficiary.cannot_close',
      details: [{ field: 'status', reason: 'the coaching is already ended' }],
    });
    expect(world.beneficiaries.get(person.id).exit_reason).toBe('job');
  });
});
