import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The certificates and habilitations a person holds (`CACES R489 cat. 3`, `SST`, `HACCP`), as the
 * coach writes them in the diagnostic: matching counts them as covering the offer skills they prove
 * (`CACES R489` covers "Conduire un chariot élévateur…"), which only the search API could say before.
 */
export class DiagnosticCertificates1764000027000 implements MigrationInterface {
  name = 'DiagnosticCertificates1764000027000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE diagnostic ADD COLUMN certificates text[] NOT NULL DEFAULT '{}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE diagnostic DROP COLUMN certificates');
  }
}
