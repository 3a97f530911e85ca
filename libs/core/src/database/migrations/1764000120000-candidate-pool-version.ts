import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versions that tell reverse matching when the people it keeps in memory for a scope may have
 * changed (issue 20). RankPeopleForOffer keeps each scope's pool (everyone in coaching with a
 * diagnostic and a commune) and reads it again only when one of these versions moved since; each
 * process (API replicas, the worker) checks them in the same statement as the pool, so a change made
 * by any of them is seen by the very next list.
 *
 * A version is the id of the last transaction that changed what it covers (`pg_current_xact_id()`,
 * never reused), set by statement-level triggers: whoever writes (the application, raw SQL, a
 * restore script), the version commits or rolls back with the change. A transaction sets it once;
 * its row stays locked until that transaction ends, which orders writers of the pool behind each
 * other (the audit chain's head already does so at commit).
 *
 * - `candidate_pool_version` (coaching): a person added, removed, erased, moved to another
 *   structure or referent, whose status or commune changed, or whose diagnostic was saved: every
 *   column the pool reads or filters on (SqlCandidatePoolStore.pool) and every one a scope
 *   condition compares (SqlBeneficiaryAccess.scopeInQuery).
 * - `structure_tree_version` (identity, published as `identity_structure_tree_version_v`): a
 *   structure added, removed or moved in the tree, which changes who a structure-tree scope reaches.
 */
export class CandidatePoolVersion1764000120000 implements MigrationInterface {
  name = 'CandidatePoolVersion1764000120000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [table, watched] of VERSIONS) {
      await runner.query(`
        CREATE TABLE ${table} (
          singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
          version xid8 NOT NULL
        )`);
      await runner.query(`INSERT INTO ${table} (version) VALUES (pg_current_xact_id())`);
      // Only the triggers write it: setting it back to a version a process has kept would have that
      // process serve a stale pool.
      await runner.query(`
        CREATE FUNCTION ${table}_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'TRUNCATE' AND pg_trigger_depth() > 1 THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
          END IF;
          RAISE EXCEPTION '${table} is written by its triggers only: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END $$`);
      await runner.query(`
        CREATE TRIGGER ${table}_guard BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ${table}_guard()`);
      await runner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION ${table}_guard()`);
      // Once per transaction: a later statement of the same transaction finds its own id there and
      // writes nothing.
      await runner.query(`
        CREATE FUNCTION ${table}_bump() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
          UPDATE ${table} SET version = pg_current_xact_id() WHERE version <> pg_current_xact_id();
          RETURN NULL;
        END $$`);
      await runner.query(`
        DO $$ BEGIN
          EXECUTE format('ALTER FUNCTION ${table}_bump() SET search_path = pg_catalog, %I, pg_temp', current_schema());
        END $$`);
      for (const [source, columns] of watched) {
        await runner.query(`
          CREATE TRIGGER ${source}_${table}_bump
          AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE${columns ? ` OF ${columns}` : ''} ON ${source}
          FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump()`);
      }
    }
    await runner.query('CREATE VIEW identity_structure_tree_version_v AS SELECT version FROM structure_tree_version');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP VIEW identity_structure_tree_version_v');
    for (const [table, watched] of [...VERSIONS].reverse()) {
      for (const [source] of watched) await runner.query(`DROP TRIGGER ${source}_${table}_bump ON ${source}`);
      await runner.query(`DROP TABLE ${table}`);
      await runner.query(`DROP FUNCTION ${table}_bump()`);
      await runner.query(`DROP FUNCTION ${table}_guard()`);
    }
  }
}

/** Each version, and the tables (with the columns, when not all) whose changes move it. */
const VERSIONS: ReadonlyArray<readonly [table: string, watched: ReadonlyArray<readonly [string, string | null]>]> = [
  [
    'candidate_pool_version',
    [
      ['beneficiary', 'id, structure_id, referent_user_id, status, commune_insee, erased_at'],
      // Any update: the pool carries the diagnostic's version (its updated_at).
      ['diagnostic', null],
    ],
  ],
  ['structure_tree_version', [['structure', 'id, parent_id']]],
];
