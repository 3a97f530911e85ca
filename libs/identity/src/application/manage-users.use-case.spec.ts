import { describe, expect, it } from '@jest/globals';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import {
  aConfig,
  actorOf,
  anActor,
  aStructure,
  aUser,
  FakePasswordHasher,
  InMemoryAuditLog,
  InMemoryCommonPasswords,
  InMemoryRefreshTokenStore,
  InMemoryStructureStore,
  InMemoryUserDirectory,
  InMemoryUserStore,
  refusalOf,
} from '../testing/index.js';
import type { User } from './ports/user-store.js';
import { ChangeOwnPassword, CreateUser, ReadUsers, UpdateUser } from './manage-users.use-case.js';
import { NewPasswordCheck } from './new-password-check.js';
import { StructureTree } from './structure-tree.js';

const departement = aStructure({ name: 'Département du Nord' });
const office = aStructure({ name: 'Agence de Lille', kind: 'local_office', parentId: departement.id });
const elsewhere = aStructure({ name: 'Département du Pas-de-Calais' });

function identity(users: readonly User[] = []) {
  const dataSource = inMemoryDataSource();
  const structures = new InMemoryStructureStore([departement, office, elsewhere]);
  const userStore = new InMemoryUserStore(users);
  const refreshTokens = new InMemoryRefreshTokenStore();
  const tree = new StructureTree(dataSource, structures);
  const audit = new InMemoryAuditLog();
  const hasher = new FakePasswordHasher();
  const passwords = new NewPasswordCheck(new InMemoryCommonPasswords());
  const config = aConfig({ temporaryPasswordTtlHours: 72 });
  return {
    users: userStore,
    refreshTokens,
    audit,
    createUser: new CreateUser(dataSource, userStore, structures, hasher, tree, audit, passwords, config),
    updateUser: new UpdateUser(dataSource, userStore, structures, refreshTokens, tree, audit),
    changeOwnPassword: new ChangeOwnPassword(dataSource, userStore, refreshTokens, hasher, passwords, audit, config),
    readUsers: new ReadUsers(dataSource, userStore, tree, audit, new InMemoryUserDirectory(userStore)),
  };
}

describe('CreateUser', () => {
  it('refuses an e-mail another account uses, whatever its case and spaces, and creates nothing', async () => {
    const taken = aUser({ email: 'camille.martin@nord.fr' });
    const world = identity([taken]);
    const admin = anActor({ structureId: departement.id });

    const refused = await refusalOf(
      world.createUser.execute(admin, {
        email: '  Camille.Martin@NORD.fr ',
        displayName: 'Camille Martin',
        structureId: office.id,
        roles: ['coach'],
      }),
    );

    expect(refused).toMatchObject({ code: 'user.email_taken', fields: ['email'] });
    expect(world.users.all()).toHaveLength(1);
    expect(world.audit.entries).toEqual([]);
  });

  it('refuses a structure that does not exist, by its field', async () => {
    const world = identity();
    const refused = await refusalOf(
      world.createUser.execute(anActor(), {
        email: 'sacha@nord.fr',
        displayName: 'Sacha',
        structureId: '6f1c8e0e-0000-4000-8000-000000000000',
        roles: ['coach'],
      }),
    );
    expect(refused).toMatchObject({ code: 'user.unknown_structure', fields: ['structureId'] });
    expect(world.users.all()).toEqual([]);
  });

  it('lets only administrators create accounts: a manager is refused and nothing is written', async () => {
    const world = identity();
    const manager = anActor({ roles: ['manager'], structureId: departement.id });
    const refused = await refusalOf(
      world.createUser.execute(manager, {
        email: 'sacha@nord.fr',
        displayName: 'Sacha',
        structureId: office.id,
        roles: ['coach'],
      }),
    );
    expect(refused.code).toBe('auth.forbidden');
    expect(world.users.all()).toEqual([]);
    expect(world.audit.entries).toEqual([]);
  });

  it('without a password, hands out a temporary one that must be changed, expiring after the configured hours', async () => {
    const world = identity();
    const admin = anActor();

    const created = await world.createUser.execute(admin, {
      email: 'Sacha@Nord.fr',
      displayName: ' Sacha Petit ',
      structureId: office.id,
      roles: ['coach', 'coach'],
    });

    const stored = world.users.stored(created.user.id);
    expect(stored).toMatchObject({ email: 'sacha@nord.fr', displayName: 'Sacha Petit', roles: ['coach'] });
    expect(stored.mustChangePassword).toBe(true);
    expect(stored.passwordHash).toBe(`hashed:${created.temporaryPassword}`);
    expect(created.temporaryPasswordExpiresAt!.getTime() - stored.passwordChangedAt!.getTime()).toBe(72 * 3_600_000);
    expect(world.audit.entries).toEqual([
      expect.objectContaining({
        action: 'create',
        subjects: [{ type: 'user', id: stored.id, structureId: office.id }],
        inTransaction: true,
      }),
    ]);
  });

  it('refuses a chosen password from the common-password list, naming the field', async () => {
    const world = identity();
    const refused = await refusalOf(
      world.createUser.execute(anActor(), {
        email: 'sacha@nord.fr',
        displayName: 'Sacha',
        structureId: office.id,
        roles: ['coach'],
        password: 'Passerelle123',
      }),
    );
    expect(refused).toMatchObject({ code: 'user.common_password', fields: ['password'] });
  });
});

describe('UpdateUser', () => {
  it('refuses an administrator demoting themselves, and keeps their roles', async () => {
    const self = aUser({ roles: ['admin'] });
    const world = identity([self]);

    const refused = await refusalOf(world.updateUser.execute(actorOf(self), self.id, { roles: ['manager'] }));

    expect(refused.code).toBe('user.self_lockout');
    expect(world.users.stored(self.id).roles).toEqual(['admin']);
  });

  it('disabling a user ends every session of theirs and records which fields changed', async () => {
    const coach = aUser();
    const world = identity([coach]);
    world.refreshTokens.seed(coach.id);
    world.refreshTokens.seed(coach.id);

    await world.updateUser.execute(anActor(), coach.id, { status: 'disabled' });

    expect(world.users.stored(coach.id).status).toBe('disabled');
    expect(world.refreshTokens.tokens.map((token) => token.revokedReason)).toEqual(['disabled', 'disabled']);
    expect(world.audit.entries.map((entry) => entry.details)).toEqual([{ fields: ['status'] }]);
  });
});

describe('ReadUsers', () => {
  it('answers "not found" for a user outside the reader’s structures, and records no read', async () => {
    const outsider = aUser();
    const world = identity([outsider]);
    const coach = anActor({ roles: ['coach'], structureId: office.id });

    const refused = await refusalOf(world.readUsers.get(coach, outsider.id));

    expect(refused.code).toBe('user.not_found');
    expect(world.audit.entries).toEqual([]);
  });

  it('lists a manager the users of their structure and those below it only, each one an audited read', async () => {
    const inDepartement = aUser({ displayName: 'Alix', structureId: departement.id });
    const inOffice = aUser({ displayName: 'Basile', structureId: office.id });
    const world = identity([aUser({ displayName: 'Chloé', structureId: elsewhere.id }), inOffice, inDepartement]);
    const manager = anActor({ roles: ['manager'], structureId: departement.id });

    const page = await world.readUsers.list(manager, { limit: 10, offset: 0 });

    expect(page.items.map((user) => user.displayName)).toEqual(['Alix', 'Basile']);
    expect(page.total).toBe(2);
    expect(world.audit.entries).toEqual([
      expect.objectContaining({
        action: 'list',
        subjects: [
          { type: 'user', id: inDepartement.id, structureId: departement.id },
          { type: 'user', id: inOffice.id, structureId: office.id },
        ],
      }),
    ]);
  });
});

describe('ChangeOwnPassword', () => {
  it('replaces a temporary password: the change is no longer required, other sessions end, this one goes on', async () => {
    const newcomer = aUser({
      passwordHash: 'hashed:provisoire-0042',
      mustChangePassword: true,
      passwordChangedAt: new Date(),
    });
    const world = identity([newcomer]);
    const current = world.refreshTokens.seed(newcomer.id);
    const other = world.refreshTokens.seed(newcomer.id);

    await world.changeOwnPassword.execute(
      actorOf(newcomer),
      'provisoire-0042',
      'Un vrai mot de passe 7',
      current.familyId,
    );

    const stored = world.users.stored(newcomer.id);
    expect(stored.mustChangePassword).toBe(false);
    expect(stored.passwordHash).toBe('hashed:Un vrai mot de passe 7');
    expect(world.refreshTokens.tokens.find((token) => token.id === current.id)?.revokedAt).toBeNull();
    expect(world.refreshTokens.tokens.find((token) => token.id === other.id)?.revokedReason).toBe('password_changed');
    expect(world.audit.entries.map((entry) => entry.details)).toEqual([
      { fields: ['password'], password: 'temporary_replaced' },
    ]);
  });

  it('refuses a temporary password past its life, even from a session opened in time', async () => {
    const late = aUser({
      passwordHash: 'hashed:provisoire-0042',
      mustChangePassword: true,
      passwordChangedAt: new Date(Date.now() - 73 * 3_600_000),
    });
    const world = identity([late]);

    const refused = await refusalOf(
      world.changeOwnPassword.execute(actorOf(late), 'provisoire-0042', 'Un vrai mot de passe 7'),
    );

    expect(refused.code).toBe('auth.temporary_password_expired');
    expect(world.users.stored(late.id).mustChangePassword).toBe(true);
  });

  it('refuses a wrong current password by its field (422, the session stays) and the same password again', async () => {
    const user = aUser({ passwordHash: 'hashed:Ancien mot de passe 1' });
    const world = identity([user]);

    await expect(
      refusalOf(world.changeOwnPassword.execute(actorOf(user), 'pas le bon', 'Un vrai mot de passe 7')),
    ).resolves.toEqual({ code: 'auth.invalid_credentials', kind: 'invalid', fields: ['currentPassword'] });
    await expect(
      refusalOf(world.changeOwnPassword.execute(actorOf(user), 'Ancien mot de passe 1', 'Ancien mot de passe 1')),
    ).resolves.toMatchObject({ code: 'user.same_password', fields: ['newPassword'] });
    expect(world.users.stored(user.id).passwordHash).toBe('hashed:Ancien mot de passe 1');
  });
});
