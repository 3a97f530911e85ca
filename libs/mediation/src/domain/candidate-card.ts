/**
 * The candidate card (*visage pour l'emploi*): what an employer sees of a person — first name,
 * skills and qualities first, experiences, availability, mobility. Built only from fields listed
 * here, so welfare status, barriers, health, contact details and the last name cannot leak into it.
 */
export interface CandidateCard {
  readonly firstName: string;
  readonly headline: string;
  readonly skills: readonly string[];
  readonly qualities: readonly string[];
  readonly experiences: ReadonlyArray<{ readonly label: string; readonly months: number }>;
  readonly availability: string | null;
  readonly mobility: { readonly drivingLicence: boolean; readonly vehicle: boolean; readonly maxDistanceKm: number };
  readonly languages: readonly string[];
  /** The coach's own words, edited on the card (optional). */
  readonly note: string | null;
}

export interface CardSource {
  readonly firstName: string;
  readonly experiences: ReadonlyArray<{ readonly label: string; readonly months: number }>;
  /** Savoir-faire labels: declared first, then the core skills of past occupations. */
  readonly skills: readonly string[];
  /** Savoir-être labels. */
  readonly qualities: readonly string[];
  readonly desiredOccupation: string | null;
  readonly availabilityDate: string | null;
  readonly drivingLicence: boolean;
  readonly vehicle: boolean;
  readonly maxDistanceKm: number;
  readonly languages: ReadonlyArray<{ readonly code: string; readonly level: string }>;
}

const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'français',
  en: 'anglais',
  ar: 'arabe',
  de: 'allemand',
  es: 'espagnol',
  it: 'italien',
  pt: 'portugais',
  tr: 'turc',
  ro: 'roumain',
  pl: 'polonais',
};

export const CARD_SKILLS = 8;
export const CARD_QUALITIES = 5;

/** A duration for employers: `8 mois`, `3 ans`. */
export function years(months: number): string {
  if (months < 12) return `${months} mois`;
  const y = Math.round(months / 12);
  return `${y} an${y > 1 ? 's' : ''}`;
}

export function buildCard(source: CardSource, note: string | null = null): CandidateCard {
  const longest = [...source.experiences].sort((a, b) => b.months - a.months)[0];
  const headline = longest
    ? `${longest.label} — ${years(longest.months)} d’expérience`
    : source.desiredOccupation
      ? `Souhaite travailler comme ${source.desiredOccupation}`
      : 'Prêt·e à démarrer';
  return {
    firstName: source.firstName,
    headline,
    skills: [...new Set(source.skills)].slice(0, CARD_SKILLS),
    qualities: [...new Set(source.qualities)].slice(0, CARD_QUALITIES),
    experiences: source.experiences.map((experience) => ({ label: experience.label, months: experience.months })),
    availability: source.availabilityDate,
    mobility: { drivingLicence: source.drivingLicence, vehicle: source.vehicle, maxDistanceKm: source.maxDistanceKm },
    languages: source.languages.map(
      (language) =>
        `${LANGUAGE_NAMES[language.code] ?? language.code} (${language.level === 'native' ? 'langue maternelle' : language.level})`,
    ),
    note,
  };
}
