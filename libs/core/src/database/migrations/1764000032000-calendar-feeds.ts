import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A coach's agenda as an ICS subscription (Outlook, phones): a secret URL whose token only its
 * hash is kept of, revocable; a new one revokes the one before (one live feed per coach).
 */
export class CalendarFeeds1764000032000 implements MigrationInterface {
  name = 'CalendarFeeds1764000032000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE calendar_feed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coach_user_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX calendar_feed_live_idx ON calendar_feed (coach_user_id) WHERE revoked_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE calendar_feed');
  }
}
