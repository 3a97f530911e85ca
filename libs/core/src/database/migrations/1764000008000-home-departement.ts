import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The territory of a person for the indicators: the département of their home commune, kept when
 * the file is anonymised (the commune goes, the département is not identifying), so erased files
 * still count in their territory. Derived from the INSEE code by a trigger, so every writer (API,
 * demo, benchmarks' seeds) keeps it right: the first two characters (2A, 2B included), three
 * overseas (971–976).
 */
export class HomeDepartement1764000008000 implements MigrationInterface {
  name = 'HomeDepartement1764000008000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE beneficiary ADD COLUMN home_departement text
      CHECK (home_departement IS NULL OR home_departement ~ '^([0-9]{2}|2[AB]|97[0-9])$')`);
    await runner.query(`
      CREATE FUNCTION insee_departement(code text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN code IS NULL THEN NULL WHEN left(code, 2) = '97' THEN left(code, 3) ELSE left(code, 2) END
      $$`);
    await runner.query(`
      CREATE FUNCTION beneficiary_home_departement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A commune sets the département; a commune cleared by erasure leaves it as it was, any other
        -- clearing clears it too.
        IF NEW.commune_insee IS NOT NULL THEN
          NEW.home_departement := insee_departement(NEW.commune_insee);
        ELSIF NEW.erased_at IS NULL THEN
          NEW.home_departement := NULL;
        END IF;
        RETURN NEW;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER beneficiary_home_departement BEFORE INSERT OR UPDATE OF commune_insee, erased_at ON beneficiary
      FOR EACH ROW EXECUTE FUNCTION beneficiary_home_departement()`);
    await runner.query('UPDATE beneficiary SET home_departement = insee_departement(commune_insee)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER beneficiary_home_departement ON beneficiary');
    await runner.query('DROP FUNCTION beneficiary_home_departement()');
    await runner.query('DROP FUNCTION insee_departement(text)');
    await runner.query('ALTER TABLE beneficiary DROP COLUMN home_departement');
  }
}
