import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Settings changed by administrators at run time (portfolio cap, retention periods, ...). */
export class AppSettings1764000000000 implements MigrationInterface {
  name = 'AppSettings1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE app_setting (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]{1,99}$'),
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE app_setting');
  }
}
