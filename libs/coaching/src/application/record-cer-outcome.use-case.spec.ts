import { describe, expect, it } from '@jest/globals';
import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { addDays, addMonths, parisToday } from '../domain/coaching.js';
import { aBeneficiary, aCoach, aNewCer, inMemoryCoaching, refusal } from '../testing/index.js';
import { RecordCerOutcome } from './record-cer-outcome.use-case.js';
import { SignCer } from './sign-cer.use-case.js';

/** A person in coaching whose CER started `daysAgo` days ago for three months. */
async function setUp(daysAgo = 100) {
  const world = inMemoryCoaching({ settings: { 'coaching.cer_default_months': 3 } });
  const dataSource = inMemoryDataSource();
  const useCase = new RecordCerOutcome(
    dataSource,
    world.settings,
    world.access,
    world.beneficiaries,
    world.cers,
    new Clock(),
  );
  const coach = aCoach();
  const person = world.beneficiaries.add(
    aBeneficiary({ referent_user_id: coach.userId, orientation_date: addDays(parisToday(), -daysAgo - 10) }),
  );
  const start = addDays(parisToday(), -daysAgo);
  const cer = await new SignCer(
    dataSource,
    world.settings,
    world.access,
    world.beneficiaries,
    world.cers,
    new Clock(),
  ).execute(coach, person.id, aNewCer({ signedOn: start, startDate: start }));
  return { world, useCase, coach, person, cer };
}

describe('RecordCerOutcome', () => {
  it('a renewal closes the CER and opens the next from its end, for the length given', async () => {
    const { world, useCase, coach, person, cer } = await setUp(60);
    const today = parisToday();

    const cers = await useCase.execute(coach, person.id, cer.id, {
      outcome: 'renewed',
      on: today,
      renewal: { durationMonths: 2, beneficiaryCommitments: ['c'], serviceCommitments: ['d'] },
    });

    expect(cers.map((one) => [one.outcome, one.outcomeOn])).toEqual([
      ['renewed', today],
      [null, null],
    ]);
    // The first one runs until its end date, still ahead: the next starts there.
    expect(cers[1]).toMatchObject({
      signedOn: today,
      startDate: cer.endDate,
      durationMonths: 2,
      endDate: addMonths(cer.endDate, 2),
      beneficiaryCommitments: ['c'],
    });
    expect(world.beneficiaries.get(person.id).status).toBe('in_coaching');
  });

  it('a renewal after the end date starts the next CER on the renewal’s date, for the default length', async () => {
    const { useCase, coach, person, cer } = await setUp(100);
    const today = parisToday();

    const cers = await useCase.execute(coach, person.id, cer.id, {
      outcome: 'renewed',
      on: today,
      renewal: { beneficiaryCommitments: [], serviceCommitments: [] },
    });

    expect(cers[1]).toMatchObject({ startDate: today, durationMonths: 3, endDate: addMonths(today, 3) });
  });

  it('an exit to a job ends the coaching with its reason and date', async () => {
    const { world, useCase, coach, person, cer } = await setUp();
    const today = parisToday();

    const cers = await useCase.execute(coach, person.id, cer.id, { outcome: 'exit_job', on: today });

    expect(cers.map((one) => one.outcome)).toEqual(['exit_job']);
    expect(world.beneficiaries.get(person.id)).toMatchObject({
      status: 'ended',
      exit_reason: 'job',
      ended_on: today,
      reoriented_to: null,
    });
  });

  it('a reorientation ends the coaching as reoriented, saying where to, with no exit reason', async () => {
    const { world, useCase, coach, person, cer } = await setUp();

    await useCase.execute(coach, person.id, cer.id, {
      outcome: 'reoriented',
      on: parisToday(),
      reorientedTo: 'Cap emploi',
    });

    expect(world.beneficiaries.get(person.id)).toMatchObject({
      status: 'reoriented',
      exit_reason: null,
      reoriented_to: 'Cap emploi',
    });
  });

  it('refuses an outcome dated in the future, a second outcome, and a renewal without its commitments', async () => {
    const { world, useCase, coach, person, cer } = await setUp();
    const today = parisToday();

    expect(
      await refusal(useCase.execute(coach, person.id, cer.id, { outcome: 'exit_job', on: addDays(today, 1) })),
    ).toMatchObject({ code: 'cer.invalid_outcome', details: [{ field: 'on', reason: 'must not be in the future' }] });
    expect(await refusal(useCase.execute(coach, person.id, cer.id, { outcome: 'renewed', on: today }))).toMatchObject({
      code: 'cer.invalid_outcome',
      details: [{ field: 'renewal' }],
    });
    expect(world.beneficiaries.get(person.id).status).toBe('in_coaching');

    await useCase.execute(coach, person.id, cer.id, { outcome: 'exit_training', on: today });
    expect(await refusal(useCase.execute(coach, person.id, cer.id, { outcome: 'exit_job', on: today }))).toMatchObject({
      code: 'cer.invalid_outcome',
      details: [{ field: 'outcome', reason: 'already recorded: exit_training' }],
    });
    expect(world.beneficiaries.get(person.id).exit_reason).toBe('training');
  });

  it('a CER of another person is not found on this file', async () => {
    const { world, useCase, coach, cer } = await setUp();
    const other = world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId }));

    expect(
      await refusal(useCase.execute(coach, other.id, cer.id, { outcome: 'exit_job', on: parisToday() })),
    ).toMatchObject({ code: 'cer.not_found' });
  });
});
