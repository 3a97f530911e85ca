import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../domain/totp.js';
import { AuditLog } from './ports/audit-log.js';
import { RefreshTokenStore } from './ports/refresh-token-store.js';
import { TotpSecretCipher } from './ports/totp-secret-cipher.js';
import { UserStore } from './ports/user-store.js';
import { ownAccount } from './own-account.js';
import { StructureTree } from './structure-tree.js';
import { identityError } from '../domain/identity-errors.js';

export interface TotpEnrolment {
  readonly secret: string;
  readonly otpauthUri: string;
}

const TOTP_ISSUER = 'Passerelle';

/** Step 1 of enrolling a second factor: a new secret, pending until a code proves the app has it. */
@Injectable()
export class StartTotpEnrolment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly cipher: TotpSecretCipher,
  ) {}

  async execute(actor: Actor): Promise<TotpEnrolment> {
    const user = await ownAccount(this.users, this.dataSource, actor);
    if (user.totpEnabledAt !== null) {
      throw identityError('auth.totp_already_enabled', 'a second factor is already enrolled');
    }
    const secret = generateTotpSecret();
    // Shown once to the user; only the encrypted form is stored.
    await this.users.update(this.dataSource.manager, user.id, {
      totpPendingSecret: this.cipher.encrypt(user.id, secret),
    });
    return { secret, otpauthUri: totpUri(secret, user.email, TOTP_ISSUER) };
  }
}

/** Step 2: a valid code from the app turns the pending secret into the account's second factor. */
@Injectable()
export class ConfirmTotpEnrolment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly cipher: TotpSecretCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, code: string): Promise<void> {
    const user = await ownAccount(this.users, this.dataSource, actor);
    if (!user.totpPendingSecret) {
      throw identityError('auth.totp_not_started', 'start the enrolment first');
    }
    const step = verifyTotp(this.cipher.decrypt(user.id, user.totpPendingSecret), code, new Date());
    if (step === null) {
      // 422, not 401: the session is fine, only the code typed is wrong.
      throw identityError(
        'auth.totp_invalid',
        'wrong second-factor code',
        [{ field: 'code', reason: 'does not match the enrolled secret' }],
        'invalid',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(manager, user.id, {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
      });
      await this.audit.record(
        actor,
        'update',
        [{ type: 'user', id: user.id, structureId: user.structureId }],
        { fields: ['totp'], totp: 'enrolled' },
        manager,
      );
    });
  }
}

/**
 * An administrator removes a user's second factor (a lost or replaced phone): the user enrols a new
 * one at the next login (required roles can do nothing else until then). Their sessions end, since
 * whoever holds the old phone may be the reason for the removal.
 */
@Injectable()
export class RemoveTotp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, userId: string): Promise<void> {
    const { structureIds } = await this.tree.reach(actor, 'users.manage');
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.byId(manager, userId);
      if (!user || (structureIds && !structureIds.includes(user.structureId))) {
        throw identityError('user.not_found', 'no such user');
      }
      if (user.totpEnabledAt === null && user.totpPendingSecret === null) {
        throw identityError('auth.totp_not_enabled', 'this user has no second factor');
      }
      await this.users.update(manager, userId, {
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
      });
      await this.refreshTokens.revokeUserSessions(manager, userId, 'totp_removed', new Date());
      await this.audit.record(
        actor,
        'update',
        [{ type: 'user', id: userId, structureId: user.structureId }],
        { fields: ['totp'], totp: 'removed' },
        manager,
      );
    });
  }
}
