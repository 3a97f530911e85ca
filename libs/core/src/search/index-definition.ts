import type { Settings } from 'meilisearch';

/** An index a module owns: its name (without the deployment prefix), key and settings, kept in code. */
export interface IndexDefinition {
  readonly name: string;
  readonly primaryKey: string;
  readonly settings: Settings;
}
