/**
 * The referential as plain rows: what the import writes, what the index loads back, and what tests
 * build by hand. One interface per `ref_*` table.
 */

/** ROME item families: skills (savoir-faire, savoir-être), knowledge (savoirs), work conditions. */
export const SKILL_KINDS = ['savoir_faire', 'savoir_etre', 'savoir', 'contexte_travail'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

export interface OccupationRow {
  readonly codeRome: string;
  readonly label: string;
  /** The professional domain, the code's first three characters (`K22`). */
  readonly domainCode: string;
  readonly domainLabel: string | null;
  /**
   * ROME 4's `code_rome_parent`: the occupation of ROME 3 this one came from (M1854 Administrateur
   * réseau informatique was cut out of M1801 in 2024); its own code when it was not cut out of
   * another. Offers published before France Travail moved to ROME 4 carry the parent's code.
   */
  readonly parentCodeRome?: string | null;
}

export interface AppellationRow {
  readonly codeOgr: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly codeRome: string;
  /** The appellation named like its occupation (`classification = PRINCIPALE`). */
  readonly main: boolean;
  /** France Travail flags it as rarely used (`peu_usite`). */
  readonly rarelyUsed: boolean;
}

export interface SkillRow {
  readonly codeOgr: string;
  readonly label: string;
  readonly kind: SkillKind;
  /** Skills: Technique, Technique expert, Transverse; savoirs: their category; contexts: their type. */
  readonly category: string | null;
  readonly subcategory: string | null;
  /** The macro-skill a skill belongs to. */
  readonly macroCodeOgr: string | null;
  readonly isMacro: boolean;
}

export interface OccupationSkillRow {
  readonly codeRome: string;
  readonly codeOgr: string;
  /** `coeur_metier = Principale`: the skill is at the heart of the occupation. */
  readonly core: boolean;
  /** `coeur_metier = Émergente`. */
  readonly emerging: boolean;
}

export interface MobilityRow {
  readonly fromCodeRome: string;
  readonly toCodeRome: string;
  /** France Travail's order of the targets, 1 first. */
  readonly rank: number;
}

export type CommuneKind = 'commune' | 'arrondissement';

export interface CommuneRow {
  readonly inseeCode: string;
  /** Without its article, as INSEE sorts it: `Cateau-Cambrésis`. */
  readonly name: string;
  /** The official name: `Le Cateau-Cambrésis`. */
  readonly nameWithArticle: string;
  /** Paris, Lyon and Marseille are communes split into municipal arrondissements. */
  readonly kind: CommuneKind;
  readonly parentInseeCode: string | null;
  readonly departement: string;
  readonly region: string;
  /** The lowest of its postal codes; all of them are in the postal code rows. */
  readonly postalCode: string;
  /** The commune centre; estimated for the few the source leaves without one (see the import). */
  readonly lat: number;
  readonly lng: number;
  readonly population: number;
}

export interface CommunePostalCodeRow {
  readonly inseeCode: string;
  readonly postalCode: string;
}

/** Another name a commune is known by: a former commune merged into it (commune déléguée). */
export interface CommuneAliasRow {
  readonly inseeCode: string;
  readonly name: string;
  readonly nameWithArticle: string;
}

export interface ReferentialRows {
  readonly occupations: readonly OccupationRow[];
  readonly appellations: readonly AppellationRow[];
  readonly skills: readonly SkillRow[];
  readonly occupationSkills: readonly OccupationSkillRow[];
  readonly mobilities: readonly MobilityRow[];
  readonly communes: readonly CommuneRow[];
  readonly communePostalCodes: readonly CommunePostalCodeRow[];
  readonly communeAliases: readonly CommuneAliasRow[];
}

export type DatasetName = keyof ReferentialRows;

/** In the order they are written: parents before the rows that reference them. */
export const DATASETS: readonly DatasetName[] = [
  'occupations',
  'appellations',
  'skills',
  'occupationSkills',
  'mobilities',
  'communes',
  'communePostalCodes',
  'communeAliases',
];
