import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, aes256KeyBytes, type ResolvedConfig } from '@passerelle/core';
import { TotpSecretCipher } from '../application/ports/totp-secret-cipher.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * TOTP secrets at rest: AES-256-GCM under a key from the environment (AUTH_TOTP_ENCRYPTION_KEY),
 * so a copy of the database (a backup, a dump, an SQL injection) does not give anyone the codes
 * of every second factor. The user's id is authenticated with the secret: a ciphertext copied
 * into another user's row does not decrypt. Stored as `v1.<base64url of iv | tag | ciphertext>`.
 */
@Injectable()
export class AesGcmTotpSecretCipher extends TotpSecretCipher {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    super();
    const key = aes256KeyBytes(config.auth.totpEncryptionKey);
    // loadConfig already refused a malformed key; this guards a configuration built by hand.
    if (!key) throw new Error('AUTH_TOTP_ENCRYPTION_KEY must be 32 bytes (64 hex digits or base64)');
    this.key = key;
  }

  static isEncrypted(stored: string): boolean {
    return stored.startsWith(`${VERSION}.`);
  }

  isEncrypted(stored: string): boolean {
    return AesGcmTotpSecretCipher.isEncrypted(stored);
  }

  encrypt(userId: string, secret: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`totp:${userId}`));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
  }

  /**
   * The base32 secret. A value without the version prefix is a secret stored in clear before
   * encryption existed: accepted, since EncryptTotpSecrets encrypts those at start.
   */
  decrypt(userId: string, stored: string): string {
    if (!AesGcmTotpSecretCipher.isEncrypted(stored)) return stored;
    const bytes = Buffer.from(stored.slice(VERSION.length + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`totp:${userId}`));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    // A wrong key or a tampered value throws here: a storage error, never a wrong code.
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
