import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PhotoType } from '../domain/photo.js';
import { PhotoStore } from './ports/photo-store.js';

export interface Photo {
  readonly contentType: PhotoType;
  readonly data: Buffer;
}

/**
 * The stored photo, for a caller that has already checked who may see it (the card link checks the
 * link, the consent to share and the photo consent): no access check and no second consent read.
 */
@Injectable()
export class ReadStoredPhoto {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PhotoStore,
  ) {}

  async execute(id: string): Promise<Photo | null> {
    const photo = await this.store.keyOf(this.dataSource.manager, id);
    return photo ? { contentType: photo.contentType, data: await this.store.get(photo.key) } : null;
  }
}
