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

describe('RevokeConsent', () => {
  it('a revoked consent is out of force at once and stays listed, dated, with who revoked it; it may be granted again', async () => {
    const { coach, person, grant, revoke, check } = setUp();
    await grant.execute(coach, person.id, 'share_profile_with_employers');

    const consents = await revoke.execute(coach, person.id, 'share_profile_with_employers');

    expect(await check.execute(person.id, 'share_profile_with_employers')).toBe(false);
    expect(consents).toEqual([expect.objectContaining({ revokedAt: expect.any(Date), revokedBy: coach.userId })]);
    expect(await refusal(revoke.execute(coach, person.id, 'share_profile_with_employers'))).toMatchObject({
      code: 'consent.not_found',
    });
    expect(await grant.execute(coach, person.id, 'share_profile_with_employers')).toHaveLength(2);
    expect(await check.execute(person.id, 'share_profile_with_employers')).toBe(true);
  });

  it('revoking the photo consent deletes the photo: its row, then its file', async () => {
    const { world, coach, person, grant, revoke } = setUp();
    await grant.execute(coach, person.id, 'photo');
    const key = world.photos.addPhoto(person.id, coach.userId);

    await revoke.execute(coach, person.id, 'photo');

    expect(world.photos.rows.has(person.id)).toBe(false);
    expect(world.photos.files.has(key)).toBe(false);
  });

  it('revoking another consent keeps the photo', async () => {
    const { world, coach, person, grant, revoke } = setUp();
    await grant.execute(coach, person.id, 'share_profile_with_employers');
    const key = world.photos.addPhoto(person.id, coach.userId);

    await revoke.execute(coach, person.id, 'share_profile_with_employers');

    expect(world.photos.files.has(key)).toBe(true);
  });

  it('each change is an audited update of the file, saying which consent', async () => {
    const { world, coach, person, grant, revoke } = setUp();
    await grant.execute(coach, person.id, 'photo');
    await revoke.execute(coach, person.id, 'photo');

    expect(world.audit.records.map((record) => [record.action, record.subject.id, record.details])).toEqual([
      ['update', person.id, { part: 'consent', consent: 'photo', granted: true }],
      ['update', person.id, { part: 'consent', consent: 'photo', granted: false }],
    ]);
  });
});
