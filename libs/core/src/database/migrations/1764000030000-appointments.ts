import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coach's agenda: appointments, individual (in person, phone, video: one person) or collective
 * (a workshop with a title, a place and a capacity), and who takes part with their attendance. An
 * attendance of `present` becomes a journal contact (`journal_event_id`), so the contact counts.
 */
export class Appointments1764000030000 implements MigrationInterface {
  name = 'Appointments1764000030000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE appointment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coach_user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('in_person', 'phone', 'video', 'collective')),
        title text CHECK (title IS NULL OR length(title) BETWEEN 1 AND 200),
        place text CHECK (place IS NULL OR length(place) BETWEEN 1 AND 300),
        capacity integer CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK ((kind = 'collective') = (title IS NOT NULL AND capacity IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX appointment_coach_idx ON appointment (coach_user_id, starts_at)');
    await runner.query(`
      CREATE TABLE appointment_participant (
        appointment_id uuid NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        attendance text CHECK (attendance IS NULL OR attendance IN ('present', 'absent', 'excused')),
        attendance_recorded_at timestamptz,
        attendance_recorded_by uuid,
        journal_event_id uuid REFERENCES coaching_event (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (appointment_id, beneficiary_id),
        CHECK ((attendance IS NULL) = (attendance_recorded_at IS NULL))
      )`);
    await runner.query(
      'CREATE INDEX appointment_participant_beneficiary_idx ON appointment_participant (beneficiary_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE appointment_participant');
    await runner.query('DROP TABLE appointment');
  }
}
