import { randomUUID } from 'node:crypto';
import { loadConfig, type ResolvedConfig } from '@passerelle/core';
import type { Actor } from '../domain/actor.js';
import type { Role } from '../domain/roles.js';
import type { Structure } from '../application/ports/structure-store.js';
import type { User } from '../application/ports/user-store.js';

/** An active coach of a fresh structure, with a password, no second factor and no SSO link. */
export function aUser(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    email: `user-${id.slice(0, 8)}@passerelle.test`,
    displayName: 'Camille Martin',
    structureId: randomUUID(),
    roles: ['coach'],
    status: 'active',
    passwordHash: 'hashed:mot de passe de départ',
    passwordChangedAt: new Date('2026-01-05T09:00:00Z'),
    mustChangePassword: false,
    totpSecret: null,
    totpPendingSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
    oidcIssuer: null,
    oidcSubject: null,
    lastLoginAt: null,
    createdAt: new Date('2026-01-05T09:00:00Z'),
    updatedAt: new Date('2026-01-05T09:00:00Z'),
    ...overrides,
  };
}

/** A département at the root of the tree. */
export function aStructure(overrides: Partial<Structure> = {}): Structure {
  return {
    id: randomUUID(),
    name: 'Département du Nord',
    kind: 'departement',
    parentId: null,
    createdAt: new Date('2026-01-01T09:00:00Z'),
    ...overrides,
  };
}

/** Who acts: by default an administrator, who may do everything identity offers. */
export function anActor(overrides: Partial<Actor> & { roles?: readonly Role[] } = {}): Actor {
  return { userId: randomUUID(), structureId: randomUUID(), roles: ['admin'], requestId: 'req-test', ...overrides };
}

/** The actor a user is when they act themselves. */
export function actorOf(user: Pick<User, 'id' | 'structureId' | 'roles'>): Actor {
  return { userId: user.id, structureId: user.structureId, roles: user.roles, requestId: 'req-test' };
}

/**
 * The configuration of a deployment on defaults (the environment's variables unset), with keys: what
 * use cases read of it (temporary-password life, second-factor roles, session lifetimes).
 */
export function aConfig(auth: Partial<ResolvedConfig['auth']> = {}): ResolvedConfig {
  const config = loadConfig({}, '/srv/passerelle');
  return {
    ...config,
    auth: {
      ...config.auth,
      jwtSecret: 'a test secret that is long enough for HS256 signing',
      totpEncryptionKey: '00'.repeat(32),
      ...auth,
    },
  } as ResolvedConfig;
}
