import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OfferIndexLock } from './ports/index-lock.js';
import { OfferDocuments } from './ports/offer-documents.js';
import { OfferIndex } from './ports/offer-index.js';
import { OfferOutboxStore } from './ports/offer-outbox.js';
import { SkillModel } from './skill-model.js';

export interface SyncReport {
  readonly outboxRows: number;
  readonly upserted: number;
  readonly deleted: number;
  /** Null when a reindex held the index: nothing was done, the outbox waits. */
  readonly skipped: boolean;
}

// Large enough for bulk loads (Meilisearch pays per task), small enough for one transaction.
const BATCH = 5_000;

/**
 * Takes offer changes from the outbox to Meilisearch: every task is awaited and must succeed before
 * its outbox rows are deleted, in the same transaction that read them. If Meilisearch is down or
 * refuses, the transaction rolls back and the rows are there for the next try: nothing is lost.
 */
@Injectable()
export class SyncOffersIndex {
  private readonly logger = new Logger(SyncOffersIndex.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lock: OfferIndexLock,
    private readonly index: OfferIndex,
    private readonly documents: OfferDocuments,
    private readonly skills: SkillModel,
    private readonly outbox: OfferOutboxStore,
  ) {}

  /** Settings are applied once per process (and again after a failure), not at every tick. */
  private settingsApplied = false;

  private async ensureSettings(): Promise<void> {
    if (this.settingsApplied) return;
    await this.index.ensure();
    this.settingsApplied = true;
  }

  get uid(): string {
    return this.index.uid;
  }

  /** Builds the skill space (a few seconds) and applies the index settings before the first sync. */
  async prepare(): Promise<void> {
    await this.skills.space();
    // Meilisearch may be down at start: readiness says so, and the next sync applies the settings.
    await this.ensureSettings().catch((error: unknown) =>
      this.logger.warn(`offers index settings not applied yet: ${String(error)}`),
    );
  }

  /** Drains the outbox (batch after batch) and returns what was done. */
  async execute(): Promise<SyncReport> {
    const total = { outboxRows: 0, upserted: 0, deleted: 0 };
    const result = await this.lock.hold(false, async () => {
      await this.ensureSettings();
      for (;;) {
        const batch = await this.syncBatch();
        total.outboxRows += batch.outboxRows;
        total.upserted += batch.upserted;
        total.deleted += batch.deleted;
        if (batch.outboxRows < BATCH) return total;
      }
    });
    return result ? { ...result, skipped: false } : { ...total, skipped: true };
  }

  private syncBatch(): Promise<Omit<SyncReport, 'skipped'>> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.outbox.take(manager, BATCH);
      if (rows.length === 0) return { outboxRows: 0, upserted: 0, deleted: 0 };
      const { upserts, deletes } = await this.documents.forIds([...new Set(rows.map((row) => row.offer_id))]);
      if (upserts.length > 0) await this.index.upsert(upserts);
      if (deletes.length > 0) await this.index.remove(deletes);
      await this.outbox.remove(
        manager,
        rows.map((row) => row.id),
      );
      return { outboxRows: rows.length, upserted: upserts.length, deleted: deletes.length };
    });
  }
}
