import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Journal entries can be deleted by their author or the referent coach. The row stays (soft delete:
 * who and when, the audit log says the rest) so a deletion is traceable; reads, the portfolio's last
 * contact and the retention clock leave deleted entries out.
 */
export class JournalDeletion1764000021000 implements MigrationInterface {
  name = 'JournalDeletion1764000021000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE coaching_event
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN deleted_by uuid,
        ADD CONSTRAINT coaching_event_deleted_check CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE coaching_event
        DROP CONSTRAINT coaching_event_deleted_check,
        DROP COLUMN deleted_by,
        DROP COLUMN deleted_at`);
  }
}
