import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { updateReturning } from '@passerelle/core';
import { ErasureHandlers } from './beneficiary-erased.js';

export interface ErasureReport {
  /** Events looked at (pending at the start of the pass). */
  readonly events: number;
  /** Handler runs that erased and were recorded. */
  readonly handled: number;
  /** Events every handler is done with. */
  readonly completed: number;
  /** Handler runs that failed: retried at the next pass. */
  readonly failed: number;
}

const BATCH = 100;

/**
 * Takes `BeneficiaryErased` events from the outbox to every context's handler (the worker's tick,
 * every few seconds). Each handler runs in its own transaction that locks the event and records
 * the handler in `handled_by`, so a crash loses nothing and repeats nothing that was committed;
 * an event is complete once every registered handler is in `handled_by`. Logs ids and counts only.
 */
@Injectable()
export class ProcessErasures {
  private readonly logger = new Logger(ProcessErasures.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: ErasureHandlers,
  ) {}

  async execute(signal?: AbortSignal): Promise<ErasureReport> {
    const names = this.handlers.names();
    // A process that composes no other context (the API, the CLI) must not mark events complete.
    if (names.length === 0) throw new Error('no erasure handler registered in this process');
    const pending: Array<{ id: string; beneficiary_id: string; cause: 'request' | 'retention'; handled_by: string[] }> =
      await this.dataSource.query(
        `SELECT id::text, beneficiary_id, cause, handled_by FROM beneficiary_erased_event
         WHERE completed_at IS NULL ORDER BY id LIMIT $1`,
        [BATCH],
      );
    let handled = 0;
    let completed = 0;
    let failed = 0;
    for (const event of pending) {
      if (signal?.aborted) break;
      for (const handler of this.handlers.all()) {
        if (event.handled_by.includes(handler.name)) continue;
        try {
          const ran = await this.dataSource.transaction(async (manager) => {
            // Another worker on this event waits its turn rather than running the same handler.
            const rows: Array<{ handled_by: string[] }> = await manager.query(
              'SELECT handled_by FROM beneficiary_erased_event WHERE id = $1 FOR UPDATE SKIP LOCKED',
              [event.id],
            );
            if (rows.length === 0 || rows[0].handled_by.includes(handler.name)) return false;
            await handler.erase(manager, {
              eventId: event.id,
              beneficiaryId: event.beneficiary_id,
              cause: event.cause,
            });
            await manager.query(
              'UPDATE beneficiary_erased_event SET handled_by = array_append(handled_by, $2) WHERE id = $1',
              [event.id, handler.name],
            );
            return true;
          });
          if (ran) handled += 1;
        } catch (error) {
          failed += 1;
          await this.dataSource.query('UPDATE beneficiary_erased_event SET attempts = attempts + 1 WHERE id = $1', [
            event.id,
          ]);
          // The error's message only: the event id says which person, the log never does.
          this.logger.error(`erasure event ${event.id}: handler ${handler.name} failed: ${(error as Error).message}`);
        }
      }
      const done = await updateReturning(
        this.dataSource.manager,
        `UPDATE beneficiary_erased_event SET completed_at = now()
         WHERE id = $1 AND completed_at IS NULL AND handled_by @> $2::text[] RETURNING id`,
        [event.id, names],
      );
      completed += done.length;
    }
    return { events: pending.length, handled, completed, failed };
  }
}
