import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError } from '@passerelle/core';
import { verifyTotp } from '../domain/totp.js';
import { LoginThrottle } from '../infrastructure/login-throttle.js';
import { PasswordHasher } from '../infrastructure/password-hasher.js';
import { UserEntity } from '../infrastructure/user.entity.js';
import { type ClientInfo, type Session, SessionIssuer } from './session-issuer.js';

export interface PasswordLogin {
  readonly email: string;
  readonly password: string;
  readonly totpCode?: string;
}

const INVALID = (): DomainError =>
  new DomainError('unauthenticated', 'auth.invalid_credentials', 'wrong e-mail or password');

/** Local-account login: password, then the TOTP code when the account has a second factor. */
@Injectable()
export class AuthenticateWithPassword {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(input: PasswordLogin, client: ClientInfo): Promise<Session> {
    const email = input.email.trim().toLowerCase();
    await this.throttle.assertAllowed(email, client.ip);
    const user = await this.users.findOneBy({ email });
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk || user.status !== 'active') {
      await this.throttle.recordFailure(email, client.ip);
      throw INVALID();
    }
    if (user.totpEnabledAt !== null && user.totpSecret !== null) {
      if (!input.totpCode) {
        throw new DomainError('unauthenticated', 'auth.totp_required', 'this account needs its second-factor code', [
          { field: 'totpCode', reason: 'required for this account' },
        ]);
      }
      const step = verifyTotp(user.totpSecret, input.totpCode, new Date(), { lastUsedStep: user.totpLastStep });
      if (step === null) {
        await this.throttle.recordFailure(email, client.ip);
        throw new DomainError('unauthenticated', 'auth.totp_invalid', 'wrong or already used second-factor code', [
          { field: 'totpCode', reason: 'wrong or already used' },
        ]);
      }
      user.totpLastStep = step;
    }
    await this.throttle.recordSuccess(email);
    // An SSO-linked account logging in with its password gets no exemption: without a TOTP code the
    // session is limited to enrolment when the roles require a second factor.
    const secondFactor = user.totpEnabledAt !== null && user.totpSecret !== null ? 'totp' : null;
    return this.sessions.completeLogin(user, client, secondFactor, {
      method: 'password',
      secondFactor: secondFactor !== null,
    });
  }
}
