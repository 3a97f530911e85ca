/** One occupation the generator draws offers from: real ROME 4.0 data plus hand-written text. */
export interface DemoJob {
  readonly key: string;
  readonly romeCode: string;
  readonly romeLabel: string;
  readonly appellationCode: string;
  readonly appellationLabel: string;
  readonly sector: DemoSector;
  /** `nord` or `alsace` for occupations that only exist there (endives, vineyards). */
  readonly regions: 'all' | 'nord' | 'alsace';
  /** Relative frequency among offers. */
  readonly weight: number;
  readonly titles: readonly string[];
  /** The occupation with its article, as a sentence uses it: "un agent d'entretien (H/F)". */
  readonly noun: string;
  readonly tasks: readonly string[];
  /** ROME savoir-faire linked to the occupation (code OGR and label). */
  readonly skills: readonly { readonly code: string; readonly label: string }[];
  /** ROME savoir-être codes linked to the occupation, see DEMO_QUALITIES. */
  readonly qualityCodes: readonly string[];
  /** Relative weights of contract kinds; APP is an apprenticeship (alternance). */
  readonly contracts: Readonly<Partial<Record<'CDI' | 'CDD' | 'MIS' | 'SAI' | 'APP', number>>>;
  readonly partTimeRate: number;
  readonly partTimeHours: readonly number[];
  readonly fullTimeHours: readonly number[];
  readonly schedules: readonly string[];
  /** Gross hourly wage range in euros; 11.88 is the SMIC. */
  readonly hourlyWage: { readonly min: number; readonly max: number };
  readonly licence?: {
    readonly category: 'B' | 'C' | 'D';
    /** How often offers mention the licence, and how often a mentioned licence is required. */
    readonly mentionRate: number;
    readonly requiredRate: number;
  };
  /** Relative weights of D (beginners accepted), S (experience wished), E (experience required). */
  readonly experience: Readonly<Record<'D' | 'S' | 'E', number>>;
  /** Diplomas, cards or approvals the job legally or customarily needs. */
  readonly requirements: readonly string[];
  /** France Travail qualification code (1 manœuvre … 6 employé qualifié … 9 cadre). */
  readonly qualificationCode: string;
}

/** A ROME savoir-être professionnel, with France Travail's definition. */
export interface DemoQuality {
  readonly code: string;
  readonly label: string;
  readonly description: string;
}

export type DemoSector =
  | 'proprete'
  | 'ehpad'
  | 'hopital'
  | 'logistique'
  | 'restauration'
  | 'restauration-rapide'
  | 'restauration-collective'
  | 'boulangerie'
  | 'commerce'
  | 'batiment'
  | 'second-oeuvre'
  | 'travaux-publics'
  | 'messagerie'
  | 'transport'
  | 'transport-voyageurs'
  | 'dechets'
  | 'collectivite'
  | 'espaces-verts'
  | 'agriculture'
  | 'viticulture'
  | 'arboriculture'
  | 'maraichage'
  | 'agroalimentaire'
  | 'industrie'
  | 'aide-domicile'
  | 'petite-enfance'
  | 'services-personne'
  | 'securite'
  | 'hotellerie'
  | 'accueil'
  | 'blanchisserie'
  | 'interim';
