import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { RunStore, type StoredRun } from '../application/ports/run-store.js';
import { IngestionRejectionEntity, IngestionRunEntity } from './ingestion-run.entity.js';

/** Runs and rejections in `ingestion_run` and `ingestion_rejection`, through TypeORM. */
@Injectable()
export class SqlRunStore extends RunStore {
  constructor(
    @InjectRepository(IngestionRunEntity) private readonly runs: Repository<IngestionRunEntity>,
    @InjectRepository(IngestionRejectionEntity) private readonly rejectionRows: Repository<IngestionRejectionEntity>,
  ) {
    super();
  }

  page(query: { sourceId?: string; limit: number; offset: number }): Promise<[IngestionRunEntity[], number]> {
    return this.runs.findAndCount({
      where: query.sourceId ? { sourceId: query.sourceId } : {},
      order: { startedAt: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  byId(id: string): Promise<IngestionRunEntity | null> {
    return this.runs.findOneBy({ id });
  }

  rejections(runId: string, query: { limit: number; offset: number }): Promise<[IngestionRejectionEntity[], number]> {
    return this.rejectionRows.findAndCount({
      where: { runId },
      order: { id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
  }

  start(run: Omit<StoredRun, 'id' | 'endedAt'>): Promise<IngestionRunEntity> {
    return this.runs.save(this.runs.create(run));
  }

  async update(id: string, changes: Partial<Omit<StoredRun, 'id' | 'sourceId'>>): Promise<void> {
    await this.runs.update({ id }, changes);
  }

  async failRunning(sourceId: string, endedAt: Date, error: string): Promise<void> {
    await this.runs.update({ sourceId, status: 'running' }, { status: 'failed', endedAt, error });
  }
}
