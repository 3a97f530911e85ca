import type { DataSourceOptions } from 'typeorm';
import type { ResolvedConfig } from '../config/app-config.js';
import { MIGRATIONS } from './migrations/index.js';

/** PostgreSQL options shared by the Nest module, the CLI and the tests. `synchronize` is never on. */
export function dataSourceOptions(
  config: Pick<ResolvedConfig, 'database'>,
  applicationName = 'passerelle',
): DataSourceOptions & { type: 'postgres' } {
  return {
    type: 'postgres',
    url: config.database.url.toString(),
    applicationName,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    extra: {
      max: config.database.poolSize,
      // A dead server must fail a readiness check quickly instead of hanging a request.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    },
  };
}
