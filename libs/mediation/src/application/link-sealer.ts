import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';

/**
 * Keeps a link Passerelle must e-mail again later (a shortlist's reminder, "a reply is waiting")
 * without keeping it readable: AES-256-GCM under a key derived (HKDF, its own label) from the
 * server's secret, so a copy of the database alone opens no link. Lookups still go by the token's
 * hash. A secret changed since: the link cannot be opened again (null), and the caller falls back
 * to what needs no link.
 */
@Injectable()
export class LinkSealer {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.auth.jwtSecret, 'passerelle', 'employer-link-seal-v1', 32));
  }

  seal(url: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(url, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  unseal(sealed: string): string | null {
    try {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
