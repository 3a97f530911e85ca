import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { ResolvedConfig } from '../config/app-config.js';
import { MIGRATIONS } from './migration-registry.js';

const DATE_OID = 1082;

/**
 * `date` columns (calendar days: orientation, contacts, CER) stay `YYYY-MM-DD` strings: node-pg
 * would turn them into Dates at the server's local midnight and shift them across time zones.
 */
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === DATE_OID
      ? (value: string) => value
      : (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(
          oid,
          format,
        )) as typeof pg.types.getTypeParser,
};

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
      types: PG_TYPES,
    },
  };
}
