import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { IngestionRejectionEntity, IngestionRunEntity } from '../infrastructure/ingestion-run.entity.js';
import { ingestionError } from '../domain/ingestion-errors.js';

export type RunView = IngestionRunEntity;
export type RejectionView = Omit<IngestionRejectionEntity, 'sourceId'>;

/** Runs with their counts, and each rejected record with its reason. */
@Injectable()
export class ReadRuns {
  constructor(
    @InjectRepository(IngestionRunEntity) private readonly runs: Repository<IngestionRunEntity>,
    @InjectRepository(IngestionRejectionEntity) private readonly rejections: Repository<IngestionRejectionEntity>,
  ) {}

  async list(query: {
    sourceId?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: RunView[]; total: number }> {
    const [items, total] = await this.runs.findAndCount({
      where: query.sourceId ? { sourceId: query.sourceId } : {},
      order: { startedAt: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<RunView> {
    const run = await this.runs.findOneBy({ id });
    if (!run) throw ingestionError('run.not_found', 'no such run');
    return run;
  }

  async rejectionsOf(
    runId: string,
    query: { limit: number; offset: number },
  ): Promise<{ items: RejectionView[]; total: number }> {
    await this.get(runId);
    const [rows, total] = await this.rejections.findAndCount({
      where: { runId },
      order: { id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map(({ sourceId: _source, ...rest }) => rest), total };
  }
}
