import type { EntityManager } from 'typeorm';
import type { PhotoType } from '../../domain/photo.js';

export interface PhotoView {
  readonly contentType: PhotoType;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly uploadedAt: Date;
}

/**
 * Photos live outside the database, as files named by a random key (never by the person); a row
 * names the file of each person.
 */
export abstract class PhotoStore {
  /** Writes the image atomically and returns its key. */
  abstract put(data: Buffer, contentType: PhotoType): Promise<string>;

  abstract get(key: string): Promise<Buffer>;

  /** The key of the person's photo file, if any. */
  abstract keyOf(
    manager: EntityManager,
    beneficiaryId: string,
  ): Promise<{ key: string; contentType: PhotoType } | null>;

  /** Names the person's new photo file (replacing the row of the previous one) and returns its view. */
  abstract record(
    manager: EntityManager,
    beneficiaryId: string,
    photo: { key: string; contentType: PhotoType; bytes: number; width: number; height: number },
    userId: string,
  ): Promise<PhotoView>;

  /** Of these keys, those a row still names. */
  abstract named(manager: EntityManager, keys: readonly string[]): Promise<Set<string>>;

  /**
   * Forgets a person's photo inside the caller's transaction and returns the files to remove once it
   * commits (`remove`), so a rolled-back change never loses the image.
   */
  abstract forget(manager: EntityManager, beneficiaryId: string): Promise<string[]>;

  /** Removes files; a file already gone is not an error (erasure may run twice). */
  abstract remove(keys: readonly string[]): Promise<void>;

  /**
   * The photo files and unfinished writes last changed before `before`, for the orphan sweep. Only
   * names this store writes are listed.
   */
  abstract filesOlderThan(before: Date): Promise<Array<{ name: string; key: string; partial: boolean }>>;

  /** Removes listed files by name (`filesOlderThan`'s), partial writes included. */
  abstract removeNamed(names: readonly string[]): Promise<void>;
}
