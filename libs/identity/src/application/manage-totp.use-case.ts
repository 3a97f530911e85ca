import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError } from '@passerelle/core';
import type { Actor } from '../domain/actor.js';
import { generateTotpSecret, totpUri, verifyTotp } from '../domain/totp.js';
import { UserEntity } from '../infrastructure/user.entity.js';

export interface TotpEnrolment {
  readonly secret: string;
  readonly otpauthUri: string;
}

const TOTP_ISSUER = 'Passerelle';

/** Step 1 of enrolling a second factor: a new secret, pending until a code proves the app has it. */
@Injectable()
export class StartTotpEnrolment {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async execute(actor: Actor): Promise<TotpEnrolment> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    if (user.totpEnabledAt !== null) {
      throw new DomainError('conflict', 'auth.totp_already_enabled', 'a second factor is already enrolled');
    }
    const secret = generateTotpSecret();
    await this.users.update({ id: user.id }, { totpPendingSecret: secret });
    return { secret, otpauthUri: totpUri(secret, user.email, TOTP_ISSUER) };
  }
}

/** Step 2: a valid code from the app turns the pending secret into the account's second factor. */
@Injectable()
export class ConfirmTotpEnrolment {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async execute(actor: Actor, code: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    if (!user.totpPendingSecret) {
      throw new DomainError('conflict', 'auth.totp_not_started', 'start the enrolment first');
    }
    const step = verifyTotp(user.totpPendingSecret, code, new Date());
    if (step === null) {
      throw new DomainError('invalid', 'auth.totp_invalid', 'wrong second-factor code', [
        { field: 'code', reason: 'does not match the enrolled secret' },
      ]);
    }
    await this.users.update(
      { id: user.id },
      { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    );
  }
}
