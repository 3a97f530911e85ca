import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reverse matching and photos: mediators' requests to propose a (pseudonymised) person for an offer,
 * which the person's coach agrees to or declines; the photo a person chose for their candidate card
 * (the image itself is a file outside the database, named by `storage_key`).
 */
export class CandidatesPhotos1764000006000 implements MigrationInterface {
  name = 'CandidatesPhotos1764000006000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE candidate_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES offer (id),
        beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
        requested_by uuid NOT NULL REFERENCES app_user (id),
        message text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'agreed', 'declined')),
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        decline_reason text,
        introduction_id uuid REFERENCES introduction (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (offer_id, beneficiary_id)
      )`);
    // The 48-hour promise is measured from an offer to its first proposal or introduction.
    await runner.query('CREATE INDEX offer_proposal_offer_idx ON offer_proposal (offer_id, proposed_at)');
    await runner.query('CREATE INDEX introduction_offer_idx ON introduction (offer_id, created_at)');

    await runner.query(`
      CREATE TABLE beneficiary_photo (
        beneficiary_id uuid PRIMARY KEY REFERENCES beneficiary (id) ON DELETE CASCADE,
        storage_key text NOT NULL UNIQUE,
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
        bytes integer NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES app_user (id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE beneficiary_photo');
    await runner.query('DROP INDEX introduction_offer_idx');
    await runner.query('DROP INDEX offer_proposal_offer_idx');
    await runner.query('DROP TABLE candidate_request');
  }
}
