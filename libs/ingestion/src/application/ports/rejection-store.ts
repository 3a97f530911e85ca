export interface RejectionRecord {
  readonly externalId: string | null;
  readonly url: string | null;
  readonly field: string | null;
  readonly reason: string;
  readonly payloadHash: string | null;
}

/** Records a run could not take, with why, written in one go per batch. */
export abstract class RejectionStore {
  abstract record(runId: string, sourceId: string, rejections: readonly RejectionRecord[]): Promise<void>;
}
