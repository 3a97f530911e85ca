import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An offer can be closed because the job was filled (a hire through an introduction, or staff
 * marking it so), beside disappeared, expired and closed by hand.
 */
export class OfferFilled1764000019000 implements MigrationInterface {
  name = 'OfferFilled1764000019000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE offer DROP CONSTRAINT offer_closed_reason_check`);
    await runner.query(
      `ALTER TABLE offer ADD CONSTRAINT offer_closed_reason_check
         CHECK (closed_reason IN ('disappeared', 'expired', 'manual', 'filled'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE offer SET closed_reason = 'manual' WHERE closed_reason = 'filled'`);
    await runner.query(`ALTER TABLE offer DROP CONSTRAINT offer_closed_reason_check`);
    await runner.query(
      `ALTER TABLE offer ADD CONSTRAINT offer_closed_reason_check
         CHECK (closed_reason IN ('disappeared', 'expired', 'manual'))`,
    );
  }
}
