import { describe, expect, it } from '@jest/globals';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { aBeneficiary, aCoach, aManager, A_STRUCTURE, inMemoryCoaching, refusal } from '../testing/index.js';
import { AssignReferent } from './assign-referent.use-case.js';
import { ReferentAssignment } from './referent-assignment.js';

const OTHER_STRUCTURE = '00000000-0000-4000-8000-000000000067';

function setUp(cap: number) {
  const world = inMemoryCoaching({ settings: { 'coaching.portfolio_cap': cap } });
  const assignment = new ReferentAssignment(world.settings, world.beneficiaries, world.audit);
  const useCase = new AssignReferent(inMemoryDataSource(), world.access, assignment, world.tree);
  const manager = aManager();
  const coach = aCoach();
  world.beneficiaries.addCoach(coach, { displayName: 'coach.nord' });
  return { world, useCase, manager, coach };
}

/** Gives `coach` `count` people in coaching (their load). */
function fill(world: ReturnType<typeof inMemoryCoaching>, coach: { userId: string }, count: number): void {
  for (let i = 0; i < count; i += 1)
    world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId, status: 'in_coaching' }));
}

describe('AssignReferent', () => {
  it('refuses a coach whose portfolio is full, saying the load and the cap, and changes nothing', async () => {
    const { world, useCase, manager, coach } = setUp(2);
    fill(world, coach, 2);
    const person = world.beneficiaries.add(aBeneficiary());

    const error = await refusal(useCase.execute(manager, person.id, { coachUserId: coach.userId }));

    expect(error).toMatchObject({
      code: 'beneficiary.portfolio_full',
      details: [{ field: 'capOverride', reason: 'portfolio full (2/2)' }],
    });
    expect(error.message).toContain('coach.nord already follows 2 people (cap 2)');
    expect(world.beneficiaries.get(person.id).referent_user_id).toBeNull();
    expect(world.beneficiaries.assignments).toEqual([]);
  });

  it('refuses an override above the cap without a reason, a blank one included', async () => {
    const { world, useCase, manager, coach } = setUp(1);
    fill(world, coach, 1);
    const person = world.beneficiaries.add(aBeneficiary());

    for (const reason of [undefined, '   '])
      expect(
        await refusal(useCase.execute(manager, person.id, { coachUserId: coach.userId, capOverride: true, reason })),
      ).toMatchObject({
        code: 'beneficiary.override_reason_required',
        details: [{ field: 'reason', reason: 'required to override the cap (1/1)' }],
      });
    expect(world.beneficiaries.get(person.id).referent_user_id).toBeNull();
  });

  it('assigns above the cap with a reason: the history keeps the override and why, the audit who decided at what load', async () => {
    const { world, useCase, manager, coach } = setUp(1);
    fill(world, coach, 1);
    const person = world.beneficiaries.add(aBeneficiary());

    const summary = await useCase.execute(manager, person.id, {
      coachUserId: coach.userId,
      capOverride: true,
      reason: '  fratrie  ',
    });

    expect(summary).toMatchObject({ id: person.id, referentUserId: coach.userId });
    expect(world.beneficiaries.assignments).toEqual([
      expect.objectContaining({
        beneficiaryId: person.id,
        coachUserId: coach.userId,
        assignedBy: manager.userId,
        capOverride: true,
        reason: 'fratrie',
        endedAt: null,
      }),
    ]);
    expect(world.audit.records.filter((record) => record.details.referent !== undefined)).toEqual([
      {
        actorUserId: manager.userId,
        action: 'update',
        subject: { type: 'beneficiary', id: person.id, structureId: A_STRUCTURE },
        details: { referent: { from: null, to: coach.userId }, capOverride: true, load: 1, cap: 1 },
      },
    ]);
  });

  it('records no override when the coach had room, even when the manager asked for one', async () => {
    const { world, useCase, manager, coach } = setUp(3);
    const person = world.beneficiaries.add(aBeneficiary());

    await useCase.execute(manager, person.id, { coachUserId: coach.userId, capOverride: true, reason: 'renfort' });

    expect(world.beneficiaries.assignments).toEqual([
      expect.objectContaining({ capOverride: false, reason: 'renfort' }),
    ]);
  });

  it('ends the previous referent’s assignment when the person changes coach', async () => {
    const { world, useCase, manager, coach } = setUp(5);
    const first = aCoach();
    world.beneficiaries.addCoach(first);
    const person = world.beneficiaries.add(aBeneficiary());
    await useCase.execute(manager, person.id, { coachUserId: first.userId });

    await useCase.execute(manager, person.id, { coachUserId: coach.userId });

    expect(
      world.beneficiaries.assignments.map((assignment) => [assignment.coachUserId, assignment.endedAt === null]),
    ).toEqual([
      [first.userId, false],
      [coach.userId, true],
    ]);
  });

  it('refuses a coach outside the manager’s structures, or no longer active', async () => {
    const { world, useCase, manager } = setUp(5);
    const elsewhere = aCoach({ structureId: OTHER_STRUCTURE });
    const gone = aCoach();
    world.beneficiaries.addCoach(elsewhere);
    world.beneficiaries.addCoach(gone, { active: false });
    const person = world.beneficiaries.add(aBeneficiary());

    for (const coachUserId of [elsewhere.userId, gone.userId])
      expect(await refusal(useCase.execute(manager, person.id, { coachUserId }))).toMatchObject({
        code: 'beneficiary.unknown_coach',
        details: [{ field: 'coachUserId', reason: 'not an active coach of your structures' }],
      });
  });

  it('a person outside the manager’s structures does not exist for them', async () => {
    const { world, useCase, manager, coach } = setUp(5);
    const person = world.beneficiaries.add(aBeneficiary({ structure_id: OTHER_STRUCTURE }));

    expect(await refusal(useCase.execute(manager, person.id, { coachUserId: coach.userId }))).toMatchObject({
      code: 'beneficiary.not_found',
    });
  });

  it('a coach may not assign people', async () => {
    const { world, useCase, coach } = setUp(5);
    const person = world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId }));

    expect(await refusal(useCase.execute(coach, person.id, { coachUserId: coach.userId }))).toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
