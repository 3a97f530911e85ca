import { createHash } from 'node:crypto';
import type {
  AppellationRow,
  CommuneAliasRow,
  CommunePostalCodeRow,
  CommuneRow,
  MobilityRow,
  OccupationRow,
  OccupationSkillRow,
  ReferentialRows,
  SkillKind,
  SkillRow,
} from '../domain/referential-rows.js';
import { Injectable } from '@nestjs/common';
import { type BundledReferential, BundledReferentialSource } from '../application/ports/bundled-referential.js';
import { readDataText, readGzipCsv } from './gzip-csv.js';

export type { BundledReferential } from '../application/ports/bundled-referential.js';

export const ROME_FILES = {
  occupations: 'rome4/unix_referentiel_code_rome_v460_utf8.csv.gz',
  domains: 'rome4/unix_domaine_professionnel_v460_utf8.csv.gz',
  appellations: 'rome4/unix_referentiel_appellation_v460_utf8.csv.gz',
  items: 'rome4/unix_item_v460_utf8.csv.gz',
  competences: 'rome4/unix_referentiel_competence_v460_utf8.csv.gz',
  savoirs: 'rome4/unix_referentiel_savoir_v460_utf8.csv.gz',
  contexts: 'rome4/unix_referentiel_contexte_travail_v460_utf8.csv.gz',
  occupationItems: 'rome4/unix_coherence_item_v460_utf8.csv.gz',
  mobilities: 'rome4/unix_rubrique_mobilite_v460_utf8.csv.gz',
  version: 'rome4/version.txt',
} as const;
export const COMMUNES_FILE = 'communes/communes.csv.gz';
/** The communes file is compiled from the 2024 Code officiel géographique (see NOTICE). */
export const COMMUNES_VERSION = 'COG 2024';

/** Reads every bundled file into rows, checking that links point at rows that exist. */
export async function readBundledReferential(): Promise<BundledReferential> {
  const fileDigests = new Map<string, string>();
  const onDigest = (file: string, sha256: string): void => {
    fileDigests.set(file, sha256);
  };
  const [rome, communes, versionText] = await Promise.all([
    readRome(onDigest),
    readCommunes(onDigest),
    readDataText(ROME_FILES.version),
  ]);
  const versionHash = createHash('sha256').update(versionText).digest('hex');
  fileDigests.set(ROME_FILES.version, versionHash);
  const digestOf = (files: readonly string[]): string =>
    createHash('sha256')
      .update(
        [...files]
          .sort()
          .map((file) => `${file} ${fileDigests.get(file) ?? '?'}\n`)
          .join(''),
      )
      .digest('hex');
  return {
    rows: { ...rome.rows, ...communes.rows },
    versions: { rome: romeVersion(versionText), communes: COMMUNES_VERSION },
    digests: { rome: digestOf(Object.values(ROME_FILES)), communes: digestOf([COMMUNES_FILE]) },
    skipped: { ...rome.skipped, ...communes.skipped },
  };
}

/** The gzipped CSV files under libs/referential/data. */
@Injectable()
export class BundledReferentialFiles extends BundledReferentialSource {
  read(): Promise<BundledReferential> {
    return readBundledReferential();
  }
}

/** `Numero de version : 60` in France Travail's release note. */
export function romeVersion(releaseNote: string): string {
  const match = /num[ée]ro de version\s*:\s*(\d+)/i.exec(releaseNote);
  if (!match) throw new Error(`${ROME_FILES.version}: no "Numero de version" line`);
  return match[1];
}

type RomeDatasets = 'occupations' | 'appellations' | 'skills' | 'occupationSkills' | 'mobilities';

async function readRome(
  onDigest: (file: string, sha256: string) => void,
): Promise<{ rows: Pick<ReferentialRows, RomeDatasets>; skipped: Record<RomeDatasets, number> }> {
  const read = <Column extends string>(file: string, columns: readonly Column[]) =>
    readGzipCsv(file, columns, { onDigest });
  const [
    occupationRecords,
    domainRecords,
    appellationRecords,
    itemRecords,
    competenceRecords,
    savoirRecords,
    contextRecords,
    linkRecords,
    mobilityRecords,
  ] = await Promise.all([
    read(ROME_FILES.occupations, ['code_rome', 'libelle_rome', 'code_rome_parent']),
    read(ROME_FILES.domains, ['code_domaine_professionnel', 'libelle_domaine_professionnel']),
    read(ROME_FILES.appellations, [
      'code_ogr',
      'libelle_appellation_long',
      'libelle_appellation_court',
      'code_rome',
      'classification',
      'peu_usite',
    ]),
    read(ROME_FILES.items, ['code_ogr', 'libelle', 'code_rubrique']),
    read(ROME_FILES.competences, ['code_ogr', 'nature', 'code_ogr_macro_comp', 'sous_cat_comp']),
    read(ROME_FILES.savoirs, ['code_ogr_savoir', 'categorie_savoir', 'sous_categorie_savoir']),
    read(ROME_FILES.contexts, ['code_ogr', 'libelle_type_cont_trav']),
    read(ROME_FILES.occupationItems, ['code_rome', 'code_ogr', 'coeur_metier']),
    read(ROME_FILES.mobilities, ['code_rome', 'code_rome_cible', 'numero_ordre']),
  ]);

  const domains = new Map(domainRecords.map((r) => [r.code_domaine_professionnel, r.libelle_domaine_professionnel]));
  const occupations = uniqueBy(
    occupationRecords.map((r): OccupationRow => ({
      codeRome: r.code_rome.trim(),
      label: r.libelle_rome.trim(),
      domainCode: r.code_rome.trim().slice(0, 3),
      domainLabel: domains.get(r.code_rome.trim().slice(0, 3))?.trim() || null,
      parentCodeRome: r.code_rome_parent.trim() || null,
    })),
    (row) => row.codeRome,
  );
  const romeCodes = new Set(occupations.map((row) => row.codeRome));

  const appellationCandidates = appellationRecords.map((r): AppellationRow => ({
    codeOgr: r.code_ogr.trim(),
    label: r.libelle_appellation_long.trim(),
    shortLabel: r.libelle_appellation_court.trim() || r.libelle_appellation_long.trim(),
    codeRome: r.code_rome.trim(),
    main: r.classification.trim().toUpperCase() === 'PRINCIPALE',
    rarelyUsed: r.peu_usite.trim().toUpperCase() === 'O',
  }));
  const appellations = uniqueBy(
    appellationCandidates.filter((row) => romeCodes.has(row.codeRome)),
    (row) => row.codeOgr,
  );

  const competences = new Map(competenceRecords.map((r) => [r.code_ogr.trim(), r]));
  const savoirs = new Map(savoirRecords.map((r) => [r.code_ogr_savoir.trim(), r]));
  const contexts = new Map(contextRecords.map((r) => [r.code_ogr.trim(), r]));
  const skillCandidates = itemRecords.map((r): SkillRow | null => {
    const codeOgr = r.code_ogr.trim();
    const kind = itemKind(r.code_rubrique.trim(), contexts.has(codeOgr));
    if (!kind) return null;
    const competence = competences.get(codeOgr);
    const savoir = savoirs.get(codeOgr);
    return {
      codeOgr,
      label: r.libelle.trim(),
      kind,
      category:
        (
          competence?.sous_cat_comp ??
          savoir?.categorie_savoir ??
          contexts.get(codeOgr)?.libelle_type_cont_trav
        )?.trim() || null,
      subcategory: savoir?.sous_categorie_savoir.trim() || null,
      macroCodeOgr: competence?.code_ogr_macro_comp.trim() || null,
      isMacro: competence?.nature.trim() === 'Macro-compétence',
    };
  });
  const skills = uniqueBy(
    skillCandidates.filter((row): row is SkillRow => row !== null),
    (row) => row.codeOgr,
  );
  const skillCodes = new Set(skills.map((row) => row.codeOgr));

  const links = uniqueBy(
    linkRecords
      .map((r): OccupationSkillRow => ({
        codeRome: r.code_rome.trim(),
        codeOgr: r.code_ogr.trim(),
        core: r.coeur_metier.trim() === 'Principale',
        emerging: r.coeur_metier.trim() === 'Émergente',
      }))
      .filter((row) => romeCodes.has(row.codeRome) && skillCodes.has(row.codeOgr)),
    (row) => `${row.codeRome}|${row.codeOgr}`,
  );
  const mobilities = uniqueBy(
    mobilityRecords
      .map((r): MobilityRow => ({
        fromCodeRome: r.code_rome.trim(),
        toCodeRome: r.code_rome_cible.trim(),
        rank: Number.parseInt(r.numero_ordre, 10),
      }))
      .filter((row) => romeCodes.has(row.fromCodeRome) && romeCodes.has(row.toCodeRome) && Number.isFinite(row.rank)),
    (row) => `${row.fromCodeRome}|${row.toCodeRome}`,
  );

  return {
    rows: { occupations, appellations, skills, occupationSkills: links, mobilities },
    skipped: {
      occupations: occupationRecords.length - occupations.length,
      appellations: appellationRecords.length - appellations.length,
      skills: itemRecords.length - skills.length,
      occupationSkills: linkRecords.length - links.length,
      mobilities: mobilityRecords.length - mobilities.length,
    },
  };
}

/** Rubrique 1, 2, 3; work contexts have none but are listed in their own referential. */
function itemKind(rubrique: string, isContext: boolean): SkillKind | null {
  switch (rubrique) {
    case '1':
      return 'savoir_faire';
    case '2':
      return 'savoir_etre';
    case '3':
      return 'savoir';
    default:
      return isContext ? 'contexte_travail' : null;
  }
}

type CommuneDatasets = 'communes' | 'communePostalCodes' | 'communeAliases';

const COMMUNE_COLUMNS = [
  'insee_com',
  'insee_reg',
  'insee_dep',
  'commune',
  'commune_article',
  'code_postal',
  'commune_type',
  'insee_parente',
  'lat',
  'lng',
  'population_2021',
] as const;
type CommuneRecord = Record<(typeof COMMUNE_COLUMNS)[number], string>;

/**
 * The communes file has one line per (commune, postal code), and besides communes (`COM`) it lists
 * the municipal arrondissements of Paris, Lyon and Marseille (`ARM`) and the former communes merged
 * into a new one (`COMD`, under the new commune's INSEE code, population and coordinates). It has no
 * line for Paris, Lyon and Marseille themselves: they are derived from their arrondissements.
 */
async function readCommunes(
  onDigest: (file: string, sha256: string) => void,
): Promise<{ rows: Pick<ReferentialRows, CommuneDatasets>; skipped: Record<CommuneDatasets, number> }> {
  const records = await readGzipCsv(COMMUNES_FILE, COMMUNE_COLUMNS, { onDigest });
  const communes = new Map<string, CommuneDraft>();
  const postalCodes = new Map<string, CommunePostalCodeRow>();
  const aliases = new Map<string, CommuneAliasRow>();
  const delegated: CommuneRecord[] = [];
  let invalid = 0;

  const addPostalCode = (inseeCode: string, postalCode: string): void => {
    if (/^\d{5}$/.test(postalCode)) postalCodes.set(`${inseeCode}|${postalCode}`, { inseeCode, postalCode });
  };

  for (const record of records) {
    const type = record.commune_type.trim();
    const inseeCode = record.insee_com.trim();
    const postalCode = record.code_postal.trim();
    if (type === 'COMD') {
      delegated.push(record);
      continue;
    }
    if ((type !== 'COM' && type !== 'ARM') || !/^[0-9][0-9AB][0-9]{3}$/.test(inseeCode)) {
      invalid += 1;
      continue;
    }
    addPostalCode(inseeCode, postalCode);
    const known = communes.get(inseeCode);
    if (known) {
      if (postalCode < known.postalCode) communes.set(inseeCode, { ...known, postalCode });
      continue;
    }
    communes.set(inseeCode, {
      inseeCode,
      name: record.commune.trim(),
      nameWithArticle: record.commune_article.trim() || record.commune.trim(),
      kind: type === 'ARM' ? 'arrondissement' : 'commune',
      parentInseeCode: type === 'ARM' ? record.insee_parente.trim() || null : null,
      departement: record.insee_dep.trim(),
      region: record.insee_reg.trim(),
      postalCode,
      lat: decimal(record.lat),
      lng: decimal(record.lng),
      population: Number.parseInt(record.population_2021, 10) || 0,
    });
  }

  for (const city of citiesOfArrondissements([...communes.values()])) {
    if (communes.has(city.inseeCode)) continue;
    communes.set(city.inseeCode, city);
    for (const row of [...postalCodes.values()]) {
      if (communes.get(row.inseeCode)?.parentInseeCode === city.inseeCode)
        addPostalCode(city.inseeCode, row.postalCode);
    }
  }

  for (const record of delegated) {
    const inseeCode = record.insee_parente.trim() || record.insee_com.trim();
    if (!communes.has(inseeCode)) {
      invalid += 1;
      continue;
    }
    // A merged village keeps its own postal code, which therefore also reaches the new commune.
    addPostalCode(inseeCode, record.code_postal.trim());
    const name = record.commune.trim();
    if (name === communes.get(inseeCode)?.name) continue;
    aliases.set(`${inseeCode}|${name}`, {
      inseeCode,
      name,
      nameWithArticle: record.commune_article.trim() || name,
    });
  }

  return {
    rows: {
      communes: locateAll([...communes.values()], [...postalCodes.values()]),
      communePostalCodes: [...postalCodes.values()],
      communeAliases: [...aliases.values()],
    },
    skipped: { communes: invalid, communePostalCodes: 0, communeAliases: 0 },
  };
}

const CITY_NAMES: Readonly<Record<string, string>> = { '75056': 'Paris', '69123': 'Lyon', '13055': 'Marseille' };

/** A commune as read, before the few without coordinates are placed. */
type CommuneDraft = Omit<CommuneRow, 'lat' | 'lng'> & { readonly lat: number | null; readonly lng: number | null };

/** Paris, Lyon and Marseille: population summed, centre weighted by population, lowest postal code. */
function citiesOfArrondissements(rows: readonly CommuneDraft[]): CommuneDraft[] {
  const byCity = new Map<string, CommuneDraft[]>();
  for (const row of rows) {
    if (row.kind !== 'arrondissement' || !row.parentInseeCode) continue;
    const list = byCity.get(row.parentInseeCode) ?? [];
    list.push(row);
    byCity.set(row.parentInseeCode, list);
  }
  return [...byCity.entries()].map(([inseeCode, arrondissements]) => {
    const population = arrondissements.reduce((sum, row) => sum + row.population, 0);
    const located = arrondissements.filter((row) => row.lat !== null && row.lng !== null);
    const weight = located.reduce((sum, row) => sum + row.population, 0);
    const centre = (pick: (row: CommuneDraft) => number): number | null =>
      weight > 0 ? round5(located.reduce((sum, row) => sum + pick(row) * row.population, 0) / weight) : null;
    const name = CITY_NAMES[inseeCode] ?? arrondissements[0].name.replace(/\s+\d.*$/, '');
    return {
      inseeCode,
      name,
      nameWithArticle: name,
      kind: 'commune',
      parentInseeCode: null,
      departement: arrondissements[0].departement,
      region: arrondissements[0].region,
      postalCode: arrondissements.map((row) => row.postalCode).sort()[0],
      lat: centre((row) => row.lat ?? 0),
      lng: centre((row) => row.lng ?? 0),
      population,
    };
  });
}

/**
 * Every commune gets coordinates, so every offer can be placed on the map. The file lacks them for
 * a few communes created by recent mergers (3 in the 2024 file: Les Hauts-Talican, L'Oie,
 * Sainte-Florence); they are put at the centre of the communes sharing their postal code, which a
 * post office serves from a few kilometres away, else at the centre of their département.
 */
function locateAll(drafts: readonly CommuneDraft[], postalCodes: readonly CommunePostalCodeRow[]): CommuneRow[] {
  const located = drafts.filter((row): row is CommuneRow => row.lat !== null && row.lng !== null);
  if (located.length === drafts.length) return [...located];
  const byInsee = new Map(located.map((row) => [row.inseeCode, row]));
  const byPostalCode = new Map<string, CommuneRow[]>();
  for (const { inseeCode, postalCode } of postalCodes) {
    const row = byInsee.get(inseeCode);
    if (!row) continue;
    const list = byPostalCode.get(postalCode) ?? [];
    list.push(row);
    byPostalCode.set(postalCode, list);
  }
  const ownPostalCodes = new Map<string, string[]>();
  for (const { inseeCode, postalCode } of postalCodes) {
    ownPostalCodes.set(inseeCode, [...(ownPostalCodes.get(inseeCode) ?? []), postalCode]);
  }
  return drafts.map((row): CommuneRow => {
    if (row.lat !== null && row.lng !== null) return { ...row, lat: row.lat, lng: row.lng };
    const neighbours = (ownPostalCodes.get(row.inseeCode) ?? []).flatMap((code) => byPostalCode.get(code) ?? []);
    const around =
      neighbours.length > 0 ? neighbours : located.filter((other) => other.departement === row.departement);
    if (around.length === 0) throw new Error(`${COMMUNES_FILE}: commune ${row.inseeCode} cannot be placed`);
    return {
      ...row,
      lat: round5(around.reduce((sum, other) => sum + other.lat, 0) / around.length),
      lng: round5(around.reduce((sum, other) => sum + other.lng, 0) / around.length),
    };
  });
}

function decimal(value: string): number | null {
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : null;
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** One row per key, the last line of the file winning, so an upsert never touches a row twice. */
function uniqueBy<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return [...byKey.values()];
}
