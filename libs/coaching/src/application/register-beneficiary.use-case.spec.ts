import { describe, expect, it } from '@jest/globals';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { addDays, parisToday } from '../domain/coaching.js';
import {
  aBeneficiary,
  aCoach,
  aManager,
  aNewBeneficiary,
  A_STRUCTURE,
  inMemoryCoaching,
  refusal,
} from '../testing/index.js';
import { ReferentAssignment } from './referent-assignment.js';
import { RegisterBeneficiary } from './register-beneficiary.use-case.js';

const SUB_STRUCTURE = '00000000-0000-4000-8000-000000000159';
const OTHER_STRUCTURE = '00000000-0000-4000-8000-000000000067';

function setUp(cap = 40) {
  const world = inMemoryCoaching({
    settings: { 'coaching.portfolio_cap': cap },
    structures: { [A_STRUCTURE]: null, [SUB_STRUCTURE]: A_STRUCTURE, [OTHER_STRUCTURE]: null },
  });
  const assignment = new ReferentAssignment(world.settings, world.beneficiaries, world.audit);
  const useCase = new RegisterBeneficiary(
    inMemoryDataSource(),
    world.beneficiaries,
    assignment,
    world.tree,
    world.audit,
    world.referential,
    new Clock(),
  );
  const coach = aCoach();
  world.beneficiaries.addCoach(coach);
  return { world, useCase, coach };
}

describe('RegisterBeneficiary', () => {
  it('a coach registers the person into their own portfolio, in their structure, the registration audited', async () => {
    const { world, useCase, coach } = setUp();

    const summary = await useCase.execute(
      coach,
      aNewBeneficiary({ firstName: '  Inès ', lastName: ' Dupont ', email: ' Ines.Dupont@Example.ORG ' }),
    );

    expect(summary).toMatchObject({
      firstName: 'Inès',
      lastName: 'Dupont',
      communeName: 'Roubaix',
      postalCode: '59100',
      structureId: A_STRUCTURE,
      referentUserId: coach.userId,
      status: 'oriented',
      orientationDate: parisToday(),
    });
    expect(world.beneficiaries.get(summary.id)).toMatchObject({
      email: 'ines.dupont@example.org',
      commune_insee: '59512',
    });
    expect(world.beneficiaries.assignments).toEqual([
      expect.objectContaining({ beneficiaryId: summary.id, coachUserId: coach.userId, capOverride: false }),
    ]);
    expect(world.audit.records.map((record) => [record.action, record.subject.id])).toEqual([
      ['create', summary.id],
      ['update', summary.id],
    ]);
  });

  it('only a manager gives a person to someone else: a coach naming a structure, a referent or an override is refused', async () => {
    const { world, useCase, coach } = setUp();
    const cases: Array<[Parameters<typeof aNewBeneficiary>[0], string]> = [
      [{ referentUserId: aCoach().userId }, 'referentUserId'],
      [{ structureId: SUB_STRUCTURE }, 'structureId'],
      [{ capOverride: true, reason: 'fratrie' }, 'capOverride'],
    ];
    for (const [input, field] of cases)
      expect(await refusal(useCase.execute(coach, aNewBeneficiary(input)))).toMatchObject({
        code: 'beneficiary.assign_forbidden',
        details: [{ field, reason: 'managers only' }],
      });
    expect(world.beneficiaries.rows.size).toBe(0);
  });

  it('refuses an orientation in the future and a birth date not before the orientation, field by field', async () => {
    const { world, useCase, coach } = setUp();
    const today = parisToday();

    expect(
      await refusal(useCase.execute(coach, aNewBeneficiary({ orientationDate: addDays(today, 1) }))),
    ).toMatchObject({
      code: 'beneficiary.invalid',
      details: [{ field: 'orientationDate', reason: 'must not be in the future' }],
    });
    expect(
      await refusal(useCase.execute(coach, aNewBeneficiary({ orientationDate: addDays(today, -3), birthDate: today }))),
    ).toMatchObject({
      code: 'beneficiary.invalid',
      details: [{ field: 'birthDate', reason: 'must be before the orientation date' }],
    });
    expect(world.beneficiaries.rows.size).toBe(0);
  });

  it('refuses a commune the referential does not know', async () => {
    const { world, useCase, coach } = setUp();

    expect(await refusal(useCase.execute(coach, aNewBeneficiary({ commune: { inseeCode: '99999' } })))).toMatchObject({
      code: 'beneficiary.unknown_commune',
      details: [{ field: 'commune' }],
    });
    expect(world.beneficiaries.rows.size).toBe(0);
  });

  it('a coach whose portfolio is full cannot register one more person', async () => {
    const { world, useCase, coach } = setUp(1);
    world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId }));

    expect(await refusal(useCase.execute(coach, aNewBeneficiary()))).toMatchObject({
      code: 'beneficiary.portfolio_full',
      details: [{ field: 'capOverride', reason: 'portfolio full (1/1)' }],
    });
  });

  it('a manager registers into one of their structures, with no referent yet', async () => {
    const { world, useCase } = setUp();
    const manager = aManager();

    const summary = await useCase.execute(manager, aNewBeneficiary({ structureId: SUB_STRUCTURE }));

    expect(summary).toMatchObject({ structureId: SUB_STRUCTURE, referentUserId: null, status: 'oriented' });
    expect(world.beneficiaries.assignments).toEqual([]);
  });

  it('a manager cannot register into a structure that is not one of theirs', async () => {
    const { world, useCase } = setUp();

    expect(await refusal(useCase.execute(aManager(), aNewBeneficiary({ structureId: OTHER_STRUCTURE })))).toMatchObject(
      {
        code: 'beneficiary.unknown_structure',
        details: [{ field: 'structureId', reason: 'not one of your structures' }],
      },
    );
    expect(world.beneficiaries.rows.size).toBe(0);
  });

  it('platform staff register no one', async () => {
    const { useCase } = setUp();
    const staff: Actor = { userId: aCoach().userId, structureId: A_STRUCTURE, roles: ['platform_staff'] };

    expect(await refusal(useCase.execute(staff, aNewBeneficiary()))).toMatchObject({ code: 'auth.forbidden' });
  });
});
