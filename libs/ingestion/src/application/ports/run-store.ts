export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed';
export type RunTrigger = 'schedule' | 'manual' | 'cli' | 'demo' | 'reparse';

/** One run of one source, with its counts (`ingestion_run`). */
export interface StoredRun {
  id: string;
  sourceId: string;
  trigger: RunTrigger;
  status: RunStatus;
  startedAt: Date;
  endedAt: Date | null;
  pagesFetched: number;
  offersSeen: number;
  created: number;
  updated: number;
  unchanged: number;
  closed: number;
  rejected: number;
  duplicates: number;
  error: string | null;
}

/** A record a run could not take, with why (`ingestion_rejection`). */
export interface StoredRejection {
  id: string;
  runId: string;
  sourceId: string;
  externalId: string | null;
  url: string | null;
  field: string | null;
  reason: string;
  payloadHash: string | null;
  createdAt: Date;
}

export type RunCountsRow = Pick<
  StoredRun,
  'pagesFetched' | 'offersSeen' | 'created' | 'updated' | 'unchanged' | 'closed' | 'rejected' | 'duplicates'
>;

/** Runs and the records they rejected. */
export abstract class RunStore {
  /** Runs newest first (of one source when given), and how many. */
  abstract page(query: { sourceId?: string; limit: number; offset: number }): Promise<[StoredRun[], number]>;

  abstract byId(id: string): Promise<StoredRun | null>;

  /** The records a run rejected, in the order they were met, and how many. */
  abstract rejections(runId: string, query: { limit: number; offset: number }): Promise<[StoredRejection[], number]>;

  /** Opens a run; returns it with its id. */
  abstract start(run: Omit<StoredRun, 'id' | 'endedAt'>): Promise<StoredRun>;

  abstract update(id: string, changes: Partial<Omit<StoredRun, 'id' | 'sourceId'>>): Promise<void>;

  /** Ends every run of the source still marked running as failed, with this reason. */
  abstract failRunning(sourceId: string, endedAt: Date, error: string): Promise<void>;
}
