import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications inbox: every signed-in page reads the user's unread count (the badge in the
 * navigation) and the inbox lists their notifications newest first. The table (user_notification,
 * from the coaching migration) had only its uniqueness index on (kind, subject_id, user_id), so
 * both read the whole table; these two indexes answer them from the user's own rows.
 */
export class NotificationInbox1764000020000 implements MigrationInterface {
  name = 'NotificationInbox1764000020000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX user_notification_inbox ON user_notification (user_id, created_at DESC)');
    await runner.query('CREATE INDEX user_notification_unread ON user_notification (user_id) WHERE read_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX user_notification_unread');
    await runner.query('DROP INDEX user_notification_inbox');
  }
}
