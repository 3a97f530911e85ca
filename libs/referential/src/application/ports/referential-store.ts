import type { EntityManager } from 'typeorm';
import type { DatasetName, ReferentialRows } from '../../domain/referential-rows.js';

export interface UpsertCounts {
  readonly inserted: number;
  readonly updated: number;
}

/** What one import did to one data set, as the import log (`ref_import`) keeps it. */
export interface ImportLogEntry {
  readonly dataset: DatasetName;
  readonly version: string;
  readonly sourceDigest: string;
  readonly total: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly skipped: number;
}

/** The referential's tables (`ref_*`): read whole into memory, rewritten by an import. */
export abstract class ReferentialStore {
  /** The whole referential. */
  abstract readRows(): Promise<ReferentialRows>;

  /** True when the referential was never imported (or was emptied): the all-in-one start seeds it. */
  abstract isEmpty(): Promise<boolean>;

  /** Makes concurrent imports take turns, until the transaction of `manager` ends. */
  abstract lockImport(manager: EntityManager): Promise<void>;

  /** Inserts new rows of the data set and rewrites changed ones; equal rows are not written. */
  abstract upsertDataset<D extends DatasetName>(
    manager: EntityManager,
    dataset: D,
    rows: ReferentialRows[D],
  ): Promise<UpsertCounts>;

  /** Deletes the stored rows of the data set that `rows` no longer has; returns how many. */
  abstract deleteFromDataset<D extends DatasetName>(
    manager: EntityManager,
    dataset: D,
    rows: ReferentialRows[D],
  ): Promise<number>;

  abstract logImport(manager: EntityManager, entry: ImportLogEntry): Promise<void>;
}
