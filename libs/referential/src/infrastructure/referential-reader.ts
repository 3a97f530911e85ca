import type { DataSource } from 'typeorm';
import type {
  AppellationRow,
  CommuneAliasRow,
  CommunePostalCodeRow,
  CommuneRow,
  MobilityRow,
  OccupationRow,
  OccupationSkillRow,
  ReferentialRows,
  SkillRow,
} from '../domain/referential-rows.js';

/**
 * The whole referential from PostgreSQL, one query per table, run side by side on the pool.
 * Columns are aliased to the row interfaces so no mapping pass is needed.
 */
export async function readReferentialRows(dataSource: DataSource): Promise<ReferentialRows> {
  const [
    occupations,
    appellations,
    skills,
    occupationSkills,
    mobilities,
    communes,
    communePostalCodes,
    communeAliases,
  ] = await Promise.all([
    dataSource.query<OccupationRow[]>(
      `SELECT code_rome AS "codeRome", label, domain_code AS "domainCode", domain_label AS "domainLabel",
              parent_code_rome AS "parentCodeRome"
         FROM ref_occupation`,
    ),
    dataSource.query<AppellationRow[]>(
      `SELECT code_ogr AS "codeOgr", label, short_label AS "shortLabel", code_rome AS "codeRome", main,
                rarely_used AS "rarelyUsed"
         FROM ref_appellation`,
    ),
    dataSource.query<SkillRow[]>(
      `SELECT code_ogr AS "codeOgr", label, kind, category, subcategory, macro_code_ogr AS "macroCodeOgr",
                is_macro AS "isMacro"
         FROM ref_skill`,
    ),
    dataSource.query<OccupationSkillRow[]>(
      `SELECT code_rome AS "codeRome", code_ogr AS "codeOgr", core, emerging FROM ref_occupation_skill`,
    ),
    dataSource.query<MobilityRow[]>(
      `SELECT from_code_rome AS "fromCodeRome", to_code_rome AS "toCodeRome", rank::int AS rank FROM ref_mobility`,
    ),
    dataSource.query<CommuneRow[]>(
      `SELECT insee_code AS "inseeCode", name, name_with_article AS "nameWithArticle", kind,
                parent_insee_code AS "parentInseeCode", departement, region, postal_code AS "postalCode",
                lat, lng, population
         FROM ref_commune`,
    ),
    dataSource.query<CommunePostalCodeRow[]>(
      `SELECT insee_code AS "inseeCode", postal_code AS "postalCode" FROM ref_commune_postal_code`,
    ),
    dataSource.query<CommuneAliasRow[]>(
      `SELECT insee_code AS "inseeCode", name, name_with_article AS "nameWithArticle" FROM ref_commune_alias`,
    ),
  ]);
  return {
    occupations,
    appellations,
    skills,
    occupationSkills,
    mobilities,
    communes,
    communePostalCodes,
    communeAliases,
  };
}

/**
 * True when the referential was never imported (or was emptied), or was imported before the
 * occupations' ROME 3 origin was kept (migration 1764000023000): the all-in-one start seeds it.
 */
export async function isReferentialEmpty(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query<Array<{ empty: boolean }>>(
    `SELECT NOT EXISTS (SELECT 1 FROM ref_occupation WHERE parent_code_rome IS NOT NULL)
         OR NOT EXISTS (SELECT 1 FROM ref_commune) AS empty`,
  );
  return row.empty;
}
