import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ResolvedConfig } from '@passerelle/core';
import { AesGcmTotpSecretCipher } from './totp-secret-cipher.js';

const cipherWith = (key: string): AesGcmTotpSecretCipher =>
  new AesGcmTotpSecretCipher({ auth: { totpEncryptionKey: key } } as unknown as ResolvedConfig);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ALICE = '0b5e4a52-8f0e-4c55-9a43-3f1f5d2d9c11';
const BOB = '5d3c1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f';

describe('AesGcmTotpSecretCipher', () => {
  const key = randomBytes(32).toString('hex');

  it('stores neither the secret nor a fixed form of it: two encryptions differ, both decrypt', () => {
    const cipher = cipherWith(key);
    const first = cipher.encrypt(ALICE, SECRET);
    const second = cipher.encrypt(ALICE, SECRET);
    expect(first).toMatch(/^v1\./);
    expect(first).not.toContain(SECRET);
    expect(first).not.toBe(second);
    expect(cipher.decrypt(ALICE, first)).toBe(SECRET);
    expect(cipher.decrypt(ALICE, second)).toBe(SECRET);
  });

  it('refuses a ciphertext copied into another user’s row', () => {
    const cipher = cipherWith(key);
    expect(() => cipher.decrypt(BOB, cipher.encrypt(ALICE, SECRET))).toThrow();
  });

  it('refuses a tampered ciphertext and another key', () => {
    const stored = cipherWith(key).encrypt(ALICE, SECRET);
    const bytes = Buffer.from(stored.slice(3), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cipherWith(key).decrypt(ALICE, `v1.${bytes.toString('base64url')}`)).toThrow();
    expect(() => cipherWith(randomBytes(32).toString('base64')).decrypt(ALICE, stored)).toThrow();
  });

  it('reads a secret stored in clear before encryption existed, until the start-up sweep encrypts it', () => {
    expect(cipherWith(key).decrypt(ALICE, SECRET)).toBe(SECRET);
    expect(AesGcmTotpSecretCipher.isEncrypted(SECRET)).toBe(false);
  });
});
