import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '@passerelle/core';
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
