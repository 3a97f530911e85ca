/**
 * TOTP secrets at rest, sealed to their user: a copy of the database does not give anyone the
 * codes, and a sealed secret copied into another user's row does not open.
 */
export abstract class TotpSecretCipher {
  abstract encrypt(userId: string, secret: string): string;

  /** The secret; a value stored in clear before encryption existed is returned as it is. */
  abstract decrypt(userId: string, stored: string): string;

  /** Whether a stored value is sealed (else it is a secret stored in clear before encryption existed). */
  abstract isEncrypted(stored: string): boolean;
}
