import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../domain/totp.js';
import { AuditLog } from '../infrastructure/audit-log.js';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity.js';
import { StructureTree } from '../infrastructure/structure-tree.js';
import { TotpSecretCipher } from '../infrastructure/totp-secret-cipher.js';
import { UserEntity } from '../infrastructure/user.entity.js';
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
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly cipher: TotpSecretCipher,
  ) {}

  async execute(actor: Actor): Promise<TotpEnrolment> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    if (user.totpEnabledAt !== null) {
      throw identityError('auth.totp_already_enabled', 'a second factor is already enrolled');
    }
    const secret = generateTotpSecret();
    // Shown once to the user; only the encrypted form is stored.
    await this.users.update({ id: user.id }, { totpPendingSecret: this.cipher.encrypt(user.id, secret) });
    return { secret, otpauthUri: totpUri(secret, user.email, TOTP_ISSUER) };
  }
}

/** Step 2: a valid code from the app turns the pending secret into the account's second factor. */
@Injectable()
export class ConfirmTotpEnrolment {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly cipher: TotpSecretCipher,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, code: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
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
    await this.users.manager.transaction(async (manager) => {
      await manager.update(
        UserEntity,
        { id: user.id },
        { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
      );
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
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tree: StructureTree,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, userId: string): Promise<void> {
    const { structureIds } = await this.tree.reach(actor, 'users.manage');
    await this.users.manager.transaction(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { id: userId });
      if (!user || (structureIds && !structureIds.includes(user.structureId))) {
        throw identityError('user.not_found', 'no such user');
      }
      if (user.totpEnabledAt === null && user.totpPendingSecret === null) {
        throw identityError('auth.totp_not_enabled', 'this user has no second factor');
      }
      await manager.update(
        UserEntity,
        { id: userId },
        { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      );
      await manager.update(
        RefreshTokenEntity,
        { userId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: 'totp_removed' },
      );
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
