import type { DemoQuality, DemoSector } from './demo-job.js';

/** The imitated platforms. */
export type DemoPlatform = 'nordemploi' | 'job-connexion' | 'france-travail';
export const DEMO_PLATFORMS: readonly DemoPlatform[] = ['nordemploi', 'job-connexion', 'france-travail'];

/** Where offers are located: Nord + Pas-de-Calais, Bas-Rhin + Haut-Rhin, or all four départements. */
export type DemoRegion = 'nord' | 'alsace' | 'mixed';

export interface DemoCommune {
  readonly inseeCode: string;
  readonly name: string;
  readonly postalCode: string;
  readonly departement: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly population: number;
}

export interface DemoOfferRef {
  readonly platform: DemoPlatform;
  readonly id: string;
}

export interface DemoEmployer {
  readonly name: string;
  /** 14 digits, Luhn-valid; absent when the offer does not show it. */
  readonly siret?: string;
  readonly sector: DemoSector;
  readonly nafCode: string;
  readonly nafLabel: string;
  /** France Travail's "tranche d'effectif" wording: "10 à 19 salariés". */
  readonly sizeLabel: string;
  readonly description: string;
}

export interface DemoSkill {
  /** ROME code OGR. */
  readonly code: string;
  readonly label: string;
  /** Required (France Travail "E") rather than wished ("S"). */
  readonly required: boolean;
}

export type DemoContractType = 'CDI' | 'CDD' | 'MIS' | 'SAI';

export interface DemoContract {
  /** France Travail codes: MIS is an intérim mission, SAI a seasonal contract. */
  readonly type: DemoContractType;
  /** Alternance: an apprenticeship contract (France Travail nature "Contrat apprentissage"). */
  readonly apprenticeship: boolean;
  readonly durationMonths?: number;
  /** As the offer's platform words it ("CDD", "CDD de 6 mois", "Contrat à durée déterminée - 6 Mois"). */
  readonly label: string;
}

export interface DemoWorkingTime {
  readonly fullTime: boolean;
  readonly weeklyHours: number;
  readonly schedule: string;
  /** As the offer's platform words it. */
  readonly label: string;
}

export interface DemoSalary {
  /** `none`: no amount, only a wording such as "Selon profil". */
  readonly period: 'hour' | 'month' | 'year' | 'none';
  /** Gross euros for the period. */
  readonly min?: number;
  readonly max?: number;
  readonly monthsPerYear?: number;
  /** As the offer's platform words it: "1 801,80 € brut mensuel", "Horaire de 11.88 Euros sur 12 mois". */
  readonly text: string;
}

export interface DemoLicence {
  readonly category: 'B' | 'C' | 'D';
  readonly required: boolean;
  /** As the offer's platform words it. */
  readonly label: string;
}

export interface DemoExperience {
  /** France Travail codes: D beginners accepted, S experience wished, E experience required. */
  readonly requirement: 'D' | 'S' | 'E';
  readonly months: number;
  /** As the offer's platform words it ("Débutant accepté", "2 An(s)"). */
  readonly label: string;
}

/**
 * One job offer as one platform publishes it. Labels (contract, salary, experience...) are worded
 * the way that platform words them; the structured values beside them are the truth tests compare
 * against.
 */
export interface DemoOffer {
  /** The id on `platform`: what appears in its URLs and API. */
  readonly id: string;
  readonly platform: DemoPlatform;
  readonly title: string;
  /** Plain text: paragraphs separated by a blank line, list items on lines starting with "- ". */
  readonly description: string;
  readonly romeCode: string;
  readonly romeLabel: string;
  readonly appellationCode: string;
  readonly appellationLabel: string;
  readonly skills: readonly DemoSkill[];
  readonly qualities: readonly DemoQuality[];
  readonly requirements: readonly string[];
  readonly employer: DemoEmployer;
  readonly commune: DemoCommune;
  readonly contract: DemoContract;
  readonly workingTime: DemoWorkingTime;
  readonly salary?: DemoSalary;
  readonly drivingLicence?: DemoLicence;
  readonly experience: DemoExperience;
  readonly positions: number;
  readonly qualificationCode: string;
  /** ISO 8601 instants (UTC). */
  readonly publishedAt: string;
  readonly updatedAt: string;
  readonly expiresAt?: string;
  /** The same job posted on other platforms, under their own ids (see README, "Cross-platform duplicates"). */
  readonly alsoOn: readonly DemoOfferRef[];
  /** Set on the copy: the offer it was copied from. */
  readonly duplicateOf?: DemoOfferRef;
}
