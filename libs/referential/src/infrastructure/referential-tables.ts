import type { EntityManager } from 'typeorm';
import type { DatasetName, ReferentialRows } from '../domain/referential-rows.js';
import { labelSearchKey, placeKey } from '../domain/text-normalisation.js';
import type { UpsertCounts } from '../application/ports/referential-store.js';

type SqlType = 'text' | 'boolean' | 'integer' | 'smallint' | 'double precision';
type SqlValue = string | number | boolean | null;

interface Column<Row> {
  readonly name: string;
  readonly type: SqlType;
  readonly value: (row: Row) => SqlValue;
}

interface TableSpec<Row> {
  readonly table: string;
  readonly key: readonly string[];
  readonly columns: readonly Column<Row>[];
}

type RowOf<D extends DatasetName> = ReferentialRows[D][number];
type TableSpecs = { readonly [D in DatasetName]: TableSpec<RowOf<D>> };

const text = <Row>(name: string, value: (row: Row) => string | null): Column<Row> => ({ name, type: 'text', value });

/** Where each dataset lives and how a row becomes a table row. Names match the migration. */
export const TABLES: TableSpecs = {
  occupations: {
    table: 'ref_occupation',
    key: ['code_rome'],
    columns: [
      text('code_rome', (row) => row.codeRome),
      text('label', (row) => row.label),
      text('domain_code', (row) => row.domainCode),
      text('domain_label', (row) => row.domainLabel),
      text('parent_code_rome', (row) => row.parentCodeRome ?? null),
      text('search_key', (row) => labelSearchKey(row.label)),
    ],
  },
  appellations: {
    table: 'ref_appellation',
    key: ['code_ogr'],
    columns: [
      text('code_ogr', (row) => row.codeOgr),
      text('label', (row) => row.label),
      text('short_label', (row) => row.shortLabel),
      text('code_rome', (row) => row.codeRome),
      { name: 'main', type: 'boolean', value: (row) => row.main },
      { name: 'rarely_used', type: 'boolean', value: (row) => row.rarelyUsed },
      text('search_key', (row) => labelSearchKey(row.label)),
    ],
  },
  skills: {
    table: 'ref_skill',
    key: ['code_ogr'],
    columns: [
      text('code_ogr', (row) => row.codeOgr),
      text('label', (row) => row.label),
      text('kind', (row) => row.kind),
      text('category', (row) => row.category),
      text('subcategory', (row) => row.subcategory),
      text('macro_code_ogr', (row) => row.macroCodeOgr),
      { name: 'is_macro', type: 'boolean', value: (row) => row.isMacro },
      text('search_key', (row) => labelSearchKey(row.label)),
    ],
  },
  occupationSkills: {
    table: 'ref_occupation_skill',
    key: ['code_rome', 'code_ogr'],
    columns: [
      text('code_rome', (row) => row.codeRome),
      text('code_ogr', (row) => row.codeOgr),
      { name: 'core', type: 'boolean', value: (row) => row.core },
      { name: 'emerging', type: 'boolean', value: (row) => row.emerging },
    ],
  },
  mobilities: {
    table: 'ref_mobility',
    key: ['from_code_rome', 'to_code_rome'],
    columns: [
      text('from_code_rome', (row) => row.fromCodeRome),
      text('to_code_rome', (row) => row.toCodeRome),
      { name: 'rank', type: 'smallint', value: (row) => row.rank },
    ],
  },
  communes: {
    table: 'ref_commune',
    key: ['insee_code'],
    columns: [
      text('insee_code', (row) => row.inseeCode),
      text('name', (row) => row.name),
      text('name_with_article', (row) => row.nameWithArticle),
      text('kind', (row) => row.kind),
      text('parent_insee_code', (row) => row.parentInseeCode),
      text('departement', (row) => row.departement),
      text('region', (row) => row.region),
      text('postal_code', (row) => row.postalCode),
      { name: 'lat', type: 'double precision', value: (row) => row.lat },
      { name: 'lng', type: 'double precision', value: (row) => row.lng },
      { name: 'population', type: 'integer', value: (row) => row.population },
      text('search_key', (row) => placeKey(row.name)),
    ],
  },
  communePostalCodes: {
    table: 'ref_commune_postal_code',
    key: ['insee_code', 'postal_code'],
    columns: [text('insee_code', (row) => row.inseeCode), text('postal_code', (row) => row.postalCode)],
  },
  communeAliases: {
    table: 'ref_commune_alias',
    key: ['insee_code', 'name'],
    columns: [
      text('insee_code', (row) => row.inseeCode),
      text('name', (row) => row.name),
      text('name_with_article', (row) => row.nameWithArticle),
      text('search_key', (row) => placeKey(row.name)),
    ],
  },
};

// Rows travel as one array per column through unnest(): one short statement per batch whatever its
// size, instead of tens of thousands of placeholders to parse.
const BATCH_SIZE = 10_000;

/**
 * Inserts new rows and rewrites changed ones; rows equal to what is stored are filtered out before
 * the insert, so a run over unchanged data writes nothing at all (no row version, no row lock).
 * `xmax = 0` tells an inserted row from an updated one.
 */
export async function upsertRows<Row>(
  manager: EntityManager,
  spec: TableSpec<Row>,
  rows: readonly Row[],
): Promise<UpsertCounts> {
  const names = spec.columns.map((column) => column.name);
  const payload = names.filter((name) => !spec.key.includes(name));
  const sameKey = spec.key.map((name) => `s.${name} = n.${name}`).join(' AND ');
  const samePayload =
    payload.length === 0
      ? ''
      : ` AND (${payload.map((name) => `s.${name}`).join(', ')})
            IS NOT DISTINCT FROM (${payload.map((name) => `n.${name}`).join(', ')})`;
  // Still guarded on conflict: the filter above ran on the snapshot the statement started with.
  const onConflict =
    payload.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${payload.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}
         WHERE (${payload.map((name) => `t.${name}`).join(', ')})
           IS DISTINCT FROM (${payload.map((name) => `EXCLUDED.${name}`).join(', ')})`;
  const sql = `
    WITH written AS (
      INSERT INTO ${spec.table} AS t (${names.join(', ')})
      SELECT * FROM unnest(${spec.columns.map((column, i) => `$${i + 1}::${column.type}[]`).join(', ')})
        AS n (${names.join(', ')})
      WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} AS s WHERE ${sameKey}${samePayload})
      ON CONFLICT (${spec.key.join(', ')}) ${onConflict}
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
    FROM written`;
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    const result: Array<{ inserted: number; updated: number }> = await manager.query(sql, columnArrays(spec, batch));
    inserted += result[0].inserted;
    updated += result[0].updated;
  }
  return { inserted, updated };
}

/** `upsertRows` for one named data set, keeping its table and row types together. */
export function upsertDataset<D extends DatasetName>(
  manager: EntityManager,
  dataset: D,
  rows: ReferentialRows[D],
): Promise<UpsertCounts> {
  return upsertRows(manager, TABLES[dataset], rows);
}

export function deleteFromDataset<D extends DatasetName>(
  manager: EntityManager,
  dataset: D,
  rows: ReferentialRows[D],
): Promise<number> {
  return deleteRowsNotIn(manager, TABLES[dataset], rows);
}

/** Deletes the rows whose key is not among `rows`: what the new data set no longer has. */
export async function deleteRowsNotIn<Row>(
  manager: EntityManager,
  spec: TableSpec<Row>,
  rows: readonly Row[],
): Promise<number> {
  const keyColumns = spec.key.map((name) => spec.columns.find((column) => column.name === name)!);
  const sql = `
    WITH gone AS (
      DELETE FROM ${spec.table} AS t
      WHERE NOT EXISTS (
        SELECT 1 FROM unnest(${keyColumns.map((column, i) => `$${i + 1}::${column.type}[]`).join(', ')})
          AS k(${spec.key.join(', ')})
        WHERE ${spec.key.map((name) => `k.${name} = t.${name}`).join(' AND ')}
      )
      RETURNING 1
    )
    SELECT count(*)::int AS deleted FROM gone`;
  const result: Array<{ deleted: number }> = await manager.query(
    sql,
    columnArrays({ ...spec, columns: keyColumns }, rows),
  );
  return result[0].deleted;
}

function columnArrays<Row>(spec: Pick<TableSpec<Row>, 'columns'>, rows: readonly Row[]): SqlValue[][] {
  return spec.columns.map((column) => rows.map((row) => column.value(row)));
}
