import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { SourceKind } from '../domain/source.js';
import { type SourceDraft, SourceStore } from '../application/ports/source-store.js';
import { IngestionSourceEntity } from './ingestion-source.entity.js';

/** The sources in `ingestion_source`, through TypeORM. */
@Injectable()
export class SqlSourceStore extends SourceStore {
  constructor(@InjectRepository(IngestionSourceEntity) private readonly sources: Repository<IngestionSourceEntity>) {
    super();
  }

  list(): Promise<IngestionSourceEntity[]> {
    return this.sources.find({ order: { priority: 'ASC', name: 'ASC' } });
  }

  byId(id: string): Promise<IngestionSourceEntity | null> {
    return this.sources.findOneBy({ id });
  }

  byName(name: string): Promise<IngestionSourceEntity | null> {
    return this.sources.findOneBy({ name });
  }

  ofKind(kind: SourceKind): Promise<IngestionSourceEntity[]> {
    return this.sources.findBy({ kind });
  }

  save(source: SourceDraft): Promise<IngestionSourceEntity> {
    return this.sources.save(this.sources.create(source));
  }
}
