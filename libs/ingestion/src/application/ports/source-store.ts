import type { SourceKind } from '../../domain/source.js';

/** A source as the `ingestion_source` table holds it. */
export interface StoredSource {
  id: string;
  name: string;
  label: string;
  kind: SourceKind;
  baseUrl: string | null;
  config: Record<string, unknown>;
  scheduleMinutes: number | null;
  rateLimitPerSecond: number;
  maxConcurrency: number;
  enabled: boolean;
  priority: number;
  structureId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A source to save: a new one has no id yet, and takes its creation date from the store. */
export type SourceDraft = Omit<StoredSource, 'id' | 'createdAt'> & Partial<Pick<StoredSource, 'id' | 'createdAt'>>;

/** The sources offers are pulled from. */
export abstract class SourceStore {
  /** Every source, by priority then name. */
  abstract list(): Promise<StoredSource[]>;

  abstract byId(id: string): Promise<StoredSource | null>;

  abstract byName(name: string): Promise<StoredSource | null>;

  abstract ofKind(kind: SourceKind): Promise<StoredSource[]>;

  /** Creates the source (no id) or rewrites it; a second source with the same name is refused by the store. */
  abstract save(source: SourceDraft): Promise<StoredSource>;
}
