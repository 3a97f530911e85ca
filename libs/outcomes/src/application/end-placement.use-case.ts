import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisToday } from '@passerelle/coaching';
import { Clock } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import type { PlacementEndReason } from '../domain/outcomes.js';
import { outcomesError } from '../domain/outcomes-errors.js';
import { PlacementStore, type PlacementView } from './ports/placement-store.js';

/**
 * The job ended (before or after a checkpoint), recorded once it happened and never before it
 * started, by the person's referent coach or whoever recorded it; later checkpoints still ask how
 * the person is.
 */
@Injectable()
export class EndPlacement {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly placements: PlacementStore,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    input: { endDate: string; reason: PlacementEndReason },
  ): Promise<PlacementView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.placements.lock(manager, id);
      if (!row || (row.referent_user_id !== actor.userId && row.created_by !== actor.userId))
        throw outcomesError('placement.not_found', 'no placement with this id');
      if (input.endDate < row.start_date)
        throw outcomesError('placement.end_before_start', 'the job ends before it starts', [
          { field: 'endDate', reason: `before the start ${row.start_date}` },
        ]);
      if (input.endDate > parisToday(this.clock.now()))
        throw outcomesError('placement.end_in_future', 'record the end once it happened', [
          { field: 'endDate', reason: 'in the future' },
        ]);
      await this.placements.end(manager, id, input.endDate, input.reason);
      return this.placements.view(manager, id);
    });
  }
}
