import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig, updateReturning } from '@passerelle/core';
import type { EntityManager } from 'typeorm';
import type { PhotoType } from '../domain/photo.js';

/**
 * Photos live outside the database, as files under `DATA_DIR/photos/` named by a random key (never
 * by the person), readable by the service's user only. Production mounts a volume there.
 */
@Injectable()
export class PhotoStore {
  private readonly logger = new Logger(PhotoStore.name);
  readonly directory: string;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    this.directory = path.join(config.dataDir, 'photos');
  }

  /** Writes the image atomically and returns its key. */
  async put(data: Buffer, contentType: PhotoType): Promise<string> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const key = `${randomUUID()}.${contentType === 'image/png' ? 'png' : 'jpg'}`;
    const partial = path.join(this.directory, `.${key}.partial`);
    await writeFile(partial, data, { mode: 0o600 });
    await rename(partial, this.file(key));
    return key;
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.file(key));
  }

  /** Removes files; a file already gone is not an error (erasure may run twice). */
  /**
   * Forgets a person's photo inside the caller's transaction and returns the files to remove once it
   * commits (`remove`), so a rolled-back change never loses the image.
   */
  async forget(manager: EntityManager, beneficiaryId: string): Promise<string[]> {
    const rows: Array<{ storage_key: string }> = await updateReturning(
      manager,
      'DELETE FROM beneficiary_photo WHERE beneficiary_id = $1 RETURNING storage_key',
      [beneficiaryId],
    );
    return rows.map((row) => row.storage_key);
  }

  async remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      try {
        await rm(this.file(key), { force: true });
      } catch (error) {
        this.logger.error(`could not remove photo ${key}: ${(error as Error).message}`);
      }
    }
  }

  private file(key: string): string {
    if (!/^[0-9a-f-]{36}\.(jpg|png)$/.test(key)) throw new Error('not a photo key');
    return path.join(this.directory, key);
  }
}
