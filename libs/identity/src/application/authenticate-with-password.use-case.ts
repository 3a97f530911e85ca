import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type DomainError, type ResolvedConfig } from '@passerelle/core';
import { verifyTotp } from '../domain/totp.js';
import { AuditLog } from './ports/audit-log.js';
import { LoginThrottle } from './ports/login-throttle.js';
import { PasswordHasher } from './ports/password-hasher.js';
import { TotpSecretCipher } from './ports/totp-secret-cipher.js';
import { type User, UserStore } from './ports/user-store.js';
import { type ClientInfo, type Session, SessionIssuer } from './session-issuer.js';
import { temporaryPasswordExpired } from './temporary-password.js';
import { identityError } from '../domain/identity-errors.js';

export interface PasswordLogin {
  readonly email: string;
  readonly password: string;
  readonly totpCode?: string;
}

type FailureReason =
  'unknown_account' | 'wrong_password' | 'account_disabled' | 'temporary_password_expired' | 'totp_invalid';

const INVALID = (): DomainError => identityError('auth.invalid_credentials', 'wrong e-mail or password');

/** Local-account login: password, then the TOTP code when the account has a second factor. */
@Injectable()
export class AuthenticateWithPassword {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionIssuer,
    private readonly cipher: TotpSecretCipher,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async execute(input: PasswordLogin, client: ClientInfo): Promise<Session> {
    const email = input.email.trim().toLowerCase();
    // From here the attempt counts as failed until it succeeds (the throttle charges it first).
    await this.throttle.begin(email, client.ip);
    const user = await this.users.byEmail(this.dataSource.manager, email);
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk || user.status !== 'active') {
      await this.recordFailure(
        user,
        client,
        !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'account_disabled',
      );
      throw INVALID();
    }
    if (temporaryPasswordExpired(user, this.config.auth.temporaryPasswordTtlHours, new Date())) {
      await this.recordFailure(user, client, 'temporary_password_expired');
      throw identityError(
        'auth.temporary_password_expired',
        'this temporary password has expired: ask an administrator to reset your password',
      );
    }
    if (user.totpEnabledAt !== null && user.totpSecret !== null) {
      if (!input.totpCode) {
        await this.throttle.passwordAccepted(email, client.ip);
        throw identityError('auth.totp_required', 'this account needs its second-factor code', [
          { field: 'totpCode', reason: 'required for this account' },
        ]);
      }
      const secret = this.cipher.decrypt(user.id, user.totpSecret);
      const step = verifyTotp(secret, input.totpCode, new Date(), { lastUsedStep: user.totpLastStep });
      if (step === null) {
        await this.recordFailure(user, client, 'totp_invalid');
        throw identityError('auth.totp_invalid', 'wrong or already used second-factor code', [
          { field: 'totpCode', reason: 'wrong or already used' },
        ]);
      }
      user.totpLastStep = step;
    }
    await this.throttle.succeeded(email, client.ip);
    // An SSO-linked account logging in with its password gets no exemption: without a TOTP code the
    // session is limited to enrolment when the roles require a second factor.
    const secondFactor = user.totpEnabledAt !== null && user.totpSecret !== null ? 'totp' : null;
    return this.sessions.completeLogin(user, client, secondFactor, {
      method: 'password',
      secondFactor: secondFactor !== null,
    });
  }

  /**
   * Who tried which account from where, and why it failed; never the password or the code typed.
   * An unknown e-mail is not written either (it is often a password typed in the wrong field).
   * Throttled attempts are not recorded: the delays bound how many rows a guesser can add.
   */
  private async recordFailure(user: User | null, client: ClientInfo, reason: FailureReason): Promise<void> {
    await this.audit.record(
      { userId: null, structureId: null, roles: [], ip: client.ip },
      'login_failed',
      [user ? { type: 'user', id: user.id, structureId: user.structureId } : { type: 'login', id: 'unknown_account' }],
      { method: 'password', reason },
    );
  }
}
