import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type DomainError, type ResolvedConfig } from '@passerelle/core';
import type { Actor } from '../domain/actor.js';
import type { Role } from '../domain/roles.js';
import { NewPasswordCheck } from './new-password-check.js';
import { ownAccount } from './own-account.js';
import { AuditLog } from './ports/audit-log.js';
import { PasswordHasher } from './ports/password-hasher.js';
import { RefreshTokenStore } from './ports/refresh-token-store.js';
import { StructureStore } from './ports/structure-store.js';
import { UserDirectory } from './ports/user-directory.js';
import { UserStore } from './ports/user-store.js';
import { StructureTree } from './structure-tree.js';
import { temporaryPassword, temporaryPasswordExpired } from './temporary-password.js';
import { toUserView, type UserView } from './user-view.js';
import { identityError } from '../domain/identity-errors.js';

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly structureId: string;
  readonly roles: readonly Role[];
  /** When absent, a temporary password is generated, returned once, and must be changed. */
  readonly password?: string;
}

export interface CreatedUser {
  readonly user: UserView;
  readonly temporaryPassword: string | null;
  /** When the temporary password stops working (null with a chosen password). */
  readonly temporaryPasswordExpiresAt: Date | null;
}

export interface IssuedTemporaryPassword {
  readonly temporaryPassword: string;
  readonly expiresAt: Date;
}

function uniqueRoles(roles: readonly Role[]): Role[] {
  return [...new Set(roles)];
}

/** Creates a local account (admin). The e-mail is the login and must be unused. */
@Injectable()
export class CreateUser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly structures: StructureStore,
    private readonly hasher: PasswordHasher,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
    private readonly passwords: NewPasswordCheck,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async execute(actor: Actor, input: NewUser): Promise<CreatedUser> {
    await this.tree.reach(actor, 'users.manage');
    const email = input.email.trim().toLowerCase();
    if (input.password !== undefined) {
      await this.passwords.assertAcceptable(input.password, { email, displayName: input.displayName }, 'password');
    }
    const password = input.password ?? temporaryPassword();
    const structure = await this.structures.byId(this.dataSource.manager, input.structureId);
    if (!structure) {
      throw identityError('user.unknown_structure', 'no such structure', [
        { field: 'structureId', reason: 'no structure has this id' },
      ]);
    }
    if (await this.users.emailTaken(this.dataSource.manager, email)) {
      throw identityError('user.email_taken', 'a user with this e-mail already exists', [
        { field: 'email', reason: 'already used by another account' },
      ]);
    }
    const passwordHash = await this.hasher.hash(password);
    const passwordChangedAt = new Date();
    const user = await this.dataSource.transaction(async (manager) => {
      const created = await this.users.create(manager, {
        email,
        displayName: input.displayName.trim(),
        structureId: structure.id,
        roles: uniqueRoles(input.roles),
        status: 'active',
        passwordHash,
        passwordChangedAt,
        mustChangePassword: input.password === undefined,
      });
      await this.audit.record(
        actor,
        'create',
        [{ type: 'user', id: created.id, structureId: created.structureId }],
        {},
        manager,
      );
      return created;
    });
    const temporary = input.password === undefined;
    return {
      user: toUserView(user),
      temporaryPassword: temporary ? password : null,
      temporaryPasswordExpiresAt: temporary ? expiryOf(passwordChangedAt, this.config) : null,
    };
  }
}

export interface UserChanges {
  readonly displayName?: string;
  readonly roles?: readonly Role[];
  readonly structureId?: string;
  readonly status?: 'active' | 'disabled';
}

/** Changes a user's name, roles, structure or status (admin). Disabling ends their sessions. */
@Injectable()
export class UpdateUser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly structures: StructureStore,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, userId: string, changes: UserChanges): Promise<UserView> {
    const { structureIds } = await this.tree.reach(actor, 'users.manage');
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.byId(manager, userId);
      if (!user || (structureIds && !structureIds.includes(user.structureId))) throw userNotFound();
      if (changes.structureId !== undefined && !(await this.structures.exists(manager, changes.structureId))) {
        throw identityError('user.unknown_structure', 'no such structure', [
          { field: 'structureId', reason: 'no structure has this id' },
        ]);
      }
      if (
        userId === actor.userId &&
        (changes.status === 'disabled' || (changes.roles && !changes.roles.includes('admin')))
      ) {
        throw identityError('user.self_lockout', 'an administrator cannot disable or demote themselves');
      }
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.roles !== undefined) user.roles = uniqueRoles(changes.roles);
      if (changes.structureId !== undefined) user.structureId = changes.structureId;
      if (changes.status !== undefined) user.status = changes.status;
      const saved = await this.users.save(manager, user);
      if (changes.status === 'disabled') {
        await this.refreshTokens.revokeUserSessions(manager, userId, 'disabled', new Date());
      }
      await this.audit.record(
        actor,
        'update',
        [{ type: 'user', id: saved.id, structureId: saved.structureId }],
        {
          fields: Object.keys(changes),
        },
        manager,
      );
      return toUserView(saved);
    });
  }
}

/** Gives a user a new temporary password (admin) and ends their sessions. */
@Injectable()
export class ResetPassword {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly hasher: PasswordHasher,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async execute(actor: Actor, userId: string): Promise<IssuedTemporaryPassword> {
    const { structureIds } = await this.tree.reach(actor, 'users.manage');
    const password = temporaryPassword();
    const passwordHash = await this.hasher.hash(password);
    const passwordChangedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.byId(manager, userId);
      if (!user || (structureIds && !structureIds.includes(user.structureId))) throw userNotFound();
      await this.users.update(manager, userId, { passwordHash, passwordChangedAt, mustChangePassword: true });
      await this.refreshTokens.revokeUserSessions(manager, userId, 'password_reset', new Date());
      await this.audit.record(
        actor,
        'update',
        [{ type: 'user', id: userId, structureId: user.structureId }],
        { fields: ['password'], password: 'reset' },
        manager,
      );
    });
    return { temporaryPassword: password, expiresAt: expiryOf(passwordChangedAt, this.config) };
  }
}

function expiryOf(passwordChangedAt: Date, config: ResolvedConfig): Date {
  return new Date(passwordChangedAt.getTime() + config.auth.temporaryPasswordTtlHours * 3_600_000);
}

/**
 * A user changes their own password, proving they know the current one. Every other session of the
 * account ends at once (whoever knew the old password is out); the one making the change goes on.
 */
@Injectable()
export class ChangeOwnPassword {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly hasher: PasswordHasher,
    private readonly passwords: NewPasswordCheck,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async execute(actor: Actor, currentPassword: string, newPassword: string, currentSessionId?: string): Promise<void> {
    const user = await ownAccount(this.users, this.dataSource, actor);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      // 422, not 401: the session is fine, only the field is wrong.
      throw identityError(
        'auth.invalid_credentials',
        'the current password is wrong',
        [{ field: 'currentPassword', reason: 'wrong password' }],
        'invalid',
      );
    }
    // A session opened in time does not stretch the temporary password's life.
    if (temporaryPasswordExpired(user, this.config.auth.temporaryPasswordTtlHours, new Date())) {
      throw identityError(
        'auth.temporary_password_expired',
        'this temporary password has expired: ask an administrator to reset your password',
      );
    }
    await this.passwords.assertAcceptable(newPassword, user, 'newPassword');
    if (await this.hasher.verify(user.passwordHash, newPassword)) {
      throw identityError('user.same_password', 'the new password must differ from the current one', [
        { field: 'newPassword', reason: 'same as the current password' },
      ]);
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(manager, user.id, {
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
      });
      await this.refreshTokens.revokeUserSessions(manager, user.id, 'password_changed', new Date(), currentSessionId);
      await this.audit.record(
        actor,
        'update',
        [{ type: 'user', id: user.id, structureId: user.structureId }],
        { fields: ['password'], password: user.mustChangePassword ? 'temporary_replaced' : 'changed' },
        manager,
      );
    });
  }
}

export function userNotFound(): DomainError {
  return identityError('user.not_found', 'no such user');
}

export interface UserQuery {
  readonly structureId?: string;
  readonly role?: Role;
  readonly limit: number;
  readonly offset: number;
}

/** Reads users the actor may see (scope of `users.read`); each one returned is an audited read. */
@Injectable()
export class ReadUsers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
    private readonly directory: UserDirectory,
  ) {}

  /** The actor's own account: no audit row, a person reading their own data. */
  async self(actor: Actor): Promise<UserView> {
    const user = await this.users.byId(this.dataSource.manager, actor.userId);
    if (!user) throw userNotFound();
    return toUserView(user);
  }

  async get(actor: Actor, userId: string): Promise<UserView> {
    const { scope, structureIds } = await this.tree.reach(actor, 'users.read');
    const user = await this.users.byId(this.dataSource.manager, userId);
    const visible =
      user !== null &&
      (scope === 'self' ? user.id === actor.userId : structureIds === null || structureIds.includes(user.structureId));
    if (!user || !visible) throw userNotFound();
    await this.audit.record(actor, 'read', [{ type: 'user', id: user.id, structureId: user.structureId }]);
    return toUserView(user);
  }

  async list(actor: Actor, query: UserQuery): Promise<{ items: UserView[]; total: number }> {
    const { scope, structureIds } = await this.tree.reach(actor, 'users.read');
    const [users, total] = await this.directory.page(this.dataSource.manager, {
      ...(scope === 'self' ? { self: actor.userId } : {}),
      structureIds,
      ...(query.structureId ? { structureId: query.structureId } : {}),
      ...(query.role ? { role: query.role } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    await this.audit.record(
      actor,
      'list',
      users.map((user) => ({ type: 'user', id: user.id, structureId: user.structureId })),
    );
    return { items: users.map(toUserView), total };
  }
}
