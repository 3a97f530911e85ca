import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employers' answers heard (issue 23): a shortlist left without an answer is followed up once.
 * `reminded_at` and `reminder_channel` record that single follow-up (an e-mail to the contact, or a
 * call the mediator is asked to make when there is no address), and `link_sealed` keeps the link
 * encrypted (AES-256-GCM, key derived from the server's secret) only when it was e-mailed to a
 * contact, so the reminder and the "a reply is waiting" e-mails can carry the same link; the token's
 * hash stays the only way a link is looked up. The interaction log gains the kind
 * `reminder`: the follow-up Passerelle recorded itself, whose next action is the mediator's call.
 */
export class ShortlistReminders1764000080000 implements MigrationInterface {
  name = 'ShortlistReminders1764000080000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE shortlist
        ADD COLUMN link_sealed text,
        ADD COLUMN reminded_at timestamptz,
        ADD COLUMN reminder_channel text CHECK (reminder_channel IS NULL OR reminder_channel IN ('email', 'call')),
        ADD CONSTRAINT shortlist_reminder_check CHECK ((reminded_at IS NULL) = (reminder_channel IS NULL))`);
    await runner.query(
      'CREATE INDEX shortlist_reminder_due_idx ON shortlist (created_at) WHERE reminded_at IS NULL AND revoked_at IS NULL',
    );
    await runner.query('ALTER TABLE employer_interaction DROP CONSTRAINT employer_interaction_kind_check');
    await runner.query(`
      ALTER TABLE employer_interaction ADD CONSTRAINT employer_interaction_kind_check
        CHECK (kind IN ('visit', 'call', 'email', 'event', 'reminder'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM employer_interaction WHERE kind = 'reminder'`);
    await runner.query('ALTER TABLE employer_interaction DROP CONSTRAINT employer_interaction_kind_check');
    await runner.query(`
      ALTER TABLE employer_interaction ADD CONSTRAINT employer_interaction_kind_check
        CHECK (kind IN ('visit', 'call', 'email', 'event'))`);
    await runner.query('DROP INDEX shortlist_reminder_due_idx');
    await runner.query(`
      ALTER TABLE shortlist
        DROP CONSTRAINT shortlist_reminder_check,
        DROP COLUMN reminder_channel,
        DROP COLUMN reminded_at,
        DROP COLUMN link_sealed`);
  }
}
