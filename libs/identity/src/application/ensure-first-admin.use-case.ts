import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { advisoryXactLock, APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
import { SYSTEM_ACTOR_ID } from '../domain/actor.js';
import { AuditLog } from './ports/audit-log.js';
import { PasswordHasher } from './ports/password-hasher.js';
import { StructureStore } from './ports/structure-store.js';
import { UserStore } from './ports/user-store.js';
import { NewPasswordCheck } from './new-password-check.js';
import { temporaryPassword } from './temporary-password.js';

export interface FirstAdmin {
  readonly email: string;
  /** Shown once: only its hash is stored. */
  readonly password: string;
  readonly structureName: string;
  /** When a generated (temporary) password stops working; null when the password was given. */
  readonly expiresAt: Date | null;
}

const FIRST_ADMIN_LOCK = 7_140_211_002;

/**
 * Creates the first administrator (and a root structure) when the database has no user yet, so a
 * new deployment can be logged into. Returns null when users exist. Runs under an advisory lock so
 * that two processes starting together create one admin.
 */
@Injectable()
export class EnsureFirstAdmin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly passwords: NewPasswordCheck,
    private readonly users: UserStore,
    private readonly structures: StructureStore,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async execute(input: { email?: string; password?: string; structureName?: string } = {}): Promise<FirstAdmin | null> {
    const email = (input.email ?? 'admin@passerelle.local').trim().toLowerCase();
    if (input.password !== undefined) {
      await this.passwords.assertAcceptable(input.password, { email, displayName: 'Administrateur' }, 'password');
    }
    const password = input.password ?? temporaryPassword();
    const structureName = input.structureName ?? 'Administration';
    const passwordHash = await this.hasher.hash(password);
    const passwordChangedAt = new Date();
    const expiresAt =
      input.password === undefined
        ? new Date(passwordChangedAt.getTime() + this.config.auth.temporaryPasswordTtlHours * 3_600_000)
        : null;
    return this.dataSource.transaction(async (manager) => {
      await advisoryXactLock(manager, FIRST_ADMIN_LOCK);
      if ((await this.users.count(manager)) > 0) return null;
      const structure = await this.structures.create(manager, {
        name: structureName,
        kind: 'departement',
        parentId: null,
      });
      const admin = await this.users.create(manager, {
        email,
        displayName: 'Administrateur',
        structureId: structure.id,
        roles: ['admin'],
        status: 'active',
        passwordHash,
        passwordChangedAt,
        mustChangePassword: input.password === undefined,
      });
      await this.audit.record(
        { userId: SYSTEM_ACTOR_ID, structureId: structure.id, roles: ['admin'] },
        'create',
        [{ type: 'user', id: admin.id, structureId: structure.id }],
        { reason: 'first administrator' },
        manager,
      );
      return { email, password, structureName, expiresAt };
    });
  }
}
