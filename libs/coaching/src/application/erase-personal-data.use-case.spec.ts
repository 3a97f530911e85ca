import { describe, expect, it } from '@jest/globals';
import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { parisToday } from '../domain/coaching.js';
import { aBeneficiary, aCoach, aManager, aNewCer, inMemoryCoaching, recordingSms, refusal } from '../testing/index.js';
import { Anonymisation } from './anonymisation.js';
import { ErasePersonalData } from './erase-personal-data.use-case.js';
import { GrantConsent } from './grant-consent.use-case.js';
import { SignCer } from './sign-cer.use-case.js';

/** A person with a CER, a journal note, a consent and a photo: everything erasure touches. */
async function setUp() {
  const world = inMemoryCoaching();
  const dataSource = inMemoryDataSource();
  const anonymisation = new Anonymisation(world.personalData, world.outbox, world.photos, recordingSms());
  const useCase = new ErasePersonalData(dataSource, world.access, anonymisation, world.photos);
  const coach = aCoach();
  const person = world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId }));
  await new SignCer(dataSource, world.settings, world.access, world.beneficiaries, world.cers, new Clock()).execute(
    coach,
    person.id,
    aNewCer(),
  );
  await new GrantConsent(dataSource, world.access, world.consents).execute(coach, person.id, 'photo');
  await world.journal.insert(
    dataSource.manager,
    person.id,
    { kind: 'call', occurredOn: parisToday(), note: 'parle de sa santé' },
    coach.userId,
  );
  const photo = world.photos.addPhoto(person.id, coach.userId);
  return { world, useCase, coach, person, photo };
}

describe('ErasePersonalData', () => {
  it('clears the personal fields and free text, keeps the anonymous facts, and records the event the other contexts erase from', async () => {
    const { world, useCase, person } = await setUp();
    const manager = aManager();

    const erased = await useCase.execute(manager, person.id);

    expect(erased).toEqual({ id: person.id, erasedAt: expect.any(String) });
    expect(world.beneficiaries.get(person.id)).toMatchObject({
      first_name: null,
      last_name: null,
      birth_date: null,
      email: null,
      phone: null,
      address: null,
      erased_at: expect.any(Date),
      structure_id: person.structure_id,
      orientation_date: person.orientation_date,
      status: 'in_coaching',
    });
    expect(world.cers.cers).toEqual([
      expect.objectContaining({ beneficiaryCommitments: [], serviceCommitments: [], startDate: parisToday() }),
    ]);
    expect(world.journal.events).toEqual([expect.objectContaining({ kind: 'call', note: null })]);
    expect(world.consents.consents).toEqual([]);
    expect(world.outbox.events).toEqual([
      expect.objectContaining({ beneficiaryId: person.id, cause: 'request', handledBy: [] }),
    ]);
    expect(world.audit.records.at(-1)).toMatchObject({
      actorUserId: manager.userId,
      action: 'delete',
      subject: { id: person.id },
      details: { erasure: 'request' },
    });
  });

  it('deletes the photo: its row with the rest of the file, its file after', async () => {
    const { world, useCase, person, photo } = await setUp();

    await useCase.execute(aManager(), person.id);

    expect(world.photos.rows.has(person.id)).toBe(false);
    expect(world.photos.files.has(photo)).toBe(false);
  });

  it('an erased file is gone: reading or erasing it again is not found', async () => {
    const { world, useCase, coach, person } = await setUp();
    const manager = aManager();
    await useCase.execute(manager, person.id);

    expect(await refusal(useCase.execute(manager, person.id))).toMatchObject({ code: 'beneficiary.not_found' });
    expect(await refusal(world.access.open(coach, 'beneficiaries.read', person.id, { action: 'read' }))).toMatchObject({
      code: 'beneficiary.not_found',
    });
    expect(world.outbox.events).toHaveLength(1);
  });

  it('only a manager erases: the referent coach may not', async () => {
    const { world, useCase, coach, person } = await setUp();

    expect(await refusal(useCase.execute(coach, person.id))).toMatchObject({ code: 'auth.forbidden' });
    expect(world.beneficiaries.get(person.id).erased_at).toBeNull();
    expect(world.outbox.events).toEqual([]);
  });
});
