import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The structures' published view gains each structure's kind (added last: a view's columns keep
 * their order), so coaching can tell a structure's département (the nearest `departement` above it,
 * itself included) without reading identity's table: a file is shared only with a coach of the same
 * département as the referent.
 */
export class StructureViewKind1764000085000 implements MigrationInterface {
  name = 'StructureViewKind1764000085000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE OR REPLACE VIEW identity_structure_v AS SELECT id, parent_id, name, kind FROM structure',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP VIEW identity_structure_v');
    await runner.query('CREATE VIEW identity_structure_v AS SELECT id, parent_id, name FROM structure');
  }
}
