import { describe, expect, it } from '@jest/globals';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { aBeneficiary, aCoach, inMemoryCoaching, refusal } from '../testing/index.js';
import { CheckConsent } from './check-consent.use-case.js';
import { GrantConsent } from './grant-consent.use-case.js';
import { RevokeConsent } from './revoke-consent.use-case.js';

function setUp() {
  const world = inMemoryCoaching();
  const dataSource = inMemoryDataSource();
  const coach = aCoach();
  const person = world.beneficiaries.add(aBeneficiary({ referent_user_id: coach.userId }));
  return {
    world,
    coach,
    person,
    grant: new GrantConsent(dataSource, world.access, world.consents),
    revoke: new RevokeConsent(dataSource, world.access, world.consents, world.photos),
    check: new CheckConsent(dataSource, world.consents),
  };
}

describe('GrantConsent', () => {
  it('a granted consent is in force for its purpose only, recorded with who took it', async () => {
    const { coach, person, grant, check } = setUp();

    const consents = await grant.execute(coach, person.id, 'share_profile_with_employers');

    expect(consents).toEqual([
      expect.objectContaining({ purpose: 'share_profile_with_employers', recordedBy: coach.userId, revokedAt: null }),
    ]);
    expect(await check.execute(person.id, 'share_profile_with_employers')).toBe(true);
    expect(await check.execute(person.id, 'photo')).toBe(false);
  });

  it('refuses granting a consent already in force', async () => {
    const { world, coach, person, grant } = setUp();
    await grant.execute(coach, person.id, 'photo');

    expect(await refusal(grant.execute(coach, person.id, 'photo'))).toMatchObject({
      code: 'consent.already_granted',
      details: [{ field: 'purpose', reason: 'already granted' }],
    });
    expect(world.consents.consents).toHaveLength(1);
  });

  it('another coach reaches neither the file nor its consents', async () => {
    const { world, person, grant } = setUp();

    expect(await refusal(grant.execute(aCoach(), person.id, 'photo'))).toMatchObject({
      code: 'beneficiary.not_found',
    });
    expect(world.consents.consents).toEqual([]);
  });
});
