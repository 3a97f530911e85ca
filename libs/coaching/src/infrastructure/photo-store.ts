import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig, updateReturning } from '@passerelle/core';
import type { EntityManager } from 'typeorm';
import type { PhotoType } from '../domain/photo.js';
import { PhotoStore, type PhotoView } from '../application/ports/photo-store.js';

interface PhotoRow {
  storage_key: string;
  content_type: PhotoType;
  bytes: number;
  width: number;
  height: number;
  uploaded_at: Date;
}

/**
 * Photos live outside the database, as files under `DATA_DIR/photos/` named by a random key (never
 * by the person), readable by the service's user only. Production mounts a volume there. Their row
 * (`beneficiary_photo`) names the file of each person.
 */
@Injectable()
export class FilePhotoStore extends PhotoStore {
  private readonly logger = new Logger(PhotoStore.name);
  readonly directory: string;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    super();
    this.directory = path.join(config.dataDir, 'photos');
  }

  /** Writes the image atomically and returns its key. */
  override async put(data: Buffer, contentType: PhotoType): Promise<string> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const key = `${randomUUID()}.${contentType === 'image/png' ? 'png' : 'jpg'}`;
    const partial = path.join(this.directory, `.${key}.partial`);
    await writeFile(partial, data, { mode: 0o600 });
    await rename(partial, this.file(key));
    return key;
  }

  override get(key: string): Promise<Buffer> {
    return readFile(this.file(key));
  }

  /** The key of the person's photo file, if any. */
  override async keyOf(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<{ key: string; contentType: PhotoType } | null> {
    const rows: PhotoRow[] = await manager.query(
      'SELECT storage_key, content_type FROM beneficiary_photo WHERE beneficiary_id = $1',
      [beneficiaryId],
    );
    const row = rows.at(0);
    return row ? { key: row.storage_key, contentType: row.content_type } : null;
  }

  /** Names the person's new photo file (replacing the row of the previous one) and returns its view. */
  override async record(
    manager: EntityManager,
    beneficiaryId: string,
    photo: { key: string; contentType: PhotoType; bytes: number; width: number; height: number },
    userId: string,
  ): Promise<PhotoView> {
    const rows: PhotoRow[] = await manager.query(
      `INSERT INTO beneficiary_photo (beneficiary_id, storage_key, content_type, bytes, width, height, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (beneficiary_id) DO UPDATE SET storage_key = EXCLUDED.storage_key,
         content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes, width = EXCLUDED.width,
         height = EXCLUDED.height, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()
       RETURNING *`,
      [beneficiaryId, photo.key, photo.contentType, photo.bytes, photo.width, photo.height, userId],
    );
    const row = rows[0];
    return {
      contentType: row.content_type,
      bytes: row.bytes,
      width: row.width,
      height: row.height,
      uploadedAt: row.uploaded_at,
    };
  }

  /** Of these keys, those a row still names. */
  override async named(manager: EntityManager, keys: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ storage_key: string }> = await manager.query(
      'SELECT storage_key FROM beneficiary_photo WHERE storage_key = ANY($1)',
      [[...keys]],
    );
    return new Set(rows.map((row) => row.storage_key));
  }

  /**
   * Forgets a person's photo inside the caller's transaction and returns the files to remove once it
   * commits (`remove`), so a rolled-back change never loses the image.
   */
  override async forget(manager: EntityManager, beneficiaryId: string): Promise<string[]> {
    const rows: Array<{ storage_key: string }> = await updateReturning(
      manager,
      'DELETE FROM beneficiary_photo WHERE beneficiary_id = $1 RETURNING storage_key',
      [beneficiaryId],
    );
    return rows.map((row) => row.storage_key);
  }

  /** Removes files; a file already gone is not an error (erasure may run twice). */
  override async remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      try {
        await rm(this.file(key), { force: true });
      } catch (error) {
        this.logger.error(`could not remove photo ${key}: ${(error as Error).message}`);
      }
    }
  }

  /**
   * The photo files and unfinished writes last changed before `before`, for the orphan sweep. Only
   * names this store writes are listed.
   */
  override async filesOlderThan(before: Date): Promise<Array<{ name: string; key: string; partial: boolean }>> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: Array<{ name: string; key: string; partial: boolean }> = [];
    for (const name of names) {
      const match = /^(\.)?([0-9a-f-]{36}\.(?:jpg|png))(\.partial)?$/.exec(name);
      if (!match || Boolean(match[1]) !== Boolean(match[3])) continue;
      const info = await stat(path.join(this.directory, name)).catch(() => null);
      if (info && info.mtime < before) found.push({ name, key: match[2], partial: Boolean(match[3]) });
    }
    return found;
  }

  /** Removes listed files by name (`filesOlderThan`'s), partial writes included. */
  override async removeNamed(names: readonly string[]): Promise<void> {
    for (const name of names) {
      if (!/^\.?[0-9a-f-]{36}\.(jpg|png)(\.partial)?$/.test(name)) throw new Error('not a photo file');
      await rm(path.join(this.directory, name), { force: true });
    }
  }

  private file(key: string): string {
    if (!/^[0-9a-f-]{36}\.(jpg|png)$/.test(key)) throw new Error('not a photo key');
    return path.join(this.directory, key);
  }
}
