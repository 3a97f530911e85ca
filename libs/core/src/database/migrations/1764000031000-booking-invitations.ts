import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-booking: a coach opens free slots; an invitation gives the person a link (only its token's
 * hash is kept, as the employers' card links) where they pick one, which becomes an appointment.
 * Invitations and reminders leave by e-mail or SMS only with the person's consent for that channel
 * (two new consent purposes); each attempt is recorded, failures included.
 */
export class BookingInvitations1764000031000 implements MigrationInterface {
  name = 'BookingInvitations1764000031000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE consent DROP CONSTRAINT consent_purpose_check');
    await runner.query(`
      ALTER TABLE consent ADD CONSTRAINT consent_purpose_check
        CHECK (purpose IN ('share_profile_with_employers', 'photo', 'contact_by_email', 'contact_by_sms'))`);
    await runner.query(`
      CREATE TABLE appointment_slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coach_user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('in_person', 'phone', 'video')),
        place text CHECK (place IS NULL OR length(place) BETWEEN 1 AND 300),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        appointment_id uuid UNIQUE REFERENCES appointment (id) ON DELETE SET NULL,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await runner.query('CREATE INDEX appointment_slot_coach_idx ON appointment_slot (coach_user_id, starts_at)');
    await runner.query(`
      CREATE TABLE booking_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        coach_user_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        booked_appointment_id uuid REFERENCES appointment (id) ON DELETE SET NULL,
        booked_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX booking_invitation_beneficiary_idx ON booking_invitation (beneficiary_id)');
    await runner.query(`
      CREATE TABLE message_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        appointment_id uuid REFERENCES appointment (id) ON DELETE CASCADE,
        invitation_id uuid REFERENCES booking_invitation (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'reminder', 'moved')),
        status text NOT NULL CHECK (status IN ('sent', 'failed')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'failed') = (error IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX message_delivery_beneficiary_idx ON message_delivery (beneficiary_id)');
    await runner.query(
      'CREATE INDEX message_delivery_appointment_idx ON message_delivery (appointment_id, beneficiary_id, purpose)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE message_delivery');
    await runner.query('DROP TABLE booking_invitation');
    await runner.query('DROP TABLE appointment_slot');
    await runner.query(`DELETE FROM consent WHERE purpose IN ('contact_by_email', 'contact_by_sms')`);
    await runner.query('ALTER TABLE consent DROP CONSTRAINT consent_purpose_check');
    await runner.query(
      `ALTER TABLE consent ADD CONSTRAINT consent_purpose_check CHECK (purpose IN ('share_profile_with_employers', 'photo'))`,
    );
  }
}
