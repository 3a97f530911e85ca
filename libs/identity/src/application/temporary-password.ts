import { randomBytes } from 'node:crypto';

/** A one-time password handed over by an administrator; the user must change it at first login. */
export function temporaryPassword(): string {
  // 18 random bytes → 24 base64url characters: long enough, and easy to copy.
  return randomBytes(18).toString('base64url');
}

/**
 * A temporary password travels outside Passerelle (read aloud, written down, sent by mail), so it
 * only works for a few days (AUTH_TEMPORARY_PASSWORD_TTL_HOURS); then an administrator must reset it.
 * The account's password is temporary while the user must still change it; it was set at
 * `passwordChangedAt`.
 */
export function temporaryPasswordExpiresAt(
  user: { readonly mustChangePassword: boolean; readonly passwordChangedAt: Date | null },
  ttlHours: number,
): Date | null {
  if (!user.mustChangePassword) return null;
  // No date (set by hand in the database): treat it as expired rather than valid forever.
  if (user.passwordChangedAt === null) return new Date(0);
  return new Date(user.passwordChangedAt.getTime() + ttlHours * 3_600_000);
}

export function temporaryPasswordExpired(
  user: { readonly mustChangePassword: boolean; readonly passwordChangedAt: Date | null },
  ttlHours: number,
  now: Date,
): boolean {
  const expiresAt = temporaryPasswordExpiresAt(user, ttlHours);
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}
