import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DatasetName, ReferentialRows } from '../domain/referential-rows.js';
import { type ImportLogEntry, ReferentialStore, type UpsertCounts } from '../application/ports/referential-store.js';
import { isReferentialEmpty, readReferentialRows } from './referential-reader.js';
import { deleteFromDataset, upsertDataset } from './referential-tables.js';

const IMPORT_LOCK = 7_140_211_003;

/** The `ref_*` tables in PostgreSQL. */
@Injectable()
export class SqlReferentialStore extends ReferentialStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  readRows(): Promise<ReferentialRows> {
    return readReferentialRows(this.dataSource);
  }

  isEmpty(): Promise<boolean> {
    return isReferentialEmpty(this.dataSource);
  }

  async lockImport(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
  }

  upsertDataset<D extends DatasetName>(
    manager: EntityManager,
    dataset: D,
    rows: ReferentialRows[D],
  ): Promise<UpsertCounts> {
    return upsertDataset(manager, dataset, rows);
  }

  deleteFromDataset<D extends DatasetName>(
    manager: EntityManager,
    dataset: D,
    rows: ReferentialRows[D],
  ): Promise<number> {
    return deleteFromDataset(manager, dataset, rows);
  }

  async logImport(manager: EntityManager, entry: ImportLogEntry): Promise<void> {
    await manager.query(
      `INSERT INTO ref_import (dataset, version, source_digest, total, inserted, updated, unchanged, deleted, skipped)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.dataset,
        entry.version,
        entry.sourceDigest,
        entry.total,
        entry.inserted,
        entry.updated,
        entry.unchanged,
        entry.deleted,
        entry.skipped,
      ],
    );
  }
}
