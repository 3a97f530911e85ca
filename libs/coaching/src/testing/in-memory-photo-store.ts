import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PhotoStore, type PhotoView } from '../application/ports/photo-store.js';
import type { PhotoType } from '../domain/photo.js';

interface StoredFile {
  readonly data: Buffer;
  readonly modifiedAt: Date;
}

interface PhotoRow extends PhotoView {
  readonly key: string;
  readonly uploadedBy: string;
}

/**
 * Photo files (`files`, by key) and the rows naming each person's file (`rows`, by person), in
 * memory. A file and its row are apart as on disk and in the database, so a test sees a file left
 * behind or removed.
 */
export class InMemoryPhotoStore extends PhotoStore {
  readonly files = new Map<string, StoredFile>();
  readonly rows = new Map<string, PhotoRow>();

  /** A person with a stored photo (its file and its row); returns the file's key. */
  addPhoto(beneficiaryId: string, userId: string, data: Buffer = Buffer.from('pixels')): string {
    const key = `${randomUUID()}.jpg`;
    this.files.set(key, { data, modifiedAt: new Date() });
    this.rows.set(beneficiaryId, {
      key,
      contentType: 'image/jpeg',
      bytes: data.length,
      width: 100,
      height: 100,
      uploadedAt: new Date(),
      uploadedBy: userId,
    });
    return key;
  }

  override put(data: Buffer, contentType: PhotoType): Promise<string> {
    const key = `${randomUUID()}.${contentType === 'image/png' ? 'png' : 'jpg'}`;
    this.files.set(key, { data, modifiedAt: new Date() });
    return Promise.resolve(key);
  }

  override get(key: string): Promise<Buffer> {
    const file = this.files.get(key);
    return file ? Promise.resolve(file.data) : Promise.reject(new Error(`no photo file ${key}`));
  }

  override keyOf(
    _manager: EntityManager,
    beneficiaryId: string,
  ): Promise<{ key: string; contentType: PhotoType } | null> {
    const row = this.rows.get(beneficiaryId);
    return Promise.resolve(row ? { key: row.key, contentType: row.contentType } : null);
  }

  override record(
    _manager: EntityManager,
    beneficiaryId: string,
    photo: { key: string; contentType: PhotoType; bytes: number; width: number; height: number },
    userId: string,
  ): Promise<PhotoView> {
    const row: PhotoRow = { ...photo, uploadedAt: new Date(), uploadedBy: userId };
    this.rows.set(beneficiaryId, row);
    const { key: _key, uploadedBy: _uploadedBy, ...view } = row;
    return Promise.resolve(view);
  }

  override named(_manager: EntityManager, keys: readonly string[]): Promise<Set<string>> {
    const named = new Set([...this.rows.values()].map((row) => row.key));
    return Promise.resolve(new Set(keys.filter((key) => named.has(key))));
  }

  override forget(_manager: EntityManager, beneficiaryId: string): Promise<string[]> {
    const row = this.rows.get(beneficiaryId);
    this.rows.delete(beneficiaryId);
    return Promise.resolve(row ? [row.key] : []);
  }

  override remove(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.files.delete(key);
    return Promise.resolve();
  }

  override filesOlderThan(before: Date): Promise<Array<{ name: string; key: string; partial: boolean }>> {
    return Promise.resolve(
      [...this.files.entries()]
        .filter(([, file]) => file.modifiedAt < before)
        .map(([key]) => ({ name: key, key, partial: false })),
    );
  }

  override removeNamed(names: readonly string[]): Promise<void> {
    for (const name of names) this.files.delete(name);
    return Promise.resolve();
  }
}
