import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A view published for the indicators (libs/outcomes: the no-show rate): each participation in an
 * appointment that was not cancelled, with its start and the attendance recorded (null: none yet).
 * No title, place, note or coach: only that the person was expected then, and whether they came.
 */
export class AttendanceView1764000050000 implements MigrationInterface {
  name = 'AttendanceView1764000050000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE VIEW coaching_attendance_v AS
       SELECT p.beneficiary_id, a.starts_at, p.attendance FROM appointment_participant p
       JOIN appointment a ON a.id = p.appointment_id WHERE a.cancelled_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP VIEW coaching_attendance_v');
  }
}
