import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PhotoStore } from './ports/photo-store.js';

/** An upload writes its file, then its row, within moments; a file older than this with no row is an orphan. */
export const ORPHAN_GRACE_MS = 15 * 60_000;

/**
 * Removes the photo files no row names any more: a process that died between a commit and the
 * file's removal (erasure, revocation, replacement) or in the middle of an upload leaves them.
 * Files younger than the grace period are left alone: an upload writes its file before the row.
 */
@Injectable()
export class SweepOrphanPhotos {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PhotoStore,
  ) {}

  async execute(now: Date = new Date()): Promise<{ removed: number }> {
    const files = await this.store.filesOlderThan(new Date(now.getTime() - ORPHAN_GRACE_MS));
    if (files.length === 0) return { removed: 0 };
    const named = await this.store.named(
      this.dataSource.manager,
      files.map((file) => file.key),
    );
    const orphans = files.filter((file) => file.partial || !named.has(file.key));
    await this.store.removeNamed(orphans.map((file) => file.name));
    return { removed: orphans.length };
  }
}
