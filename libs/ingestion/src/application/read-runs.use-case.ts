import { Injectable } from '@nestjs/common';
import { RunStore, type StoredRejection, type StoredRun } from './ports/run-store.js';
import { ingestionError } from '../domain/ingestion-errors.js';

export type RunView = StoredRun;
export type RejectionView = Omit<StoredRejection, 'sourceId'>;

/** Runs with their counts, and each rejected record with its reason. */
@Injectable()
export class ReadRuns {
  constructor(private readonly runs: RunStore) {}

  async list(query: {
    sourceId?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: RunView[]; total: number }> {
    const [items, total] = await this.runs.page(query);
    return { items, total };
  }

  async get(id: string): Promise<RunView> {
    const run = await this.runs.byId(id);
    if (!run) throw ingestionError('run.not_found', 'no such run');
    return run;
  }

  async rejectionsOf(
    runId: string,
    query: { limit: number; offset: number },
  ): Promise<{ items: RejectionView[]; total: number }> {
    await this.get(runId);
    const [rows, total] = await this.runs.rejections(runId, query);
    return { items: rows.map(({ sourceId: _source, ...rest }) => rest), total };
  }
}
