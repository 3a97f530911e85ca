import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking invitation may come from a structure rather than a coach: a new entrant imported from
 * the orientation service's list has no referent yet, and is invited to a first appointment in one
 * of the free slots of their structure's coaches. Exactly one of the coach and the structure is set.
 */
export class StructureInvitations1764000051000 implements MigrationInterface {
  name = 'StructureInvitations1764000051000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE booking_invitation ALTER COLUMN coach_user_id DROP NOT NULL');
    await runner.query(
      'ALTER TABLE booking_invitation ADD COLUMN structure_id uuid REFERENCES structure (id) ON DELETE CASCADE',
    );
    await runner.query(
      `ALTER TABLE booking_invitation ADD CONSTRAINT booking_invitation_issuer_check
         CHECK ((coach_user_id IS NULL) <> (structure_id IS NULL))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM booking_invitation WHERE coach_user_id IS NULL');
    await runner.query('ALTER TABLE booking_invitation DROP CONSTRAINT booking_invitation_issuer_check');
    await runner.query('ALTER TABLE booking_invitation DROP COLUMN structure_id');
    await runner.query('ALTER TABLE booking_invitation ALTER COLUMN coach_user_id SET NOT NULL');
  }
}
