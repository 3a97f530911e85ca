import { describe, expect, it } from '@jest/globals';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { totpAt } from '../domain/totp.js';
import {
  actorOf,
  anActor,
  aStructure,
  aUser,
  FakeTotpSecretCipher,
  InMemoryAuditLog,
  InMemoryRefreshTokenStore,
  InMemoryStructureStore,
  InMemoryUserStore,
  refusalOf,
} from '../testing/index.js';
import type { User } from './ports/user-store.js';
import { ConfirmTotpEnrolment, RemoveTotp, StartTotpEnrolment } from './manage-totp.use-case.js';
import { StructureTree } from './structure-tree.js';

const office = aStructure({ name: 'Agence de Lille', kind: 'local_office' });

function totp(users: readonly User[]) {
  const dataSource = inMemoryDataSource();
  const store = new InMemoryUserStore(users);
  const cipher = new FakeTotpSecretCipher();
  const audit = new InMemoryAuditLog();
  const refreshTokens = new InMemoryRefreshTokenStore();
  const tree = new StructureTree(dataSource, new InMemoryStructureStore([office]));
  return {
    users: store,
    audit,
    refreshTokens,
    start: new StartTotpEnrolment(dataSource, store, cipher),
    confirm: new ConfirmTotpEnrolment(dataSource, store, cipher, audit),
    remove: new RemoveTotp(dataSource, store, refreshTokens, tree, audit),
  };
}

describe('TOTP enrolment', () => {
  it('keeps the new secret pending, stored sealed, until a code proves the app has it', async () => {
    const user = aUser({ structureId: office.id });
    const world = totp([user]);

    const enrolment = await world.start.execute(actorOf(user));

    const stored = world.users.stored(user.id);
    expect(stored.totpPendingSecret).toBe(`sealed:${user.id}:${enrolment.secret}`);
    expect(stored.totpSecret).toBeNull();
    expect(stored.totpEnabledAt).toBeNull();
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
  });

  it('refuses a wrong code by its field (422: the session is fine), and the secret stays pending', async () => {
    const user = aUser({ structureId: office.id });
    const world = totp([user]);
    const { secret } = await world.start.execute(actorOf(user));
    // Ten minutes ahead: outside the window of one step either side that a right code may fall in.
    const wrong = totpAt(secret, new Date(Date.now() + 600_000));

    const refused = await refusalOf(world.confirm.execute(actorOf(user), wrong));

    expect(refused).toEqual({ code: 'auth.totp_invalid', kind: 'invalid', fields: ['code'] });
    const stored = world.users.stored(user.id);
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecret).toBeNull();
    expect(stored.totpPendingSecret).toBe(`sealed:${user.id}:${secret}`);
    expect(world.audit.entries).toEqual([]);
  });

  it('a right code turns the pending secret into the second factor, remembers its step and records it', async () => {
    const user = aUser({ structureId: office.id });
    const world = totp([user]);
    const { secret } = await world.start.execute(actorOf(user));

    await world.confirm.execute(actorOf(user), totpAt(secret, new Date()));

    const stored = world.users.stored(user.id);
    expect(stored.totpSecret).toBe(`sealed:${user.id}:${secret}`);
    expect(stored.totpPendingSecret).toBeNull();
    expect(stored.totpEnabledAt).toBeInstanceOf(Date);
    expect(stored.totpLastStep).toBe(Math.floor(Date.now() / 30_000));
    expect(world.audit.entries).toEqual([
      expect.objectContaining({
        action: 'update',
        details: { fields: ['totp'], totp: 'enrolled' },
        inTransaction: true,
      }),
    ]);
  });

  it('refuses a code before any enrolment started, and a second enrolment once one is enabled', async () => {
    const fresh = aUser({ structureId: office.id });
    const enrolled = aUser({ structureId: office.id, totpSecret: 'sealed:x:y', totpEnabledAt: new Date() });
    const world = totp([fresh, enrolled]);

    await expect(refusalOf(world.confirm.execute(actorOf(fresh), '123456'))).resolves.toMatchObject({
      code: 'auth.totp_not_started',
    });
    await expect(refusalOf(world.start.execute(actorOf(enrolled)))).resolves.toMatchObject({
      code: 'auth.totp_already_enabled',
    });
    expect(world.users.stored(enrolled.id).totpPendingSecret).toBeNull();
  });
});

describe('RemoveTotp', () => {
  it('removes a lost second factor and ends the user’s sessions', async () => {
    const user = aUser({
      structureId: office.id,
      totpSecret: 'sealed:x:y',
      totpEnabledAt: new Date(),
      totpLastStep: 9,
    });
    const world = totp([user]);
    world.refreshTokens.seed(user.id);

    await world.remove.execute(anActor(), user.id);

    expect(world.users.stored(user.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(world.refreshTokens.tokens.map((token) => token.revokedReason)).toEqual(['totp_removed']);
    expect(world.audit.entries.map((entry) => entry.details)).toEqual([{ fields: ['totp'], totp: 'removed' }]);
  });
});
