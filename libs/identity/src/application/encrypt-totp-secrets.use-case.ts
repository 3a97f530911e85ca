import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { advisoryXactLock } from '@passerelle/core';
import { TotpSecretCipher } from './ports/totp-secret-cipher.js';
import { UserDirectory } from './ports/user-directory.js';

const TOTP_SWEEP_LOCK = 7_140_211_011;

/**
 * Encrypts the TOTP secrets still stored in clear (enrolled before encryption existed) when a
 * process starts. Not a migration: migrations do not read the environment, where the key lives.
 * Idempotent and cheap once done (no clear row left); an advisory lock keeps API and worker,
 * starting together, from encrypting the same row twice.
 */
@Injectable()
export class EncryptTotpSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger(EncryptTotpSecrets.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: TotpSecretCipher,
    private readonly users: UserDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const encrypted = await this.execute();
    if (encrypted > 0) this.logger.log(`encrypted ${encrypted} TOTP secret(s) stored in clear`);
  }

  /** The number of users whose secrets were encrypted. */
  async execute(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await advisoryXactLock(manager, TOTP_SWEEP_LOCK);
      const rows = await this.users.plainTotpSecrets(manager);
      const seal = (id: string, value: string | null): string | null =>
        value === null || this.cipher.isEncrypted(value) ? value : this.cipher.encrypt(id, value);
      for (const row of rows) {
        await this.users.setTotpSecrets(
          manager,
          row.id,
          seal(row.id, row.totp_secret),
          seal(row.id, row.totp_pending_secret),
        );
      }
      return rows.length;
    });
  }
}
