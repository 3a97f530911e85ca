import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data loaded from bundled open data (libs/referential): ROME 4.0 occupations, job
 * titles, skills, their links and mobilities; communes with postal codes and coordinates. Written
 * only by the referential import. `search_key` holds the label folded to lower case without
 * accents, for prefix searches through a `text_pattern_ops` index.
 */
export class Referential1764000002000 implements MigrationInterface {
  name = 'Referential1764000002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ref_occupation (
        code_rome text PRIMARY KEY CHECK (code_rome ~ '^[A-Z][0-9]{4}$'),
        label text NOT NULL,
        domain_code text NOT NULL,
        domain_label text,
        search_key text NOT NULL
      )`);
    await runner.query('CREATE INDEX ref_occupation_search_idx ON ref_occupation (search_key text_pattern_ops)');

    await runner.query(`
      CREATE TABLE ref_appellation (
        code_ogr text PRIMARY KEY,
        label text NOT NULL,
        short_label text NOT NULL,
        code_rome text NOT NULL REFERENCES ref_occupation (code_rome),
        main boolean NOT NULL,
        rarely_used boolean NOT NULL,
        search_key text NOT NULL
      )`);
    await runner.query('CREATE INDEX ref_appellation_occupation_idx ON ref_appellation (code_rome)');
    await runner.query('CREATE INDEX ref_appellation_search_idx ON ref_appellation (search_key text_pattern_ops)');

    await runner.query(`
      CREATE TABLE ref_skill (
        code_ogr text PRIMARY KEY,
        label text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('savoir_faire', 'savoir_etre', 'savoir', 'contexte_travail')),
        category text,
        subcategory text,
        macro_code_ogr text,
        is_macro boolean NOT NULL,
        search_key text NOT NULL
      )`);
    await runner.query('CREATE INDEX ref_skill_search_idx ON ref_skill (search_key text_pattern_ops)');

    await runner.query(`
      CREATE TABLE ref_occupation_skill (
        code_rome text NOT NULL REFERENCES ref_occupation (code_rome),
        code_ogr text NOT NULL REFERENCES ref_skill (code_ogr),
        core boolean NOT NULL,
        emerging boolean NOT NULL,
        PRIMARY KEY (code_rome, code_ogr)
      )`);
    // Which occupations use a skill: the way transferable skills lead from one occupation to others.
    await runner.query('CREATE INDEX ref_occupation_skill_skill_idx ON ref_occupation_skill (code_ogr)');

    await runner.query(`
      CREATE TABLE ref_mobility (
        from_code_rome text NOT NULL REFERENCES ref_occupation (code_rome),
        to_code_rome text NOT NULL REFERENCES ref_occupation (code_rome),
        rank smallint NOT NULL,
        PRIMARY KEY (from_code_rome, to_code_rome)
      )`);
    await runner.query('CREATE INDEX ref_mobility_target_idx ON ref_mobility (to_code_rome)');

    // Communes and the municipal arrondissements of Paris, Lyon and Marseille (kind, parent).
    await runner.query(`
      CREATE TABLE ref_commune (
        insee_code text PRIMARY KEY CHECK (insee_code ~ '^[0-9][0-9AB][0-9]{3}$'),
        name text NOT NULL,
        name_with_article text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('commune', 'arrondissement')),
        parent_insee_code text,
        departement text NOT NULL CHECK (departement ~ '^([0-9]{2}|2[AB]|97[0-9])$'),
        region text NOT NULL,
        postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        population integer NOT NULL CHECK (population >= 0),
        search_key text NOT NULL
      )`);
    await runner.query('CREATE INDEX ref_commune_search_idx ON ref_commune (search_key text_pattern_ops)');
    await runner.query('CREATE INDEX ref_commune_departement_idx ON ref_commune (departement)');

    // Every postal code of a commune; ref_commune.postal_code is only the lowest one.
    await runner.query(`
      CREATE TABLE ref_commune_postal_code (
        insee_code text NOT NULL REFERENCES ref_commune (insee_code),
        postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
        PRIMARY KEY (insee_code, postal_code)
      )`);
    await runner.query('CREATE INDEX ref_commune_postal_code_idx ON ref_commune_postal_code (postal_code)');

    // Former communes merged into a new one (communes déléguées) still name places in offers.
    await runner.query(`
      CREATE TABLE ref_commune_alias (
        insee_code text NOT NULL REFERENCES ref_commune (insee_code),
        name text NOT NULL,
        name_with_article text NOT NULL,
        search_key text NOT NULL,
        PRIMARY KEY (insee_code, name)
      )`);
    await runner.query('CREATE INDEX ref_commune_alias_search_idx ON ref_commune_alias (search_key text_pattern_ops)');

    // One line per data set per import run: which version was loaded when, and what it changed.
    await runner.query(`
      CREATE TABLE ref_import (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dataset text NOT NULL,
        version text NOT NULL,
        source_digest text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        total integer NOT NULL,
        inserted integer NOT NULL,
        updated integer NOT NULL,
        unchanged integer NOT NULL,
        deleted integer NOT NULL,
        skipped integer NOT NULL
      )`);
    await runner.query('CREATE INDEX ref_import_dataset_idx ON ref_import (dataset, imported_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ref_import');
    await runner.query('DROP TABLE ref_commune_alias');
    await runner.query('DROP TABLE ref_commune_postal_code');
    await runner.query('DROP TABLE ref_commune');
    await runner.query('DROP TABLE ref_mobility');
    await runner.query('DROP TABLE ref_occupation_skill');
    await runner.query('DROP TABLE ref_skill');
    await runner.query('DROP TABLE ref_appellation');
    await runner.query('DROP TABLE ref_occupation');
  }
}
