import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's start and how its second factor was proven, carried by every refresh token of the
 * family (copied on rotation): refresh no longer slides a session past its absolute lifetime, and
 * a refresh keeps an SSO-proven second factor without exempting the account's password logins.
 * The partial index serves the check every authenticated request makes: is this session still alive?
 */
export class SessionLifetime1764000010000 implements MigrationInterface {
  name = 'SessionLifetime1764000010000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE refresh_token ADD COLUMN session_started_at timestamptz');
    // Sessions opened before this migration start from their oldest token.
    await runner.query(`
      UPDATE refresh_token t SET session_started_at = f.started
        FROM (SELECT family_id, min(created_at) AS started FROM refresh_token GROUP BY family_id) f
       WHERE f.family_id = t.family_id`);
    await runner.query('ALTER TABLE refresh_token ALTER COLUMN session_started_at SET NOT NULL');
    await runner.query(`ALTER TABLE refresh_token ADD COLUMN second_factor text
      CHECK (second_factor IS NULL OR second_factor IN ('totp', 'sso'))`);
    await runner.query(
      'CREATE INDEX refresh_token_live_family_idx ON refresh_token (family_id) WHERE revoked_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX refresh_token_live_family_idx');
    await runner.query('ALTER TABLE refresh_token DROP COLUMN second_factor');
    await runner.query('ALTER TABLE refresh_token DROP COLUMN session_started_at');
  }
}
