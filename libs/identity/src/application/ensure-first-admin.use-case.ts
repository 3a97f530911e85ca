import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@passerelle/core';
import { SYSTEM_ACTOR_ID } from '../domain/actor.js';
import { passwordProblem } from '../domain/password-policy.js';
import { AuditLog } from '../infrastructure/audit-log.js';
import { PasswordHasher } from '../infrastructure/password-hasher.js';
import { StructureEntity } from '../infrastructure/structure.entity.js';
import { UserEntity } from '../infrastructure/user.entity.js';
import { temporaryPassword } from './temporary-password.js';

export interface FirstAdmin {
  readonly email: string;
  /** Shown once: only its hash is stored. */
  readonly password: string;
  readonly structureName: string;
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
  ) {}

  async execute(input: { email?: string; password?: string; structureName?: string } = {}): Promise<FirstAdmin | null> {
    const email = (input.email ?? 'admin@passerelle.local').trim().toLowerCase();
    const password = input.password ?? temporaryPassword();
    const problem = passwordProblem(password, email);
    if (problem)
      throw new DomainError('invalid', 'user.weak_password', `password ${problem}`, [
        { field: 'password', reason: problem },
      ]);
    const structureName = input.structureName ?? 'Administration';
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      if ((await manager.count(UserEntity)) > 0) return null;
      const structure = await manager.save(
        manager.create(StructureEntity, { name: structureName, kind: 'departement', parentId: null }),
      );
      const admin = await manager.save(
        manager.create(UserEntity, {
          email,
          displayName: 'Administrateur',
          structureId: structure.id,
          roles: ['admin'],
          status: 'active',
          passwordHash,
          passwordChangedAt: new Date(),
          mustChangePassword: input.password === undefined,
        }),
      );
      await this.audit.record(
        { userId: SYSTEM_ACTOR_ID, structureId: structure.id, roles: ['admin'] },
        'create',
        [{ type: 'user', id: admin.id, structureId: structure.id }],
        { reason: 'first administrator' },
        manager,
      );
      return { email, password, structureName };
    });
  }
}
