import { CommonPasswords } from '../application/ports/common-passwords.js';
import { LoginThrottle } from '../application/ports/login-throttle.js';
import { PasswordHasher } from '../application/ports/password-hasher.js';
import { type AccessClaims, TokenService } from '../application/ports/token-service.js';
import { TotpSecretCipher } from '../application/ports/totp-secret-cipher.js';
import { identityError } from '../domain/identity-errors.js';

/** `hashed:<password>`: readable in assertions, and instant (argon2 takes tens of milliseconds). */
export class FakePasswordHasher extends PasswordHasher {
  hash(password: string): Promise<string> {
    return Promise.resolve(`hashed:${password}`);
  }

  verify(passwordHash: string | null, password: string): Promise<boolean> {
    return Promise.resolve(passwordHash !== null && passwordHash === `hashed:${password}`);
  }
}

/** `sealed:<user id>:<secret>`, refused for another user as the real cipher refuses it. */
export class FakeTotpSecretCipher extends TotpSecretCipher {
  encrypt(userId: string, secret: string): string {
    return `sealed:${userId}:${secret}`;
  }

  decrypt(userId: string, stored: string): string {
    if (!this.isEncrypted(stored)) return stored;
    const prefix = `sealed:${userId}:`;
    if (!stored.startsWith(prefix)) throw new Error('sealed for another user');
    return stored.slice(prefix.length);
  }

  isEncrypted(stored: string): boolean {
    return stored.startsWith('sealed:');
  }
}

/** A short list of common passwords instead of zxcvbn's 49,233. */
export class InMemoryCommonPasswords extends CommonPasswords {
  private readonly passwords: ReadonlySet<string>;

  constructor(passwords: readonly string[] = ['motdepasse2024', 'azertyuiop123', 'passerelle123']) {
    super();
    this.passwords = new Set(passwords.map((password) => password.toLowerCase()));
  }

  list(): Promise<ReadonlySet<string>> {
    return Promise.resolve(this.passwords);
  }
}

/** Counts what the login asked of the throttle; delays nobody unless told to (`delayed`). */
export class InMemoryLoginThrottle extends LoginThrottle {
  readonly calls: Array<{ readonly step: 'begin' | 'passwordAccepted' | 'succeeded'; readonly email: string }> = [];
  /** E-mails whose next attempts are refused as throttled. */
  readonly delayed = new Set<string>();

  begin(email: string): Promise<void> {
    this.calls.push({ step: 'begin', email });
    if (this.delayed.has(email))
      return Promise.reject(
        identityError('auth.throttled', 'too many failed logins: try again in 1 seconds', [
          { field: 'retryAfterSeconds', reason: '1' },
        ]),
      );
    return Promise.resolve();
  }

  passwordAccepted(email: string): Promise<void> {
    this.calls.push({ step: 'passwordAccepted', email });
    return Promise.resolve();
  }

  succeeded(email: string): Promise<void> {
    this.calls.push({ step: 'succeeded', email });
    return Promise.resolve();
  }
}

/** Unsigned tokens that carry their claims in clear: `token|<user>|<session>|<enrolment only>`. */
export class FakeTokenService extends TokenService {
  get accessTokenTtlSeconds(): number {
    return 900;
  }

  sign(claims: AccessClaims): Promise<string> {
    return Promise.resolve(`token|${claims.userId}|${claims.sessionId}|${claims.enrolmentOnly}`);
  }

  verify(token: string): Promise<AccessClaims> {
    const [kind, userId, sessionId, enrolmentOnly] = token.split('|');
    if (kind !== 'token' || !userId || !sessionId)
      return Promise.reject(identityError('auth.token_invalid', 'the access token is not valid'));
    return Promise.resolve({ userId, sessionId, enrolmentOnly: enrolmentOnly === 'true' });
  }
}
