import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErasureOutboxStore } from './ports/erasure-outbox-store.js';
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
    private readonly outbox: ErasureOutboxStore,
  ) {}

  async execute(signal?: AbortSignal): Promise<ErasureReport> {
    const names = this.handlers.names();
    // A process that composes no other context (the API, the CLI) must not mark events complete.
    if (names.length === 0) throw new Error('no erasure handler registered in this process');
    const pending = await this.outbox.pending(this.dataSource.manager, BATCH);
    let handled = 0;
    let completed = 0;
    let failed = 0;
    for (const event of pending) {
      if (signal?.aborted) break;
      for (const handler of this.handlers.all()) {
        if (event.handledBy.includes(handler.name)) continue;
        try {
          const ran = await this.dataSource.transaction(async (manager) => {
            const handledBy = await this.outbox.lockHandledBy(manager, event.id);
            if (handledBy === null || handledBy.includes(handler.name)) return false;
            await handler.erase(manager, {
              eventId: event.id,
              beneficiaryId: event.beneficiaryId,
              cause: event.cause,
            });
            await this.outbox.markHandled(manager, event.id, handler.name);
            return true;
          });
          if (ran) handled += 1;
        } catch (error) {
          failed += 1;
          await this.outbox.countFailure(this.dataSource.manager, event.id);
          // The error's message only: the event id says which person, the log never does.
          this.logger.error(`erasure event ${event.id}: handler ${handler.name} failed: ${(error as Error).message}`);
        }
      }
      if (await this.outbox.completeIfHandledBy(this.dataSource.manager, event.id, names)) completed += 1;
    }
    return { events: pending.length, handled, completed, failed };
  }
}
