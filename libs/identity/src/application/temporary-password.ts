import { randomBytes } from 'node:crypto';

/** A one-time password handed over by an administrator; the user must change it at first login. */
export function temporaryPassword(): string {
  // 18 random bytes → 24 base64url characters: long enough, and easy to copy.
  return randomBytes(18).toString('base64url');
}
