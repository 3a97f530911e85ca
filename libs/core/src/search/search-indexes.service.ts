import { Inject, Injectable, Logger } from '@nestjs/common';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { ResolvedConfig } from '../config/app-config.js';
import type { IndexDefinition } from './index-definition.js';
import { awaitTask } from './meili-client.js';

/**
 * Creates a module's index and applies its settings. Applying the same settings again is a no-op
 * for Meilisearch, so each owning module calls `ensure` at every start (API, worker, all-in-one).
 */
@Injectable()
export class SearchIndexes {
  private readonly logger = new Logger(SearchIndexes.name);

  constructor(
    private readonly client: Meilisearch,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** The deployment's name for an index: the prefix keeps test runs and deployments apart. */
  uid(name: string): string {
    return `${this.config.meilisearch.indexPrefix}${name}`;
  }

  async ensure(definition: IndexDefinition, uid = this.uid(definition.name)): Promise<void> {
    const timeout = this.config.meilisearch.taskTimeoutMs;
    try {
      await this.client.getRawIndex(uid);
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'index_not_found') throw error;
      await awaitTask(this.client, this.client.createIndex(uid, { primaryKey: definition.primaryKey }), timeout);
      this.logger.log(`created index ${uid}`);
    }
    await awaitTask(this.client, this.client.index(uid).updateSettings(definition.settings), timeout);
  }
}
